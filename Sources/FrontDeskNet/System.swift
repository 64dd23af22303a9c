import CFrontDeskLinux
import Glibc

/// A failed system call: which call, and the errno it left.
public struct SystemError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The call that failed, e.g. `"accept4"`.
    public let call: String
    /// The errno read immediately after the call.
    public let code: Int32

    /// Makes an error for `call` failing with `code`.
    public init(call: String, code: Int32) {
        self.call = call
        self.code = code
    }

    /// `call: message (errno N)`.
    public var description: String { "\(call): \(String(cString: strerror(code))) (errno \(code))" }
}

/// The outcome of a non-blocking call: done, or it would have blocked (EAGAIN/EWOULDBLOCK).
enum IOResult<Value> {
    case done(Value)
    case wouldBlock
}

/// Every system call FrontDeskNet makes, each wrapped once (swift-nio System.swift style): EINTR
/// retried, EAGAIN mapped to `.wouldBlock` where the call can block, errno read right after the
/// call and thrown as a `SystemError` naming it. Nothing else in the module reads errno.
enum Sys {
    /// Runs `body` until it does not fail with EINTR; a negative result throws, naming `call`.
    @inline(__always)
    private static func retrying<T: FixedWidthInteger>(_ call: String, _ body: () -> T) throws(SystemError) -> T {
        while true {
            let result = body()
            if result >= 0 { return result }
            let code = cfd_errno()
            if code == EINTR { continue }
            throw SystemError(call: call, code: code)
        }
    }

    /// Like `retrying`, with EAGAIN/EWOULDBLOCK as `.wouldBlock`.
    @inline(__always)
    private static func nonBlocking<T: FixedWidthInteger>(
        _ call: String, _ body: () -> T
    ) throws(SystemError) -> IOResult<T> {
        while true {
            let result = body()
            if result >= 0 { return .done(result) }
            let code = cfd_errno()
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK { return .wouldBlock }
            throw SystemError(call: call, code: code)
        }
    }

    static func socket(domain: Int32, type: Int32) throws(SystemError) -> Int32 {
        try retrying("socket") { Glibc.socket(domain, type, 0) }
    }

    static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32) throws(SystemError) {
        var value = value
        _ = try retrying("setsockopt") {
            Glibc.setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size))
        }
    }

    static func bind(_ fd: Int32, _ address: SocketAddress) throws(SystemError) {
        _ = try address.withSockAddr { pointer, length throws(SystemError) in
            try retrying("bind") { Glibc.bind(fd, pointer, length) }
        }
    }

    static func listen(_ fd: Int32, backlog: Int32) throws(SystemError) {
        _ = try retrying("listen") { Glibc.listen(fd, backlog) }
    }

    static func localAddress(_ fd: Int32) throws(SystemError) -> SocketAddress {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = try withUnsafeMutablePointer(to: &storage) { pointer throws(SystemError) in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw throws(SystemError) in
                try retrying("getsockname") { Glibc.getsockname(fd, raw, &length) }
            }
        }
        return SocketAddress(storage: storage)
    }

    /// accept4 (non-blocking, close-on-exec); `.wouldBlock` when no connection is waiting.
    static func accept(_ fd: Int32) throws(SystemError) -> IOResult<(Int32, SocketAddress)> {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        switch try nonBlocking("accept4", { cfd_accept_nonblocking(fd, &storage, &length) }) {
        case .done(let client): return .done((client, SocketAddress(storage: storage)))
        case .wouldBlock: return .wouldBlock
        }
    }

    static func connect(_ fd: Int32, _ address: SocketAddress) throws(SystemError) {
        _ = try address.withSockAddr { pointer, length throws(SystemError) in
            try retrying("connect") { Glibc.connect(fd, pointer, length) }
        }
    }

    /// read(2) into `buffer`; 0 is end of file.
    static func read(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> IOResult<Int> {
        try nonBlocking("read") { Glibc.read(fd, buffer.baseAddress, buffer.count) }
    }

    /// send(2) with MSG_NOSIGNAL: a closed peer is an EPIPE error, never a SIGPIPE.
    static func send(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) throws(SystemError) -> IOResult<Int> {
        try nonBlocking("send") { Glibc.send(fd, buffer.baseAddress, buffer.count, CFD_MSG_NOSIGNAL) }
    }

    /// write(2) (for eventfds and plain files).
    static func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) throws(SystemError) -> IOResult<Int> {
        try nonBlocking("write") { Glibc.write(fd, buffer.baseAddress, buffer.count) }
    }

    static func shutdown(_ fd: Int32, _ how: Int32) throws(SystemError) {
        _ = try retrying("shutdown") { Glibc.shutdown(fd, how) }
    }

    /// close(2). EINTR is not retried: on Linux the descriptor is gone either way.
    static func close(_ fd: Int32) throws(SystemError) {
        if Glibc.close(fd) < 0 {
            let code = cfd_errno()
            if code != EINTR { throw SystemError(call: "close", code: code) }
        }
    }

    static func openReadOnly(_ path: String) throws(SystemError) -> Int32 {
        try retrying("open") { Glibc.open(path, O_RDONLY | O_CLOEXEC) }
    }

    static func epollCreate() throws(SystemError) -> Int32 {
        try retrying("epoll_create1") { epoll_create1(Int32(EPOLL_CLOEXEC)) }
    }

    static func epollControl(
        _ epfd: Int32, _ op: Int32, _ fd: Int32, events: UInt32, token: UInt64
    ) throws(SystemError) {
        _ = try retrying("epoll_ctl") { cfd_epoll_ctl(epfd, op, fd, events, token) }
    }

    /// epoll_wait; EINTR yields zero events rather than a retry, so deadlines are re-checked.
    static func epollWait(
        _ epfd: Int32, tokens: UnsafeMutablePointer<UInt64>, masks: UnsafeMutablePointer<UInt32>, max: Int32,
        timeoutMilliseconds: Int32
    ) throws(SystemError) -> Int {
        let n = cfd_epoll_wait(epfd, tokens, masks, max, timeoutMilliseconds)
        if n >= 0 { return Int(n) }
        let code = cfd_errno()
        if code == EINTR { return 0 }
        throw SystemError(call: "epoll_wait", code: code)
    }

    static func eventFD() throws(SystemError) -> Int32 {
        try retrying("eventfd") { eventfd(0, CFD_EFD_NONBLOCK_CLOEXEC) }
    }

    /// poll(2) on a few descriptors; EINTR yields 0 ready.
    static func poll(_ fds: inout [pollfd], timeoutMilliseconds: Int32) throws(SystemError) -> Int {
        let n = fds.withUnsafeMutableBufferPointer { Glibc.poll($0.baseAddress, nfds_t($0.count), timeoutMilliseconds) }
        if n >= 0 { return Int(n) }
        let code = cfd_errno()
        if code == EINTR { return 0 }
        throw SystemError(call: "poll", code: code)
    }

    /// Seconds on the monotonic clock (for timeouts only; never wall time).
    static func monotonicNow() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    static func setNonBlocking(_ fd: Int32, _ on: Bool) throws(SystemError) {
        _ = try retrying("fcntl") { cfd_set_nonblocking(fd, on ? 1 : 0) }
    }
}
