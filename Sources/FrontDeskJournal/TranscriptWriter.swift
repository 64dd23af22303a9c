import Dispatch
import Foundation
import FrontDeskModel
import Glibc
import Synchronization

/// Appends transcript events to `directory/YYYY-MM-DD.jsonl` (the event's local date),
/// buffered and flushed at least every second and on `flush()`/`close()`.
///
/// `append` only queues the event under a lock (no serialization, no system call), so writing
/// transcripts costs a turn a fraction of a microsecond. A background thread takes the queue (a
/// swap under that lock), serializes it with `TranscriptLineEncoder` outside it, writes it every
/// second (sooner past 4096 events) and fsyncs it; a failed write is reported once through
/// `onError` and never crashes or blocks a turn.
public final class TranscriptWriter: TranscriptSink {
    /// The transcripts directory.
    public let directory: String
    private let onError: @Sendable (String) -> Void
    private let pending = PlainLock(Pending())  // guards the queue every session appends to (a glibc mutex: see PlainLock)
    private let files = Mutex(Files())  // guards the open day files; held while writing them
    private let wake = DispatchSemaphore(value: 0)
    private let flusherDone = DispatchSemaphore(value: 0)
    private let interval: Double
    /// Past this many queued events the flusher is woken early.
    private static let wakeThreshold = 4096
    /// Past this many queued events an append writes the queue itself, so memory stays bounded.
    private static let backlogLimit = 65_536

    private struct Pending {
        /// Events not yet written, in arrival order; serialized by the flusher, off the turn's path.
        var events: [TranscriptEvent] = []
        var wakeRequested = false
        var closed = false
    }

    private struct Files {
        var open: [String: Int32] = [:]
        /// The serialization buffer, reused.
        var buffer: [UInt8] = []
        /// An empty event array with capacity, swapped with the queue.
        var spareEvents: [TranscriptEvent] = []
        var errorReported = false
        var lastSync = DispatchTime.now()
    }

    /// - Parameters:
    ///   - directory: created (0700) when missing.
    ///   - onError: told, once, when transcript lines could not be written (default: standard error).
    /// - Throws: `JournalError` when the directory cannot be created.
    public convenience init(
        directory: String,
        onError: @escaping @Sendable (String) -> Void = { message in
            FileHandle.standardError.write(Data((message + "\n").utf8))
        }
    ) throws(JournalError) {
        try self.init(directory: directory, flushInterval: 1.0, onError: onError)
    }

    /// A writer whose background flusher runs every `flushInterval` seconds.
    ///
    /// - Throws: `JournalError` when the directory cannot be created.
    package init(directory: String, flushInterval: Double, onError: @escaping @Sendable (String) -> Void)
        throws(JournalError)
    {
        do {
            try Posix.makeDirectories(directory)
        } catch {
            throw JournalError("cannot create the transcripts directory: \(error)")
        }
        self.directory = directory
        self.onError = onError
        self.interval = flushInterval
        let thread = Thread { [weak self, wake, flusherDone, interval] in
            while true {
                _ = wake.wait(timeout: .now() + interval)
                guard let writer = self else { break }
                let closed = writer.pending.withLock { $0.closed }
                writer.writeOut(sync: false)
                if closed { break }
            }
            flusherDone.signal()
        }
        thread.name = "transcript-flusher"
        thread.start()
    }

    deinit {
        let closed = pending.withLock { p in
            defer { p.closed = true }
            return p.closed
        }
        assert(closed, "TranscriptWriter for \(directory) released without close()")
        if !closed { wake.signal() }
        files.withLock { f in
            for fd in f.open.values { Posix.close(fd) }
            f.open.removeAll()
        }
    }

    /// Queues one event (a copy under a lock: no serialization, no system call); the flusher
    /// serializes it into the file of its day.
    public func append(_ event: TranscriptEvent) {
        let (wakeFlusher, closed, queued) = pending.withLock { p -> (Bool, Bool, Int) in
            p.events.append(event)
            if p.events.count >= TranscriptWriter.wakeThreshold, !p.wakeRequested {
                p.wakeRequested = true
                return (true, p.closed, p.events.count)
            }
            return (false, p.closed, p.events.count)
        }
        if closed || queued >= TranscriptWriter.backlogLimit {
            writeOut(sync: closed)  // closed: no flusher; backlog: the disk is behind, so the caller helps
        } else if wakeFlusher {
            wake.signal()
        }
    }

