/// Makes one `LineSession` per accepted connection. Shared by every worker thread.
public protocol LineHandlerFactory: Sendable {
    /// A new session for a connection from `peer` (`host:port`). Runs on a worker thread.
    func makeSession(peer: String) -> any LineSession
    /// A new session that may also send lines on its own (and close its connection) through
    /// `outlet`, from any thread, at any time. The default ignores the outlet.
    func makeSession(peer: String, outlet: LineOutlet) -> any LineSession
    /// One of the server's own lines for a connection that has no session yet (or is refused), from its text
    /// (`ServerMessages`). Runs on an event-loop thread. The default is the text itself.
    func serverLine(_ line: ServerLine, text: String) -> String
    /// Whether `makeSession`, the session's `greeting()` and its `close()` may run on an event-loop thread (they
    /// neither block nor write records); then turns are tried there first too (`LineSession.handleInline`). The
    /// default is `false`: everything on the worker pool.
    var runsInline: Bool { get }
}

extension LineHandlerFactory {
    /// Everything on the worker pool.
    public var runsInline: Bool { false }
    /// A session that answers only what it is sent: `makeSession(peer:)`.
    public func makeSession(peer: String, outlet: LineOutlet) -> any LineSession { makeSession(peer: peer) }
    /// The text itself.
    public func serverLine(_ line: ServerLine, text: String) -> String { text }
}

/// One connection's conversation. `LineServer` calls a session from its worker pool, or (`handleInline`, and every
/// call when its factory `runsInline` but `handle(line:)`) from its connection's event loop, one call at a time and
/// in order (never two calls of one session at once), so a session needs no lock of its own for what only these
/// calls touch. A call on the worker pool may block (e.g. waiting for an fsync'ed group commit); a call on a loop
/// must not.
public protocol LineSession: AnyObject {
    /// The line sent when the connection opens, or `nil` for none.
    func greeting() -> String?
    /// The reply line to one received line (valid UTF-8, no control characters but tab, no line
    /// terminator), or `nil` to send none. A newline inside the reply is sent as a space: one
    /// message, one line.
    func handle(line: String) -> String?
    /// The connection is gone (closed by either side); called once, after the last `handle`.
    func close()
    /// One of the server's own lines (too long, invalid text, idle, …) as this session sends it, from its text
    /// (`ServerMessages`). Runs on the connection's event-loop thread, possibly while a `handle` of the session runs
    /// on a worker: it must read only what never changes (the session's ID, its mode). The default is the text.
    func serverLine(_ line: ServerLine, text: String) -> String
    /// Tries the turn on the event-loop thread (only when the factory `runsInline`), appending the reply's bytes to
    /// `reply` (no line terminator; a newline inside is sent as a space). A turn that would block or write answers
    /// `.deferred` having changed nothing and appended nothing: the server then calls `handle(line:)` on the worker
    /// pool. The default defers every turn.
    func handleInline(line: String, reply: inout [UInt8]) -> InlineOutcome
    /// `handleInline(line:reply:)`, for a session that may also answer `.committing`: its turn ran and its writes
    /// are being committed, and it answers through `later` (from any thread) once they are durable. Until then no
    /// other call of the session is made but `serverLine` and, if the connection goes, `close()` after the answer.
    /// The default is `handleInline(line:reply:)`.
    func handleInline(line: String, reply: inout [UInt8], later: ReplyPort) -> InlineOutcome
}

extension LineSession {
    /// Every turn on the worker pool.
    public func handleInline(line: String, reply: inout [UInt8]) -> InlineOutcome { .deferred }

    /// `handleInline(line:reply:)`: never `.committing`.
    public func handleInline(line: String, reply: inout [UInt8], later: ReplyPort) -> InlineOutcome {
        handleInline(line: line, reply: &reply)
    }

    /// The text itself.
    public func serverLine(_ line: ServerLine, text: String) -> String { text }
}

/// Sends lines to one connection outside the reply to a line it sent: what another connection or
/// a timer has to tell it. Any thread; the lines go out in the order they are sent, after the
/// output already queued. Once the connection is closed, sends are dropped.
public final class LineOutlet: Sendable {
    private let loop: EventLoop
    private let id: UInt64

    init(loop: EventLoop, id: UInt64) {
        self.loop = loop
        self.id = id
    }

    /// Queues one line (a newline inside is sent as a space).
    public func send(_ line: String) {
        loop.post(id, .push(line))
    }

    /// Queues `last` (if any), then closes the connection once its output is sent.
    public func close(after last: String? = nil) {
        loop.post(id, .finish(last))
    }
}
