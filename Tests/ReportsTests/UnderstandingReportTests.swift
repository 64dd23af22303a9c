import Foundation
import FrontDeskModel
import Testing

@testable import FrontDeskReports

/// The understanding report over the fixture, and the grouping and correction rules.
@Suite struct UnderstandingReportTests {
    @Test func jsonHasEveryFigure() throws {
        let (_, u) = try MonthlyReportTests.build()
        let json = try JSON.parse(u.json.serialized)
        #expect(json["resident_messages"]?.int == 11)
        #expect(json["unrecognized"]?.int == 6)
        #expect(json["fallback"]?.int == 4)
        #expect(json["clarify"]?.int == 2)
        #expect(json["unrecognized_share"]?.number == 0.5455)
        #expect(json["approximate"]?.bool == false)
        #expect(
            json["groups"] == [
                [
                    "label": "代收快递", "count": 3, "fallback": 3, "clarify": 0,
                    "examples": [
                        ["text": "代收快递", "count": 1], ["text": "快递可以放物业吗", "count": 1],
                        ["text": "能帮我代收快递吗", "count": 1],
                    ],
                    "offered": [],
                ],
                [
                    "label": "楼上装修太吵", "count": 2, "fallback": 0, "clarify": 2,
                    "examples": [["text": "樓上裝修太吵", "count": 1], ["text": "楼上装修太吵了", "count": 1]],
                    "offered": ["complaint/decoration_permit"],
                ],
                [
                    "label": "宠物狗一直叫", "count": 1, "fallback": 1, "clarify": 0,
                    "examples": [["text": "宠物狗一直叫", "count": 1]], "offered": [],
                ],
            ])
        #expect(json["other_groups"]?.int == 0)
        #expect(json["corrections"]?.int == 3)
        #expect(
            json["correction_groups"] == [
                [
                    "from": "fallback", "to": "complaint", "count": 2,
                    "examples": ["不对，是投诉噪音", "no, I meant noise complaint"],
                ],
                ["from": "repair", "to": "repair", "count": 1, "examples": ["不是，我是说卫生间"]],
            ])
    }

    @Test func textHasEveryFigure() throws {
        let (r, u) = try MonthlyReportTests.build()
        let text = TextReport(labels: try Fixture.labels(r.estate), offset: 28_800).render(
            u, estate: r.estate, period: r.period)
        let lines = text.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(text.hasPrefix("翠湖花园 · 未识别消息报告 · 2026-11\n"))
        let expected = [
            "住户消息 11 未识别 6 (54.5%) 未理解 4 反问“您是指” 2",
            "1. 代收快递 — 3 (未理解 3, 反问“您是指” 0)",
            "“代收快递” ×1", "“快递可以放物业吗” ×1", "“能帮我代收快递吗” ×1",
            "2. 楼上装修太吵 — 2 (未理解 0, 反问“您是指” 2; 提供的选项 投诉/装修申请)",
            "“樓上裝修太吵” ×1", "“楼上装修太吵了” ×1",
            "3. 宠物狗一直叫 — 1 (未理解 1, 反问“您是指” 0)",
            "住户纠正 · 3",
            "机器人理解为 未识别 → 纠正后 投诉 — 2", "“不对，是投诉噪音”", "“no, I meant noise complaint”",
            "机器人理解为 报修 → 纠正后 报修 — 1", "“不是，我是说卫生间”",
        ]
        for line in expected { #expect(lines.contains(line), "missing: \(line)") }
        #expect(!text.contains("不是投诉，是想报修门锁"))  // a first message is not a correction
    }

    @Test(arguments: [
        ("不是，我是说卫生间", true), ("不对，是502室", true), ("no, I meant noise", true), ("That's wrong", true),
        ("我的意思是换锁", true), ("厨房水管漏水", false), ("好的谢谢", false), ("nothing works", false),
    ])
    func correctionMarkers(text: String, expected: Bool) throws {
        #expect(Corrections(words: try Fixture.words.get()).isCorrection(text) == expected)
    }

    @Test func groupingKeyFoldsWidthCaseScriptAndPunctuation() throws {
        #expect(GroupingText.key("樓上  裝修！太吵", han: try Fixture.han.get()) == "楼上装修太吵")
        #expect(GroupingText.key("Ｈello,  WORLD", han: try Fixture.han.get()) == "hello world")
        #expect(GroupingText.grams("能帮我代收快递吗", words: try Fixture.words.get()) == ["代收", "收快", "快递"])
    }

    @Test func grouperMemoryStaysBoundedAndCountsStayExactForFrequentMessages() throws {
        var grouper = MessageGrouper(capacity: 50, han: try Fixture.han.get(), words: try Fixture.words.get())
        for i in 0..<10_000 {
            grouper.add("罕见消息\(i)", offered: [])
            if i % 10 == 0 { grouper.add("停车卡怎么办", offered: []) }
        }
        #expect(grouper.distinct < 100)
        #expect(grouper.dropped > 9_000)
        let (groups, _) = grouper.groups(limit: 1)
        #expect(groups.first?.label == "停车卡怎么办")
        #expect(groups.first?.count == 1000)
    }

    @Test func idleSessionsAreForgotten() throws {
        let period = try ReportPeriod.month("2026-11", offset: 28_800)
        var fold = ConversationFold(period: period, now: Fixture.nowSeconds, han: try Fixture.han.get(), words: try Fixture.words.get(),
            horizon: 100)
        let time = Timestamp.seconds("2026-11-02T10:00:00+08:00")!
        for i in 0..<1000 {
            fold.add(time: time, session: "s-\(i)", seq: 1, role: .resident, intent: nil, choices: [], text: "你好")
        }
        #expect(fold.liveSessions <= 200)
        #expect(fold.messages.resident == 1000)
    }
}
