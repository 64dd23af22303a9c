import Foundation
import FrontDeskContent
import FrontDeskModel
import Testing

/// The stored names of the return-visit levels are content (`intents/journal.json`), and a contract: the journal and
/// `records list --json` keep SPEC 5's five words, so the file must name exactly those.
@Suite struct SatisfactionNamesTests {
    @Test func theFileNamesSpecFivesWordsInScaleOrder() throws {
        let names = try Catalog.loadSatisfactionNames(directory: Support.intents)
        #expect(names.all == ["非常满意", "满意", "一般", "不满意", "非常不满意"])
        #expect(Support.catalog.satisfactionNames == names)
        // The enum's raw values are the keys of the file.
        #expect(Satisfaction.allCases.allSatisfy { $0.rawValue == $0.key && Satisfaction(key: $0.key) == $0 })
    }

    @Test(arguments: [("非常满意", 5), ("满意", 4), ("一般", 3), ("不满意", 2), ("非常不满意", 1), ("5", 5), ("1", 1)])
    func aClerkTypesTheStoredNameOrTheScore(text: String, score: Int) throws {
        let names = try Catalog.loadSatisfactionNames(directory: Support.intents)
        #expect(names.level(typed: text)?.score == score)
    }

    @Test(arguments: ["6", "0", "great", "very_satisfied", " 满意"])
    func anythingElseIsNoLevel(text: String) throws {
        let names = try Catalog.loadSatisfactionNames(directory: Support.intents)
        #expect(names.level(typed: text) == nil)
    }

    @Test func keysAreTheLevelsAndTheirOrder() {
        #expect(
            Satisfaction.allCases.map(\.key) == [
                "very_satisfied", "satisfied", "neutral", "dissatisfied", "very_dissatisfied",
            ])
        #expect(
            Satisfaction.allCases.allSatisfy { Satisfaction(key: $0.key) == $0 && Satisfaction(score: $0.score) == $0 })
    }

    /// The diagnostics of `journal.json` replaced by `text`.
    func diagnostics(_ text: String) throws -> [String] {
        let directory = try Support.copyOfIntents()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try text.write(toFile: directory + "/journal.json", atomically: true, encoding: .utf8)
        do {
            _ = try Catalog.loadSatisfactionNames(directory: directory)
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: directory + "/", with: "") }
        }
    }

    @Test func everyMistakeHasItsPlace() throws {
        let lines = try diagnostics(
            #"{"version": 1, "satisfaction": {"very_satisfied": "A", "satisfied": "A", "neutral": " B", "dissatisfied": 2, "very_dissatisfed": "E"}}"#
        )
        #expect(
            lines == [
                "journal.json: satisfaction.very_dissatisfed: unknown key 'very_dissatisfed' (did you mean 'very_dissatisfied'?)",
                "journal.json: satisfaction.satisfied: 'A' is already the stored name of very_satisfied",
                "journal.json: satisfaction.neutral: expected the stored name, without spaces around it",
                "journal.json: satisfaction.dissatisfied: expected a string, got a number",
                "journal.json: satisfaction.very_dissatisfied: missing required key",
            ], "\(lines)")
    }
}
