import FrontDeskMatching
import FrontDeskModel
import Testing

/// The bare-number readers beside the entity extractor, and the one English-word counter.
@Suite struct BareNumberTests {
    /// Plain text takes the scalar path of `runsOutsidePhones`; an emoji at the end (a character that is no digit and
    /// no separator, as the end of the text is) sends the same text down the Character path: both must agree.
    @Test(arguments: [
        "5座1101", "136 6627 4803 5栋", "0571-8888-6666，8栋1801", "block 5 flat 1101", "５座１１０１",
        "3 - 2 - 501", "电话138-1234-5678 7号楼1201", "12  34 5678", "a-1-b 22", "",
    ])
    func bothPathsAgree(text: String) {
        #expect(EntityExtractor.runsOutsidePhones(text) == EntityExtractor.runsOutsidePhones(text + "😀"))
    }

    @Test func groupedPhonesAreLeftOut() {
        #expect(EntityExtractor.runsOutsidePhones("电话136 6627 4803，5栋1101") == ["5", "1101"])
        #expect(EntityExtractor.runsOutsidePhones("５座１１０１") == ["5", "1101"])
        #expect(EntityExtractor.phoneTail("尾号5678") == "5678")
        #expect(EntityExtractor.phoneTail("13812345678") == "5678")
        #expect(EntityExtractor.firstInteger("大概30天") == 30)
    }

    /// A tail read out one digit at a time, with spaces or in Chinese digit words; a number of two digits or more is no
    /// part of such a reading, so "15 35" and a room beside a digit give no tail.
    @Test(arguments: [
        ("1 5 3 5", "1535"), ("尾號 7 5 7 0", "7570"), ("五六七八", "5678"), ("尾号幺幺二二", "1122"),
        ("sorry, 1 1 2 2", "1122"), ("9-0-4-2", "9042"), ("15 35", nil), ("501 7", nil), ("一二三", nil),
        ("1  2  3  4", nil),
    ] as [(String, String?)])
    func spelledTails(text: String, tail: String?) {
        #expect(EntityExtractor.phoneTail(text) == tail, "\(text)")
    }

    @Test func englishWords() {
        let text = "OK B3 REP-1 hello my name is 丁雨桐"
        #expect(Normalizer.englishWordCount(in: text) == 7)
        #expect(Normalizer.englishWordCount(in: text, minimumLetters: 2, lowercase: true) == 4)
        #expect(Normalizer.englishWordCount(in: text, minimumLetters: 3, lowercase: true) == 2)
    }
}
