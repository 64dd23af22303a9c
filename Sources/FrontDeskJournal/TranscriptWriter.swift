import Dispatch
import Foundation
import FrontDeskModel
import Glibc
import Synchronization

/// Appends transcript events to `directory/YYYY-MM-DD.jsonl` (the event's local date),
/// buffered and flushed at least every second and on `flush()`/`close()`.
///
/// `append` only serializes the event into an in-memory buffer (no system call), so writing
/// transcripts costs a turn about a microsecond. A background thread writes the buffer out
/// every second (sooner when it passes 1 MB) and fsyncs it; a failed write is reported once
/// through `onError` and never crashes or blocks a turn.
public final class TranscriptWriter: TranscriptSink {
    /// The transcripts directory.
    public let directory: String
    private let onError: @Sendable (String) -> Void
    private let pending = Mutex(Pending())  // guards the buffers every session appends to
    private let files = Mutex(Files())  // guards the open day files; held while writing them
    private let wake = DispatchSemaphore(value: 0)
    private let flusherDone = DispatchSemaphore(value: 0)
    private let interval: Double
    /// Past this many buffered bytes the flusher is woken early.
    private static let wakeThreshold = 1 << 20

    private struct Pending {
        var date = ""
        var buffer: [UInt8] = []
        /// Buffers of earlier dates not yet written (a session crossing midnight).
        var older: [(date: String, bytes: [UInt8])] = []
        var wakeRequested = false
        var closed = false
    }

    private struct Files {
        var open: [String: Int32] = [:]
        var spare: [UInt8] = []
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

    /// Queues one event: serialized into the buffer of its day, written by the flusher.
    public func append(_ event: TranscriptEvent) {
        let json = event.json
        let date = TranscriptWriter.day(of: event.time)
        let (wakeFlusher, closed) = pending.withLock { p -> (Bool, Bool) in
            if p.date != date {
                if !p.buffer.isEmpty {
                    p.older.append((p.date, p.buffer))
                    p.buffer = []
                }
                p.date = date
            }
            json.write(to: &p.buffer)
            p.buffer.append(UInt8(ascii: "\n"))
            if p.buffer.count >= TranscriptWriter.wakeThreshold, !p.wakeRequested {
                p.wakeRequested = true
                return (true, p.closed)
            }
            return (false, p.closed)
        }
        if closed {
            writeOut(sync: true)
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

    /// Moves the buffers out (swapping in an empty spare, so appends never wait on the disk) and
    /// writes each day's bytes to its file with one write; fsyncs when `sync` or a second has passed.
    private func writeOut(sync: Bool) {
        files.withLock { f in
            var older: [(date: String, bytes: [UInt8])] = []
            var date = ""
            pending.withLock { p in
                swap(&p.buffer, &f.spare)
                swap(&p.older, &older)
                date = p.date
                p.wakeRequested = false
            }
            for chunk in older { write(chunk.bytes, date: chunk.date, files: &f) }
            if !f.spare.isEmpty { write(f.spare, date: date, files: &f) }
            if f.spare.capacity > 4 * TranscriptWriter.wakeThreshold {
                f.spare = []
            } else {
                f.spare.removeAll(keepingCapacity: true)
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
