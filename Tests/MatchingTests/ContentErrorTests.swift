import Foundation
import FrontDeskContent
import FrontDeskModel
import Testing

@Suite struct ContentErrorTests {
    /// Writes `text` over `file` in a fresh copy of intents/ and returns the load diagnostics as text.
    func diagnostics(_ file: String, _ text: String) throws -> (directory: String, lines: [String]) {
        let directory = try Support.copyOfIntents()
        try text.write(toFile: directory + "/" + file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            _ = try Catalog.load(directory: directory)
            return (directory, [])
        } catch {
            return (directory, error.diagnostics.map(\.description))
        }
    }

    static let cases: [(file: String, text: String, expected: [String])] = [
        (
            "repair.json", "{\n  \"version\": 1,\n  \"intent\": \"repair\"\n  \"slots\": []\n}",
            ["repair.json: line 4, column 3: expected ',' or '}'"]
        ),
        (
            "repair.json", #"{"version":1,"intent":"repair","keywords":[{"weight":"high","words":["报修"]}]}"#,
            ["repair.json: keywords[0].weight: expected a number, got a string"]
        ),
        (
            "repair.json", #"{"version":1,"intent":"repair","keywrods":[]}"#,
            ["repair.json: keywrods: unknown key 'keywrods' (did you mean 'keywords'?)"]
        ),
        (
            "repair.json", #"{"version":2,"intent":"repair"}"#,
            ["repair.json: version: version 2 is newer than this program supports (1); upgrade FrontDesk"]
        ),
        (
            "repair.json", #"{"version":1,"intent":"repair","keywords":[{"weight":1,"words":["@watr_pipe"]}]}"#,
            ["repair.json: keywords[0].words[0]: unknown concept '@watr_pipe'"]
        ),
        (
            "faq.json", #"{"version":1,"topics":[{"id":"hours","keywords":[],"answer":{"zh-Hant":"x"}}]}"#,
            [
                "faq.json: topics[0].answer.zh-Hans: missing required key",
                "faq.json: topics[0].answer.en: missing required key",
            ]
        ),
        (
            "thanks.json", #"{"version":1,"intent":"thanks","slots":["unit",3],"priority":"high","small_talk":1}"#,
            [
                "thanks.json: priority: expected a number, got a string",
                "thanks.json: small_talk: expected a Boolean, got a number",
                "thanks.json: slots[1]: expected a string, got a number",
            ]
        ),
    ]

    @Test(arguments: 0..<cases.count)
    func eachMistakeIsLocated(index: Int) throws {
        let item = Self.cases[index]
        let (directory, lines) = try diagnostics(item.file, item.text)
        let expected = item.expected.map { directory + "/" + $0 }
        #expect(lines.sorted() == expected.sorted())
    }

    @Test func everyMistakeIsReportedNotJustTheFirst() throws {
        let directory = try Support.copyOfIntents()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try #"{"version":1,"intent":"thanks","colour":1}"#.write(
            toFile: directory + "/thanks.json", atomically: true, encoding: .utf8)
        try "{".write(toFile: directory + "/goodbye.json", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: directory + "/cancel.json")
        #expect(throws: ContentError.self) { try Catalog.load(directory: directory) }
        do {
            _ = try Catalog.load(directory: directory)
        } catch {
            let text = error.diagnostics.map(\.description)
            #expect(text.contains("\(directory)/thanks.json: colour: unknown key 'colour'"))
            #expect(
                text.contains("\(directory)/goodbye.json: line 1, column 2: unexpected end of input, expected a key"))
            #expect(text.contains("\(directory)/cancel.json: file not found"))
        }
    }

    @Test func theRealContentLoadsAndLintsClean() {
        let catalog = Support.catalog
        #expect(catalog.intents.map(\.name).count == 13)
        #expect(catalog.lint().map(\.description) == [])
        #expect(catalog.categories(of: "repair").contains("plumbing"))
        #expect(catalog.categoryAttributes(intent: "repair", category: "plumbing")["team"] == "水电维修班")
        #expect(catalog.categoryAttributes(intent: "complaint", category: "noise")["department"] != nil)
        #expect(catalog.slots(of: "repair") == ["unit", "description", "phone", "time"])
    }

    @Test func faqAnswersExistInEveryLanguageWithDerivedTraditional() throws {
        let catalog = Support.catalog
        let simplified = try #require(catalog.faqAnswer("access_card", .zhHans))
        let traditional = try #require(catalog.faqAnswer("access_card", .zhHant))
        #expect(simplified.contains("门禁卡"))
        #expect(traditional.contains("門禁卡"))
        #expect(catalog.faqAnswer("access_card", .en)?.contains("access card") == true)
        #expect(catalog.faqAnswer("no_such_topic", .en) == nil)
    }

    @Test func lintFindsForbiddenWordsAndDuplicateKeywords() throws {
        let directory = try Support.copyOfIntents()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let faq =
            #"{"version":1,"topics":[{"id":"x","keywords":[],"answer":{"zh-Hans":"这个不知道","en":"We can't {oops}"}}]}"#
        try faq.write(toFile: directory + "/faq.json", atomically: true, encoding: .utf8)
        let thanks = #"{"version":1,"intent":"thanks","keywords":[{"weight":1,"words":["报修"]}]}"#
        try thanks.write(toFile: directory + "/thanks.json", atomically: true, encoding: .utf8)
        let lint = try Catalog.load(directory: directory).lint().map(\.description)
        #expect(lint.contains("\(directory)/faq.json: topics[0].answer.zh-Hans: contains the forbidden word '不知道'"))
        #expect(lint.contains("\(directory)/faq.json: topics[0].answer.en: contains the forbidden word 'can't'"))
        #expect(lint.contains("\(directory)/faq.json: topics[0].answer.en: unknown placeholder {oops}"))
        #expect(lint.contains("\(directory)/thanks.json: keywords: the keyword '报修' is also a keyword of 'repair'"))
    }
}
