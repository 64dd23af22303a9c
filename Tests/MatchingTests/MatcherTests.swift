import Foundation
import FrontDeskContent
import FrontDeskMatching
import FrontDeskModel
import Testing

@Suite struct MatcherTests {
    @Test(arguments: [
        ("卫生间水龙头坏了，麻烦派个师傅", "repair"),
        ("楼上天天晚上吵得睡不着，我要投诉", "complaint"),
        ("请问物业费怎么交", "fee_query"),
        ("我想申请装修，需要什么手续", "decoration_permit"),
        ("REP-20261120-0003 到哪一步了", "progress_query"),
        ("快递驿站在哪里", "inquiry"),
        ("厨房里好大的煤气味", "emergency"),
        ("转人工", "handoff"),
        ("您好", "greeting"),
        ("谢谢你们", "thanks"),
        ("好的，再见", "goodbye"),
        ("取消报修", "cancel"),
        ("今天天气怎么样", "fallback"),
        ("The kitchen tap is leaking, can you send a plumber?", "repair"),
        ("My neighbour's dog barks all night, please do something", "complaint"),
    ])
    func everyIntent(text: String, intent: String) {
        #expect(Support.classify(text).intent == intent)
    }

    @Test(arguments: [
        ("不是投诉，是想报修门锁", "repair"),
        ("not a complaint, just want to report a broken light", "repair"),
        ("不紧急，水管漏水", "repair"),
        ("水管已经修好了，取消报修", "cancel"),
        ("热水器打不着火", "repair"),
        ("我报修的热水器，师傅怎么还没来", "progress_query"),
        ("不用来了，已经好了", "cancel"),
        ("楼上装修噪音太大", "complaint"),
    ])
    func negationContrastAndPrecedence(text: String, intent: String) {
        #expect(Support.classify(text).intent == intent)
    }

    @Test func asciiKeywordsOnlyOnWordBoundaries() {
        // "hi" must not fire inside "this", "fix" not inside "prefix".
        #expect(Support.classify("this is it").intent == "fallback")
        #expect(Support.classify("prefix suffix").intent == "fallback")
        #expect(Support.classify("hi").intent == "greeting")
        #expect(Support.classify("please fix it").intent == "repair")
    }

    @Test(arguments: [
        ("马桶堵了", "repair", "plumbing"),
        ("客厅的灯不亮了", "repair", "electrical"),
        ("电梯按钮坏了", "repair", "elevator"),
        ("楼上装修噪音太大", "complaint", "noise"),
        ("垃圾桶好几天没人清了", "complaint", "sanitation"),
        ("闻到煤气味", "emergency", "gas"),
        ("有人被困在电梯里", "emergency", "elevator_trapped"),
        ("门禁卡丢了怎么补办", "inquiry", "access_card"),
    ])
    func categories(text: String, intent: String, category: String) {
        let result = Support.classify(text)
        #expect(result.intent == intent)
        #expect(result.categories[intent] == category)
    }

    @Test(arguments: [
        ("对", DialogueAct.affirm),
        ("是的，没问题", .affirm),
        ("yes", .affirm),
        ("不对", .deny),
        ("no", .deny),
        ("不对，是502室", .correction),
        ("改成明天上午", .correction),
        ("no, it's 502", .correction),
    ])
    func acts(text: String, act: DialogueAct) {
        #expect(Support.classify(text).acts.contains(act))
    }

    @Test func aCorrectionIsNotAlsoADenial() {
        let acts = Support.classify("不对，是502室").acts
        #expect(acts.contains(.correction))
        #expect(!acts.contains(.deny))
    }

    @Test func belowTheThresholdIsFallbackWithZeroConfidence() {
        let result = Support.classify("帮我订一张高铁票")
        #expect(result.intent == "fallback")
        #expect(result.confidence == 0)
        #expect(Support.classify("").intent == "fallback")
    }

    @Test func closeScoresAreReportedAsAmbiguous() {
        // One word for fees, one for renovation, with the same weight.
        let result = Support.classify("装修 转接")
        #expect(result.ambiguous.count == 2)
        #expect(Set(result.ambiguous) == ["decoration_permit", "handoff"])
        #expect(result.intent == result.ambiguous[0])
        let clear = Support.classify("卫生间水龙头坏了，麻烦派个师傅")
        #expect(clear.ambiguous.isEmpty)
        #expect(clear.confidence > 0.8 && clear.confidence <= 1)
    }

    @Test func hitsExplainTheDecision() {
        let result = Support.classify("不是投诉，是想报修门锁")
        let repair = result.hits.first { $0.keyword == "报修" && $0.target == "repair" }
        #expect(repair != nil)
        #expect((repair?.weight ?? 0) > 3)
        #expect(result.hits.contains { $0.keyword == "投诉" && $0.weight == 0 })
    }

    @Test func fastPathAgreesWithTheFullClassification() throws {
        let url = Support.fixtures.appendingPathComponent("dev.jsonl")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        for line in lines {
            let text = try JSON.parse(String(line))["text"]?.string ?? ""
            #expect(Support.matcher.intentLabel(text) == Support.classify(text).intent)
        }
    }

    @Test func aVeryLongLineIsClassified() {
        let long = String(repeating: "水管漏水了，", count: 20_000)
        #expect(Support.classify(long).intent == "repair")
    }
}
