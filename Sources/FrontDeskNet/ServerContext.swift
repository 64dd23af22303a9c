import Synchronization

/// What the event loops and workers of one `LineServer` share: immutable settings, the worker
/// pool, and the open-connection count (an atomic).
final class ServerContext: Sendable {
    let limits: ServerLimits
    let messages: ServerMessages
    /// The factory of each endpoint, by index (endpoint 0 is the first listener).
    let factories: [any LineHandlerFactory]
    /// Each endpoint's idle timeout, by index.
    let idleTimeouts: [Double]
    let pool: WorkerPool
    /// Open connections across all event loops.
    let openConnections = Atomic<Int>(0)
    /// The first system call that stopped an event loop (`epoll_wait` failing), read by `LineServer.failure`.
    let fault = Mutex<SystemError?>(nil)
    /// System calls on the epoll paths that failed without stopping a loop (an `epoll_ctl` on a connection, which is
    /// then closed; a listener that could not be paused or re-armed; the wake-up eventfd): how many, and the last,
    /// read by `LineServer.systemErrors`.
    let errors = Mutex<(count: Int, last: SystemError?)>((0, nil))

    /// Counts a system call that failed on an epoll path (see `errors`).
    func report(_ error: SystemError) {
        errors.withLock { $0 = ($0.count + 1, error) }
    }

    init(
        limits: ServerLimits, messages: ServerMessages, factories: [any LineHandlerFactory], idleTimeouts: [Double],
        pool: WorkerPool
    ) {
        self.idleTimeouts = idleTimeouts
        self.limits = limits
        self.messages = messages
        self.factories = factories
        self.pool = pool
    }
}

/// A finished worker job, posted back to the connection's event loop.
enum Completion: Sendable {
    /// The session was made and greeted (`nil`: no greeting line).
    case session(SessionBox, greeting: String?)
    /// One turn's reply (`nil`: the session sends none).
    case reply(SessionBox, String?)
    /// The reply's bytes of an inline turn whose writes are now durable (`ReplyPort.reply`; `nil`: none).
    case replyBytes(SessionBox, [UInt8]?, first: (@Sendable () -> Void)?)
    /// An inline turn whose writes failed: run the line on the worker pool (`ReplyPort.rerun`).
    case rerun(SessionBox, String)
    /// A line the session sends on its own (`LineOutlet.send`); no job of the connection's.
    case push(String)
    /// Close after this line (`LineOutlet.close`); no job of the connection's.
    case finish(String?)
}
