import Foundation
import FrontDeskModel
import Testing

@testable import FrontDeskReports

/// Every figure of the monthly report over the fixture, in JSON and in text.
@Suite struct MonthlyReportTests {
    static func build(_ estate: String = "翠湖花园") throws -> (MonthlyReport, UnderstandingReport) {
        let fixture = try Fixture.make()
        defer { fixture.remove() }
        let period = try ReportPeriod.month("2026-11", offset: 28_800)
        let builder = ReportBuilder(
            dataDirectory: fixture.directory, estateName: estate, period: period, now: Fixture.nowSeconds,
            han: try Fixture.han.get(), words: try Fixture.words.get(),
            satisfaction: try Fixture.satisfaction.get())
        return try builder.build()
    }

    @Test func jsonHasEveryFigure() throws {
        let (report, _) = try Self.build()
        let json = try JSON.parse(report.json.serialized)
        #expect(json["estate"]?.string == "翠湖花园")
        #expect(json["period"]?["from"]?.string == "2026-11-01")
        #expect(json["period"]?["to"]?.string == "2026-11-30")
        #expect(json["generated_at"]?.string == "2026-12-01T12:00:00+08:00")
        let records = try #require(json["records"])
        #expect(records["total"]?.int == 9)
        #expect(
            records["by_type"] == ["repair": 3, "complaint": 3, "decoration_permit": 1, "emergency": 1, "callback": 1])
        #expect(records["by_status"] == ["open": 1, "resolved": 7, "approved": 1])
        #expect(
            records["by_category"]?["repair"] == [
                "plumbing": 1, "electrical": 1, "door_window": 0, "elevator": 1, "public_facility": 0, "appliance": 0,
                "other": 0,
            ])
        #expect(
            records["by_category"]?["complaint"] == [
                "noise": 2, "sanitation": 0, "parking": 1, "staff": 0, "pet": 0, "smell": 0, "security": 0,
                "service": 0, "other": 0,
            ])
        #expect(
            records["by_category"]?["emergency"] == [
                "gas": 1, "fire": 0, "flood": 0, "elevator_trapped": 0, "electrical": 0,
            ])
        let perDay = try #require(records["per_day"]?.array)
        #expect(perDay.count == 30)
        let busy = perDay.filter { $0["count"]?.int == 1 }.compactMap { $0["date"]?.string }
        #expect(busy == ["02", "05", "10", "12", "15", "18", "20", "25", "30"].map { "2026-11-\($0)" })
        #expect(perDay.allSatisfy { $0["count"]?.int == 0 || $0["count"]?.int == 1 })

        #expect(
            json["first_response"] == [
                "on_time": 7, "late": 2, "overdue": 1, "pending": 0, "no_deadline": 0, "on_time_share": 0.7778,
                "median_minutes": 60,
                "p90_minutes": 1200,
            ])
        #expect(
            json["resolution"] == [
                "on_time": 6, "late": 3, "overdue": 1, "pending": 0, "no_deadline": 0, "on_time_share": 0.6667,
                "median_minutes": 1440,
                "p90_minutes": 5760,
            ])
        #expect(json["late_total"]?.int == 5)
        let late = try #require(json["late"]?.array)
        #expect(
            late.map { $0["id"]?.string ?? "" } == [
                "REP-20261110-0001", "REP-20261110-0001", "REP-20261105-0001", "CB-20261125-0001", "REP-20261105-0001",
            ])
        #expect(
            late.map { $0["deadline"]?.string ?? "" } == [
                "first_response", "resolution", "resolution", "resolution", "first_response",
            ])
        #expect(late.map { $0["late_minutes"]?.int ?? -1 } == [30420, 29040, 2880, 1500, 90])
        #expect(late[0]["due_at"]?.string == "2026-11-10T09:00:00+08:00")
        #expect(late[0]["done_at"] == .null)
        #expect(late[4]["done_at"]?.string == "2026-11-06T09:30:00+08:00")
        #expect(late[2]["due_at"]?.string == "2026-11-07T20:00:00+08:00")

        #expect(json["complaints"]?["total"]?.int == 3)
        #expect(json["complaints"]?["by_category"]?["noise"]?.int == 2)
        #expect(json["complaints"]?["by_category"]?["parking"]?.int == 1)
        #expect(
            json["return_visits"] == [
                "resolved": 7, "within_3_days": 3, "late": 1, "overdue": 2, "pending": 1, "on_time_share": 0.5,
            ])
        #expect(
            json["satisfaction"] == [
                "answers": 4, "distribution": ["非常满意": 1, "满意": 2, "一般": 0, "不满意": 1, "非常不满意": 0],
                "satisfied_share": 0.75, "average": 3.75,
            ])
        #expect(json["emergencies"]?["total"]?.int == 1)
        #expect(json["emergencies"]?["by_category"]?["gas"]?.int == 1)
        #expect(
            json["emergencies"]?["first_response"] == [
                "on_time": 1, "late": 0, "overdue": 0, "pending": 0, "no_deadline": 0, "on_time_share": 1,
                "median_minutes": 10,
                "p90_minutes": 10,
            ])
        #expect(
            json["verifications"] == [
                "succeeded": 3, "failed": 5, "lockouts": 1, "session_lockouts": 1, "fee_disclosures": 3,
                "record_disclosures": 1,
            ])
        var hours = [Int](repeating: 0, count: 24)
        hours[9] = 4
        hours[14] = 3
        hours[20] = 3
        hours[23] = 1
        #expect(
            json["messages"] == [
                "resident": 11, "bot": 15, "sessions": 4, "per_hour": .array(hours.map { .number(Double($0)) }),
            ])
        #expect(json["skipped_lines"]?.int == 1)
    }

    @Test func textHasEveryFigure() throws {
        let (report, _) = try Self.build()
        let text = TextReport(labels: try Fixture.labels(report.estate), offset: 28_800).render(report)
        let lines = text.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        func has(_ line: String) -> Bool { lines.contains(line) }
        #expect(text.hasPrefix("翠湖花园 · 月度服务报告 · 2026-11\n"))
        #expect(has("统计期间 2026-11-01 – 2026-11-30 生成时间 2026-12-01T12:00:00+08:00"))
        #expect(has("工单 · 合计 9"))
        for line in [
            "报修 3 33.3%", "投诉 3 33.3%", "装修申请 1 11.1%", "紧急事件 1 11.1%", "回电请求 1 11.1%",
            // Statuses are named as the bot names them (`status.*` in intents/phrases/records.json).
            "已受理 1 11.1%", "已处理完成 7 77.8%", "已批准 1 11.1%",
            "水管 1 33.3%", "电路 1 33.3%", "电梯 1 33.3%", "门窗门锁 0 0.0%",
        ] {
            #expect(has(line), "missing: \(line)")
        }
        #expect(has("11-01 0 11-02 1 11-03 0 11-04 0 11-05 1 11-06 0 11-07 0"))
        #expect(has("11-29 0 11-30 1"))
        #expect(has("首次响应 7 1 1 0 0 77.8% 1小时 20小时"))
        #expect(has("解决 6 2 1 0 0 66.7% 1天 4天"))
        #expect(has("紧急事件 · 首次响应 1 0 0 0 0 100.0% 10分 10分"))
        #expect(has("超时清单 · 5"))
        #expect(has("REP-20261110-0001 报修 电梯 首次响应 11-10 09:00 未完成 21天3小时"))
        #expect(has("REP-20261110-0001 报修 电梯 解决 11-11 08:00 未完成 20天4小时"))
        #expect(has("REP-20261105-0001 报修 电路 解决 11-07 20:00 11-09 20:00 2天"))
        #expect(has("CB-20261125-0001 回电请求 解决 11-26 16:00 11-27 17:00 1天1小时"))
        #expect(has("REP-20261105-0001 报修 电路 首次响应 11-06 08:00 11-06 09:30 1小时30分"))
        #expect(has("投诉分类统计 · 合计 3"))
        #expect(has("噪音 2 66.7%"))
        #expect(has("停车 1 33.3%"))
        for line in ["已解决 7", "3 天内回访 3", "超过 3 天回访 1", "逾期未回访 2", "待回访 1", "按时率 50.0%"] {
            #expect(has(line), "missing: \(line)")
        }
        for line in [
            "非常满意 1 25.0%", "满意 2 50.0%", "一般 0 0.0%", "不满意 1 25.0%", "非常不满意 0 0.0%",
            "回答数 4 满意率 75.0% 平均分 3.75",
        ] {
            #expect(has(line), "missing: \(line)")
        }
        #expect(has("紧急事件 · 合计 1"))
        #expect(has("燃气 1 100.0%"))
        for line in ["验证成功 3", "验证失败 5", "房号锁定 1", "会话锁定 1", "账单查看 3", "工单详情查看 1"] {
            #expect(has(line), "missing: \(line)")
        }
        #expect(has("住户消息 11 机器人回复 15 会话 4"))
        #expect(has("06时 0 07时 0 08时 0 09时 4 10时 0 11时 0"))
        #expect(has("12时 0 13时 0 14时 3 15时 0 16时 0 17时 0"))
        #expect(has("18时 0 19时 0 20时 3 21时 0 22时 0 23时 1"))
        #expect(has("跳过的损坏行: 1"))
    }

    @Test func englishLabelsForAnEnglishEstateName() throws {
        let (report, _) = try Self.build("Lakeside Gardens")
        let text = TextReport(labels: try Fixture.labels(report.estate), offset: 28_800).render(report)
        #expect(text.hasPrefix("Lakeside Gardens · Monthly service report · 2026-11\n"))
        #expect(text.contains("First response"))
        #expect(text.contains("very satisfied"))
        #expect(!text.contains("报修"))
    }

    /// The report once called status `open` 待处理 while the bot told residents 已受理; both now
    /// read the phrase book's `status.*`, and every label comes from the phrase book.
    @Test(arguments: [
        ("翠湖花园", "open", "已受理"), ("翠湖花园", "resolved", "已处理完成"), ("翠湖花园", "plumbing", "水管"),
        ("翠湖花园", "fee_query", "费用查询"), ("Lakeside Gardens", "open", "received"),
        ("Lakeside Gardens", "door_window", "door/window/lock"), ("Lakeside Gardens", "some_new_kind", "some new kind"),
    ])
    func namesComeFromThePhraseBook(estate: String, raw: String, expected: String) throws {
        #expect(try Fixture.labels(estate).name(raw) == expected)
    }

    @Test func durationsAndCountsAreWrittenFromThePhraseBook() throws {
        let zh = ReportFormat(labels: try Fixture.labels("翠湖花园"), offset: 28_800)
        let en = ReportFormat(labels: try Fixture.labels(""), offset: 28_800)
        #expect(
            [45, 200, 180, 3060, 2880, nil].map { zh.duration(minutes: $0) } == [
                "45分", "3小时20分", "3小时", "2天3小时", "2天", "—",
            ])
        #expect([45, 200, 3060].map { en.duration(minutes: $0) } == ["45 min", "3 h 20 min", "2 d 3 h"])
        #expect(try Fixture.labels("翠湖花园").text(.andMore, ["total": "4"]) == "另有 4 条")
        #expect(try Fixture.labels("翠湖花园").satisfaction(.veryDissatisfied) == "非常不满意")
        #expect(try Fixture.labels("").satisfaction(.verySatisfied) == "very satisfied")
    }

    @Test func fastReadersGiveTheSameReportAsTheStandardOnes() throws {
        let fixture = try Fixture.make()
        defer { fixture.remove() }
        // A damaged journal line (bad checksum) and a line that is not an event: both skipped by both.
        let journal = FileHandle(forWritingAtPath: fixture.directory + "/records.jsonl")!
        journal.seekToEndOfFile()
        journal.write(Data("{\"v\":1,\"seq\":99,\"event\":\"audit\",\"data\":{},\"crc\":\"00000000\"}\n".utf8))
        try journal.close()
        let period = try ReportPeriod.month("2026-11", offset: 28_800)
        var builder = ReportBuilder(
            dataDirectory: fixture.directory, estateName: "翠湖花园", period: period, now: Fixture.nowSeconds,
            han: try Fixture.han.get(), words: try Fixture.words.get(),
            satisfaction: try Fixture.satisfaction.get())
        let fast = try builder.build()
        builder.readers = .standard
        let standard = try builder.build()
        #expect(fast.monthly.skippedLines == 2)
        #expect(fast.monthly.json.serialized == standard.monthly.json.serialized)
        #expect(fast.understanding.json.serialized == standard.understanding.json.serialized)
    }

    @Test func columnsLineUpByDisplayWidth() {
        var table = TextTable(["类别", "Count"])
        table.add(["门窗门锁", "12"])
        table.add(["other", "3"])
        let lines = table.render(indent: 0).split(separator: "\n").map(String.init)
        #expect(lines == ["类别      Count", "--------  -----", "门窗门锁     12", "other         3"])
        #expect(DisplayWidth.of("\u{1B}[31m5\u{1B}[0m") == 1)
    }
}
