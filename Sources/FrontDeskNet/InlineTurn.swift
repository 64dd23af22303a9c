import CFrontDeskLinux
public import FrontDeskModel

/// A turn tried on an event-loop thread (issue 12, item 2). Most turns only read: they run where their line was
/// read, with no hand-off to a worker. A turn that writes to the records store (a record, an update, an audit
/// event) must not block the loop on the journal's fsync, and its reply must not be sent before the write is
/// durable (SPEC 5).
///
/// With a collector (`InlineWrites`) and a store that defers commits (`DeferredCommitStore`), such a turn runs once,
/// on the loop: `InlineGuardedStore` reserves its record's ID and previews its updates, keeps the writes (and
/// `InlineGuardedSink` the turn's transcript events) in the collector, and the session commits them and posts its
/// reply when they are on disk (`InlineOutcome.committing`). Without one, the write is refused: `InlineGuardedStore`
/// throws, the session drops the attempt (it worked on a copy of its state; `InlineGuardedSink` dropped its
/// transcript events) and answers `.deferred`, and the server runs the turn again on the worker pool.
///
/// The state is the calling thread's own (C11 thread-locals): no lock, no allocation.
public enum InlineTurn {
    /// Runs `body` as an inline attempt on this thread, its writes kept in `writes` when given (else refused);
    /// returns its result and whether it tried a write that was refused (then its result must be dropped). Attempts
    /// do not nest.
    public static func attempt<T>(collecting writes: InlineWrites? = nil, _ body: () -> T) -> (
        result: T, wroteRefused: Bool
    ) {
        cfd_set_inline_state(1)
        if let writes { cfd_set_inline_context(Unmanaged.passUnretained(writes).toOpaque()) }
        let result = body()
        let refused = cfd_inline_state() == 2
        cfd_set_inline_state(0)
        if writes != nil { cfd_set_inline_context(nil) }
        return (result, refused)
    }

    /// An inline attempt runs on this thread.
    public static var isActive: Bool { cfd_inline_state() != 0 }

    /// The running attempt tried to write: it must be dropped.
    public static var isRefused: Bool { cfd_inline_state() == 2 }

    /// The running attempt's collector, if it has one.
    static var collector: InlineWrites? {
        guard let raw = cfd_inline_context() else { return nil }
        return Unmanaged<InlineWrites>.fromOpaque(raw).takeUnretainedValue()
    }

    /// Marks the running attempt as refused (a write was asked for); `false` when no attempt runs (write then).
    static func refuse() -> Bool {
        guard cfd_inline_state() != 0 else { return false }
        cfd_set_inline_state(2)
        return true
    }

    /// What a refused write throws (the engine answers it with its save-failed line; that answer is dropped).
    static let refusal = StoreError.writeFailed("deferred to a worker thread")
}

/// What one inline turn wrote without waiting (`InlineTurn.attempt(collecting:_:)`): its writes in order, the
/// records as they will be, and the transcript events that follow a write (recorded once the writes are durable).
public final class InlineWrites: @unchecked Sendable {
    // Unchecked: no lock. It is installed for one attempt at a time on the thread running it, and read afterwards by
    // the session that owns it, one call at a time (`LineSession`'s contract).

    /// The writes, in the order the turn made them.
    public private(set) var writes: [PendingWrite] = []
    /// The transcript events the turn recorded after its first write.
    public private(set) var events: [TranscriptEvent] = []
    /// Records this turn created or changed, as they will be.
    private(set) var records: [String: Record] = [:]

    /// An empty collector.
    public init() {}

    /// Nothing was written.
    public var isEmpty: Bool { writes.isEmpty }

    /// Hands over what was collected and empties the collector for the next turn.
    public func take() -> (writes: [PendingWrite], events: [TranscriptEvent]) {
        defer {
            writes = []
            events = []
            if !records.isEmpty { records = [:] }
        }
        return (writes, events)
    }

    func add(_ write: PendingWrite, record: Record? = nil) {
        writes.append(write)
        if let record { records[record.id] = record }
    }

    func add(_ event: TranscriptEvent) { events.append(event) }

    /// Pending audit events of `kind` for `unit` at or after `since`.
    func auditCount(kind: String, unit: String, since: String) -> Int {
        writes.reduce(0) { count, write in
            guard case .audit(let event) = write, event.kind == kind, event.unit == unit, event.at >= since else {
                return count
            }
            return count + 1
        }
    }

    func audits(since: String) -> [AuditEvent] {
        writes.compactMap { write in
            guard case .audit(let event) = write, event.at >= since else { return nil }
            return event
        }
    }
}

/// The session's answer to `LineSession.handleInline`.
public enum InlineOutcome: Sendable, Equatable {
    /// The reply's bytes were appended (no line terminator; a newline inside is sent as a space).
    case replied
    /// No reply line (nothing appended).
    case silent
    /// Nothing was done (nothing appended, the session unchanged): run `handle(line:)` on the worker pool.
    case deferred
    /// The turn ran and its writes are being committed (nothing appended): the session answers through the
    /// `ReplyPort` it was given, with the reply once they are durable or with a rerun when they failed.
    case committing
}

