import Foundation
import FrontDeskModel
import Testing

@testable import FrontDeskJournal

/// One reader of the journal: the full decode and the envelope fast path agree on every line of a
/// real file, and on which lines of a torn or damaged file are bad.
@Suite struct JournalReaderTests {
    /// A real journal written by `FileJournal`: three creates, an update, an audit.
    func writeJournal(_ dir: TempDir) throws -> String {
        let journal = try FileJournal(directory: dir.path)
        for _ in 0..<3 { _ = try journal.create(draft()) }
        _ = try journal.update(
            RecordUpdate(id: "REP-20261122-0002", at: "2026-11-22T11:00:00+08:00", actor: "o", status: "closed"))
        try journal.audit(AuditEvent(kind: "verify_failed", at: "2026-11-22T11:05:00+08:00", session: "s-1"))
        journal.close()
        return journal.path
    }

    /// What the fast path sees: each envelope's sequence number and kind.
    func envelopes(_ path: String) throws -> (seen: [String], damaged: Int) {
        var seen: [String] = []
        let damaged = try JournalReader.forEachEnvelope(path: path) { envelope, skim in
            seen.append("\(envelope.seq):\(envelope.kind)")
            return skim.b[envelope.data.lowerBound] == UInt8(ascii: "{")
        }
        return (seen, damaged)
    }

    /// What the full decode sees: the same, from every event.
    func events(_ path: String) throws -> (seen: [String], damaged: Int) {
        var seen: [String] = []
        let damaged = try JournalReader.forEachEvent(path: path) { event in
            seen.append(event.kind)
        }
        return (seen, damaged)
    }

    @Test func bothPathsReadARealFileAlike() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = try writeJournal(dir)
        let fast = try envelopes(path)
        #expect(fast.seen == ["1:create", "2:create", "3:create", "4:update", "5:audit"])
        #expect(fast.damaged == 0)
        let full = try events(path)
        #expect(full.seen == ["create", "create", "create", "update", "audit"])
        #expect(full.damaged == 0)
    }

    @Test func aTornLastLineIsDamageForBoth() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = try writeJournal(dir)
        let whole = bytes(path)
        // Cut the last line at every offset but its end: always one damaged line, four good ones.
        let lastStart = whole.dropLast().lastIndex(of: UInt8(ascii: "\n"))! + 1
        for cut in lastStart + 1..<whole.count {
            overwrite(path, Array(whole[..<cut]))
            let fast = try envelopes(path)
            let full = try events(path)
            #expect(fast.seen.count == 4 && fast.damaged == 1, "cut at \(cut)")
            #expect(full.seen.count == 4 && full.damaged == 1, "cut at \(cut)")
        }
    }

    @Test(arguments: [
        ("checksum", #"{"v":1,"seq":7,"event":"audit","data":{},"crc":"00000000"}"#),
        ("newer version", "v2"),
        ("unknown event", "frob"),
        ("data not an object", "data"),
    ])
    func aBadLineInTheMiddleIsSkippedAndCountedByBoth(_ why: String, _ line: String) throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = try writeJournal(dir)
        let text = String(decoding: bytes(path), as: UTF8.self)
        var lines = text.split(separator: "\n").map(String.init)
        let bad: String
        switch line {
        case "v2": bad = Self.sealed(#"{"v":2,"seq":7,"event":"audit","data":{}"#)
        case "frob": bad = Self.sealed(#"{"v":1,"seq":7,"event":"frob","data":{}"#)
        case "data": bad = Self.sealed(#"{"v":1,"seq":7,"event":"audit","data":[1]"#)
        default: bad = line
        }
        lines.insert(bad, at: 2)
        overwrite(path, Array((lines.joined(separator: "\n") + "\n").utf8))
        #expect(throws: JournalLine.Damage.self, "\(why)") {
            try Array(bad.utf8).withUnsafeBufferPointer { b throws(JournalLine.Damage) in
                _ = try JournalLine.envelope(b)
            }
        }
        let fast = try envelopes(path)
        let full = try events(path)
        #expect(fast.seen.count == 5 && fast.damaged == 1, "\(why)")
        #expect(full.seen.count == 5 && full.damaged == 1, "\(why)")
    }

    @Test func aSealedLineIsGood() throws {
        // The helper below makes lines the envelope accepts: the checks above fail for their own reason.
        let line = Array(Self.sealed(#"{"v":1,"seq":7,"event":"audit","data":{}"#).utf8)
        let envelope = try line.withUnsafeBufferPointer { b throws(JournalLine.Damage) in try JournalLine.envelope(b) }
        #expect(envelope.seq == 7 && envelope.kind == .audit)
    }

    @Test func aMissingFileIsAnError() {
        #expect(throws: JournalError.self) { try envelopes("/nonexistent/records.jsonl") }
        #expect(throws: JournalError.self) { try events("/nonexistent/records.jsonl") }
    }

    /// `head` (a line up to its `data`) with its checksum and closing brace.
    static func sealed(_ head: String) -> String {
        let crc = String(decoding: CRC32.hex(CRC32.checksum(ArraySlice(head.utf8))), as: UTF8.self)
        return head + #","crc":""# + crc + #""}"#
    }
}
