import Foundation
import FrontDeskModel
import FrontDeskReports
import Testing

@Suite("Hand-off figures")
struct HandoffFiguresTests {
    /// A transcript line with a hand-off mark.
    static func event(_ time: String, _ session: String, _ role: Role, _ mark: String) -> String {
        var event = TranscriptEvent(
            time: "2026-11-\(time)+08:00", session: session, seq: 1, channel: "tcp", peer: "", role: role, text: "x")
        event.handoff = mark
        return event.json.serialized
    }

    @Test func countsEachOutcomeAndTheWaitPercentilesPerMonth() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("handoff-\(UUID().uuidString)")
        let transcripts = directory.appendingPathComponent("transcripts")
        try FileManager.default.createDirectory(at: transcripts, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var lines: [String] = []
        // Five taken live after 10, 20, 30, 40 and 100 seconds.
        for (index, wait) in [10, 20, 30, 40, 100].enumerated() {
            let session = "s-\(index)"
            lines.append(Self.event("22T10:00:00", session, .bot, "queued"))
            lines.append(Self.event("22T10:0\(wait / 60):\(String(format: "%02d", wait % 60))", session, .bot, "taken"))
        }
        lines.append(Self.event("22T11:00:00", "s-t", .bot, "queued"))
        lines.append(Self.event("22T11:02:00", "s-t", .bot, "timeout"))
        lines.append(Self.event("22T20:00:00", "s-c", .bot, "callback"))
        lines.append(Self.event("22T12:00:00", "s-g", .bot, "queued"))
        lines.append(Self.event("22T12:00:30", "s-g", .bot, "gave_up"))
        lines.append(Self.event("22T12:10:00", "s-l", .bot, "queued"))
        lines.append(Self.event("22T12:10:05", "s-l", .resident, "left"))
        // A resident who leaves while held did not give up waiting.
        lines.append(Self.event("22T13:00:00", "s-h", .bot, "queued"))
        lines.append(Self.event("22T13:00:01", "s-h", .bot, "taken"))
        lines.append(Self.event("22T13:05:00", "s-h", .resident, "left"))
        lines.append(#"{"not":"an event","handoff":"queued"}"#)
        try (lines.joined(separator: "\n") + "\n").write(
            to: transcripts.appendingPathComponent("2026-11-22.jsonl"), atomically: true, encoding: .utf8)
        let period = try ReportPeriod.month("2026-11", offset: 28_800)
        let figures = try HandoffFigures.read(dataDirectory: directory.path, period: period)
        #expect(figures.months.count == 1)
        let month = try #require(figures.months.first)
        #expect(month.month == "2026-11")
        #expect(month.asked == 10)
        #expect(month.takenLive == 6)
        #expect(month.callbacks == 2)
        #expect(month.gaveUp == 2)
        #expect(month.waitP50 == 20)
        #expect(month.waitP90 == 100)
        let text = HandoffText(labels: ReportLabels(chinese: false)).render(figures)
        #expect(text.contains("Hand-offs to a person"))
        #expect(text.contains("2026-11"))
        let december = try HandoffFigures.read(
            dataDirectory: directory.path, period: try ReportPeriod.month("2026-12", offset: 28_800))
        #expect(december.months.isEmpty)
    }
}
