/// A write a turn made without waiting for it to be durable (`DeferredCommitStore`): the record as created (its ID
/// reserved), an update, or an audit event.
public enum PendingWrite: Sendable, Equatable {
    /// A record whose ID `DeferredCommitStore.reserve(_:)` assigned.
    case create(Record)
    /// An update checked by `DeferredCommitStore.preview(_:over:)`.
    case update(RecordUpdate)
    /// An audit event.
    case audit(AuditEvent)
}

/// A records store that can take a turn's writes without blocking the caller (issue 12, item 2): the turn reserves
/// its record's ID and previews its updates at once, and the writes are then committed together, durably, with a
/// completion called once they are on disk or have failed. Nothing reserved or previewed is visible to readers
/// until the commit completes, so an ID is still shown only after its line is fsync'ed (SPEC 5).
public protocol DeferredCommitStore: RecordStore {
    /// The record `create(draft)` would store now, its ID reserved for a `commit` (no other caller of this store
    /// gets it). Another process sharing the store may still take it: that `commit` then fails and nothing of it
    /// is stored.
    ///
    /// - Throws: `StoreError.invalid` for a bad `created_at`.
    func reserve(_ draft: Record) throws(StoreError) -> Record

    /// The record as `update(_:)` would make it now, over `pending` (records this turn reserved or changed and has
    /// not yet committed) when the record is among them.
    ///
    /// - Throws: `StoreError.notFound`, `.invalid`.
    func preview(_ update: RecordUpdate, over pending: Record?) throws(StoreError) -> Record

    /// Stores `writes` durably as one group, all or none, and then calls `completion` (on a thread of the store's,
    /// never the caller's own before returning) with `nil`, or the error when none of them was stored (an ID taken
    /// by another process meanwhile, an update no longer valid, a failed write or fsync). Every reservation in
    /// `writes` is released either way.
    func commit(_ writes: [PendingWrite], completion: @escaping @Sendable (StoreError?) -> Void)
}
