import Foundation
import FrontDeskContent
import FrontDeskMatching
import FrontDeskModel
import Testing

/// Co-occurrence rules, intensifiers, clause-scoped negators and nesting by layer: behaviour on the real
/// intents and located diagnostics for mistakes in the new keys.
@Suite struct RuleKindTests {
    @Test(arguments: [
        // An appliance + a noise word is a repair, not a noise complaint.
        ("排风扇声音特别大", "repair"),
        ("the extractor fan is rattling", "repair"),
        // A neighbour + a nuisance word is a complaint.
        ("楼下总有人乱停车", "complaint"),
        // An earlier report + a status question is a progress query.
        ("上周报的灯修好了没", "progress_query"),
        // Water + a severity word: an emergency; the same fault without one: a repair.
        ("天花板漏水特别大，像下雨一样", "emergency"),
        ("水龙头漏水", "repair"),
        // A clause-scoped negator stops at the clause's end.
        ("没有闻到煤气味，就是热水器打不着火", "repair"),
        ("闻到好浓的煤气味", "emergency"),
        // A contrast word ends a negator's reach.
        ("不是投诉而是想报修门锁", "repair"),
    ])
    func rules(text: String, intent: String) {
        #expect(Support.classify(text).intent == intent)
    }

    @Test func aCategoryWordInsideAKeywordOfItsOwnIntentSurvives() {
        let result = Support.classify("楼下总有人乱停车")
        #expect(result.categories["complaint"] == "parking")
        #expect(result.category(for: .complaint) == "parking")
    }

    @Test(arguments: [
        // The object of a fired object × fault rule outweighs a place named beside it.
        ("冷氣機一路滴水落窗台", "appliance"),
        // The fault pairs with the thing named nearest before it, not with an earlier one that is fine.
        ("哦搞错了，水龙头我老婆拧紧就好了，是卫生间的灯不亮，开关按了没反应", "electrical"),
        ("我哋嗰部𨋢成日停喺7樓唔郁，要行樓梯好辛苦", "elevator"),
        // A category of places yields to any other category: the light in the corridor is the electricians'.
        ("还有，楼道灯也坏了", "electrical"),
        // With nothing but the place, the place's category stands.
        ("小区健身器材坏了", "public_facility"),
    ])
    func theObjectOfTheFaultNamesTheCategory(text: String, category: String) {
        #expect(Support.classify(text).category(for: .repair) == category)
    }

    @Test func aLongerKeywordOfAnotherIntentHidesACategoryWord() {
        // "打不着火" (repair) hides the fire word "着火" of emergency.
        let result = Support.classify("热水器打不着火")
        #expect(result.intent == "repair")
        #expect(result.categories["emergency"] == nil)
    }

    @Test func aRuleThatNamesACategoryGivesItWhenNoCategoryWordDoes() {
        // No keyword of elevator_trapped or gas: the lift-and-inside and gas-and-hissing rules name the hazard.
        #expect(Support.classify("电梯停在11楼和12楼中间不动了，我爸在里面出不来").categories["emergency"] == "elevator_trapped")
        #expect(Support.classify("the pipe behind my gas cooker is hissing").categories["emergency"] == "gas")
        // A category word still decides over a rule's category: sparks in water are named by the fire word.
        #expect(Support.classify("楼道的灯管在滴水，还冒火花").categories["emergency"] != nil)
    }

    @Test func explainShowsCooccurrencesAndIntensifiers() {
        let hits = Support.classify("天花板漏水特别大，像下雨一样").hits
        #expect(hits.contains { $0.target == "cooccur:emergency" })
        #expect(hits.contains { $0.target == "intensifier:emergency" && $0.weight == 1.5 })
        // A word shown as paired has a partner of that rule: no emergency pairing without a severity word.
        #expect(!Support.classify("水龙头漏水").hits.contains { $0.target == "cooccur:emergency" })
    }

    static let cases: [(file: String, text: String, expected: [String])] = [
        (
            "repair.json",
            #"{"version":1,"intent":"repair","cooccur":[{"with":["@noize"],"and":["响"],"within":8,"weight":2}]}"#,
            ["repair.json: cooccur[0].with[0]: unknown concept '@noize' (did you mean '@noise'?)"]
        ),
        (
            "repair.json",
            #"{"version":1,"intent":"repair","cooccur":[{"with":["风扇"],"and":["响"],"within":300,"weight":0}]}"#,
            [
                "repair.json: cooccur[0].within: expected a distance from 0 to 200 characters, got 300.0",
                "repair.json: cooccur[0].weight: expected a weight from -100 to 100 other than 0, got 0.0",
            ]
        ),
        (
            "repair.json",
            #"{"version":1,"intent":"repair","cooccur":[{"with":["风扇"],"within":8,"weight":2,"wieght":1}]}"#,
            [
                "repair.json: cooccur[0].wieght: unknown key 'wieght' (did you mean 'weight'?)",
                "repair.json: cooccur[0].and: missing required key",
            ]
        ),
        (
            "repair.json",
            #"{"version":1,"intent":"repair","cooccur":[{"with":["风扇"],"and":["响"],"within":8,"weight":2,"category":"fans"}]}"#,
            ["repair.json: cooccur[0].category: 'fans' is not one of this intent's categories"]
        ),
        (
            "emergency.json", #"{"version":1,"intent":"emergency","intensifiers":[{"words":["大量"],"factor":0.5}]}"#,
            ["emergency.json: intensifiers[0].factor: expected a factor above 1 and at most 10, got 0.5"]
        ),
        (
            "lexicon.json", #"{"version":1,"negators":[{"words":["没有"],"scope":"sentence"}]}"#,
            [
                "lexicon.json: negators[0].scope: expected \"clause\", got \"sentence\"",
                "lexicon.json: negators[0].window: missing required key",
            ]
        ),
    ]

    @Test(arguments: 0..<cases.count)
    func eachMistakeInTheNewKeysIsLocated(index: Int) throws {
        let item = Self.cases[index]
        let directory = try Support.copyOfIntents()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try item.text.write(toFile: directory + "/" + item.file, atomically: true, encoding: .utf8)
        var lines: [String] = []
        do { _ = try Catalog.load(directory: directory) } catch { lines = error.diagnostics.map(\.description) }
        let expected = item.expected.map { directory + "/" + $0 }
        // Only the lines about the file that was broken (a replaced lexicon also loses its concepts elsewhere).
        let mine = lines.filter { $0.hasPrefix(directory + "/" + item.file) }
        #expect(mine.sorted() == expected.sorted())
    }
}
