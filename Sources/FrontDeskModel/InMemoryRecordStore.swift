import Synchronization

/// A `RecordStore` in memory: what dialogue tests and scripted dialogues run against.
/// It can be told to fail writes, so tests show that a failed save is never acknowledged.
///
/// Besides the book it keeps two small indexes, so a turn never scans every record or audit event:
/// the times of the audit events per kind and unit, and the records awaiting a return visit.
public final class InMemoryRecordStore: RecordStore {
    private struct State {
        var book = RecordBook()
        var failWrites: String?
        /// `at` of the audit events per kind and unit, sorted (appends are almost always in order).
        var auditTimes: [AuditKey: [String]] = [:]
        /// Position of every record in creation order.
        var creationIndex: [String: Int] = [:]
        /// Records resolved and not yet revisited, by creation position.
        var awaitingRevisit: [Int: String] = [:]

        /// Keeps `awaitingRevisit` in step with a record as it now is.
        mutating func track(_ record: Record) {
            guard let position = creationIndex[record.id] else { return }
            awaitingRevisit[position] = Record.isAwaitingRevisit(record) ? record.id : nil
        }
    }

    private struct AuditKey: Hashable {
        var kind: String
        var unit: String?
    }

    private let state = Mutex(State())  // guards the book, its indexes and the failure switch

    /// An empty store whose writes succeed.
    public init() {}

    /// From now on every write fails with `StoreError.writeFailed(reason)` (`nil`: writes work again).
    public func failWrites(_ reason: String?) { state.withLock { $0.failWrites = reason } }

    /// Assigns the next ID, adds the `open` history entry when missing and keeps the record.
    ///
    /// - Throws: `StoreError.writeFailed` while `failWrites(_:)` is set; `.invalid` when `createdAt` is not ISO 8601.
    public func create(_ draft: Record) throws(StoreError) -> Record {
        try state.withLock { (s: inout State) throws(StoreError) -> Record in
            if let reason = s.failWrites { throw .writeFailed(reason) }
            let record = try s.book.prepare(draft)
            s.book.insert(record)
            if s.creationIndex[record.id] == nil { s.creationIndex[record.id] = s.creationIndex.count }
            s.track(record)
            return record
        }
    }

    /// Applies a status step, note or return-visit answer and returns the record as it now is.
    ///
    /// - Throws: `StoreError.writeFailed` while `failWrites(_:)` is set; `.notFound` or `.invalid`
    ///   as `RecordBook.applying(_:)`.
    public func update(_ update: RecordUpdate) throws(StoreError) -> Record {
        try state.withLock { (s: inout State) throws(StoreError) -> Record in
            if let reason = s.failWrites { throw .writeFailed(reason) }
            let record = try s.book.apply(update)
            s.track(record)
            return record
        }
    }

    /// The record with this ID as it now is.
    public func record(id: String) -> Record? { state.withLock { $0.book.record(id: id) } }

    /// Every record, in creation order.
    public func allRecords() -> [Record] { state.withLock { $0.book.records } }

    /// Appends an audit event and indexes its time by kind and unit.
    ///
    /// - Throws: `StoreError.writeFailed` while `failWrites(_:)` is set.
    public func audit(_ event: AuditEvent) throws(StoreError) {
        try state.withLock { (s: inout State) throws(StoreError) in
            if let reason = s.failWrites { throw .writeFailed(reason) }
            s.book.append(event)
            let key = AuditKey(kind: event.kind, unit: event.unit)
            var times = s.auditTimes.removeValue(forKey: key) ?? []
            if let last = times.last, event.at < last {
                times.insert(event.at, at: InMemoryRecordStore.firstIndex(in: times, notBefore: event.at))
            } else {
                times.append(event.at)
            }
            s.auditTimes[key] = times
        }
    }

    /// Audit events at or after `since` (ISO 8601), in the order they were appended.
    public func auditEvents(since: String) -> [AuditEvent] {
        state.withLock { $0.book.auditEvents.filter { $0.at >= since } }
    }

    /// How many audit events of `kind` for `unit` are at or after `since`, from the per-kind-and-unit index.
    public func auditEventCount(kind: String, unit: String, since: String) -> Int {
        state.withLock { s in
            guard let times = s.auditTimes[AuditKey(kind: kind, unit: unit)] else { return 0 }
            return times.count - InMemoryRecordStore.firstIndex(in: times, notBefore: since)
        }
    }

    /// Records resolved and not yet revisited, in creation order, from the index kept on every write.
    public func recordsAwaitingRevisit() -> [Record] {
        state.withLock { s in
            s.awaitingRevisit.keys.sorted().compactMap { s.book.record(id: s.awaitingRevisit[$0]!) }
        }
    }

    /// The first index of sorted `times` whose time is `>= bound` (binary search).
    private static func firstIndex(in times: [String], notBefore bound: String) -> Int {
        var low = 0
        var high = times.count
        while low < high {
            let middle = (low + high) / 2
            if times[middle] < bound { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
