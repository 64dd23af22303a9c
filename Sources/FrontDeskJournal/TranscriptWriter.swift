import Dispatch
public import Foundation
public import FrontDeskModel
import Glibc
import Synchronization

/// Appends transcript events to `directory/YYYY-MM-DD.jsonl` (the event's local date),
/// buffered and flushed at least every second and on `flush()`/`close()`.
///
/// `append` encodes the event's line (`TranscriptLineEncoder`, straight into bytes) on the calling
/// thread's own scratch (`TranscriptScratch`: no lock; a turn's second event reuses its first's
/// time, session, channel and peer bytes), then copies it onto one of `shardCount` queues, chosen
/// by the event's session, under that queue's own lock, with no system call: well under a microsecond of a turn, and turns of different sessions on different threads
/// rarely wait for each other (there is no one lock every append takes). A session's events stay in
/// order (one queue); within a second's write, sessions of different queues may interleave
/// differently than they were appended. A background thread takes each queue's bytes (a swap under
/// its lock), writes them every second (sooner past 1 MiB) and fsyncs them; a failed write is reported once through `onError` and never crashes or blocks
/// a turn. Encoding at append keeps no copy of the event: its strings are released by the turn
/// that made them, not freed across threads by the flusher.
public final class TranscriptWriter: TranscriptSink {
    /// The transcripts directory.
    public let directory: String
    private let onError: @Sendable (String) -> Void
    /// Each guards one queue of lines (see `PlainLock`); an event goes to its session's (`shard(of:)`).
    private let pending: [PlainLock<Pending>]
    /// Set once by `close()`; appends after it write their line out themselves.
    private let closedFlag = Atomic<Bool>(false)
    private let files = Mutex(Files())  // guards the open day files; held while writing them
    private let wake = DispatchSemaphore(value: 0)
    private let flusherDone = DispatchSemaphore(value: 0)
    private let interval: Double
    /// Queues (a power of two).
    static let shardCount = 8
    /// Past this many bytes queued in one queue the flusher is woken early (1 MiB across the queues).
    private static let wakeThreshold = (1 << 20) / shardCount
    /// Past this many bytes queued in one queue an append writes the queues itself, so memory stays bounded
    /// (16 MiB across the queues).
    private static let backlogLimit = (16 << 20) / shardCount

    private struct Pending {
        /// Lines not yet written, in arrival order, each ending in a newline.
        var bytes = LineBuffer(capacity: 1 << 16)
        /// Where each day's run of lines in `bytes` ends, in order (a new run when the day changes).
        var runs: [(day: String, end: Int)] = []
        /// The time of the last event queued, whose day is the last run's.
        var lastTime = ""
        var wakeRequested = false
    }

    private struct Files {
        var open: [String: Int32] = [:]
        /// An empty byte buffer and run list with capacity, swapped with the queue's.
        var spareBytes = LineBuffer(capacity: 1 << 16)
        var spareRuns: [(day: String, end: Int)] = []
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
        self.pending = (0..<Self.shardCount).map { _ in PlainLock(Pending()) }
        let thread = Thread { [weak self, wake, flusherDone, interval] in
            while true {
                _ = wake.wait(timeout: .now() + interval)
                guard let writer = self else { break }
                let closed = writer.closedFlag.load(ordering: .sequentiallyConsistent)
                writer.writeOut(sync: false)
                if closed { break }
            }
            flusherDone.signal()
        }
        thread.name = "transcript-flusher"
        thread.start()
    }

    deinit {
        let closed = closedFlag.exchange(true, ordering: .sequentiallyConsistent)
        assert(closed, "TranscriptWriter for \(directory) released without close()")
        if !closed { wake.signal() }
        files.withLock { f in
            for fd in f.open.values { Posix.close(fd) }
            f.open.removeAll()
        }
    }

    /// Queues one event's line (encoded under a lock, no system call); the flusher writes it into
    /// the file of its day.
    public func append(_ event: TranscriptEvent) {
        // Encoded on the calling thread's own scratch, outside any lock; only the copy into the queue is under one.
        let line = TranscriptScratch.current.encode(event)
        let (wakeFlusher, queued) = pending[Self.shard(of: event.session)].withLock { p -> (Bool, Int) in
            if p.runs.isEmpty || event.time != p.lastTime {  // both events of a turn share their time
                if p.runs.isEmpty || !TranscriptWriter.sameDay(event.time, p.runs[p.runs.count - 1].day) {
                    p.runs.append((day: TranscriptWriter.day(of: event.time), end: p.bytes.count))
                }
                p.lastTime = event.time
            }
            p.bytes.append(line.bytes)
            p.bytes.append(UInt8(ascii: "\n"))
            p.runs[p.runs.count - 1].end = p.bytes.count
            if p.bytes.count >= TranscriptWriter.wakeThreshold, !p.wakeRequested {
                p.wakeRequested = true
                return (true, p.bytes.count)
            }
            return (false, p.bytes.count)
        }
        // Read after the line is queued: a `close()` that this does not see has not written out yet, so it will
        // write this line; one it sees may have, so this writes it.
        let closed = closedFlag.load(ordering: .sequentiallyConsistent)
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
        let already = closedFlag.exchange(true, ordering: .sequentiallyConsistent)
        if !already {
            wake.signal()
            flusherDone.wait()
        }
        writeOut(sync: true)
    }

