import FrontDeskModel

// OWNER: journal helper. Stub with the agreed signature; see docs/ARCHITECTURE.md.

/// Appends transcript events to `directory/YYYY-MM-DD.jsonl` (the event's local date),
/// buffered and flushed at least every second and on `flush()`/`close()`.
public final class TranscriptWriter: TranscriptSink {
    /// - Throws: `JournalError` when the directory cannot be created.
    public init(directory: String) throws(JournalError) {}
    public func append(_ event: TranscriptEvent) {}
    public func flush() {}
    /// Flushes, fsyncs and stops the background flusher.
    public func close() {}
}
