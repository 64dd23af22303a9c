import Dispatch
import Foundation
import FrontDeskNet
import Synchronization

/// A test handler: each session gets a unique token; replies are `token:LINE` upper-cased.
/// `sleep MS` sleeps before replying; `big N` replies with N bytes.
final class EchoFactory: LineHandlerFactory {
    /// Guards the session counter, closed-session count and the times `handle` began.
    let state = Mutex<(next: Int, closed: Int, turnTimes: [Double], turnsStarted: Int)>((0, 0, [], 0))
    let greet: Bool

    init(greet: Bool = true) { self.greet = greet }

    func makeSession(peer: String) -> any LineSession {
        let token = state.withLock { s -> String in
            s.next += 1
            return "t\(s.next)"
        }
        return EchoSession(token: token, factory: self, greet: greet)
    }

    var closedSessions: Int { state.withLock { $0.closed } }
    var turnsStarted: Int { state.withLock { $0.turnsStarted } }
    var turnTimes: [Double] { state.withLock { $0.turnTimes } }
}

final class EchoSession: LineSession {
    let token: String
    let factory: EchoFactory
    let greet: Bool
    var turns = 0

    init(token: String, factory: EchoFactory, greet: Bool) {
        self.token = token
        self.factory = factory
        self.greet = greet
    }

    func greeting() -> String? { greet ? "hello \(token)" : nil }

    func handle(line: String) -> String? {
        factory.state.withLock {
            $0.turnTimes.append(ProcessInfo.processInfo.systemUptime)
            $0.turnsStarted += 1
        }
        turns += 1
        if line.hasPrefix("sleep "), let ms = Int(line.dropFirst(6)) {
            usleep(UInt32(ms) * 1000)
        }
        if line.hasPrefix("big "), let n = Int(line.dropFirst(4)) {
            return String(repeating: "x", count: n)
        }
        return "\(token):\(line.uppercased())"
    }

    func close() { factory.state.withLock { $0.closed += 1 } }
}

/// Limits small enough for quick tests.
func testLimits(_ change: (inout ServerLimits) -> Void = { _ in }) -> ServerLimits {
    var limits = ServerLimits()
    limits.messagesPerSecond = 0
    limits.shutdownGrace = 5
    change(&limits)
    return limits
}

/// Runs `body` with a server on 127.0.0.1:0, then shuts it down and waits.
func withServer(
    limits: ServerLimits = testLimits(), factory: EchoFactory = EchoFactory(),
    _ body: (LineServer, EchoFactory) throws -> Void
) throws {
    let server = try LineServer(host: "127.0.0.1", port: 0, factory: factory, limits: limits, workers: 4)
    defer {
        server.shutdown()
        server.wait()
    }
    try body(server, factory)
}

/// Polls `condition` until it holds or `seconds` pass (the bound only stops a hang).
func eventually(seconds: Int = 10, _ condition: () -> Bool) -> Bool {
    for _ in 0..<(seconds * 100) {
        if condition() { return true }
        usleep(10_000)
    }
    return condition()
}

extension LineClient {
    /// Connects to a test server.
    static func to(_ server: LineServer) throws -> LineClient {
        try LineClient(host: "127.0.0.1", port: server.port)
    }

    /// The next line, bounding the wait to 10 s so a broken server fails instead of hanging.
    func line() throws -> String? { try readLine(timeout: 10) }

    /// Every remaining line until the server closes.
    func rest() throws -> [String] {
        var lines: [String] = []
        while let line = try readLine(timeout: 10) { lines.append(line) }
        return lines
    }
}
