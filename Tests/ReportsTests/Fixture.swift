import Foundation
import FrontDeskJournal
import FrontDeskModel

@testable import FrontDeskReports

/// A data directory with known contents, written through the real journal and transcript
/// writers, so the formats the report reads cannot drift from what the bot writes.
///
/// November 2026 at +08:00, "now" 2026-12-01T12:00+08:00. Every figure the tests expect is
/// worked out by hand in the comments below.
struct Fixture {
    static let now = "2026-12-01T12:00:00+08:00"
    static var nowSeconds: Int { Timestamp.seconds(now)! }
    let directory: String

    static func t(_ day: String, _ time: String) -> String { "2026-\(day)T\(time):00+08:00" }

    /// Creates the directory and writes the journal and the transcripts.
    static func make() throws -> Fixture {
        let dir = NSTemporaryDirectory() + "reports-fixture-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try writeJournal(dir)
        try writeTranscripts(dir + "/transcripts")
        return Fixture(directory: dir)
    }

    /// The repository's `intents/` folder.
    static let intents =
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path + "/intents"

    /// The report's labels from the repository's own phrase book, for an estate called `estateName`.
    static func labels(_ estateName: String) throws -> ReportLabels {
        try ReportLabels.load(phraseDirectory: intents + "/phrases", estateName: estateName)
    }

