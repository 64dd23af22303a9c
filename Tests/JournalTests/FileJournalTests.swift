import Foundation
import FrontDeskModel
import Testing

@testable import FrontDeskJournal

@Suite struct FileJournalTests {
    @Test func idsContinueAcrossRestartPerTypeAndDay() throws {
        let dir = TempDir()
        defer { dir.remove() }
        do {
            let journal = try FileJournal(directory: dir.path)
            #expect(try journal.create(draft()).id == "REP-20261122-0001")
            #expect(try journal.create(draft(.complaint)).id == "CMP-20261122-0001")
            journal.close()
        }
        let journal = try FileJournal(directory: dir.path)
        defer { journal.close() }
        #expect(journal.recovery.isEmpty)
        #expect(journal.allRecords().map(\.id) == ["REP-20261122-0001", "CMP-20261122-0001"])
        #expect(try journal.create(draft()).id == "REP-20261122-0002")
        #expect(try journal.create(draft(at: "2026-11-23T09:00:00+08:00")).id == "REP-20261123-0001")
        #expect(try journal.create(draft(.complaint)).id == "CMP-20261122-0002")
    }

    @Test func recordsRoundTripWithUpdatesAndAudit() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let created: Record
        do {
            let journal = try FileJournal(directory: dir.path)
            created = try journal.create(draft(description: "引号\"反斜杠\\换行\n😀"))
            _ = try journal.update(
                RecordUpdate(
                    id: created.id, at: "2026-11-22T11:00:00+08:00", actor: "王", status: "resolved", note: "换了阀门"))
            try journal.audit(
                AuditEvent(kind: "fee_disclosure", at: "2026-11-22T12:00:00+08:00", session: "s-1", unit: "3-2-501"))
            journal.close()
        }
        let journal = try FileJournal(directory: dir.path)
        defer { journal.close() }
        let record = try #require(journal.record(id: created.id))
        #expect(record.description == "引号\"反斜杠\\换行\n😀")
        #expect(record.status == "resolved")
        #expect(record.resolvedAt == "2026-11-22T11:00:00+08:00")
        #expect(record.history.map(\.status) == ["open", "resolved"])
        #expect(record.history.last?.note == "换了阀门")
        #expect(journal.auditEvents(since: "2026-11-22T00:00:00+08:00").map(\.kind) == ["fee_disclosure"])
        #expect(journal.auditEvents(since: "2026-11-23T00:00:00+08:00").isEmpty)
    }

    @Test func updateErrorsWriteNothing() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let journal = try FileJournal(directory: dir.path)
        defer { journal.close() }
        let record = try journal.create(draft())
        let size = bytes(journal.path).count
        #expect(throws: StoreError.notFound("REP-20261122-0099")) {
            try journal.update(
                RecordUpdate(id: "REP-20261122-0099", at: "2026-11-22T11:00:00+08:00", actor: "x", status: "closed"))
        }
        #expect(throws: StoreError.self) {
            try journal.update(
                RecordUpdate(id: record.id, at: "2026-11-22T11:00:00+08:00", actor: "x", status: "approved"))
        }
        #expect(bytes(journal.path).count == size)
    }

    @Test func linesCarryVersionSequenceAndChecksum() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let journal = try FileJournal(directory: dir.path)
        _ = try journal.create(draft())
        try journal.audit(AuditEvent(kind: "verify_failed", at: "2026-11-22T12:00:00+08:00", session: "s"))
        journal.close()
        let lines = String(decoding: bytes(journal.path), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 2)
        for (i, line) in lines.enumerated() {
            #expect(line.hasPrefix("{\"v\":1,\"seq\":\(i + 1),\"event\":"))
            let marker = try #require(line.range(of: ",\"crc\":\""))
            let prefix = Array(line[..<marker.lowerBound].utf8)
            let crc = String(decoding: CRC32.hex(CRC32.checksum(prefix[...])), as: UTF8.self)
            #expect(line.hasSuffix(",\"crc\":\"\(crc)\"}"))
        }
    }

    @Test func crcMatchesKnownValues() {
        #expect(CRC32.checksum(Array("123456789".utf8)[...]) == 0xCBF4_3926)
        #expect(CRC32.checksum([][...]) == 0)
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)[...]) == 0x414F_A339)
    }

    @Test func filesAreOwnerOnly() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let data = dir.file("var/nested")
        let journal = try FileJournal(directory: data)
        _ = try journal.create(draft())
        journal.close()
        #expect(permissions(data) == 0o700)
        #expect(permissions(dir.file("var")) == 0o700)
        #expect(permissions(journal.path) == 0o600)
    }

    @Test func twoInstancesSeeEachOtherAndNeverCollide() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let server = try FileJournal(directory: dir.path)
        let operatorTool = try FileJournal(directory: dir.path)
        defer {
            server.close()
            operatorTool.close()
        }
        let first = try server.create(draft())
        #expect(operatorTool.record(id: first.id)?.status == "open")
        _ = try operatorTool.update(
            RecordUpdate(id: first.id, at: "2026-11-22T11:00:00+08:00", actor: "operator", status: "dispatched"))
        #expect(server.record(id: first.id)?.status == "dispatched")
        let second = try operatorTool.create(draft())
        let third = try server.create(draft())
        #expect([first.id, second.id, third.id] == ["REP-20261122-0001", "REP-20261122-0002", "REP-20261122-0003"])
        #expect(server.allRecords().map(\.id) == operatorTool.allRecords().map(\.id))
        try operatorTool.audit(
            AuditEvent(kind: "lockout", at: "2026-11-22T12:00:00+08:00", session: "s", unit: "3-2-501"))
        #expect(server.auditEvents(since: "").count == 1)
    }

    @Test func closedJournalRefusesWrites() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let journal = try FileJournal(directory: dir.path)
        _ = try journal.create(draft())
        journal.close()
        journal.close()
        #expect(throws: StoreError.self) { try journal.create(draft()) }
        #expect(journal.allRecords().count == 1)
    }

    @Test func journalReaderStreamsEventsAndCountsDamage() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let journal = try FileJournal(directory: dir.path)
        for _ in 0..<3 { _ = try journal.create(draft()) }
        _ = try journal.update(
            RecordUpdate(id: "REP-20261122-0002", at: "2026-11-22T11:00:00+08:00", actor: "o", status: "closed"))
        journal.close()
        var data = bytes(journal.path)
        data.append(contentsOf: Array("{\"v\":1,\"seq\":9,\"ev".utf8))
        overwrite(journal.path, data)
        var kinds: [String] = []
        let damaged = try JournalReader.forEachEvent(path: journal.path) { kinds.append($0.kind) }
        #expect(kinds == ["create", "create", "create", "update"])
        #expect(damaged == 1)
        #expect(throws: JournalError.self) { try JournalReader.forEachEvent(path: dir.file("missing.jsonl")) { _ in } }
    }
}
