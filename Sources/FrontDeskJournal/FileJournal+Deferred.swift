import Dispatch
public import FrontDeskModel
import Synchronization

/// Deferred commits (issue 12, item 2): an event-loop turn reserves its record's ID and previews its updates without
/// waiting, then hands the turn's writes to the group commit, whose completion posts the reply once they are on disk.
extension FileJournal: DeferredCommitStore {
    /// The record `create(draft)` would store now, with the next ID after every one stored or reserved; reserved
    /// until its `commit` completes. Another process appending the same ID meanwhile makes that commit fail (checked
    /// under the file lock, after catching up with its lines).
    ///
    /// - Throws: `StoreError.invalid` for a bad `created_at`, `.writeFailed` once the journal is closed.
    public func reserve(_ draft: Record) throws(StoreError) -> Record {
        try state.withLock { s throws(StoreError) -> Record in
            if s.closed { throw .writeFailed("the records journal \(path) is closed") }
            var record = try s.book.prepare(draft)
            guard let (prefix, base) = RecordIDParts.split(record.id) else { return record }
            let key = String(prefix)
            var reservation = s.reservations[key] ?? Reservation(high: 0, count: 0)
            let sequence = max(base, reservation.high + 1)
            if sequence != base { record.id = BatchPlan.id(prefix: prefix, sequence: sequence) }
            reservation.high = sequence
            reservation.count += 1
            s.reservations[key] = reservation
            return record
        }
    }

    /// The record as `update(_:)` would make it now (over `pending` when given: this turn's own uncommitted record).
    ///
    /// - Throws: `StoreError.notFound`, `.invalid`.
    public func preview(_ update: RecordUpdate, over pending: Record?) throws(StoreError) -> Record {
        if let pending {
            var scratch = RecordBook()
            scratch.insert(pending)
            return try scratch.applying(update)
        }
        return try state.withLock { s throws(StoreError) -> Record in try s.book.applying(update) }
    }

    /// Queues `writes` for the next group commit as one all-or-none group; `completion` runs once they are fsync'ed
    /// (or failed), on the journal's committer thread or on a caller's that leads the batch.
    public func commit(_ writes: [PendingWrite], completion: @escaping @Sendable (StoreError?) -> Void) {
        submitDeferred(writes, completion: completion)
    }

    /// Releases the reservations of `writes` (their commit failed before reaching a batch).
    package func releaseReservations(_ writes: [PendingWrite]) {
        state.withLock { $0.release(writes) }
    }
}

extension FileJournal.State {
    /// Releases the reservations of a group's creates (done or failed); a prefix with none left outstanding is
    /// forgotten, so after a failed commit its number is given again.
    mutating func release(_ writes: [PendingWrite]) {
        for write in writes {
            guard case .create(let record) = write, let (prefix, _) = RecordIDParts.split(record.id) else { continue }
            let key = String(prefix)
            guard var reservation = reservations[key] else { continue }
            reservation.count -= 1
            reservations[key] = reservation.count > 0 ? reservation : nil
        }
    }

    /// The highest sequence reserved for `prefix`, or 0.
    func reservedHigh(_ prefix: Substring) -> Int {
        reservations[String(prefix)]?.high ?? 0
    }
}

/// `REP-20261122-0007` → (`REP-20261122`, 7).
enum RecordIDParts {
    static func split(_ id: String) -> (prefix: Substring, sequence: Int)? {
        guard let dash = id.lastIndex(of: "-"), let sequence = Int(id[id.index(after: dash)...]) else { return nil }
        return (id[..<dash], sequence)
    }
}
