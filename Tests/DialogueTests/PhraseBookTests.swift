import FrontDeskContent
import FrontDeskModel
import Testing

@Suite("Phrase book")
struct PhraseBookTests {
    /// A book made from one in-memory file, with the diagnostics its loading produced.
    static func book(_ json: String, file: String = "intents/phrases/test.json") -> (PhraseBook, [Diagnostic]) {
        var book = PhraseBook(forbidden: Fixture.forbidden)
        var diagnostics: [Diagnostic] = []
        book.add(file: file, bytes: Array(json.utf8), diagnostics: &diagnostics)
        return (book, diagnostics)
    }

    static func one(_ key: String, _ hans: String, _ en: String) -> String {
        #"{"version":1,"phrases":{"\#(key)":{"zh-Hans":"\#(hans)","en":"\#(en)"}}}"#
    }

    @Test("the shipped phrases load and lint clean")
    func shippedPhrasesAreClean() {
        var diagnostics: [Diagnostic] = []
        let book = PhraseBook.load(directory: Fixture.root + "/intents/phrases", diagnostics: &diagnostics)
        #expect(diagnostics == [])
        #expect(book.lint() == [])
        #expect(book.keys.count > 100)
    }

    @Test("zh-Hant is derived from zh-Hans unless overridden")
    func traditionalDerivation() {
        let (book, diagnostics) = Self.book(
            #"{"version":1,"phrases":{"a":{"zh-Hans":"请提供联系电话","en":"Phone, please"},"#
                + #""b":{"zh-Hans":"电梯","zh-Hant":"升降機","en":"lift"}}}"#)
        #expect(diagnostics == [])
        #expect(book.render("a", .zhHant) == "請提供聯繫電話")
        #expect(book.render("b", .zhHant) == "升降機")
        #expect(book.render("b", .zhHans) == "电梯")
    }

    @Test("placeholders are substituted, missing values stay visible")
    func rendering() {
        let (book, _) = Self.book(Self.one("x", "房号{unit}，电话{phone}", "flat {unit}, phone {phone}"))
        #expect(book.render("x", .zhHans, ["unit": "3-2-501", "phone": "138"]) == "房号3-2-501，电话138")
        #expect(book.render("x", .en, ["unit": "3-2-501"]) == "flat 3-2-501, phone {phone}")
        #expect(book.render("missing.key", .en) == "missing.key")
        #expect(PhraseBook.fill("致电{office_phone}{", ["office_phone": "0571"]) == "致电0571{")
    }

    @Test(
        "lint reports each problem with its exact text",
        arguments: [
            (
                one("k", "这个不行", "ok"),
                #"intents/phrases/test.json: phrases.k.zh-Hans: contains the forbidden word "不行""#
            ),
            (
                one("k", "我不知道", "ok"),
                #"intents/phrases/test.json: phrases.k.zh-Hans: contains the forbidden word "不知道""#
            ),
            (
                one("k", "不可以", "ok"),
                #"intents/phrases/test.json: phrases.k.zh-Hans: contains the forbidden word "不可以""#
            ),
            (
                one("k", "好的", "I don't know"),
                #"intents/phrases/test.json: phrases.k.en: contains the forbidden word "i don't know""#
            ),
            (
                one("k", "好的", "We can't"),
                #"intents/phrases/test.json: phrases.k.en: contains the forbidden word "can't""#
            ),
            (
                one("k", "好的", "We cannot"),
                #"intents/phrases/test.json: phrases.k.en: contains the forbidden word "cannot""#
            ),
            (
                one("k", "好的", "No, sorry"),
                #"intents/phrases/test.json: phrases.k.en: contains the forbidden word "no""#
            ),
            (
                one("k", "房号{flat}", "flat {flat}"),
                "intents/phrases/test.json: phrases.k.zh-Hans: unknown placeholder {flat}"
            ),
            (
                one("k", "房号{unit}", "flat"),
                "intents/phrases/test.json: phrases.k.en: placeholders differ from zh-Hans: [] vs [{unit}]"
            ),
        ])
    func lintFindings(json: String, expected: String) {
        let (book, _) = Self.book(json)
        let found = book.lint().map(\.description)
        #expect(found.contains(expected), "\(found)")
    }

    @Test("words containing no are fine: know, note, not, cannon")
    func wordBoundaries() {
        for text in ["We know", "Please note", "not yet", "Nobody", "cannon", "one", "NO.", "no"] {
            let expectForbidden = text == "NO." || text == "no"
            #expect((Fixture.forbidden.first(in: text) != nil) == expectForbidden, "\(text)")
        }
        #expect(Fixture.forbidden.first(in: "這個不行") == "不行")
    }

    @Test("a missing language is reported at load and by lint")
    func missingLanguage() {
        let (book, diagnostics) = Self.book(
            #"{"version":1,"phrases":{"repair.ask_unit":{"zh-Hans":"请问房号？"}}}"#, file: "intents/phrases/repair.json")
        let expected = "intents/phrases/repair.json: phrases.repair.ask_unit.en: missing"
        #expect(diagnostics.map(\.description) == [expected])
        #expect(book.lint().map(\.description) == [expected])
    }

    @Test(
        "loading mistakes are located",
        arguments: [
            (
                #"{"version":1,"phrases":{"k":{"zh-Hans":"a","en":"b","fr":"c"}}}"#,
                "intents/phrases/test.json: phrases.k.fr: unknown language (expected zh-Hans, zh-Hant, en)"
            ),
            (
                #"{"version":1,"phrases":{},"extra":1}"#,
                "intents/phrases/test.json: extra: unknown key (expected version, phrases, forbidden)"
            ),
            (#"{"phrases":{}}"#, "intents/phrases/test.json: version: missing"),
            (
                #"{"version":2,"phrases":{}}"#,
                "intents/phrases/test.json: version: unsupported version 2 (this build reads 1)"
            ),
            (
                #"{"version":1,"phrases":{"k":{"zh-Hans":1,"en":"b"}}}"#,
                "intents/phrases/test.json: phrases.k.zh-Hans: expected a string, got a number"
            ),
            (
                #"{"version":1,"phrases":{"k":"x"}}"#,
                "intents/phrases/test.json: phrases.k: expected an object, got a string"
            ),
        ])
    func loadingMistakes(json: String, expected: String) {
        let (_, diagnostics) = Self.book(json)
        #expect(diagnostics.map(\.description).contains(expected), "\(diagnostics)")
    }

    @Test("a key defined in two files is an error")
    func duplicateKeys() {
        var book = PhraseBook()
        var diagnostics: [Diagnostic] = []
        book.add(file: "a.json", bytes: Array(Self.one("k", "好", "ok").utf8), diagnostics: &diagnostics)
        book.add(file: "b.json", bytes: Array(Self.one("k", "好", "ok").utf8), diagnostics: &diagnostics)
        #expect(diagnostics.map(\.description) == ["b.json: phrases.k: duplicate key (also in a.json)"])
    }

    @Test("a syntax error carries its line and column")
    func syntaxError() {
        let (_, diagnostics) = Self.book("{\"version\":1,\n\"phrases\":{,}}")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.path.hasPrefix("line 2, column") == true)
    }
}
