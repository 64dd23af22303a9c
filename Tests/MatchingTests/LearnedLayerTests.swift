import Foundation
import FrontDeskContent
import FrontDeskMatching
import FrontDeskModel
import Testing

/// The learned layer (`intents/examples/`, `intents/learning.json`) and how it is blended with the rules; concepts
/// that compose; cross-validated accuracy.
@Suite struct LearnedLayerTests {
    /// A matcher over a copy of `intents/` changed by `edit` (file name → new contents).
    static func matcher(editing edit: (String) throws -> Void) throws -> Matcher {
        let copy = try Support.copyOfIntents()
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try edit(copy)
        return Matcher(catalog: try Catalog.load(directory: copy))
    }

    static func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func classify(_ matcher: Matcher, _ text: String) -> Classification {
        matcher.classify(text, now: Support.now, utcOffset: 28_800)
    }

    /// The examples alone, without any rule (a copy whose learning.json is switched off, or the real one).
    static let rulesOnly: Matcher = {
        var learning = Support.catalog.learning
        learning.enabled = false
        let c = Support.catalog
        return Matcher(
            intents: c.intents, faq: c.faq, acts: c.acts, settings: c.settings, han: c.han, examples: c.examples,
            learning: learning)
    }()

    @Test func theRealExamplesAreLoadedAndLearned() {
        #expect(Support.catalog.examples.count >= 4_000)
        let size = Support.matcher.learnedSize
        #expect(size.examples == Support.catalog.examples.count)
        #expect(size.features > 10_000)
        for intent in ["repair", "complaint", "fee_query", "emergency", "fallback", "cancel"] {
            let languages = Set(Support.catalog.examples.filter { $0.intent == intent }.compactMap(\.lang))
            #expect(languages.isSuperset(of: ["zh-Hans", "zh-Hant", "en"]), "\(intent): \(languages)")
        }
    }

    @Test func aMessageNoKeywordCoversIsDecidedByLearnedWeights() throws {
        // "zorblat" is in no keyword list: only examples can teach it.
        let message = "how much is the zorblat for my flat this month"
        let examples = [
            "what is the zorblat this month", "zorblat for unit 3-2-501 please", "did I pay the zorblat",
            "the zorblat is how much", "zorblat amount please", "how do I pay the zorblat",
        ].map { "{\"text\": \"\($0)\", \"intent\": \"fee_query\", \"lang\": \"en\"}" }.joined(separator: "\n")
        let taught = try Self.matcher { copy in
            try Self.write(examples + "\n", to: copy + "/examples/zz-zorblat.jsonl")
        }
        let untaught = try Self.matcher { _ in }
        let result = Self.classify(taught, message)
        #expect(result.intent == "fee_query")
        let learned = try #require(result.learned)
        #expect(learned.decided)
        #expect(learned.features.contains { $0.keyword == "zorblat" && $0.target == "learned:fee_query" })
        // Without the examples the same message is not a fee query: the difference is the learned layer's.
        #expect(Self.classify(untaught, message).learned?.features.contains { $0.keyword == "zorblat" } != true)
    }

    @Test func aHazardRuleThatFiredIsNotOverriddenByExamples() throws {
        // Thirty examples that (wrongly) call a gas smell a repair cannot turn a gas leak into a repair.
        let wrong = (1...30).map {
            "{\"text\": \"煤气味很重 第\($0)次\", \"intent\": \"repair\", \"lang\": \"zh-Hans\"}"
        }.joined(separator: "\n")
        let matcher = try Self.matcher { copy in
            try Self.write(wrong + "\n", to: copy + "/examples/zz-wrong.jsonl")
        }
        let result = Self.classify(matcher, "厨房里煤气味很重，我们已经出来了")
        #expect(result.intent == "emergency")
        #expect(result.learned?.decided == false)
    }

    @Test func aNegatedIntentIsNeverPickedByTheLearnedLayer() {
        for text in ["不是投诉，是想报修门锁，锁芯坏了", "not a complaint, just want the door lock fixed"] {
            let result = Support.classify(text)
            #expect(result.intent == "repair", "\(text): \(result.intent)")
        }
    }

