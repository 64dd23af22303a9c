import Dispatch
public import FrontDeskModel
import Glibc
import Synchronization

/// Why a journal could not be opened.
public struct JournalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What failed and why, e.g. `cannot open the records journal: …`.
    public var message: String
    /// A journal error with this message.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

/// The append-only records journal `records.jsonl` in a data directory (SPEC 5, 8.1).
///
/// Every change is one checksummed line; `create`, `update` and `audit` return only after their
/// line is written and fsync'ed. Concurrent callers are group-committed: one of them (the leader)
/// writes everyone's lines with one `write(2)` and one `fsync(2)` and wakes the others. Several
/// processes may share the file: appends hold `flock(LOCK_EX)`, and every call first applies
/// the lines other processes appended, so IDs never collide and updates are seen at once.
public final class FileJournal: RecordStore {
    /// The journal file, `directory/records.jsonl`.
    public let path: String
    /// The data directory.
    public let directory: String
    let fd: Int32
    let io: any JournalFileIO
    let state: Mutex<State>  // guards the book, the file position, the commit queue, the leader role, reservations
    /// Where deferred commits (`commit(_:completion:)`) are led: one thread at a time, created by Dispatch on demand.
    let committer = DispatchQueue(label: "frontdesk.journal.commit")
    /// When the committer last started a batch (`DispatchTime` nanoseconds; 0: never); only the committer touches it.
    let lastDeferredBatch = Atomic<UInt64>(0)
    /// How many requests the committer's last batch took (it paces only after a batch of several).
    let lastDeferredBatchSize = Atomic<Int>(0)
    /// Nanoseconds between the starts of the committer's batches (see `paceDeferredBatch`).
    static let deferredBatchSpacing: UInt64 = 2_000_000
    /// Requests queued that start the committer's next batch at once.
    static let deferredBatchBypass = 64

    struct State {
        var book: RecordBook
        /// Sequence number of the last line applied.
        var lastSeq: Int
        /// Lines applied (for line numbers in messages).
        var lineCount: Int
        /// Bytes of the file applied to `book`.
        var readOffset: Int
        /// Requests waiting for the next batch.
        var queue: [CommitRequest] = []
        /// Whether some caller is leading batches now.
        var leaderActive = false
        /// Whether the leader holds the file lock and has applied everything before its own lines.
        var inFlight = false
        var closed = false
        var recovery: [String]
        /// IDs reserved for deferred commits not yet done, per `TYPE-YYYYMMDD` prefix (`reserve(_:)`).
        var reservations: [String: Reservation] = [:]
    }

    /// The reserved IDs of one prefix: the highest sequence reserved, and how many reservations are outstanding.
    struct Reservation {
        var high: Int
        var count: Int
    }

    /// Opens (creating if needed) `directory/records.jsonl`; a torn tail is set aside and
    /// reported in `recovery`; corruption in the middle throws with its location and the repair command.
    ///
    /// - Throws: `JournalError`.
    public convenience init(directory: String) throws(JournalError) {
        try self.init(directory: directory, io: PosixJournalIO())
    }

    /// Opens the journal with file operations that tests can make fail.
    ///
    /// - Throws: `JournalError`.
    package init(directory: String, io: any JournalFileIO) throws(JournalError) {
        let path = FileJournal.journalPath(in: directory)
        let opened = try FileJournal.open(directory: directory, path: path, io: io)
        self.path = path
        self.directory = directory
        self.fd = opened.fd
        self.io = io
        self.state = Mutex(
            State(
                book: opened.book, lastSeq: opened.lastSeq, lineCount: opened.lineCount,
                readOffset: opened.size, recovery: opened.recovery))
    }

    deinit {
        let closed = state.withLock { $0.closed }
        assert(closed, "FileJournal for \(path) released without close()")
        Posix.close(fd)
    }

    /// `directory/records.jsonl`.
    public static func journalPath(in directory: String) -> String {
        directory.hasSuffix("/") ? directory + "records.jsonl" : directory + "/records.jsonl"
    }

    /// What opening found and did (e.g. "torn tail at byte 1234 set aside in records.jsonl.broken-1234").
    public var recovery: [String] { state.withLock { $0.recovery } }

    /// Assigns the next ID, appends the record's line and returns once it is fsync'ed.
    ///
    /// - Throws: `StoreError.invalid` for a bad `created_at`, `.writeFailed` when it could not be made durable.
    public func create(_ draft: Record) throws(StoreError) -> Record {
        guard let record = try submit(.create(draft)) else { throw .writeFailed("no record returned") }
        return record
    }

    /// Checks and appends an update; returns the record as it now is, once the line is fsync'ed.
    ///
    /// - Throws: `StoreError.notFound`, `.invalid`, `.writeFailed`.
    public func update(_ update: RecordUpdate) throws(StoreError) -> Record {
        guard let record = try submit(.update(update)) else { throw .writeFailed("no record returned") }
        return record
    }

    /// The record as it now is, other processes' changes included.
    public func record(id: String) -> Record? { withFreshBook { $0.record(id: id) } }

    /// Every record in creation order, other processes' changes included.
    public func allRecords() -> [Record] { withFreshBook { $0.records } }

    /// Appends an audit event durably.
    ///
    /// - Throws: `StoreError.writeFailed`.
    public func audit(_ event: AuditEvent) throws(StoreError) { _ = try submit(.audit(event)) }

    /// Audit events at or after `since`, other processes' included.
    public func auditEvents(since: String) -> [AuditEvent] {
        withFreshBook { $0.auditEvents.filter { $0.at >= since } }
    }

    /// Audit events of `kind` for `unit` at or after `since`, from the book's index (no scan).
    public func auditEventCount(kind: String, unit: String, since: String) -> Int {
        withFreshBook { $0.auditEventCount(kind: kind, unit: unit, since: since) }
    }

