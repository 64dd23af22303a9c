import FrontDeskModel

// OWNER: journal helper. Stub with the agreed signature; see docs/ARCHITECTURE.md.

/// One line of `records.jsonl`.
public enum JournalEvent: Sendable, Equatable {
    case create(Record)
    case update(RecordUpdate)
    case audit(AuditEvent)
}

/// Streams a journal file without holding it in memory (reports over a year of records).
public enum JournalReader {
    /// Calls `body` for every valid event in file order; damaged lines are skipped and counted.
    ///
    /// - Returns: the number of damaged lines skipped.
    /// - Throws: `JournalError` when the file cannot be read; rethrows what `body` throws.
    @discardableResult
    public static func forEachEvent(path: String, _ body: (JournalEvent) throws -> Void) throws -> Int { 0 }
}

/// Streams transcript files line by line (memory does not grow with their size).
public enum TranscriptReader {
    /// Calls `body` for every event of each file in order; lines that are not events are skipped and counted.
    ///
    /// - Returns: the number of lines skipped.
    /// - Throws: `JournalError` when a file cannot be read; rethrows what `body` throws.
    @discardableResult
    public static func forEachEvent(paths: [String], _ body: (TranscriptEvent) throws -> Void) throws -> Int { 0 }
}