    /// The repository's Traditional → Simplified table, read once (`try Fixture.han.get()`).
    static let han = Result { () throws(ReportError) in try GroupingText.loadTable(intentsDirectory: intents) }
    /// The repository's report words (`intents/grouping.json`), read once.
    static let words = Result { () throws(ReportError) in try GroupingText.loadWords(intentsDirectory: intents) }
    /// The repository's stored names of the satisfaction levels (`intents/journal.json`), read once.
    static let satisfaction = Result { () throws(ReportError) in
        try SatisfactionNames.load(intentsDirectory: intents)
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    static func writeJournal(_ dir: String) throws {
        let journal = try FileJournal(directory: dir)
        defer { journal.close() }
        func create(_ type: RecordType, _ category: String?, _ priority: String?, _ created: String, _ due: String)
            throws -> String
        {
            let record = try journal.create(
                Record(
                    type: type, createdAt: created, unit: "3-2-501", category: category,
                    priority: priority, dueAt: due))
            return record.id
        }
        func update(_ id: String, _ at: String, _ actor: String, _ status: String? = nil, _ satisfaction: String? = nil)
            throws
        {
            _ = try journal.update(
                RecordUpdate(id: id, at: at, actor: actor, status: status, satisfaction: satisfaction))
        }
        // R10: created in October, outside the period; its update is ignored too.
        let r10 = try create(.repair, "other", "normal", t("10-31", "23:00"), t("11-01", "09:00"))
        // R1 repair/plumbing: response 60 min on time, resolved after 30 h (on time), visited within 3 days, 非常满意.
        let r1 = try create(.repair, "plumbing", "normal", t("11-02", "09:00"), t("11-02", "13:00"))
        try update(r1, t("11-02", "10:00"), "王师傅", "dispatched")
        try update(r1, t("11-03", "15:00"), "王师傅", "resolved")
        try update(r1, t("11-04", "10:00"), "客服小李", nil, "非常满意")
        try update(r10, t("11-02", "11:00"), "王师傅", "resolved")
        // R2 repair/electrical, high: response 810 min (90 late), resolved after 96 h (48 h target: 2880 late),
        // visited after 3 days, 不满意.
        let r2 = try create(.repair, "electrical", "high", t("11-05", "20:00"), t("11-06", "08:00"))
        try update(r2, t("11-06", "09:30"), "王师傅", "dispatched")
        try update(r2, t("11-09", "20:00"), "王师傅", "resolved")
        try update(r2, t("11-13", "10:00"), "客服小李", nil, "不满意")
        // R3 repair/elevator, urgent: nothing done. Response overdue 30420 min, resolution overdue 29040 min.
        _ = try create(.repair, "elevator", "urgent", t("11-10", "08:00"), t("11-10", "09:00"))
        // R4 complaint/noise: a note after 660 min, resolved after 35 h; not visited: overdue.
        let r4 = try create(.complaint, "noise", nil, t("11-12", "22:00"), t("11-13", "22:00"))
        try update(r4, t("11-13", "09:00"), "客服小李")
        try update(r4, t("11-14", "09:00"), "客服小李", "resolved")
        // R7 emergency/gas: response 10 min, resolved after 120 min, visited, 满意.
        let r7 = try create(.emergency, "gas", "urgent", t("11-15", "03:00"), t("11-15", "03:15"))
        try update(r7, t("11-15", "03:10"), "值班员", "dispatched")
        try update(r7, t("11-15", "05:00"), "值班员", "resolved")
        try update(r7, t("11-16", "10:00"), "客服小李", nil, "满意")
        // R8 permit: approved after 1200 min (response and resolution), no return visit.
        let r8 = try create(.decorationPermit, nil, nil, t("11-18", "14:00"), t("11-20", "14:00"))
        try update(r8, t("11-19", "10:00"), "工程部", "approved")
        // R5 complaint/parking: response 60 min, resolved after 1440 min, visited, 满意.
        let r5 = try create(.complaint, "parking", nil, t("11-20", "10:00"), t("11-21", "10:00"))
        try update(r5, t("11-20", "11:00"), "客服小李", "in_progress")
        try update(r5, t("11-21", "10:00"), "客服小李", "resolved")
        try update(r5, t("11-22", "10:00"), "客服小李", nil, "满意")
        // R9 callback: a note after 60 min, resolved after 2940 min (24 h target: 1500 late); not visited: overdue.
        let r9 = try create(.callback, nil, nil, t("11-25", "16:00"), t("11-25", "18:00"))
        try update(r9, t("11-25", "17:00"), "客服小李")
        try update(r9, t("11-27", "17:00"), "客服小李", "resolved")
        // R6 complaint/noise: resolved after 120 min; its 3 days are not over: visit pending.
        let r6 = try create(.complaint, "noise", nil, t("11-30", "21:00"), t("12-01", "21:00"))
        try update(r6, t("11-30", "23:00"), "客服小李", "resolved")
        // After "now": ignored.
        try update(r1, t("12-05", "10:00"), "客服小李", "closed")
        // R11: created after the period.
        _ = try create(.repair, "appliance", "normal", t("12-01", "09:00"), t("12-01", "13:00"))
        // Audit: 3 succeeded, 5 failed (+1 in October), 1 lockout, 1 session lockout, 3 fee and 1 record disclosures.
        func audit(_ kind: String, _ at: String) throws {
            try journal.audit(AuditEvent(kind: kind, at: at, session: "s-x"))
        }
        try audit("verify_failed", t("10-30", "10:00"))
        for d in ["11-03", "11-04", "11-05"] {
            try audit("verify_succeeded", t(d, "10:00"))
            try audit("fee_disclosure", t(d, "10:01"))
        }
        for m in 0..<5 { try audit("verify_failed", t("11-06", "10:0\(m)")) }
        try audit("lockout", t("11-06", "10:05"))
        try audit("session_lockout", t("11-07", "10:00"))
        try audit("record_disclosure", t("11-08", "10:00"))
    }

    static func writeTranscripts(_ dir: String) throws {
        let writer = try TranscriptWriter(directory: dir, onError: { _ in })
        func session(_ id: String, _ turns: [(String, Role, String, String?, [String])]) {
            for (i, turn) in turns.enumerated() {
                var event = TranscriptEvent(
                    time: turn.0, session: id, seq: i + 1, channel: "stdio", peer: "stdin",
                    role: turn.1, text: turn.2, intent: turn.3)
                event.choices = turn.4
                writer.append(event)
            }
        }
        let clarify = ["complaint", "decoration_permit"]
        // Outside the period: October.
        session(
            "s-0",
            [
                (t("10-31", "10:00"), .bot, "您好", "greeting", []), (t("10-31", "10:00"), .resident, "快递", nil, []),
                (t("10-31", "10:00"), .bot, "抱歉", "fallback", []),
            ])
        session(
            "s-1",
            [
                (t("11-03", "09:05"), .bot, "您好，这里是翠湖花园物业客服中心", "greeting", []),
                (t("11-03", "09:05"), .resident, "快递可以放物业吗", nil, []),
                (t("11-03", "09:05"), .bot, "抱歉，我没有听懂", "fallback", []),
                (t("11-03", "09:06"), .resident, "能帮我代收快递吗", nil, []),
                (t("11-03", "09:06"), .bot, "抱歉，我没有听懂", "fallback", []),
                (t("11-03", "09:07"), .resident, "厨房水管漏水", "repair", []),
                (t("11-03", "09:07"), .bot, "请问您的房号？", "repair", []),
                (t("11-03", "09:08"), .resident, "不是，我是说卫生间", nil, []),
                (t("11-03", "09:08"), .bot, "好的，卫生间漏水", "repair", []),
            ])
        session(
            "s-2",
            [
                (t("11-10", "14:00"), .bot, "您好", "greeting", []),
                (t("11-10", "14:00"), .resident, "代收快递", nil, []),
                (t("11-10", "14:00"), .bot, "抱歉", "fallback", []),
                (t("11-10", "14:01"), .resident, "楼上装修太吵了", nil, []),
                (t("11-10", "14:01"), .bot, "您是指投诉还是装修申请？", "fallback", clarify),
                (t("11-10", "14:02"), .resident, "不对，是投诉噪音", nil, []),
                (t("11-10", "14:02"), .bot, "非常抱歉给您带来困扰", "complaint", []),
            ])
        session(
            "s-3",
            [
                (t("11-20", "20:30"), .bot, "您好", "greeting", []),
                (t("11-20", "20:30"), .resident, "樓上裝修太吵", nil, []),
                (t("11-20", "20:30"), .bot, "您是指投訴還是裝修申請？", "fallback", clarify),
                (t("11-20", "20:31"), .resident, "no, I meant noise complaint", nil, []),
                (t("11-20", "20:31"), .bot, "Sorry for the trouble", "complaint", []),
                (t("11-20", "20:32"), .resident, "宠物狗一直叫", nil, []),
                (t("11-20", "20:32"), .bot, "抱歉", "fallback", []),
            ])
        session(
            "s-4",
            [
                (t("11-29", "23:50"), .bot, "您好", "greeting", []),
                (t("11-29", "23:50"), .resident, "不是投诉，是想报修门锁", nil, []),
                (t("11-29", "23:50"), .bot, "请问您的房号？", "repair", []),
            ])
        // After the period.
        session(
            "s-5",
            [(t("12-01", "08:00"), .bot, "您好", "greeting", []), (t("12-01", "08:00"), .resident, "hello", nil, [])])
        writer.close()
        // One damaged line: skipped and counted.
        let handle = FileHandle(forWritingAtPath: dir + "/2026-11-20.jsonl")!
        handle.seekToEndOfFile()
        handle.write(Data("{\"time\":\"2026-11-20T21:00:00+08:00\",\"sess\n".utf8))
        try handle.close()
    }
}
