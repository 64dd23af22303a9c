import CFrontDeskLinux
public import FrontDeskModel

/// A turn tried on an event-loop thread (issue 12, item 2). Most turns only read: they run where their line was
/// read, with no hand-off to a worker. A turn that writes to the records store (a record, an update, an audit
/// event) must not block the loop on the journal's fsync, and its reply must not be sent before the write is
/// durable (SPEC 5), so on the loop such a write is refused: `InlineGuardedStore` throws, the session drops the
/// attempt (it worked on a copy of its state; `InlineGuardedSink` dropped its transcript events) and answers
/// `.deferred`, and the server runs the turn again on the worker pool, where the journal's group commit completes
/// it and the reply is posted once its line is on disk.
///
/// The state is the calling thread's own (a C11 thread-local): no lock, no allocation.
public enum InlineTurn {
    /// Runs `body` as an inline attempt on this thread; returns its result and whether it tried to write (then its
    /// result must be dropped). Attempts do not nest.
    public static func attempt<T>(_ body: () -> T) -> (result: T, wroteRefused: Bool) {
        cfd_set_inline_state(1)
        let result = body()
        let refused = cfd_inline_state() == 2
        cfd_set_inline_state(0)
        return (result, refused)
    }

    /// An inline attempt runs on this thread.
    public static var isActive: Bool { cfd_inline_state() != 0 }

    /// The running attempt tried to write: it must be dropped.
    public static var isRefused: Bool { cfd_inline_state() == 2 }

    /// Marks the running attempt as refused (a write was asked for); `false` when no attempt runs (write then).
    static func refuse() -> Bool {
        guard cfd_inline_state() != 0 else { return false }
        cfd_set_inline_state(2)
        return true
    }

    /// What a refused write throws (the engine answers it with its save-failed line; that answer is dropped).
    static let refusal = StoreError.writeFailed("deferred to a worker thread")
}

/// The session's answer to `LineSession.handleInline`.
public enum InlineOutcome: Sendable, Equatable {
    /// The reply's bytes were appended (no line terminator; a newline inside is sent as a space).
    case replied
    /// No reply line (nothing appended).
    case silent
    /// Nothing was done (nothing appended, the session unchanged): run `handle(line:)` on the worker pool.
    case deferred
}

/// A records store that refuses writes during an inline attempt (`InlineTurn`) and passes everything else through.
/// Reads are the store's own: the journal applies a batch to what it answers only once the batch is fsync'ed, so an
/// inline turn never sees (or shows) a record that is not durable.
public struct InlineGuardedStore: RecordStore {
    /// The store written to outside inline attempts.
    public let base: any RecordStore

    /// Guards `base`.
    public init(_ base: any RecordStore) { self.base = base }

    public func create(_ draft: Record) throws(StoreError) -> Record {
        if InlineTurn.refuse() { throw InlineTurn.refusal }
        return try base.create(draft)
    }

    public func update(_ update: RecordUpdate) throws(StoreError) -> Record {
        if InlineTurn.refuse() { throw InlineTurn.refusal }
        return try base.update(update)
    }

    public func audit(_ event: AuditEvent) throws(StoreError) {
        if InlineTurn.refuse() { throw InlineTurn.refusal }
        try base.audit(event)
    }

    public func record(id: String) -> Record? { base.record(id: id) }
    public func allRecords() -> [Record] { base.allRecords() }
    public func auditEvents(since: String) -> [AuditEvent] { base.auditEvents(since: since) }
    public func auditEventCount(kind: String, unit: String, since: String) -> Int {
        base.auditEventCount(kind: kind, unit: unit, since: since)
    }
    public func recordsAwaitingRevisit() -> [Record] { base.recordsAwaitingRevisit() }
}

/// A transcript sink that drops the events of a refused inline attempt (the turn is run again on a worker, which
/// records them) and passes every other event through.
public struct InlineGuardedSink: TranscriptSink {
    /// Where the events go.
    public let base: any TranscriptSink

    /// Guards `base`.
    public init(_ base: any TranscriptSink) { self.base = base }

    public func append(_ event: TranscriptEvent) {
        if InlineTurn.isRefused { return }
        base.append(event)
    }

    public func flush() { base.flush() }
}