    /// Records resolved and not yet revisited, in creation order, other processes' changes included.
    public func recordsAwaitingRevisit() -> [Record] {
        withFreshBook { $0.recordsAwaitingRevisit() }
    }

    /// Waits for the writes in flight, then refuses new ones. Every acknowledged line is already
    /// fsync'ed; this makes sure nothing is left half-done. Safe to call twice.
    public func close() {
        _ = try? submit(.close)
        state.withLock { $0.closed = true }
    }

    /// Runs `body` on the book after applying what other processes appended since we last looked
    /// (one `fstat` when nothing changed).
    ///
    /// The `fstat` is taken under the state lock, with no batch of ours in flight: then the file's size differs from
    /// `readOffset` only when another process appended. (Taken before the lock, a batch of ours finishing between the
    /// two made the reader see a change that was its own, and it queued a refresh behind the next group commit:
    /// under load a reader — an event loop running a turn — waited for an fsync every few hundred reads.)
    private func withFreshBook<T: Sendable>(_ body: (RecordBook) -> T) -> T {
        let stale = state.withLock { s in
            guard !s.closed && !s.inFlight else { return false }
            let size = (try? Posix.fstat(fd, path: path))?.size ?? s.readOffset
            return size != s.readOffset
        }
        if stale { _ = try? submit(.refresh) }
        return state.withLock { body($0.book) }
    }
}

extension FileJournal {
    struct Opened {
        var fd: Int32
        var book = RecordBook()
        var lastSeq = 0
        var lineCount = 0
        var size = 0
        var recovery: [String] = []
    }

    /// Creates the directory (0700) and file (0600) when missing, replays the file, sets a torn
    /// tail aside, and refuses corruption in the middle.
    private static func open(directory: String, path: String, io: any JournalFileIO) throws(JournalError) -> Opened {
        var opened: Opened
        do {
            try Posix.makeDirectories(directory)
            if let fd = try Posix.createExclusive(path, O_RDWR | O_APPEND) {
                opened = Opened(fd: fd)
                do {
                    try Posix.fsync(fd, path: path)
                    try Posix.syncDirectory(directory)
                } catch {
                    Posix.close(fd)
                    throw error
                }
            } else {
                opened = Opened(fd: try Posix.open(path, O_RDWR | O_APPEND))
            }
        } catch {
            throw JournalError("cannot open the records journal: \(error)")
        }
        do {
            try Posix.flock(opened.fd, LOCK_EX, path: path)
        } catch {
            Posix.close(opened.fd)
            throw JournalError("cannot lock the records journal: \(error)")
        }
        do {
            try replay(into: &opened, path: path, directory: directory, io: io)
        } catch {
            Posix.close(opened.fd)  // also releases the lock
            throw error
        }
        try? Posix.flock(opened.fd, LOCK_UN, path: path)
        return opened
    }

    private static func replay(into opened: inout Opened, path: String, directory: String, io: any JournalFileIO)
        throws(JournalError)
    {
        var scanner = JournalScanner()
        var book = RecordBook()
        let size: Int
        do {
            size = try Posix.fstat(opened.fd, path: path).size
            try scanner.scan(fd: opened.fd, path: path, from: 0) { book.apply($0) }
        } catch let damage as JournalLine.Damage {
            throw JournalError("\(path): \(damage); upgrade FrontDesk to read this journal")
        } catch {
            throw JournalError("cannot read the records journal: \(error)")
        }
        if let damage = scanner.firstDamage {
            if let after = scanner.intactAfterDamage {
                throw JournalError(
                    corruptionMessage(path: path, directory: directory, damage: damage, validLine: after.line))
            }
            do {
                opened.recovery.append(
                    try setAsideTail(fd: opened.fd, path: path, directory: directory, damage: damage, end: size, io: io)
                )
            } catch {
                throw JournalError("cannot set aside the torn tail of \(path) at byte \(damage.offset): \(error)")
            }
        }
        opened.book = book
        opened.lastSeq = scanner.lastSeq
        opened.lineCount = scanner.goodLines
        opened.size = scanner.validEnd
    }

    /// The refusal for a damaged line followed by good ones (SPEC 8.1): where, and which command repairs it.
    static func corruptionMessage(path: String, directory: String, damage: JournalScanner.DamagedLine, validLine: Int)
        -> String
    {
        "\(path): line \(damage.line) (byte \(damage.offset)) is damaged (\(damage.damage)) and valid lines follow it "
            + "(line \(validLine)); refusing to start so that nothing is lost. "
            + "Run 'frontdesk records repair --data-dir \(directory)' to move the damaged lines aside."
    }

    /// Copies a torn tail to `records.jsonl.broken-<offset>`, truncates the journal there and syncs both.
    static func setAsideTail(
        fd: Int32, path: String, directory: String, damage: JournalScanner.DamagedLine, end: Int, io: any JournalFileIO
    ) throws(SystemError) -> String {
        let aside = try BrokenFile.copyAside(fd: fd, path: path, from: damage.offset, end: end)
        try io.ftruncate(fd, damage.offset, path: path)
        try io.fsync(fd, path: path)
        try Posix.syncDirectory(directory)
        return "\(path): torn tail at byte \(damage.offset) (line \(damage.line), \(end - damage.offset) bytes, "
            + "\(damage.damage)) set aside in \(BrokenFile.fileName(aside))"
    }
}

extension RecordBook {
    /// Applies one journal event as replay does.
    package mutating func apply(_ event: JournalEvent) {
        switch event {
        case .create(let record): insert(record)
        case .update(let update): _ = try? apply(update)
        case .audit(let audit): append(audit)
        }
    }
}