    /// The queue of a session's events: from the last four bytes of its ID (random or sequential hex digits).
    static func shard(of session: String) -> Int {
        var hash: UInt32 = 0
        var taken = 0
        for byte in session.utf8.reversed() {
            hash = hash &* 31 &+ UInt32(byte)
            taken += 1
            if taken == 4 { break }
        }
        hash ^= hash >> 7
        return Int(hash) & (shardCount - 1)
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

    /// Takes each queue's lines in turn (swapping in an empty buffer, so appends never wait on the
    /// disk) and writes each day's run of them with one write; fsyncs when `sync` or a second has
    /// passed since the last fsync.
    private func writeOut(sync: Bool) {
        files.withLock { f in
            var bytes = f.spareBytes
            var runs = f.spareRuns
            defer {
                f.spareBytes = bytes
                f.spareRuns = runs
            }
            for queue in pending {
                queue.withLock { p in
                    swap(&p.bytes, &bytes)
                    swap(&p.runs, &runs)
                    p.lastTime = ""
                    p.wakeRequested = false
                }
                var start = 0
                for run in runs {
                    write(bytes, start..<run.end, date: run.day, files: &f)
                    start = run.end
                }
                bytes.removeAll(keepingCapacityUpTo: 4 * TranscriptWriter.wakeThreshold)
                runs.removeAll(keepingCapacity: true)
            }
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

    /// Appends `bytes[range]` to the day's file; on failure truncates back so no partial line stays.
    private func write(_ bytes: LineBuffer, _ range: Range<Int>, date: String, files f: inout Files) {
        let path = path(date)
        do {
            let fd = try descriptor(for: date, files: &f)
            let before = try Posix.fstat(fd, path: path).size
            do {
                try bytes.write(range, to: fd, path: path)
            } catch {
                try? Posix.ftruncate(fd, before, path: path)
                throw error
            }
            // The disk gets the lines now, a write at a time, not all at the next fsync: a second's transcripts
            // (12 MB at 15k messages a second) flushed at once queued ahead of the records journal's own small
            // fsyncs, which a turn that creates a record waits for (p90 8.6 ms, max 220 ms, under paced load).
            // Advice only: if it fails the fsync still writes everything, so a failure is not an error here.
            _ = Posix.startWriteback(fd, offset: before, length: range.count)
        } catch {
            report("\(error): \(range.count) bytes of transcript lost", files: &f)
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

/// One thread's transcript encoding scratch: `TranscriptWriter.append` encodes a line here, with no lock (only this
/// thread touches it), and copies it into its queue. Two buffers in turn, so a line can begin with the previous one's
/// identity bytes (`TranscriptLineEncoder.Head`).
final class TranscriptScratch {
    private let buffers = (LineBuffer(capacity: 2048), LineBuffer(capacity: 2048))
    private var second = false
    private var head = TranscriptLineEncoder.Head()

    /// The line of `event` (without its newline), valid until this thread encodes the line after next.
    func encode(_ event: TranscriptEvent) -> LineBuffer {
        second.toggle()
        let line = second ? buffers.1 : buffers.0
        line.removeAll(keepingCapacityUpTo: 1 << 16)
        TranscriptLineEncoder.write(event, to: line, head: &head)
        return line
    }

    /// The calling thread's scratch, made on its first use and released when the thread ends.
    static var current: TranscriptScratch {
        if let raw = pthread_getspecific(key) { return Unmanaged<TranscriptScratch>.fromOpaque(raw).takeUnretainedValue() }
        let scratch = TranscriptScratch()
        pthread_setspecific(key, Unmanaged.passRetained(scratch).toOpaque())
        return scratch
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key) { raw in
            if let raw { Unmanaged<TranscriptScratch>.fromOpaque(raw).release() }
        }
        precondition(status == 0, "pthread_key_create failed: \(status)")
        return key
    }()
}
