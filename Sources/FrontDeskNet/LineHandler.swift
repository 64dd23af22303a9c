/// Makes one `LineSession` per accepted connection. Shared by every worker thread.
public protocol LineHandlerFactory: Sendable {
    /// A new session for a connection from `peer` (`host:port`). Runs on a worker thread.
    func makeSession(peer: String) -> any LineSession
}

/// One connection's conversation. `LineServer` calls a session from its worker pool, one call at a
/// time and in order (never two calls of one session at once), so a session needs no lock of its
/// own. Any call may block (e.g. waiting for an fsync'ed group commit).
public protocol LineSession: AnyObject {
    /// The line sent when the connection opens, or `nil` for none.
    func greeting() -> String?
    /// The one reply line to one received line (valid UTF-8, no control characters but tab, no
    /// line terminator). A newline inside the reply is sent as a space: one message, one line.
    func handle(line: String) -> String
    /// The connection is gone (closed by either side); called once, after the last `handle`.
    func close()
}
