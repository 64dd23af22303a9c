import CFrontDeskLinux
import Glibc

/// An IPv4 or IPv6 socket address (a value).
public struct SocketAddress: Sendable, CustomStringConvertible {
    private var storage: sockaddr_storage

    init(storage: sockaddr_storage) { self.storage = storage }

    /// Parses a numeric host (`127.0.0.1`, `::1`; `localhost` means `127.0.0.1`) and a port.
    ///
    /// - Throws: `NetError.badAddress` when `host` is not a numeric IPv4 or IPv6 address.
    public init(host: String, port: Int) throws(NetError) {
        guard (0...65535).contains(port) else { throw NetError.badAddress("port \(port) is out of range") }
        let host = host == "localhost" ? "127.0.0.1" : host
        var storage = sockaddr_storage()
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, host, &v4) == 1 {
            withUnsafeMutablePointer(to: &storage) { pointer in
                pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { sin in
                    sin.pointee.sin_family = sa_family_t(AF_INET)
                    sin.pointee.sin_port = in_port_t(UInt16(port).bigEndian)
                    sin.pointee.sin_addr = v4
                }
            }
        } else if inet_pton(AF_INET6, host, &v6) == 1 {
            withUnsafeMutablePointer(to: &storage) { pointer in
                pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { sin6 in
                    sin6.pointee.sin6_family = sa_family_t(AF_INET6)
                    sin6.pointee.sin6_port = in_port_t(UInt16(port).bigEndian)
                    sin6.pointee.sin6_addr = v6
                }
            }
        } else {
            throw NetError.badAddress("'\(host)' is not a numeric IPv4 or IPv6 address")
        }
        self.storage = storage
    }

    /// `AF_INET` or `AF_INET6`.
    var family: Int32 { Int32(storage.ss_family) }

    /// The port number.
    public var port: Int {
        var copy = storage
        return withUnsafePointer(to: &copy) { pointer in
            if family == AF_INET6 {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                    Int(UInt16(bigEndian: $0.pointee.sin6_port))
                }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                Int(UInt16(bigEndian: $0.pointee.sin_port))
            }
        }
    }

    /// The numeric host, e.g. `127.0.0.1`.
    public var host: String {
        var copy = storage
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        withUnsafePointer(to: &copy) { pointer in
            if family == AF_INET6 {
                pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { sin6 in
                    var address = sin6.pointee.sin6_addr
                    _ = inet_ntop(AF_INET6, &address, &text, socklen_t(text.count))
                }
            } else {
                pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { sin in
                    var address = sin.pointee.sin_addr
                    _ = inet_ntop(AF_INET, &address, &text, socklen_t(text.count))
                }
            }
        }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `host:port`, or `[host]:port` for IPv6.
    public var description: String { family == AF_INET6 ? "[\(host)]:\(port)" : "\(host):\(port)" }

    func withSockAddr<R, E: Error>(_ body: (UnsafePointer<sockaddr>, socklen_t) throws(E) -> R) throws(E) -> R {
        var copy = storage
        let length = socklen_t(family == AF_INET6 ? MemoryLayout<sockaddr_in6>.size : MemoryLayout<sockaddr_in>.size)
        return try withUnsafePointer(to: &copy) { pointer throws(E) in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw throws(E) in try body(raw, length) }
        }
    }
}

/// Why the server or client could not do what was asked.
public enum NetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The host or port cannot be used.
    case badAddress(String)
    /// A system call failed.
    case system(SystemError)
    /// The server closed the connection.
    case closed

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .badAddress(let text): return text
        case .system(let error): return error.description
        case .closed: return "the connection was closed"
        }
    }
}

/// One open file descriptor, owned: closed exactly once, and checked in `deinit` that it was
/// (swift-nio `BaseSocket`). Used by one thread at a time (its event loop or its client).
final class Descriptor {
    private(set) var fd: Int32

    init(_ fd: Int32) { self.fd = fd }

    /// Whether `close()` has not been called yet.
    var isOpen: Bool { fd >= 0 }

    /// Closes the descriptor; closing twice is a programming error.
    func close() {
        precondition(fd >= 0, "descriptor closed twice")
        try? Sys.close(fd)
        fd = -1
    }

    deinit {
        assert(fd < 0, "descriptor \(fd) leaked: deinit without close()")
    }
}
