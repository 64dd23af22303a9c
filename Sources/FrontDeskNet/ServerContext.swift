import Synchronization

/// What the event loops and workers of one `LineServer` share: immutable settings, the worker
/// pool, and the open-connection count (an atomic).
final class ServerContext: Sendable {
    let limits: ServerLimits
    let messages: ServerMessages
    let factory: any LineHandlerFactory
    let pool: WorkerPool
    /// Open connections across all event loops.
    let openConnections = Atomic<Int>(0)

    init(limits: ServerLimits, messages: ServerMessages, factory: any LineHandlerFactory, pool: WorkerPool) {
        self.limits = limits
        self.messages = messages
        self.factory = factory
        self.pool = pool
    }
}

/// A finished worker job, posted back to the connection's event loop.
enum Completion: Sendable {
    /// The session was made and greeted (`nil`: no greeting line).
    case session(SessionBox, greeting: String?)
    /// One turn's reply.
    case reply(SessionBox, String)

    var box: SessionBox {
        switch self {
        case .session(let box, _), .reply(let box, _): return box
        }
    }
}
