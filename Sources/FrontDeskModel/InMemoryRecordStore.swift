import Synchronization

/// A `RecordStore` in memory: what dialogue tests and scripted dialogues run against.
/// It can be told to fail writes, so tests show that a failed save is never acknowledged.
/// Its state is a `RecordBook`, as the file journal's is, so both assign IDs, apply updates and
/// answer the indexed queries alike.
public final class InMemoryRecordStore: RecordStore {
    private struct State {
        var book = RecordBook()
        var failWrites: String?
    }

    private let state = Mutex(State())  // guards the book and the failure switch

    public init() {}

    /// From now on every write fails with `StoreError.writeFailed(reason)` (`nil`: writes work again).
    public func failWrites(_ reason: String?) { state.withLock { $0.failWrites = reason } }

    public func create(_ draft: Record) throws(StoreError) -> Record {
        try state.withLock { (s: inout State) throws(StoreError) -> Record in
            if let reason = s.failWrites { throw .writeFailed(reason) }
            let record = try s.book.prepare(draft)
            s.book.insert(record)
            return record
        }
    }

    public func update(_ update: RecordUpdate) throws(StoreError) -> Record {
        try state.withLock { (s: inout State) throws(StoreError) -> Record in
            if let reason = s.failWrites { throw .writeFailed(reason) }
            return try s.book.apply(update)
        }
    }

    public func record(id: String) -> Record? { state.withLock { $0.book.record(id: id) } }

    public func allRecords() -> [Record] { state.withLock { $0.book.records } }

    public func audit(_ event: AuditEvent) throws(StoreError) {
        try state.withLock { (s: inout State) throws(StoreError) in
            if let reason = s.failWrites { throw .writeFailed(reason) }
            s.book.append(event)
        }
    }

    public func auditEvents(since: String) -> [AuditEvent] {
        state.withLock { $0.book.auditEvents.filter { $0.at >= since } }
    }

    public func auditEventCount(kind: String, unit: String, since: String) -> Int {
        state.withLock { $0.book.auditEventCount(kind: kind, unit: unit, since: since) }
    }

    public func recordsAwaitingRevisit() -> [Record] { state.withLock { $0.book.recordsAwaitingRevisit() } }
}
