import Foundation
import FrontDeskContent
import FrontDeskMatching
import FrontDeskModel
import Testing

/// Regional words (`intents/regional.json`, `intents/regional-opencc.tsv`): a keyword that contains a mainland word
/// matches with the regional word in its place, by the rules alone.
@Suite struct RegionalWordsTests {
    @Test(arguments: [
        ("瓦斯味好重，我已经开窗了", "emergency"),
        ("管理費點交？", "fee_query"),
        ("部冷氣壞咗，唔凍", "repair"),
        ("𨋢壞咗成日", "repair"),
        ("樓上好嘈，日日都係咁", "complaint"),
    ])
    func regionalWordsAreUnderstoodByTheRulesAlone(_ text: String, _ intent: String) {
        let result = LearnedLayerTests.classify(LearnedLayerTests.rulesOnly, text)
        #expect(result.intent == intent, "\(text) → \(result.intent)")
    }

    @Test func aRegionalWordAddedToTheTableNeedsNoRebuild() throws {
        let message = "请问我家的管数怎么交"
        func matcher(_ regional: String?) throws -> Matcher {
            try LearnedLayerTests.matcher { copy in
                try LearnedLayerTests.write("{\"version\": 1, \"enabled\": false}\n", to: copy + "/learning.json")
                if let regional { try LearnedLayerTests.write(regional, to: copy + "/regional.json") }
            }
        }
        let without = try matcher(nil)
        let with = try matcher("{\"version\": 1, \"words\": {\"物业费\": [\"管数\"]}}\n")
        let score = { (m: Matcher) in
            LearnedLayerTests.classify(m, message).scores.first { $0.intent == "fee_query" }?.score ?? 0
        }
        #expect(score(with) > score(without))
        #expect(LearnedLayerTests.classify(with, message).intent == "fee_query")
    }

    @Test func theTableIsChecked() throws {
        let copy = try Support.copyOfIntents()
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try LearnedLayerTests.write(
            "{\"version\": 1, \"words\": {\"电梯\": [\"电梯\", 3]}, \"wrods\": {}}\n", to: copy + "/regional.json")
        try LearnedLayerTests.write("电梯\n", to: copy + "/regional-opencc.tsv")
        do {
            _ = try Catalog.load(directory: copy)
            Issue.record("a broken regional table loaded")
        } catch {
            let lines = error.diagnostics.map(\.description)
            #expect(
                lines.contains {
                    $0.hasSuffix("regional.json: words.电梯[0]: a regional word must differ from the mainland word")
                }, "\(lines)")
            #expect(
                lines.contains { $0.hasSuffix("regional.json: words.电梯[1]: expected a string, got a number") },
                "\(lines)")
            #expect(lines.contains { $0.contains("regional.json: wrods: unknown key 'wrods'") }, "\(lines)")
            #expect(
                lines.contains { $0.hasSuffix("regional-opencc.tsv: line 1: expected mainland<TAB>regional") },
                "\(lines)")
        }
    }
}
