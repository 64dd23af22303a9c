import Foundation
import FrontDeskContent
import FrontDeskModel
import Testing

/// The forbidden words (SPEC 4.1) are content: the `forbidden` section of `intents/phrases/etiquette.json`,
/// checked when it loads, and the one list lint and every reply check apply.
@Suite struct ForbiddenWordsTests {
    static func book(_ json: String, file: String = "intents/phrases/etiquette.json") -> (PhraseBook, [String]) {
        var book = PhraseBook()
        var diagnostics: [Diagnostic] = []
        book.add(file: file, bytes: Array(json.utf8), diagnostics: &diagnostics)
        return (book, diagnostics.map(\.description))
    }

    static func file(_ forbidden: String, phrase: String = "好的") -> String {
        #"{"version":1,"forbidden":\#(forbidden),"phrases":{"k":{"zh-Hans":"\#(phrase)","en":"ok"}}}"#
    }

    @Test func theShippedListsAreTheServiceStandards() {
        let forbidden = Fixture.catalog.phrases.forbidden
        #expect(forbidden.chinese == ["不行", "不知道", "不可以"])
        #expect(forbidden.english.contains("cannot") && forbidden.english.contains("i do not know"))
        #expect(forbidden.englishWords == ["no"])
    }

    @Test func aWordAddedToTheFileIsForbiddenByLint() {
        let section = #"{"chinese":["不行","没办法"],"english":["cannot"],"english_words":["no"]}"#
        let (book, diagnostics) = Self.book(Self.file(section, phrase: "这个没办法"))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(book.forbidden.first(in: "这个没办法") == "没办法")
        #expect(
            book.lint().map(\.description) == [
                "intents/phrases/etiquette.json: phrases.k.zh-Hans: contains the forbidden word \"没办法\""
            ])
    }

    @Test(arguments: [
        (
            #"{"chinese":["不行"],"english":["Cannot"],"english_words":["no"]}"#,
            "intents/phrases/etiquette.json: forbidden.english[0]: expected lower case (matched case-insensitively)"
        ),
        (
            #"{"chinese":["不行"],"english":["cannot"],"english_words":["no way"]}"#,
            "intents/phrases/etiquette.json: forbidden.english_words[0]: expected letters a–z only, got 'no way'"
        ),
        (
            #"{"english":["cannot"],"english_words":["no"]}"#,
            "intents/phrases/etiquette.json: forbidden.chinese: missing required key"
        ),
        (
            #"{"chinese":[],"english":["cannot"],"english_words":["no"]}"#,
            "intents/phrases/etiquette.json: forbidden.chinese: expected at least one word"
        ),
        (
            #"{"chinese":["不行", ""],"english":["cannot"],"english_words":["no"]}"#,
            "intents/phrases/etiquette.json: forbidden.chinese[1]: empty string"
        ),
        (
            #"{"chinese":["不行"],"english":["cannot"],"english_words":["no"],"words":[]}"#,
            "intents/phrases/etiquette.json: forbidden.words: unknown key 'words'"
        ),
    ])
    func aBadSectionIsLocated(section: String, expected: String) {
        let (_, diagnostics) = Self.book(Self.file(section))
        #expect(diagnostics.contains { $0.hasPrefix(expected) }, "\(diagnostics)")
    }

    @Test func twoSectionsAreOneTooMany() {
        var book = PhraseBook()
        var diagnostics: [Diagnostic] = []
        let section = #"{"chinese":["不行"],"english":["cannot"],"english_words":["no"]}"#
        book.add(file: "a.json", bytes: Array(Self.file(section).utf8), diagnostics: &diagnostics)
        let other = #"{"version":1,"forbidden":\#(section),"phrases":{}}"#
        book.add(file: "b.json", bytes: Array(other.utf8), diagnostics: &diagnostics)
        #expect(diagnostics.map(\.description) == ["b.json: forbidden: defined twice (also in a.json)"])
    }

    @Test func aPhraseFolderWithoutTheListsIsAMistake() throws {
        let directory = NSTemporaryDirectory() + "fd-phrases-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try #"{"version":1,"phrases":{"k":{"zh-Hans":"好","en":"ok"}}}"#.write(
            toFile: directory + "/a.json", atomically: true, encoding: .utf8)
        var diagnostics: [Diagnostic] = []
        _ = PhraseBook.load(directory: directory, diagnostics: &diagnostics)
        #expect(diagnostics.map(\.path) == ["forbidden"])
    }
}
