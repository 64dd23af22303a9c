import FrontDeskModel
import Testing

@testable import FrontDeskJournal

/// `auditEventCount(kind:unit:since:)` and `recordsAwaitingRevisit()` give what filtering
/// `auditEvents(since:)` and `allRecords()` gives, in the file journal and the in-memory store alike.
@Suite struct StoreQueryTests {
    /// Audit events out of time order, other kinds and units, resolutions, a revisit and a reopening.
    func exercise(_ store: any RecordStore) throws {
        let times = [
            "2026-11-22T10:00:00+08:00", "2026-11-21T09:00:00+08:00", "2026-11-22T10:00:00+08:00",
            "2026-11-23T08:00:00+08:00",
        ]
        for (index, time) in times.enumerated() {
            try store.audit(AuditEvent(kind: "verify_failed", at: time, session: "s-\(index)", unit: "3-2-501"))
        }
        try store.audit(AuditEvent(kind: "verify_failed", at: times[0], session: "s-9", unit: "3-2-502"))
        try store.audit(AuditEvent(kind: "fee_disclosure", at: times[0], session: "s-9", unit: "3-2-501"))
        try store.audit(AuditEvent(kind: "verify_failed", at: times[0], session: "s-9"))
        for since in [
            "", "2026-11-21T09:00:00+08:00", "2026-11-22T10:00:00+08:00", "2026-11-22T10:00:01+08:00",
            "2026-11-24T00:00:00+08:00",
        ] {
            for (kind, unit) in [("verify_failed", "3-2-501"), ("verify_failed", "3-2-502"), ("lockout", "3-2-501")] {
                let expected = store.auditEvents(since: since).filter { $0.kind == kind && $0.unit == unit }.count
                #expect(
                    store.auditEventCount(kind: kind, unit: unit, since: since) == expected, "\(kind) \(unit) \(since)")
            }
        }
        #expect(store.auditEventCount(kind: "verify_failed", unit: "3-2-501", since: "2026-11-22T00:00:00+08:00") == 3)

        let records = try (0..<4).map { _ in try store.create(draft()) }
        #expect(store.recordsAwaitingRevisit().isEmpty)
        for record in records.reversed() {
            _ = try store.update(
                RecordUpdate(id: record.id, at: "2026-11-22T11:00:00+08:00", actor: "x", status: "resolved"))
        }
        _ = try store.update(
            RecordUpdate(id: records[1].id, at: "2026-11-22T12:00:00+08:00", actor: "r", satisfaction: "满意"))
        _ = try store.update(
            RecordUpdate(id: records[2].id, at: "2026-11-22T12:00:00+08:00", actor: "x", status: "closed"))
        let expected = store.allRecords().filter { $0.status == "resolved" && $0.revisitedAt == nil }
        #expect(store.recordsAwaitingRevisit() == expected)
        #expect(store.recordsAwaitingRevisit().map(\.id) == [records[0].id, records[3].id])
    }

    @Test func inMemoryStoreAnswersLikeFiltering() throws {
        try exercise(InMemoryRecordStore())
    }

    @Test func fileJournalAnswersLikeFiltering() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let journal = try FileJournal(directory: dir.path)
        defer { journal.close() }
        try exercise(journal)
    }
}
