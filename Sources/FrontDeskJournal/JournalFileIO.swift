import Glibc
import Synchronization

/// The file operations whose failure the journal must survive (SPEC 8.1): the append, the
/// fsync and the truncate that undoes a failed append. Behind a protocol so that tests can make
/// them fail (ENOSPC, EIO, short writes) and count fsyncs; everything else goes to `Posix` directly.
package protocol JournalFileIO: Sendable {
    /// One `write(2)` call: how many bytes were written, possibly fewer than asked.
    ///
    /// - Throws: `SystemError`.
    func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(SystemError) -> Int
    /// `fsync(2)`.
    ///
    /// - Throws: `SystemError`.
    func fsync(_ fd: Int32, path: String) throws(SystemError)
    /// `ftruncate(2)`.
    ///
    /// - Throws: `SystemError`.
    func ftruncate(_ fd: Int32, _ length: Int, path: String) throws(SystemError)
}

/// The real thing: straight to the system calls.
package struct PosixJournalIO: JournalFileIO {
    package init() {}

    package func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(SystemError) -> Int {
        try Posix.write(fd, bytes, path: path)
    }

    package func fsync(_ fd: Int32, path: String) throws(SystemError) { try Posix.fsync(fd, path: path) }

    package func ftruncate(_ fd: Int32, _ length: Int, path: String) throws(SystemError) {
        try Posix.ftruncate(fd, length, path: path)
    }
}

/// Real I/O that counts calls and fails on demand: for tests and the benchmark's fsync count.
package final class CountingJournalIO: JournalFileIO {
    /// What the next calls should do.
    package enum Fault: Sendable, Equatable {
        /// Every write fails with this errno.
        case writeError(Int32)
        /// Every write writes only half its bytes, then the next write call fails with ENOSPC.
        case shortWrite
        /// Every fsync fails with this errno.
        case fsyncError(Int32)
    }

    private struct State {
        var writes = 0
        var fsyncs = 0
        var truncates = 0
        var fault: Fault?
        var failNextWrite = false
    }

    private let state = Mutex(State())  // guards the counters and the fault switch

    package init() {}

    /// From now on fail as `fault` says (`nil`: work normally again).
    package func inject(_ fault: Fault?) {
        state.withLock {
            $0.fault = fault; $0.failNextWrite = false
        }
    }

    /// The number of successful fsyncs so far.
    package var fsyncCount: Int { state.withLock { $0.fsyncs } }
    /// The number of write calls so far.
    package var writeCount: Int { state.withLock { $0.writes } }
    /// The number of truncates so far.
    package var truncateCount: Int { state.withLock { $0.truncates } }

    package func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(SystemError) -> Int {
        let plan = state.withLock { (s: inout State) -> (Int32?, Bool) in
            s.writes += 1
            switch s.fault {
            case .writeError(let code): return (code, false)
            case .shortWrite:
                if s.failNextWrite { s.failNextWrite = false; return (ENOSPC, false) }
                s.failNextWrite = true
                return (nil, true)
            default: return (nil, false)
            }
        }
        if let code = plan.0 { throw SystemError(call: "write", path: path, code: code) }
        if plan.1 {
            let half = max(1, bytes.count / 2)
            return try Posix.write(fd, UnsafeRawBufferPointer(rebasing: bytes[0..<half]), path: path)
        }
        return try Posix.write(fd, bytes, path: path)
    }

    package func fsync(_ fd: Int32, path: String) throws(SystemError) {
        let failure = state.withLock { (s: inout State) -> Int32? in
            if case .fsyncError(let code) = s.fault { return code }
            return nil
        }
        if let failure { throw SystemError(call: "fsync", path: path, code: failure) }
        try Posix.fsync(fd, path: path)
        state.withLock { $0.fsyncs += 1 }
    }

    package func ftruncate(_ fd: Int32, _ length: Int, path: String) throws(SystemError) {
        state.withLock { $0.truncates += 1 }
        try Posix.ftruncate(fd, length, path: path)
    }
}
