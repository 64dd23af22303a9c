import Foundation
import FrontDeskContent
import FrontDeskModel
import Testing

@testable import FrontDeskMatching

/// The full `classify()` keeps acts and categories compactly and works scores and hits out again when read;
/// these tests hold it to the label-only path, to the public normalizer, and to the explain path.
@Suite struct FullPathTests {
    /// The dev fixture's messages.
    static let devMessages: [String] = {
        let url = Support.fixtures.appendingPathComponent("dev.jsonl")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSON.parse(String($0))["text"]?.string }
    }()

    /// A seeded corpus built from the dev messages: pairs, fillers (units, phones, dates), upper case,
    /// full-width forms, repeats, truncation.
    static let generated: [String] = {
        let fillers = [
            "", " ", "，", "3栋2单元501", "電話13812345678", "明天上午", "ＡＢＣ１２３", "Building 6 Unit 1 Room 1502",
            "不是", "不对，是502室", "REP-20261121-0002", "😭", "！！", "\n",
        ]
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let messages = devMessages.isEmpty ? ["报修"] : devMessages
        var result: [String] = []
        for _ in 0..<2_000 {
            var text = messages[next(messages.count)]
            for _ in 0..<next(3) { text += fillers[next(fillers.count)] }
            if next(4) == 0 { text += messages[next(messages.count)] }
            switch next(6) {
            case 0: text = text.uppercased()
            case 1:
                var wide = String.UnicodeScalarView()
                for scalar in text.unicodeScalars {
                    let value = scalar.value
                    wide.append((0x21...0x7E).contains(value) ? Unicode.Scalar(value + 0xFEE0)! : scalar)
                }
                text = String(wide)
            case 2: text = String(repeating: text, count: 2 + next(3))
            case 3: text = String(text.prefix(1 + next(max(1, text.count))))
            default: break
            }
            result.append(text)
        }
        return result
    }()

    @Test func fullAndLabelPathsAgreeOnTheDevFixtureAndAGeneratedCorpus() {
        #expect(Self.devMessages.count > 200)
        for text in Self.devMessages + Self.generated {
            let result = Support.classify(text)
            #expect(Support.matcher.intentLabel(text) == result.intent, "\(text)")
        }
    }

    @Test func compactFieldsMatchTheirExplainedForms() {
        let engine = Support.matcher.engine
        for text in Self.devMessages + Self.generated {
            let result = Support.classify(text)
            let explained = engine.explain(text)
            let reference = Support.matcher.normalizer.normalize(text)
            #expect(result.normalized == reference.text, "\(text)")
            #expect(result.language == reference.language, "\(text)")
            #expect(result.categories == explained.categories, "\(text)")
            #expect(result.scores.map(\.intent) == explained.scores.map(\.intent), "\(text)")
            #expect(result.hits == explained.hits, "\(text)")
            #expect(result.text == text)
            let entities = Support.matcher.entityExtractor.extract(from: result.normalized, now: Support.now, utcOffset: 28_800)
            #expect(result.entities == entities, "\(text)")
        }
    }

    /// Outside `--explain` the pairs of a fired rule are marked only when one of its words overlaps a counted
    /// category word; where they are (the object of what is happening), the category is the paired object's, as the
    /// explained (fully marked) scan says.
    @Test(arguments: [
        ("冷氣機一路滴水落窗台", "appliance"), ("𨋢成日停喺7樓唔郁，要行樓梯", "elevator"),
        ("水龙头拧紧就好了，是卫生间的灯不亮", "electrical"), ("楼道灯坏了", "electrical"),
    ])
    func pairedObjectsPickTheCategoryWithoutExplain(text: String, category: String) {
        let result = Support.classify(text)
        #expect(result.intent == "repair")
        #expect(result.category(for: .repair) == category)
        #expect(result.categories == Support.matcher.engine.explain(text).categories)
    }

    @Test func singleCategoryAndActLookupsAgreeWithTheCollections() {
        let intents = Support.catalog.intents.map(\.name)
        for text in Self.devMessages + Self.generated {
            let result = Support.classify(text)
            for intent in intents {
                #expect(result.category(for: Intent(intent)) == result.categories[intent], "\(text)")
            }
            for act in DialogueAct.allCases {
                #expect(result.contains(act: act) == result.acts.contains(act), "\(text)")
            }
        }
    }

    @Test func moreCategoriesThanTheCompactFormHoldsAreWorkedOutAgain() {
        var facts = ScanFacts()
        for i in 0..<5 { facts.addCategory(intent: i, slot: i) }
        #expect(facts.categoryOverflow)
        #expect(facts.categoryPicks.3 == UInt32(3) << 24 | 4)
    }

    @Test func actsAreReadFromBits() {
        #expect(Support.classify("不对，是502室").acts == [.correction])
        #expect(Support.classify("好的").acts.contains(.affirm))
        #expect(Support.classify("报修").acts.isEmpty)
    }

    @Test func settersAndTheInitializerWinOverTheCompactDetail() {
        var result = Support.classify("卫生间水龙头坏了，麻烦派个师傅")
        let copy = result
        let hit = KeywordHit(keyword: "x", target: "repair", weight: 1, offset: 0)
        result.hits = [hit]
        result.categories = ["repair": "door"]
        result.acts = [.deny]
        result.scores = [("repair", 9)]
        #expect(result.hits == [hit])
        #expect(result.categories == ["repair": "door"])
        #expect(result.acts == [.deny])
        #expect(result.scores.map(\.score) == [9])
        #expect(copy.hits != [hit])
        #expect(copy.categories == Support.classify("卫生间水龙头坏了，麻烦派个师傅").categories)
        #expect(!copy.categories.isEmpty)
        let made = Classification(text: "a", normalized: "a", language: .en, intent: "fallback", confidence: 0)
        #expect(made.hits.isEmpty && made.scores.isEmpty && made.acts.isEmpty && made.categories.isEmpty)
    }
}
