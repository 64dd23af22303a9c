import CFrontDeskLinux
import Dispatch
import Foundation
import Glibc
import Synchronization

/// One port a `LineServer` listens on and the factory that serves its connections.
public struct LineEndpoint: Sendable {
    /// The port; 0 picks a free one (read it back from `LineServer.addresses`).
    public var port: Int
    /// Makes the sessions of this port's connections.
    public var factory: any LineHandlerFactory
    /// This port's idle timeout in seconds, when it differs from `ServerLimits.idleTimeout` (a clerk's
    /// console may wait for hours without typing).
    public var idleTimeout: Double?

    /// An endpoint.
    public init(port: Int, factory: any LineHandlerFactory, idleTimeout: Double? = nil) {
        self.port = port
        self.factory = factory
        self.idleTimeout = idleTimeout
    }
}

/// A TCP line server: UTF-8 lines in, one reply line per line out, one `LineSession` per
/// connection. `eventLoops` threads each run a level-triggered epoll loop; the first holds one
/// listener per port (no SO_REUSEPORT: a second server on the port fails with "Address already in use")
/// and hands the connections it accepts to the loops in turn;
/// a factory that `runsInline` has its sessions' turns run on the loops (those that write records, and every call of
/// other factories, on a fixed pool of `workers` threads), one turn per connection at a time.
/// Several endpoints (ports, each with its own factory) are served by the same loops and workers.
///
/// ```swift
/// let server = try LineServer(host: "127.0.0.1", port: 0, factory: MyFactory())
/// print(server.port)      // the port actually bound
/// server.shutdown()       // from any thread: graceful
/// server.wait()           // returns once every connection is closed
/// ```
public final class LineServer: Sendable {
    /// The addresses the listeners are bound to, one per endpoint (with the real port when 0 was asked for).
    public let addresses: [SocketAddress]
    private let loops: [EventLoop]
    private let context: ServerContext
    private let finished = DispatchGroup()
    /// Guards whether the worker pool has been stopped (by the first `wait()` to finish).
    private let stopped = Mutex(false)

    /// Binds, listens and starts serving one port.
    ///
    /// - Parameters:
    ///   - host: a numeric IPv4 or IPv6 address (`localhost` means `127.0.0.1`).
    ///   - port: the port; 0 picks a free one (read it back from `port`).
    ///   - eventLoops: event-loop threads (default 2, one per core here).
    ///   - workers: threads running the handler calls that may block (default 4; `serve` asks for 32).
    /// - Throws: `NetError.badAddress` or `NetError.system` (e.g. `bind: Address already in use`).
    public convenience init(
        host: String = "127.0.0.1", port: Int, factory: any LineHandlerFactory, limits: ServerLimits = ServerLimits(),
        messages: ServerMessages = ServerMessages(), eventLoops: Int = 2, workers: Int = 4
    ) throws(NetError) {
        try self.init(
            host: host, endpoints: [LineEndpoint(port: port, factory: factory)], limits: limits, messages: messages,
            eventLoops: eventLoops, workers: workers)
    }

    /// Binds, listens and starts serving every endpoint (at most 13) on `host`, all on the same
    /// event loops and worker pool.
    ///
    /// - Throws: `NetError.badAddress` or `NetError.system` (e.g. `bind: Address already in use`).
    public init(
        host: String = "127.0.0.1", endpoints: [LineEndpoint], limits: ServerLimits = ServerLimits(),
        messages: ServerMessages = ServerMessages(), eventLoops: Int = 2, workers: Int = 4
    ) throws(NetError) {
        precondition(!endpoints.isEmpty && endpoints.count <= EventLoop.maxEndpoints, "1 to 13 endpoints")
        var addresses: [SocketAddress] = []
        // One listener per endpoint, shared by the loops: the first loop accepts and hands each connection to the
        // loops in turn. No SO_REUSEPORT, so a second server on a port in use fails at bind ("Address already in
        // use") instead of joining a reuse group and taking a share of the connections into its own journal.
        var listeners: [Descriptor] = []
        func closeAll() { for listener in listeners { listener.close() } }
        for endpoint in endpoints {
            var address: SocketAddress
            do {
                address = try SocketAddress(host: host, port: endpoint.port)
            } catch {
                closeAll()
                throw error
            }
            do {
                let listener = Descriptor(
                    try Sys.socket(domain: address.family, type: CFD_SOCK_STREAM | CFD_SOCK_NONBLOCK_CLOEXEC))
                listeners.append(listener)
                try Sys.setOption(listener.fd, SOL_SOCKET, SO_REUSEADDR, 1)  // a restart may bind past TIME_WAIT
                try Sys.bind(listener.fd, address)
                try Sys.listen(listener.fd, backlog: 4096)
                address = try Sys.localAddress(listener.fd)
            } catch {
                closeAll()
                throw .system(error)
            }
            addresses.append(address)
        }
        let pool = WorkerPool(threads: max(1, workers), name: "frontdesk-worker")
        let context = ServerContext(
            limits: limits, messages: messages, factories: endpoints.map(\.factory),
            idleTimeouts: endpoints.map { $0.idleTimeout ?? limits.idleTimeout }, pool: pool)
        var loops: [EventLoop] = []
        for index in 0..<max(1, eventLoops) {
            do {
                loops.append(try EventLoop(listeners: index == 0 ? listeners : [], context: context))
            } catch {
                if index == 0 { closeAll() }  // not yet the first loop's
                for loop in loops { loop.close() }
                pool.stop()
                throw .system(error)
            }
        }
        loops[0].peers = loops
        self.addresses = addresses
        self.loops = loops
        self.context = context
        for (index, loop) in loops.enumerated() {
            finished.enter()
            let thread = Thread { [finished, loops] in
                loop.run()
                // A loop stopped by a failed system call: the server stops too (`failure` says why).
                if context.fault.withLock({ $0 != nil }) { for other in loops { other.requestShutdown() } }
                finished.leave()
            }
            thread.name = "frontdesk-loop-\(index)"
            thread.start()
        }
    }

    /// The first endpoint's address.
    public var address: SocketAddress { addresses[0] }

    /// The first endpoint's bound port.
    public var port: Int { addresses[0].port }

    /// Connections open right now, across all event loops.
    public var connectionCount: Int { context.openConnections.load(ordering: .relaxed) }

    /// Graceful shutdown (any thread, idempotent): stop accepting, stop reading, finish the turns in
    /// flight and the lines already received, send their replies and the goodbye line, then close
    /// every connection (forcibly after `limits.shutdownGrace`). `wait()` returns when done.
    public func shutdown() {
        for loop in loops { loop.requestShutdown() }
    }

    /// The system call that stopped the server, when one did (`epoll_wait` failing); `nil` after a shutdown.
    public var failure: SystemError? { context.fault.withLock { $0 } }

    /// System calls on the epoll paths that failed without stopping the server (an `epoll_ctl` on a connection,
    /// which was then closed; pausing or re-arming a listener; the loops' wake-up eventfd): how many, and the last.
    public var systemErrors: (count: Int, last: SystemError?) { context.errors.withLock { $0 } }

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
