public import FrontDeskModel

/// One line of `records.jsonl`.
public enum JournalEvent: Sendable, Equatable {
    case create(Record)
    case update(RecordUpdate)
    case audit(AuditEvent)
}

/// The one reader of a journal file, streaming it without holding it in memory (reports over a
/// year of records). A line is good or damaged by `JournalLine.envelope` alone (a torn last line,
/// without its newline, is damaged); both entry points skip and count damaged lines the same way.
public enum JournalReader {
    /// Calls `body` for every valid event in file order, every field decoded; damaged lines are
    /// skipped and counted.
    ///
    /// - Returns: the number of damaged lines skipped.
    /// - Throws: `JournalError` when the file cannot be read; rethrows what `body` throws.
    @discardableResult
    public static func forEachEvent(path: String, _ body: (JournalEvent) throws -> Void) throws -> Int {
        try scan(path: path) { line in
            guard let (_, event) = try? JournalLine.decode(line) else { return false }
            try body(event)
            return true
        }
    }

    /// The fast path: calls `body` with the envelope of every good line and a walk over its bytes;
    /// `body` decodes only the fields of `data` it needs and returns false when they are missing
    /// (the line is then counted as damaged, as `forEachEvent` counts a `data` it cannot decode).
    ///
    /// - Returns: the number of damaged lines skipped.
    /// - Throws: `JournalError` when the file cannot be read.
    package static func forEachEnvelope(path: String, _ body: (JournalLine.Envelope, JSONSkim) -> Bool) throws -> Int {
        try scan(path: path) { line in
            line.withUnsafeBufferPointer { b in
                guard let envelope = try? JournalLine.envelope(b) else { return false }
                return body(envelope, JSONSkim(b: b))
            }
        }
    }

    /// Calls `good` for each complete line; counts the torn ones and those `good` refuses.
    private static func scan(path: String, _ good: (ArraySlice<UInt8>) throws -> Bool) throws -> Int {
        var damaged = 0
        do {
            try LineScanner.scan(path: path) { line, _, complete in
                guard complete, try good(line) else {
                    damaged += 1
                    return
                }
            }
        } catch let error as SystemError {
            throw JournalError("cannot read \(path): \(error)")
        }
        return damaged
    }
}

/// Streams transcript files line by line (memory does not grow with their size).
public enum TranscriptReader {
    /// Calls `body` for every event of each file in order; lines that are not events are skipped and counted.
    /// Blank lines are neither events nor counted.
    ///
    /// - Returns: the number of lines skipped.
    /// - Throws: `JournalError` when a file cannot be read; rethrows what `body` throws.
    @discardableResult
    public static func forEachEvent(paths: [String], _ body: (TranscriptEvent) throws -> Void) throws -> Int {
        var skipped = 0
        for path in paths {
            do {
                try LineScanner.scan(path: path) { line, _, _ in
                    var bytes = line
                    if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
                    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
                    guard let json = try? JSON.parse(bytes), let event = TranscriptEvent(json: json) else {
                        skipped += 1
                        return
                    }
                    try body(event)
                }
            } catch let error as SystemError {
                throw JournalError("cannot read \(path): \(error)")
            }
        }
        return skipped
    }
}
