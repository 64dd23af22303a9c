import Glibc

/// Boxes a `LineSession` so it can travel between an event loop and a worker thread.
final class SessionBox: @unchecked Sendable {
    // Unchecked: no lock of its own. `LineServer` runs at most one job per connection at a time,
    // and each hand-off goes through the worker pool's or the event loop's inbox lock, which
    // orders the accesses.
    let session: any LineSession
    /// Its factory `runsInline`: turns are tried on the event loop, and `close()` runs there.
    let inline: Bool
    init(_ session: any LineSession, inline: Bool) {
        self.session = session
        self.inline = inline
    }
}

/// One unit of work in a connection's queue, kept in arrival order.
enum ConnectionJob: Sendable {
    /// A valid line for the handler (subject to the rate limit).
    case turn(String)
    /// A line the server answers itself (invalid input, over-long line), rendered when it is sent.
    case immediate(ServerLine)
    /// A last line (if any), then close.
    case final(OutgoingLine?)
}

/// A line to send: a session's own text, or one of the server's lines (rendered when it is sent, when the
/// connection's session is known).
enum OutgoingLine: Sendable {
    case text(String)
    case server(ServerLine)
}

/// What a connection is doing about closing.
enum ClosingState: Equatable {
    case open
    /// Stop reading; close once the output is flushed (or at the deadline).
    case flushing(deadline: Double)
    /// Output sent and write side shut down; reading and discarding until EOF or the deadline,
    /// so unread input does not turn our close into a reset that loses the last replies.
    case lingering(deadline: Double)
}

/// One accepted connection. Owned and touched only by its event loop's thread.
final class Connection {
    let id: UInt64
    let socket: Descriptor
    let peer: String
    /// Which endpoint (listening port) accepted it.
    let endpoint: Int
    var framer: LineFramer
    var queue = Deque<ConnectionJob>()
    var session: SessionBox?
    /// A job of this connection is on the worker pool.
    var busy = false
    /// Unsent output: `output[outputOffset...]`.
    var output: [UInt8] = []
    var outputOffset = 0
    /// No more input is taken (end of file, a last line queued, shutdown).
    var inputStopped = false
    /// The client shut down its write side (read returned end of file).
    var peerClosed = false
    var longLines = 0
    var closing = ClosingState.open
    /// The epoll interest currently registered.
    var interest: UInt32 = 0
    var lastActivity: Double
    var partialSince: Double?
    var backlogSince: Double?
    /// Token bucket for the message rate.
    var tokens: Double
    var tokensAt: Double
    /// When the next token is due, while the head of the queue waits for one.
    var rateWaitUntil: Double?
    /// On the loop's list of connections to flush at the end of the pass.
    var dirty = false
    /// On the loop's list of connections with turns left over by a pass's work bound.
    var ready = false
    /// The loop pass of `turnsInPass`, and how many inline turns this connection had in it.
    var turnPass: UInt64 = 0
    var turnsInPass = 0

    init(id: UInt64, socket: Descriptor, peer: String, endpoint: Int, limits: ServerLimits, now: Double) {
        self.id = id
        self.socket = socket
        self.peer = peer
        self.endpoint = endpoint
        self.framer = LineFramer(maxLineBytes: limits.maxLineBytes)
        self.lastActivity = now
        self.tokens = Double(max(1, limits.burst))
        self.tokensAt = now
    }

    /// Bytes queued but not yet sent.
    var backlog: Int { output.count - outputOffset }

    /// Appends one reply line: any `\r` or `\n` inside becomes a space, then `\n`.
    func appendLine(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return }
            if memchr(base, 0x0A, bytes.count) == nil && memchr(base, 0x0D, bytes.count) == nil {
                output.append(contentsOf: bytes)
            } else {
                output.append(contentsOf: bytes.lazy.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 })
            }
        }
        output.append(0x0A)
    }

    /// Ends a reply line whose bytes were appended from `start` on: any `\r` or `\n` in them becomes a space, then
    /// `\n`.
    func endLine(from start: Int) {
        let count = output.count - start
        if count > 0 {
            let found = output.withUnsafeBytes { raw in
                memchr(raw.baseAddress! + start, 0x0A, count) != nil || memchr(raw.baseAddress! + start, 0x0D, count) != nil
            }
            if found {
                for i in start..<output.count where output[i] == 0x0A || output[i] == 0x0D { output[i] = 0x20 }
            }
        }
        output.append(0x0A)
    }

    /// Takes one token if one is available, refilling at `rate` per second up to `burst`.
    func takeToken(now: Double, rate: Double, burst: Int) -> Bool {
        if rate <= 0 { return true }
        tokens = min(Double(max(1, burst)), tokens + (now - tokensAt) * rate)
        tokensAt = now
        if tokens >= 1 {
            tokens -= 1
            rateWaitUntil = nil
            return true
        }
        rateWaitUntil = now + (1 - tokens) / rate
        return false
    }

    /// Sends as much output as the socket takes. Returns false when the connection failed.
    func flush() -> Bool {
        while outputOffset < output.count {
            let result = output.withUnsafeBytes { raw in
                Result { () throws(SystemError) in
                    try Sys.send(socket.fd, UnsafeRawBufferPointer(rebasing: raw[outputOffset...]))
                }
            }
            switch result {
            case .success(.done(let n)): outputOffset += n
            case .success(.wouldBlock): return true
            case .failure: return false
            }
        }
        output.removeAll(keepingCapacity: output.capacity <= 4096)
        outputOffset = 0
        return true
    }
}
