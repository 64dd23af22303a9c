import CFrontDeskLinux
import Dispatch
import Foundation
import Glibc
import Synchronization

/// A TCP line server: UTF-8 lines in, one reply line per line out, one `LineSession` per
/// connection. `eventLoops` threads each run a level-triggered epoll loop with their own
/// SO_REUSEPORT listener on the same port (the kernel spreads new connections across them);
/// handler calls run on a fixed pool of `workers` threads, one turn per connection at a time.
///
/// ```swift
/// let server = try LineServer(host: "127.0.0.1", port: 0, factory: MyFactory())
/// print(server.port)      // the port actually bound
/// server.shutdown()       // from any thread: graceful
/// server.wait()           // returns once every connection is closed
/// ```
public final class LineServer: Sendable {
    /// The address the listeners are bound to (with the real port when 0 was asked for).
    public let address: SocketAddress
    private let loops: [EventLoop]
    private let context: ServerContext
    private let finished = DispatchGroup()
    /// Guards whether the worker pool has been stopped (by the first `wait()` to finish).
    private let stopped = Mutex(false)

    /// Binds, listens and starts serving.
    ///
    /// - Parameters:
    ///   - host: a numeric IPv4 or IPv6 address (`localhost` means `127.0.0.1`).
    ///   - port: the port; 0 picks a free one (read it back from `port`).
    ///   - eventLoops: event-loop threads (default 2, one per core here).
    ///   - workers: threads running handler calls, which may block (default 4).
    /// - Throws: `NetError.badAddress` or `NetError.system` (e.g. `bind: Address already in use`).
    public init(
        host: String = "127.0.0.1", port: Int, factory: any LineHandlerFactory, limits: ServerLimits = ServerLimits(),
        messages: ServerMessages = ServerMessages(), eventLoops: Int = 2, workers: Int = 4
    ) throws(NetError) {
        var address = try SocketAddress(host: host, port: port)
        var listeners: [Descriptor] = []
        do {
            for _ in 0..<max(1, eventLoops) {
                let fd = try Sys.socket(domain: address.family, type: CFD_SOCK_STREAM | CFD_SOCK_NONBLOCK_CLOEXEC)
                let listener = Descriptor(fd)
                listeners.append(listener)
                try Sys.setOption(listener.fd, SOL_SOCKET, SO_REUSEADDR, 1)
                try Sys.setOption(listener.fd, SOL_SOCKET, SO_REUSEPORT, 1)
                try Sys.bind(listener.fd, address)
                try Sys.listen(listener.fd, backlog: 4096)
                address = try Sys.localAddress(listener.fd)
            }
        } catch {
            for listener in listeners { listener.close() }
            throw .system(error)
        }
        let pool = WorkerPool(threads: max(1, workers), name: "frontdesk-worker")
        let context = ServerContext(limits: limits, messages: messages, factory: factory, pool: pool)
        var loops: [EventLoop] = []
        for (index, listener) in listeners.enumerated() {
            do {
                loops.append(try EventLoop(listener: listener, context: context))
            } catch {
                for loop in loops { loop.requestShutdown() }
                for rest in listeners[index...] { rest.close() }
                pool.stop()
                throw .system(error)
            }
        }
        self.address = address
        self.loops = loops
        self.context = context
        for (index, loop) in loops.enumerated() {
            finished.enter()
            let thread = Thread { [finished] in
                loop.run()
                finished.leave()
            }
            thread.name = "frontdesk-loop-\(index)"
            thread.start()
        }
    }

    /// The bound port.
    public var port: Int { address.port }

    /// Connections open right now, across all event loops.
    public var connectionCount: Int { context.openConnections.load(ordering: .relaxed) }

    /// Graceful shutdown (any thread, idempotent): stop accepting, stop reading, finish the turns in
    /// flight and the lines already received, send their replies and the goodbye line, then close
    /// every connection (forcibly after `limits.shutdownGrace`). `wait()` returns when done.
    public func shutdown() {
        for loop in loops { loop.requestShutdown() }
    }

    /// Blocks until the server has shut down and every session's `close()` has run.
    public func wait() {
        finished.wait()
        let first = stopped.withLock { done in
            defer { done = true }
            return !done
        }
        if first { context.pool.stop() }
    }
}
