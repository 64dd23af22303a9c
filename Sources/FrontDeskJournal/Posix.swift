package import Glibc

/// A system call that failed: which call, on what, and the `errno` it left.
package struct SystemError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The call, e.g. `fsync`.
    package var call: String
    /// The file it was about.
    package var path: String
    /// The `errno` read right after the call.
    package var code: Int32

    package init(call: String, path: String, code: Int32) {
        self.call = call
        self.path = path
        self.code = code
    }

    package var description: String { "\(call)(\(path)): \(String(cString: strerror(code)))" }
}

/// Every system call the journal makes, each wrapped once: EINTR retried, `errno` read at
/// once, failures thrown as `SystemError` naming the call (STYLE 9). Nothing else reads `errno`.
package enum Posix {
    /// `open(2)`; returns the descriptor.
    package static func open(_ path: String, _ flags: Int32, mode: mode_t = 0o600) throws(SystemError) -> Int32 {
        while true {
            let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
            if fd >= 0 { return fd }
            let code = errno
            if code != EINTR { throw SystemError(call: "open", path: path, code: code) }
        }
    }

    /// Creates `path` exclusively; `nil` when it already exists.
    package static func createExclusive(_ path: String, _ flags: Int32, mode: mode_t = 0o600) throws(SystemError)
        -> Int32?
    {
        while true {
            let fd = Glibc.open(path, flags | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            if fd >= 0 { return fd }
            let code = errno
            if code == EEXIST { return nil }
            if code != EINTR { throw SystemError(call: "open", path: path, code: code) }
        }
    }

    /// `close(2)`; errors are ignored (the descriptor is gone either way on Linux).
    package static func close(_ fd: Int32) { _ = Glibc.close(fd) }

    /// One `read(2)` of up to `count` bytes into `buffer`; 0 at end of file.
    package static func read(_ fd: Int32, into buffer: UnsafeMutableRawPointer, count: Int, path: String)
        throws(SystemError) -> Int
    {
        while true {
            let n = Glibc.read(fd, buffer, count)
            if n >= 0 { return n }
            let code = errno
            if code != EINTR { throw SystemError(call: "read", path: path, code: code) }
        }
    }

    /// One `pread(2)` at `offset`; 0 at end of file.
    package static func pread(
        _ fd: Int32, into buffer: UnsafeMutableRawPointer, count: Int, offset: Int, path: String
    ) throws(SystemError) -> Int {
        while true {
            let n = Glibc.pread(fd, buffer, count, off_t(offset))
            if n >= 0 { return n }
            let code = errno
            if code != EINTR { throw SystemError(call: "pread", path: path, code: code) }
        }
    }

    /// One `write(2)`; returns how many bytes were written (possibly fewer than asked).
    package static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(SystemError) -> Int {
        while true {
            let n = Glibc.write(fd, bytes.baseAddress, bytes.count)
            if n >= 0 { return n }
            let code = errno
            if code != EINTR { throw SystemError(call: "write", path: path, code: code) }
        }
    }

    /// Writes all of `bytes`, looping over short writes.
    package static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(SystemError) {
        var done = 0
        while done < bytes.count {
            let result = bytes.withUnsafeBytes { raw in
                Result { () throws(SystemError) -> Int in
                    try write(fd, UnsafeRawBufferPointer(rebasing: raw[done...]), path: path)
                }
            }
            let n = try result.get()
            if n == 0 { throw SystemError(call: "write", path: path, code: EIO) }
            done += n
        }
    }

    /// `fsync(2)`. Never retried after a real failure: the caller must not acknowledge.
    package static func fsync(_ fd: Int32, path: String) throws(SystemError) {
        while Glibc.fsync(fd) != 0 {
            let code = errno
            if code != EINTR { throw SystemError(call: "fsync", path: path, code: code) }
        }
    }

    /// `posix_fadvise(2)` with `POSIX_FADV_DONTNEED` over `offset..<offset + length`: on Linux this starts the
    /// writeback of the range's dirty pages without waiting for it (and drops its pages once clean). Returns the
    /// error code (0 when done); it is advice, so the caller may ignore a failure.
    package static func startWriteback(_ fd: Int32, offset: Int, length: Int) -> Int32 {
        var code: Int32
        repeat {
            code = Glibc.posix_fadvise(fd, off_t(offset), off_t(length), Int32(POSIX_FADV_DONTNEED))
        } while code == EINTR
        return code
    }

    /// `ftruncate(2)`.
    package static func ftruncate(_ fd: Int32, _ length: Int, path: String) throws(SystemError) {
        while Glibc.ftruncate(fd, off_t(length)) != 0 {
            let code = errno
            if code != EINTR { throw SystemError(call: "ftruncate", path: path, code: code) }
        }
    }

    /// `fstat(2)`: the size and inode of an open file.
    package static func fstat(_ fd: Int32, path: String) throws(SystemError) -> (size: Int, inode: UInt64) {
        var info = Glibc.stat()
        while Glibc.fstat(fd, &info) != 0 {
            let code = errno
            if code != EINTR { throw SystemError(call: "fstat", path: path, code: code) }
        }
        return (Int(info.st_size), UInt64(info.st_ino))
    }

    /// `stat(2)`: the inode and permission bits of a path, or `nil` when it does not exist.
    package static func stat(_ path: String) throws(SystemError) -> (inode: UInt64, mode: mode_t, isDirectory: Bool)? {
        var info = Glibc.stat()
        while systemStat(path, &info) != 0 {
            let code = errno
            if code == ENOENT { return nil }
            if code != EINTR { throw SystemError(call: "stat", path: path, code: code) }
        }
        return (UInt64(info.st_ino), info.st_mode & 0o7777, (info.st_mode & S_IFMT) == S_IFDIR)
    }

    /// `flock(2)` with `LOCK_EX`, `LOCK_SH` or `LOCK_UN`; blocks until granted.
    package static func flock(_ fd: Int32, _ operation: Int32, path: String) throws(SystemError) {
        while systemFlock(fd, operation) != 0 {
            let code = errno
            if code != EINTR { throw SystemError(call: "flock", path: path, code: code) }
        }
    }

    /// `mkdir(2)`; `false` when it already existed.
    @discardableResult
    package static func mkdir(_ path: String, mode: mode_t = 0o700) throws(SystemError) -> Bool {
        while Glibc.mkdir(path, mode) != 0 {
            let code = errno
            if code == EEXIST { return false }
            if code != EINTR { throw SystemError(call: "mkdir", path: path, code: code) }
        }
        return true
    }

    /// Creates `path` and any missing parents with `mode`; `true` when the last one was created.
    @discardableResult
    package static func makeDirectories(_ path: String, mode: mode_t = 0o700) throws(SystemError) -> Bool {
        if let existing = try stat(path) {
            if existing.isDirectory { return false }
            throw SystemError(call: "mkdir", path: path, code: ENOTDIR)
        }
        let parent = parentDirectory(of: path)
        if parent != path, try stat(parent) == nil { try makeDirectories(parent, mode: mode) }
        let created = try mkdir(path, mode: mode)
        if created { try syncDirectory(parent) }
        return created
    }

    /// `rename(2)`.
    package static func rename(_ from: String, _ to: String) throws(SystemError) {
        while Glibc.rename(from, to) != 0 {
            let code = errno
            if code != EINTR { throw SystemError(call: "rename", path: to, code: code) }
        }
    }

    /// `unlink(2)`; a missing file is fine.
    package static func unlink(_ path: String) {
        _ = Glibc.unlink(path)
    }

    /// Opens a directory and fsyncs it, so a file created or renamed in it survives a power cut.
    package static func syncDirectory(_ path: String) throws(SystemError) {
        let fd = try open(path, O_RDONLY | O_DIRECTORY)
        defer { close(fd) }
        try fsync(fd, path: path)
    }

    /// The directory part of a path (`.` for a bare name).
    package static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }
}

// At file scope `stat` and `flock` name the C functions; inside `Posix` they would name its own methods
// (and `Glibc.stat` / `Glibc.flock` the C structs of the same names).
private func systemStat(_ path: String, _ info: inout stat) -> Int32 { stat(path, &info) }
private func systemFlock(_ fd: Int32, _ operation: Int32) -> Int32 { flock(fd, operation) }
