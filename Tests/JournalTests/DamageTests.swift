import Foundation
import FrontDeskModel
import Testing

@testable import FrontDeskJournal

@Suite struct DamageTests {
    /// A journal of `count` repairs, closed; its bytes and the offset where its last line starts.
    func journal(records count: Int, in dir: TempDir) throws -> (data: [UInt8], lastLineStart: Int) {
        let journal = try FileJournal(directory: dir.path)
        for i in 0..<count { _ = try journal.create(draft(description: "第\(i)条 \"quoted\" \\ ✓")) }
        journal.close()
        let data = bytes(journal.path)
        let lastLineStart = (data.dropLast().lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
        return (data, lastLineStart)
    }

    @Test func tornTailAtEveryOffsetOfTheLastLine() throws {
        let source = TempDir()
        defer { source.remove() }
        let (data, start) = try journal(records: 4, in: source)
        for cut in (start + 1)..<data.count {
            let dir = TempDir()
            defer { dir.remove() }
            overwrite(dir.file("records.jsonl"), Array(data[0..<cut]))
            do {
                let journal = try FileJournal(directory: dir.path)
                #expect(journal.allRecords().map(\.id) == (1...3).map { "REP-20261122-000\($0)" }, "cut at \(cut)")
                #expect(journal.recovery.count == 1)
                #expect(journal.recovery.first?.contains("byte \(start)") == true)
                #expect(journal.recovery.first?.contains("records.jsonl.broken-\(start)") == true)
                #expect(bytes(dir.file("records.jsonl.broken-\(start)")) == Array(data[start..<cut]))
                #expect(permissions(dir.file("records.jsonl.broken-\(start)")) == 0o600)
                #expect(bytes(dir.file("records.jsonl")) == Array(data[0..<start]))
                #expect(try journal.create(draft()).id == "REP-20261122-0004", "cut at \(cut)")
                journal.close()
            }
            let reopened = try FileJournal(directory: dir.path)
            #expect(reopened.recovery.isEmpty)
            #expect(reopened.allRecords().count == 4)
            #expect(reopened.record(id: "REP-20261122-0004") != nil)
            reopened.close()
        }
    }

    @Test func cutAtALineBoundaryIsNotDamage() throws {
        let source = TempDir()
        defer { source.remove() }
        let (data, start) = try journal(records: 3, in: source)
        let dir = TempDir()
        defer { dir.remove() }
        overwrite(dir.file("records.jsonl"), Array(data[0..<start]))
        let journal = try FileJournal(directory: dir.path)
        defer { journal.close() }
        #expect(journal.recovery.isEmpty)
        #expect(journal.allRecords().count == 2)
    }

    @Test func corruptionInTheMiddleRefusesAndRepairFixes() throws {
        let dir = TempDir()
        defer { dir.remove() }
        var (data, _) = try journal(records: 5, in: dir)
        let lineStarts = [0] + data.indices.filter { data[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
        let secondLine = lineStarts[1]
        data[secondLine + 30] ^= 0x01
        overwrite(dir.file("records.jsonl"), data)
        do {
            _ = try FileJournal(directory: dir.path)
            Issue.record("opening a corrupt journal should fail")
        } catch {
            #expect(error.message.contains("line 2"))
            #expect(error.message.contains("byte \(secondLine)"))
            #expect(error.message.contains(dir.file("records.jsonl")))
            #expect(error.message.contains("frontdesk records repair --data-dir \(dir.path)"))
        }
        let report = try FileJournal.repair(directory: dir.path)
        #expect(report.first?.contains("line 2") == true)
        #expect(report.first?.contains("records.jsonl.broken-\(secondLine)") == true)
        #expect(bytes(dir.file("records.jsonl.broken-\(secondLine)")) == Array(data[secondLine..<lineStarts[2]]))
        #expect(bytes(dir.file("records.jsonl")) == Array(data[0..<secondLine] + data[lineStarts[2]...]))
        #expect(permissions(dir.file("records.jsonl")) == 0o600)
        let journal = try FileJournal(directory: dir.path)
        defer { journal.close() }
        #expect(
            journal.allRecords().map(\.id) == [
                "REP-20261122-0001", "REP-20261122-0003", "REP-20261122-0004", "REP-20261122-0005",
            ])
        #expect(try journal.create(draft()).id == "REP-20261122-0006")
        #expect(try FileJournal.repair(directory: dir.path).first?.contains("nothing to repair") == true)
    }

    @Test func repairMovesSeveralRegionsAndATornTail() throws {
        let dir = TempDir()
        defer { dir.remove() }
        var (data, _) = try journal(records: 6, in: dir)
        let starts = [0] + data.indices.filter { data[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
        data[starts[1] + 5] = UInt8(ascii: "#")
        data[starts[2] + 5] = UInt8(ascii: "#")
        data[starts[4] + 9] = UInt8(ascii: "#")
        data.append(contentsOf: Array("{\"v\":1,\"se".utf8))
        overwrite(dir.file("records.jsonl"), data)
        let report = try FileJournal.repair(directory: dir.path)
        #expect(report.count == 4)
        #expect(report[0].contains("lines 2–3"))
        #expect(report[1].contains("line 5"))
        #expect(report[2].contains("line 7"))
        #expect(entries(dir.path, prefix: "records.jsonl.broken-").count == 3)
        let journal = try FileJournal(directory: dir.path)
        defer { journal.close() }
        #expect(journal.allRecords().map(\.id) == ["REP-20261122-0001", "REP-20261122-0004", "REP-20261122-0006"])
    }

    @Test func newerFormatVersionIsAClearError() throws {
        let dir = TempDir()
        defer { dir.remove() }
        var line = Array(#"{"v":2,"seq":1,"event":"create","data":{}"#.utf8)
        let crc = CRC32.hex(CRC32.checksum(line[...]))
        line += Array(#","crc":""#.utf8) + crc + Array("\"}\n".utf8)
        overwrite(dir.file("records.jsonl"), line)
        #expect(throws: JournalError.self) { _ = try FileJournal(directory: dir.path) }
        do {
            _ = try FileJournal(directory: dir.path)
        } catch {
            #expect(error.message.contains("version 2"))
        }
    }

    @Test func duplicatedSequenceIsDamage() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let (data, start) = try journal(records: 2, in: dir)
        overwrite(dir.file("records.jsonl"), data + Array(data[start...]))  // line 2 again
        let journal = try FileJournal(directory: dir.path)
        defer { journal.close() }
        #expect(journal.recovery.first?.contains("sequence number 2") == true)
        #expect(journal.allRecords().count == 2)
    }
}