    /// Writes out everything queued and fsyncs it.
    public func flush() { writeOut(sync: true) }

    /// Flushes, fsyncs and stops the background flusher. Safe to call twice.
    public func close() {
        let already = pending.withLock { p in
            defer { p.closed = true }
            return p.closed
        }
        if !already {
            wake.signal()
            flusherDone.wait()
        }
        writeOut(sync: true)
    }

    /// `2026-11-22` from `2026-11-22T10:03:00+08:00`; `undated` for a time that does not start with a date.
    static func day(of time: String) -> String {
        let bytes = time.utf8.prefix(10)
        guard bytes.count == 10 else { return "undated" }
        for (i, b) in bytes.enumerated() {
            let ok = (i == 4 || i == 7) ? b == UInt8(ascii: "-") : (b >= 48 && b <= 57)
            if !ok { return "undated" }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `time` falls on `date` (as `day(of:)` would say), without making a string.
    static func sameDay(_ time: String, _ date: String) -> Bool {
        let bytes = time.utf8
        if date.utf8.count == 10, bytes.count >= 10, bytes.starts(with: date.utf8) { return true }
        return day(of: time) == date
    }

    /// Takes the queued events (swapping in an empty array, so appends never wait on the disk),
    /// serializes each day's run of them into one buffer and writes it with one write; fsyncs when
    /// `sync` or a second has passed since the last fsync.
    private func writeOut(sync: Bool) {
        files.withLock { f in
            var events = f.spareEvents
            pending.withLock { p in
                swap(&p.events, &events)
                p.wakeRequested = false
            }
            var index = 0
            while index < events.count {
                let date = TranscriptWriter.day(of: events[index].time)
                f.buffer.removeAll(keepingCapacity: true)
                while index < events.count, TranscriptWriter.sameDay(events[index].time, date) {
                    TranscriptLineEncoder.write(events[index], to: &f.buffer)
                    f.buffer.append(UInt8(ascii: "\n"))
                    index += 1
                }
                write(f.buffer, date: date, files: &f)
            }
            if f.buffer.capacity > 1 << 22 { f.buffer = [] }
            events.removeAll(keepingCapacity: events.capacity <= 4 * TranscriptWriter.wakeThreshold)
            f.spareEvents = events
            let now = DispatchTime.now()
            if sync || now.uptimeNanoseconds - f.lastSync.uptimeNanoseconds >= UInt64(interval * 1e9) {
                for (day, fd) in f.open {
                    do {
                        try Posix.fsync(fd, path: path(day))
                    } catch {
                        report("\(error)", files: &f)
                    }
                }
                f.lastSync = now
            }
        }
    }

    private func path(_ day: String) -> String { directory + "/" + day + ".jsonl" }

    /// Appends `bytes` to the day's file; on failure truncates back so no partial line stays.
    private func write(_ bytes: [UInt8], date: String, files f: inout Files) {
        let path = path(date)
        do {
            let fd = try descriptor(for: date, files: &f)
            let before = try Posix.fstat(fd, path: path).size
            do {
                try Posix.writeAll(fd, bytes, path: path)
            } catch {
                try? Posix.ftruncate(fd, before, path: path)
                throw error
            }
        } catch {
            report("\(error): \(bytes.count) bytes of transcript lost", files: &f)
        }
    }

    /// The open file for a day: a new one is created 0600 and synced with its directory.
    private func descriptor(for date: String, files f: inout Files) throws(SystemError) -> Int32 {
        if let fd = f.open[date] { return fd }
        let path = path(date)
        let fd: Int32
        if let created = try Posix.createExclusive(path, O_WRONLY | O_APPEND) {
            fd = created
            try Posix.fsync(fd, path: path)
            try Posix.syncDirectory(directory)
        } else {
            fd = try Posix.open(path, O_WRONLY | O_APPEND)
        }
        if f.open.count >= 2 {  // yesterday's file is done with
            for (day, old) in f.open {
                try? Posix.fsync(old, path: self.path(day))
                Posix.close(old)
            }
            f.open.removeAll()
        }
        f.open[date] = fd
        return fd
    }

    private func report(_ message: String, files f: inout Files) {
        guard !f.errorReported else { return }
        f.errorReported = true
        onError("frontdesk: transcripts in \(directory) could not be written: \(message) (further errors not reported)")
    }
}
