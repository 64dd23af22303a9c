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
/// the phrase book). The defaults are in Simplified Chinese and English.
public struct ServerMessages: Sendable, Equatable {
    /// Sent, then close, when `maxConnections` are open or no file descriptor is left.
    public var busy = "您好，当前咨询人数较多，请稍后再试。The desk is busy, please try again later."
    /// Reply to a line longer than `maxLineBytes` (the line is skipped).
    public var lineTooLong = "抱歉，您的消息太长了，请分几次发送。Sorry, that message is too long; please send it in parts."
    /// Sent, then close, after `maxLongLines` over-long lines.
    public var tooManyLongLines =
        "多次收到过长的消息，本次会话结束，欢迎稍后再联系我们。Too many over-long messages; goodbye for now."
    /// Reply to a line with invalid UTF-8, a NUL or another control character.
    public var invalidInput =
        "抱歉，无法识别您的消息（包含无效字符），请重新输入。Sorry, that message contains characters we cannot read; please type it again."
    /// Sent, then close, after `idleTimeout` without a message.
    public var idleGoodbye = "您已较长时间未发消息，本次会话先结束，感谢您的来访，再见！No message for a while; goodbye, and thank you."
    /// Sent, then close, when a partial line stays unfinished for `lineTimeout`.
    public var lineTimeout = "您的消息长时间未发送完整，连接已关闭。Your message was not finished in time; closing the connection."
    /// Sent, then close, when a client sends faster than the rate allows for too long.
    public var rateExceeded = "您发送消息过于频繁，请稍后再联系我们。You are sending messages too quickly; please try again later."
    /// Sent, then close, when a client does not read its replies for `backlogDrainTimeout`.
    public var backlogExceeded = "回复长时间未被读取，连接已关闭。Replies were not read for too long; closing the connection."
    /// Sent to every open connection on graceful shutdown, after its turns in flight are answered.
    public var shutdownGoodbye = "客服中心暂时关闭，感谢您的来访，再见！The front desk is closing now; thank you, goodbye."

    /// The default lines.
    public init() {}
}