/// A records store that, during an inline attempt (`InlineTurn`), keeps writes in the attempt's collector (with a
/// `DeferredCommitStore` base) or refuses them, and passes everything else through. Reads are the store's own plus
/// the attempt's pending writes: the journal applies a batch to what it answers only once the batch is fsync'ed, so
/// an inline turn never sees (or shows) another turn's record that is not durable.
public struct InlineGuardedStore: RecordStore {
    /// The store written to outside inline attempts.
    public let base: any RecordStore
    /// `base`, when it defers commits.
    private let deferring: (any DeferredCommitStore)?

    /// Guards `base`.
    public init(_ base: any RecordStore) {
        self.base = base
        self.deferring = base as? any DeferredCommitStore
    }

    /// Where an inline attempt's write goes: the collector (with the deferring store), or `nil` when refused.
    private func pending() -> (InlineWrites, any DeferredCommitStore)?? {
        guard InlineTurn.isActive else { return nil }
        if let deferring, let writes = InlineTurn.collector { return .some((writes, deferring)) }
        return .some(nil)
    }

    public func create(_ draft: Record) throws(StoreError) -> Record {
        switch pending() {
        case nil: return try base.create(draft)
        case .some(nil):
            _ = InlineTurn.refuse()
            throw InlineTurn.refusal
        case .some(.some(let (writes, store))):
            let record = try store.reserve(draft)
            writes.add(.create(record), record: record)
            return record
        }
    }

    public func update(_ update: RecordUpdate) throws(StoreError) -> Record {
        switch pending() {
        case nil: return try base.update(update)
        case .some(nil):
            _ = InlineTurn.refuse()
            throw InlineTurn.refusal
        case .some(.some(let (writes, store))):
            let record = try store.preview(update, over: writes.records[update.id])
            writes.add(.update(update), record: record)
            return record
        }
    }

    public func audit(_ event: AuditEvent) throws(StoreError) {
        switch pending() {
        case nil: try base.audit(event)
        case .some(nil):
            _ = InlineTurn.refuse()
            throw InlineTurn.refusal
        case .some(.some(let (writes, _))):
            writes.add(.audit(event))
        }
    }

    public func record(id: String) -> Record? {
        if InlineTurn.isActive, let mine = InlineTurn.collector?.records[id] { return mine }
        return base.record(id: id)
    }

    public func allRecords() -> [Record] { base.allRecords() }

    public func auditEvents(since: String) -> [AuditEvent] {
        let stored = base.auditEvents(since: since)
        guard InlineTurn.isActive, let writes = InlineTurn.collector, !writes.isEmpty else { return stored }
        return stored + writes.audits(since: since)
    }

    public func auditEventCount(kind: String, unit: String, since: String) -> Int {
        let stored = base.auditEventCount(kind: kind, unit: unit, since: since)
        guard InlineTurn.isActive, let writes = InlineTurn.collector, !writes.isEmpty else { return stored }
        return stored + writes.auditCount(kind: kind, unit: unit, since: since)
    }

    public func recordsAwaitingRevisit() -> [Record] { base.recordsAwaitingRevisit() }
}

/// A transcript sink that drops the events of a refused inline attempt (the turn is run again on a worker, which
/// records them), keeps those of an attempt whose writes are pending in its collector (recorded once they are
/// durable, dropped if they fail), and passes every other event through.
public struct InlineGuardedSink: TranscriptSink {
    /// Where the events go.
    public let base: any TranscriptSink

    /// Guards `base`.
    public init(_ base: any TranscriptSink) { self.base = base }

    public func append(_ event: TranscriptEvent) {
        if InlineTurn.isActive {
            if InlineTurn.isRefused { return }
            if let writes = InlineTurn.collector, !writes.isEmpty {
                writes.add(event)
                return
            }
        }
        base.append(event)
    }

    public func flush() { base.flush() }
}

/// Where a turn answered `.committing` sends its outcome: the connection's event loop, from any thread.
public struct ReplyPort: Sendable {
    let loop: EventLoop
    let id: UInt64
    let box: SessionBox

    /// The turn's reply (its bytes, no line terminator; `nil`: no reply line), once its writes are durable;
    /// `first` runs on the event loop just before the reply is queued (the turn's own bookkeeping, such as its
    /// transcript events), so the thread that completes the commit only posts.
    public func reply(_ bytes: [UInt8]?, first: (@Sendable () -> Void)? = nil) {
        loop.post(id, .replyBytes(box, bytes, first: first))
    }

    /// The writes failed and nothing of the turn was kept: the server runs `line` again with `handle(line:)` on the
    /// worker pool.
    public func rerun(_ line: String) { loop.post(id, .rerun(box, line)) }
}
