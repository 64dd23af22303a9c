import FrontDeskModel

// OWNER: journal helper. Stub with the agreed signature; see docs/ARCHITECTURE.md.

/// Why a journal could not be opened.
public struct JournalError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The append-only records journal `records.jsonl` in a data directory (SPEC 5, 8.1).
public final class FileJournal: RecordStore {
    private let memory = InMemoryRecordStore()

    /// Opens (creating if needed) `directory/records.jsonl`; a torn tail is set aside and
    /// reported in `recovery`; corruption in the middle throws with its location and the repair command.
    ///
    /// - Throws: `JournalError`.
    public init(directory: String) throws(JournalError) {}

    /// What opening found and did (e.g. "torn tail at byte 1234 set aside in records.jsonl.broken-1234").
    public var recovery: [String] { [] }

    public func create(_ draft: Record) throws(StoreError) -> Record { try memory.create(draft) }
    public func update(_ update: RecordUpdate) throws(StoreError) -> Record { try memory.update(update) }
    public func record(id: String) -> Record? { memory.record(id: id) }
    public func allRecords() -> [Record] { memory.allRecords() }
    public func audit(_ event: AuditEvent) throws(StoreError) { try memory.audit(event) }
    public func auditEvents(since: String) -> [AuditEvent] { memory.auditEvents(since: since) }

    /// Flushes and fsyncs; called on shutdown.
    public func close() {}
}
