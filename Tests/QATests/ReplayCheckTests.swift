import Foundation
import FrontDeskContent
import FrontDeskDialogue
import FrontDeskJournal
import FrontDeskModel
import FrontDeskQA
import Testing

@Suite("replay --check and --to-dialogue")
struct ReplayCheckTests {
    static let messages = [
        "您好", "3栋2单元501厨房水管漏水了", "13812345678", "明天上午", "对", "谢谢", "再见",
    ]

    /// Records one session with the bundled content into `directory` and returns the transcript file.
    static func record(into directory: String) throws -> String {
        let writer = try TranscriptWriter(directory: directory + "/transcripts")
        defer { writer.close() }
        let journal = try FileJournal(directory: directory)
        defer { journal.close() }
        let clock = ManualClock(CivilTime(year: 2026, month: 11, day: 22, hour: 10, offset: 28_800).date)
        let engine = Engine(catalog: try Repo.catalog(), estate: try Repo.estate(), store: journal, clock: clock)
        var conversation = Conversation(
            engine: engine, sessionID: "s-rec", channel: .stdio, peer: "stdin", transcripts: writer)
        _ = conversation.greet()
        for message in messages {
            clock.advance(by: 7)
            _ = conversation.handle(message)
        }
        return directory + "/transcripts/2026-11-22.jsonl"
    }

    @Test("an unchanged engine replays its own transcript without differences")
    func cleanReplay() throws {
        let scratch = try ScratchDirectory(label: "replay")
        defer { scratch.remove() }
        let file = try Self.record(into: scratch.path)
        let result = try ReplayChecker(catalog: try Repo.catalog(), estate: try Repo.estate()).check(paths: [file])
        #expect(result.failed == 0, "\(result.report)")
        #expect(result.passed == Self.messages.count + 1)
        #expect(result.maskedTurns == 1, "the phone turn was replayed with stand-in digits")
        #expect(result.report.hasSuffix("\(Self.messages.count + 1) passed, 0 failed\n"))
    }

    @Test("two runs that reuse a session ID (chat --now) are checked as two sessions")
    func reusedSessionID() throws {
        let scratch = try ScratchDirectory(label: "replay")
        defer { scratch.remove() }
        _ = try Self.record(into: scratch.path)
        let file = try Self.record(into: scratch.path)
        let result = try ReplayChecker(catalog: try Repo.catalog(), estate: try Repo.estate()).check(paths: [file])
        #expect(result.failed == 0, "\(result.report)")
        #expect(result.passed == 2 * (Self.messages.count + 1))
        let dialogue = try DialogueExporter.dialogue(paths: [file], session: "s-rec")
        #expect(dialogue.components(separatedBy: "\n> ").count == Self.messages.count + 1, "the first run only")
    }

    @Test("a changed phrase file in a copy of intents/ shows up as recorded vs now")
    func changedIntentsDiffer() throws {
        let scratch = try ScratchDirectory(label: "replay")
        defer { scratch.remove() }
        let file = try Self.record(into: scratch.path)
        let copy = scratch.path + "/intents"
        try FileManager.default.copyItem(atPath: Repo.intents, toPath: copy)
        var changed = 0
        for name in try FileManager.default.subpathsOfDirectory(atPath: copy) where name.hasSuffix(".json") {
            let path = copy + "/" + name
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let edited = text.replacingOccurrences(of: "请", with: "烦请")
            if edited != text {
                try edited.write(toFile: path, atomically: true, encoding: .utf8)
                changed += 1
            }
        }
        #expect(changed > 0)
        let result = try ReplayChecker(catalog: try Repo.catalog(copy), estate: try Repo.estate()).check(paths: [file])
        #expect(result.failed > 0)
        let first = try #require(result.differences.first)
        #expect(first.session == "s-rec")
        #expect(first.description.hasPrefix("session s-rec seq \(first.seq): \(first.field) differs"))
        #expect(first.description.contains("\n    recorded: "))
        #expect(first.description.contains("\n    now:      "))
        #expect(first.now.contains("烦请"))
        #expect(result.report.hasSuffix("\(result.passed) passed, \(result.failed) failed\n"))
    }

    @Test("a changed keyword in a copy of intents/goodbye.json shows up as an intent difference")
    func changedKeywordDiffers() throws {
        let scratch = try ScratchDirectory(label: "replay")
        defer { scratch.remove() }
        let file = try Self.record(into: scratch.path)
        let copy = scratch.path + "/intents"
        try FileManager.default.copyItem(atPath: Repo.intents, toPath: copy)
        let path = copy + "/goodbye.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\"再见\""))
        try text.replacingOccurrences(of: "\"再见\"", with: "\"再会啦\"").write(
            toFile: path, atomically: true, encoding: .utf8)
        // The learned layer would still read 再见 as a goodbye from the examples: without them the keyword decides.
        try FileManager.default.removeItem(atPath: copy + "/examples")
        let result = try ReplayChecker(catalog: try Repo.catalog(copy), estate: try Repo.estate()).check(paths: [file])
        let intent = result.differences.first { $0.field == "intent" }
        #expect(intent?.recorded == "goodbye", "\(result.report)")
        #expect(intent?.now != "goodbye")
        #expect(result.failed >= 1)
    }

    @Test("a recorded session becomes a dialogue that passes")
    func toDialogue() throws {
        let scratch = try ScratchDirectory(label: "replay")
        defer { scratch.remove() }
        let file = try Self.record(into: scratch.path)
        let text = try DialogueExporter.dialogue(paths: [file], session: "s-rec")
        #expect(text.hasPrefix("# Recorded session s-rec (stdio stdin, 2026-11-22)\n@now 2026-11-22T10:00:00+08:00\n"))
        #expect(text.contains("> 3栋2单元501厨房水管漏水了\n"))
        #expect(text.contains("> 13800005678\n"), "a masked phone is replayed with stand-in digits")
        #expect(text.contains("record: repair\ncontains: REP-20261122-\n"))
        let result = try Repo.runner().run(try DialogueParser.parse(text, path: "recorded.dialogue"))
        #expect(result.passed, "\(DialogueReport.text([result]))")
    }

    @Test("masked digits get stand-ins")
    func standIns() {
        #expect(ReplayChecker.standIn(for: "电话138****5678") == ("电话13800005678", true))
        #expect(ReplayChecker.standIn(for: "a ** b 1*") == ("a ** b 1*", false))
    }
}
