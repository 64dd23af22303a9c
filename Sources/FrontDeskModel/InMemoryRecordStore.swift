import Synchronization

/// A `RecordStore` in memory: what dialogue tests and scripted dialogues run against.
/// It can be told to fail writes, so tests show that a failed save is never acknowledged.
/// Its state is a `RecordBook`, as the file journal's is, so both assign IDs, apply updates and
/// answer the indexed queries alike.
public final class InMemoryRecordStore: RecordStore {
    private struct State {
        var book = RecordBook()
        var failWrites: String?
        /// Writes that still succeed before `failWrites` takes effect.
        var writesBeforeFailure = 0

        /// Throws when this write is to fail.
        mutating func checkWrite() throws(StoreError) {
            guard let reason = failWrites else { return }
            if writesBeforeFailure > 0 {
                writesBeforeFailure -= 1
                return
            }
            throw .writeFailed(reason)
        }
    }

    private let state = Mutex(State())  // guards the book and the failure switch

    /// An empty store whose writes succeed.
    public init() {}

    /// From now on every write fails with `StoreError.writeFailed(reason)` (`nil`: writes work again); with
    /// `after`, the next `after` writes (creates, updates, audit events) still succeed and the ones after them fail.
    public func failWrites(_ reason: String?, after: Int = 0) {
        state.withLock {
            $0.failWrites = reason
            $0.writesBeforeFailure = after
        }
    }

    /// Assigns the next ID, adds the `open` history entry when missing and keeps the record.
    ///
    /// - Throws: `StoreError.writeFailed` while `failWrites(_:)` is set; `.invalid` when `createdAt`
    ///   is not ISO 8601.
    public func create(_ draft: Record) throws(StoreError) -> Record {
        try state.withLock { (s: inout State) throws(StoreError) -> Record in
            try s.checkWrite()
            let record = try s.book.prepare(draft)
            s.book.insert(record)
            return record
        }
    }

    /// Applies a status step, note or return-visit answer and returns the record as it now is.
    ///
    /// - Throws: `StoreError.writeFailed` while `failWrites(_:)` is set; `.notFound` or `.invalid`
    ///   as `RecordBook.applying(_:)`.
    public func update(_ update: RecordUpdate) throws(StoreError) -> Record {
        try state.withLock { (s: inout State) throws(StoreError) -> Record in
            try s.checkWrite()
            return try s.book.apply(update)
        }
    }

    /// The record with this ID as it now is.
    public func record(id: String) -> Record? { state.withLock { $0.book.record(id: id) } }

    /// Every record, in creation order.
    public func allRecords() -> [Record] { state.withLock { $0.book.records } }

    /// Appends an audit event (the book indexes its time by kind and unit).
    ///
    /// - Throws: `StoreError.writeFailed` while `failWrites(_:)` is set.
    public func audit(_ event: AuditEvent) throws(StoreError) {
        try state.withLock { (s: inout State) throws(StoreError) in
            try s.checkWrite()
            s.book.append(event)
        }
    }

    /// Audit events at or after `since` (ISO 8601), in the order they were appended.
    public func auditEvents(since: String) -> [AuditEvent] {
        state.withLock { $0.book.auditEvents.filter { $0.at >= since } }
    }

    /// How many audit events of `kind` for `unit` are at or after `since`, from the book's index.
    public func auditEventCount(kind: String, unit: String, since: String) -> Int {
        state.withLock { $0.book.auditEventCount(kind: kind, unit: unit, since: since) }
    }

    /// Records resolved and not yet revisited, in creation order, from the book's index.
    public func recordsAwaitingRevisit() -> [Record] { state.withLock { $0.book.recordsAwaitingRevisit() } }
}
