/// Every limit of SPEC 8, each configurable. Durations are in seconds.
public struct ServerLimits: Sendable, Equatable {
    /// Longest line in bytes (without its `\n`/`\r\n`); longer lines get `messages.lineTooLong`
    /// and are skipped without being buffered.
    public var maxLineBytes: Int = 8192
    /// After this many over-long lines the connection gets `messages.tooManyLongLines` and is closed.
    public var maxLongLines: Int = 3
    /// Open connections across all event loops; one more gets `messages.busy` and is closed.
    public var maxConnections: Int = 10_000
    /// No message for this long: `messages.idleGoodbye`, then close.
    public var idleTimeout: Double = 300
    /// A partial line left unfinished this long: `messages.lineTimeout`, then close.
    public var lineTimeout: Double = 30
    /// Unsent reply bytes queued for one client above which its input is no longer read.
    public var maxBacklogBytes: Int = 262_144
    /// How long a client may stay above `maxBacklogBytes` before it is closed.
    public var backlogDrainTimeout: Double = 30
    /// Messages per second per connection (token bucket); 0 means unlimited.
    public var messagesPerSecond: Double = 5
    /// Messages a connection may send at once before the rate applies.
    public var burst: Int = 10
    /// Received messages waiting for their turn; with a rate set, more get `messages.rateExceeded`
    /// and the connection is closed; without one, input is simply not read until the queue drains.
    public var maxQueuedMessages: Int = 100
    /// On shutdown, how long to wait for turns in flight and unsent replies before closing anyway.
    public var shutdownGrace: Double = 10

    /// The SPEC 8 defaults.
    public init() {}
}

/// The polite lines the server sends on its own, supplied by the caller (the CLI takes them from
/// the phrase book, `intents/phrases/server.json`). The server holds no words of its own: each
/// default is the line's phrase key, so a server started without its lines shows which is missing.
public struct ServerMessages: Sendable, Equatable {
    /// Sent, then close, when `maxConnections` are open or no file descriptor is left.
    public var busy = "server.busy"
    /// Reply to a line longer than `maxLineBytes` (the line is skipped).
    public var lineTooLong = "server.line_too_long"
    /// Sent, then close, after `maxLongLines` over-long lines.
    public var tooManyLongLines = "server.too_many_long_lines"
    /// Reply to a line with invalid UTF-8, a NUL or another control character.
    public var invalidInput = "server.invalid_input"
    /// Sent, then close, after `idleTimeout` without a message.
    public var idleGoodbye = "server.idle_goodbye"
    /// Sent, then close, when a partial line stays unfinished for `lineTimeout`.
    public var lineTimeout = "server.line_timeout"
    /// Sent, then close, when a client sends faster than the rate allows for too long.
    public var rateExceeded = "server.rate_exceeded"
    /// Sent, then close, when a client does not read its replies for `backlogDrainTimeout`.
    public var backlogExceeded = "server.backlog_exceeded"
    /// Sent to every open connection on graceful shutdown, after its turns in flight are answered.
    public var shutdownGoodbye = "server.shutdown_goodbye"

    /// The phrase keys in place of the lines.
    public init() {}

    /// The text of one of the server's own lines.
    public func text(_ line: ServerLine) -> String {
        switch line {
        case .busy: busy
        case .lineTooLong: lineTooLong
        case .tooManyLongLines: tooManyLongLines
        case .invalidInput: invalidInput
        case .idleGoodbye: idleGoodbye
        case .lineTimeout: lineTimeout
        case .rateExceeded: rateExceeded
        case .backlogExceeded: backlogExceeded
        case .shutdownGoodbye: shutdownGoodbye
        }
    }
}

/// Which of its own lines the server sends (not a handler's reply). A session or factory may render it its own way
/// (`serve --json` sends a JSON object with the kind as its `error`); the raw value names the kind.
public enum ServerLine: String, Sendable, CaseIterable {
    case busy
    case lineTooLong = "line_too_long"
    case tooManyLongLines = "too_many_long_lines"
    case invalidInput = "invalid_input"
    case idleGoodbye = "idle"
    case lineTimeout = "line_timeout"
    case rateExceeded = "rate_exceeded"
    case backlogExceeded = "backlog_exceeded"
    case shutdownGoodbye = "shutdown"
}