    @Test func anEmergencyNeedsAHazardRuleEvenWhenTheExamplesSayEmergency() throws {
        // Examples alone would call "help, come quickly, block 5" an emergency; no hazard was named.
        let result = Support.classify("快点来人啊 马上 5栋")
        #expect(result.intent != "emergency")
        let learned = try #require(result.learned)
        #expect(learned.decided)
    }

    @Test func numbersAloneAreLeftToTheRules() {
        // A phone or a flat number typed as a slot answer must not become a progress query.
        for text in ["13812345678", "3-2-501", "0571 8888 6666", "5678"] {
            #expect(Support.classify(text).intent == "fallback", "\(text)")
        }
    }

    @Test func aNewObjectInAnInventoryComposesWithEverySymptom() throws {
        // "咕噜罐" is a made-up fixture: added once to @water_fixture, every symptom of @fault / @water_fault
        // makes it a plumbing repair, with no new rule and no example.
        let messages = ["咕噜罐漏水了", "咕噜罐堵了", "咕噜罐坏了好几天"]
        let before = try Self.matcher { copy in
            try Self.write("{\"version\": 1, \"enabled\": false}\n", to: copy + "/learning.json")
        }
        let after = try Self.matcher { copy in
            try Self.write("{\"version\": 1, \"enabled\": false}\n", to: copy + "/learning.json")
            let path = copy + "/lexicon.json"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try Self.write(
                text.replacingOccurrences(of: "\"water_fixture\": [", with: "\"water_fixture\": [\n      \"咕噜罐\","),
                to: path)
        }
        for message in messages {
            let withObject = Self.classify(after, message)
            #expect(withObject.intent == "repair", "\(message)")
            #expect(withObject.category(for: .repair) == "plumbing", "\(message)")
            let score = { (m: Matcher) in Self.classify(m, message).scores.first { $0.intent == "repair" }?.score ?? 0 }
            #expect(score(after) > score(before), "\(message)")
        }
    }

    @Test func crossValidatedAccuracyIsReportedAndHoldsItsFloor() {
        let evaluation = Evaluation.crossValidate(
            catalog: Support.catalog, examples: Support.catalog.examples, folds: 5)
        print(evaluation.report(title: "5-fold cross-validation over intents/examples"))
        let all = evaluation.accuracy()
        #expect(all.total == Support.catalog.examples.count)
        #expect(Double(all.correct) / Double(all.total) >= 0.90)
        let e = evaluation.emergencies
        #expect(Double(e.found) / Double(e.total) >= 0.93)
        #expect(Double(e.falseAlarms) / Double(e.others) <= 0.005)
    }

    @Test func examplesFilesAreCheckedLineByLine() throws {
        let copy = try Support.copyOfIntents()
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let bad = """
            {"text": "水管漏了", "intent": "repiar"}
            {"text": "水管漏了", "intent": "repair", "lnag": "zh-Hans"}
            not json
            {"text": "", "intent": "repair"}
            {"text": "水管漏了", "intent": "repair", "lang": "fr"}

            """
        try Self.write(bad, to: copy + "/examples/zz-bad.jsonl")
        try Self.write("{\"version\": 1, \"weight\": \"high\", \"treshold\": 0.5}\n", to: copy + "/learning.json")
        do {
            _ = try Catalog.load(directory: copy)
            Issue.record("a broken examples file loaded")
        } catch {
            let lines = error.diagnostics.map(\.description)
            let file = copy + "/examples/zz-bad.jsonl"
            #expect(
                lines.contains("\(file): line 1.intent: unknown value 'repiar' (did you mean 'repair'?)"), "\(lines)")
            #expect(lines.contains("\(file): line 2.lnag: unknown key 'lnag' (did you mean 'lang'?)"), "\(lines)")
            #expect(lines.contains { $0.hasPrefix("\(file): line 3, column 1: ") }, "\(lines)")
            #expect(lines.contains("\(file): line 4.text: empty message"), "\(lines)")
            #expect(lines.contains { $0.hasPrefix("\(file): line 5.lang: unknown value 'fr'") }, "\(lines)")
            #expect(
                lines.contains { $0.hasSuffix("learning.json: weight: expected a number, got a string") }, "\(lines)")
            #expect(lines.contains { $0.contains("learning.json: treshold: unknown key 'treshold'") }, "\(lines)")
        }
    }
}
