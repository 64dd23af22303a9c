import Foundation
import FrontDeskContent
import FrontDeskModel
import FrontDeskQA
import FrontDeskTestSupport
import Testing

/// Runs the built `frontdesk` binary (swift test builds every product) with bytes on stdin, through the test
/// support's runner (which fails naming the paths it tried when the binary is missing).
enum Binary {
    static func run(_ args: [String], stdin: [UInt8] = []) throws -> (status: Int32, out: String, err: String) {
        let result = try FrontDeskBinary.run(args, stdin: Data(stdin), cwd: URL(fileURLWithPath: Repo.root))
        return (result.status, result.out, result.err)
    }
}

@Suite("frontdesk chat, test and replay, end to end", .serialized)
struct ChatBinaryTests {
    static let now = "2026-11-22T10:00:00+08:00"

    @Test("chat --json: one JSON line per input line, no greeting; bad lines answered politely, never recorded")
    func jsonChat() throws {
        let scratch = try ScratchDirectory(label: "chat")
        defer { scratch.remove() }
        var input = Array("3栋2单元501厨房水管漏水了\r\n".utf8)
        input += Array("bad\u{1}line\n".utf8) + [0x66, 0xFF, 0xFE, 0x0A] + Array("nul\u{0}after\n".utf8)
        input += Array(repeating: UInt8(ascii: "a"), count: 9000) + [0x0A]
        input += Array("13812345678".utf8)  // unterminated last line: still answered
        let result = try Binary.run(["chat", "--json", "--now", Self.now, "--data-dir", scratch.path], stdin: input)
        #expect(result.status == 0, "\(result.err)")
        let lines = result.out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 7 && lines.last == "", "\(result.out)")
        let objects = try lines.dropLast().map { try JSON.parse(String($0)) }
        let sessions = objects.map { $0["session"]?.string ?? "" }
        #expect(sessions == Array(repeating: "s-000000000001", count: 6))
        #expect(objects[0]["intent"]?.string == "repair")
        #expect(objects[0]["awaiting"]?.string == "phone")
        for rejected in objects[1...4] {
            let reply = rejected["reply"]?.string ?? ""
            let words = Repo.forbidden.all(in: reply)
            #expect(rejected["intent"] == .null)
            #expect(words.isEmpty)
            #expect(reply.count > 10)
        }
        #expect(objects[5]["awaiting"]?.string == "confirm")
        var texts: [String] = []
        try FrontDeskJournalReading.events(scratch.path + "/transcripts/2026-11-22.jsonl") { texts.append($0.text) }
        #expect(texts.count == 4, "only the two valid lines reached the transcript: \(texts)")
        #expect(texts.contains("138****5678"))
        #expect(!texts.contains { $0.contains("bad") || $0.contains("nul") || $0.hasPrefix("aaaa") })
    }

    @Test("chat in text mode greets first, naming the office, then one reply line per input line")
    func textChat() throws {
        let scratch = try ScratchDirectory(label: "chat")
        defer { scratch.remove() }
        let result = try Binary.run(
            ["chat", "--now", Self.now, "--data-dir", scratch.path], stdin: Array("你好\n再见\n".utf8))
        #expect(result.status == 0)
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.first?.contains("翠湖花园物业客服中心") == true)
        #expect(lines.last?.contains("再见") == true)
    }

    @Test("test exits 1 on a failing dialogue and ends with the summary line")
    func testCommandFails() throws {
        let scratch = try ScratchDirectory(label: "test-cmd")
        defer { scratch.remove() }
        let path = scratch.path + "/wrong.dialogue"
        try "# wrong\n> 你好\nintent: complaint\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try Binary.run(["test", path])
        #expect(result.status == 1)
        #expect(result.out.contains("\(path):3: expected intent: complaint\n    actual intent: greeting"))
        #expect(result.out.hasSuffix("\n0 passed, 1 failed\n"), "\(result.out)")
    }

    @Test("replay prints a recorded chat; --check passes on it and counts turns")
    func replayCheck() throws {
        let scratch = try ScratchDirectory(label: "replay-cmd")
        defer { scratch.remove() }
        let chat = try Binary.run(
            ["chat", "--now", Self.now, "--data-dir", scratch.path],
            stdin: Array("3栋2单元501厨房水管漏水了\n13812345678\n对\n".utf8))
        #expect(chat.status == 0)
        let file = scratch.path + "/transcripts/2026-11-22.jsonl"
        let shown = try Binary.run(["replay", file])
        #expect(shown.status == 0)
        #expect(shown.out.contains("── session s-000000000001 · stdio stdin · 2026-11-22 ──"))
        #expect(shown.out.contains("10:00:00  resident  138****5678"))
        #expect(shown.out.contains("record REP-20261122-0001 (repair, open)"))
        #expect(!shown.out.contains("\u{1B}["), "no colours when stdout is not a terminal")
        let check = try Binary.run(["replay", file, "--check"])
        #expect(check.status == 0, "\(check.out)")
        #expect(check.out.hasSuffix("4 passed, 0 failed\n"), "\(check.out)")
    }
}
