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

    @Test func englishWords() {
        let text = "OK B3 REP-1 hello my name is 丁雨桐"
        #expect(Normalizer.englishWordCount(in: text) == 7)
        #expect(Normalizer.englishWordCount(in: text, minimumLetters: 2, lowercase: true) == 4)
        #expect(Normalizer.englishWordCount(in: text, minimumLetters: 3, lowercase: true) == 2)
    }
}
