public import FrontDeskModel
import Synchronization

/// A transcript sink that keeps every event in memory, for tests that read what was written.
public final class MemoryTranscriptSink: TranscriptSink {
    /// Guards the events appended and the number of flushes.
    private let state = Mutex<(events: [TranscriptEvent], flushes: Int)>(([], 0))

    /// An empty sink.
    public init() {}

    /// Keeps the event.
    public func append(_ event: TranscriptEvent) { state.withLock { $0.events.append(event) } }

    /// Counts the flush (nothing to write).
    public func flush() { state.withLock { $0.flushes += 1 } }

    /// Every event appended, in order.
    public var events: [TranscriptEvent] { state.withLock { $0.events } }

    /// How many times `flush()` was called.
    public var flushes: Int { state.withLock { $0.flushes } }
}
