import Foundation
import FrontDeskModel
import Synchronization
import Testing

@testable import FrontDeskJournal

@Suite struct TranscriptTests {
    static let hostile: [String] = [
        "他说\"漏水\"了", #"C:\path\to\file \\ \" \n"#, "第一行\n第二行\r\n第三行", "😀👨‍👩‍👧 emoji 🏠",
        "ctl \u{0}\u{1}\u{7}\u{1B}[31m\u{7F} end", "\u{2028}line sep\u{2029}", String(repeating: "长文本", count: 3500),
        "", " ", "{\"json\":\"inside\"}",
    ]

    func event(_ text: String, time: String = "2026-11-22T10:03:00+08:00", seq: Int = 1, role: Role = .resident)
        -> TranscriptEvent
    {
        TranscriptEvent(
            time: time, session: "s-1", seq: seq, channel: "tcp", peer: "127.0.0.1:5000", role: role, text: text,
            intent: role == .bot ? "repair" : nil, slots: JSONObject([("unit", .string("3-2-501"))]),
            record: role == .bot ? RecordReference(id: "REP-20261122-0001", type: "repair", status: "open") : nil)
    }

    @Test func hostileTextRoundTripsByteForByte() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let writer = try TranscriptWriter(directory: dir.path)
        let sent = TranscriptTests.hostile.enumerated().map {
            event($0.element, seq: $0.offset + 1, role: $0.offset % 2 == 0 ? .resident : .bot)
        }
        for e in sent { writer.append(e) }
        writer.close()
        var read: [TranscriptEvent] = []
        let skipped = try TranscriptReader.forEachEvent(paths: [dir.file("2026-11-22.jsonl")]) { read.append($0) }
        #expect(skipped == 0)
        #expect(read == sent)
        #expect(read.map { Array($0.text.utf8) } == TranscriptTests.hostile.map { Array($0.utf8) })
        let lines = bytes(dir.file("2026-11-22.jsonl")).split(separator: UInt8(ascii: "\n"))
        #expect(lines.count == sent.count)
        #expect(bytes(dir.file("2026-11-22.jsonl")) == Array(sent.map { $0.json.serialized + "\n" }.joined().utf8))
    }

    @Test(
        arguments: TranscriptTests.hostile + ["\u{2027}\u{2028}x\u{E2}", "a\u{1F}b\u{7F}c\u{80}d", "\u{E000}\u{FFFF}"])
    func theOneWriterIsOneLineAndRoundTrips(text: String) throws {
        let value: JSON = ["text": .string(text), "n": 1.5, "list": [nil, true, 3], "nested": ["k\"": .string(text)]]
        let line = value.serialized
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{2028}" || $0 == "\u{2029}" })
        #expect(try JSON.parse(Data(line.utf8)) == value)
    }

    @Test func theWriterEscapesExactly() {
        #expect(JSON.string("a\"b\\c\n\r\t\u{1}\u{7F}\u{2028}\u{2029}\u{2027}好").serialized
            == #""a\"b\\c\n\r\t\u0001\u007f\u2028\u2029\#u{2027}好""#)
    }

    @Test func randomTextRoundTrips() throws {
        let dir = TempDir()
        defer { dir.remove() }
        var generator = SystemRandomNumberGenerator()
        var texts: [String] = []
        for _ in 0..<300 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0..<80, using: &generator) {
                let pick = Int.random(in: 0..<4, using: &generator)
                let value: UInt32 =
                    switch pick {
                    case 0: UInt32.random(in: 0..<0x80, using: &generator)
                    case 1: UInt32.random(in: 0x4E00..<0x9FA5, using: &generator)
                    case 2: UInt32.random(in: 0x1F300..<0x1FAFF, using: &generator)
                    default: [0x22, 0x5C, 0x0A, 0x0D, 0x00, 0x2028, 0xFEFF][Int.random(in: 0..<7, using: &generator)]
                    }
                if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
            }
            texts.append(String(scalars))
        }
        let writer = try TranscriptWriter(directory: dir.path)
        for (i, text) in texts.enumerated() { writer.append(event(text, seq: i + 1)) }
        writer.close()
        var read: [String] = []
        try TranscriptReader.forEachEvent(paths: [dir.file("2026-11-22.jsonl")]) { read.append($0.text) }
        #expect(read == texts)
    }

    @Test func oneFilePerDayOwnerOnly() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let transcripts = dir.file("var/transcripts")
        let writer = try TranscriptWriter(directory: transcripts)
        writer.append(event("晚上好", time: "2026-11-22T23:59:59+08:00"))
        writer.append(event("早上好", time: "2026-11-23T00:00:01+08:00", seq: 2))
        writer.flush()
        writer.append(event("again", time: "2026-11-23T08:00:00+08:00", seq: 3))
        writer.close()
        #expect(entries(transcripts, prefix: "") == ["2026-11-22.jsonl", "2026-11-23.jsonl"])
        #expect(permissions(transcripts) == 0o700)
        #expect(permissions(dir.file("var")) == 0o700)
        #expect(permissions(transcripts + "/2026-11-22.jsonl") == 0o600)
        #expect(permissions(transcripts + "/2026-11-23.jsonl") == 0o600)
        var texts: [String] = []
        try TranscriptReader.forEachEvent(paths: [transcripts + "/2026-11-22.jsonl", transcripts + "/2026-11-23.jsonl"])
        {
            texts.append($0.text)
        }
        #expect(texts == ["晚上好", "早上好", "again"])
    }

    @Test func flushWritesNowAndCloseFlushesTheRest() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let writer = try TranscriptWriter(directory: dir.path, flushInterval: 3600, onError: { _ in })
        writer.append(event("一"))
        #expect(bytes(dir.file("2026-11-22.jsonl")).isEmpty)
        writer.flush()
        #expect(bytes(dir.file("2026-11-22.jsonl")).count > 0)
        writer.append(event("二", seq: 2))
        writer.close()
        var count = 0
        try TranscriptReader.forEachEvent(paths: [dir.file("2026-11-22.jsonl")]) { _ in count += 1 }
        #expect(count == 2)
    }

    @Test func appendsFromManyThreadsAllArrive() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let writer = try TranscriptWriter(directory: dir.path)
        onThreads(8) { t in
            for i in 0..<500 { writer.append(event("t\(t) \(i)", seq: i + 1)) }
        }
        writer.close()
        var count = 0
        let skipped = try TranscriptReader.forEachEvent(paths: [dir.file("2026-11-22.jsonl")]) { _ in count += 1 }
        #expect(count == 4000)
        #expect(skipped == 0)
    }

    /// The writer's queues are per session (no lock shared by every append): every event arrives, and each session's
    /// events stay in the order they were appended, even across flushes and across days.
    @Test func eachSessionsEventsStayInOrderAcrossTheQueues() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let writer = try TranscriptWriter(directory: dir.path, flushInterval: 0.01) { _ in }
        // Sequential IDs as `serve --now` makes them (`s-000000000001`, …): spread over the queues.
        let sessions = (1...40).map { String(format: "s-%012x", $0) }
        #expect(Set(sessions.map(TranscriptWriter.shard(of:))).count == TranscriptWriter.shardCount)
        onThreads(4) { t in
            for i in 0..<300 {
                for session in sessions[(t * 10)..<(t * 10 + 10)] {
                    var e = event("\(session) \(i)", time: i < 150 ? "2026-11-22T23:59:59+08:00" : "2026-11-23T00:00:01+08:00",
                        seq: i + 1)
                    e.session = session
                    writer.append(e)
                }
                if i % 50 == 0 { usleep(2000) }
            }
        }
        writer.close()
        var last: [String: Int] = [:]
        var count = 0
        let paths = [dir.file("2026-11-22.jsonl"), dir.file("2026-11-23.jsonl")]
        let skipped = try TranscriptReader.forEachEvent(paths: paths) { e in
            count += 1
            #expect(e.seq == last[e.session, default: 0] + 1, "\(e.session) \(e.seq)")
            #expect(e.text == "\(e.session) \(e.seq - 1)")
            last[e.session] = e.seq
        }
        #expect(count == 40 * 300)
        #expect(skipped == 0)
    }

    @Test func writeFailureIsReportedOnceAndNeverCrashes() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let messages = Mutex<[String]>([])
        let writer = try TranscriptWriter(directory: dir.path, flushInterval: 3600) { m in
            messages.withLock { $0.append(m) }
        }
        // A directory where the day's file should be: opening it for writing fails.
        try FileManager.default.createDirectory(
            atPath: dir.file("2026-11-22.jsonl"), withIntermediateDirectories: false)
        writer.append(event("lost"))
        writer.flush()
        writer.append(event("lost too", seq: 2))
        writer.close()
        let seen = messages.withLock { $0 }
        #expect(seen.count == 1)
        #expect(seen.first?.contains("2026-11-22.jsonl") == true)
    }

    @Test func readerSkipsLinesThatAreNotEvents() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let good = event("好").json.serialized
        overwrite(dir.file("t.jsonl"), Array("\(good)\nnot json\n\n{\"time\":\"x\"}\r\n\(good)\r\n{\"trunc".utf8))
        var count = 0
        let skipped = try TranscriptReader.forEachEvent(paths: [dir.file("t.jsonl")]) { _ in count += 1 }
        #expect(count == 2)
        #expect(skipped == 3)
    }

    @Test func dayComesFromTheEventTime() {
        #expect(TranscriptWriter.day(of: "2026-11-22T10:03:00+08:00") == "2026-11-22")
        #expect(TranscriptWriter.day(of: "../../etc/passwd") == "undated")
        #expect(TranscriptWriter.day(of: "2026") == "undated")
    }
}
