import Dispatch
import Foundation
import FrontDeskContent
import FrontDeskDialogue
import FrontDeskJournal
import FrontDeskModel
import FrontDeskNet
import Synchronization

/// `frontdesk serve`: the TCP line server (SPEC 8), one `Conversation` per connection.
struct ServeCommand: Subcommand {
    static let name = "serve"
    static let summary = "TCP line server (default 127.0.0.1:7700), one session per connection"
    static let spec = ArgumentSpec([
        .value("--host", "HOST", "where to listen (default 127.0.0.1)"),
        .value("--port", "PORT", "its port (default 7700; 0 picks a free one)"),
        .json.help("one JSON object per line, no greeting (SPEC 2.1)"),
        .value("--max-line", "BYTES", "longest line in bytes (default 8192)"),
        .value("--max-connections", "N", "open connections (default 10000)"),
        .value("--idle-timeout", "S", "seconds without a message before goodbye (default 300)"),
        .value("--line-timeout", "S", "seconds a partial line may stay unfinished (default 30)"),
        .value("--max-backlog", "BYTES", "unread reply bytes per client before its input pauses (default 262144)"),
        .value("--rate", "PER_SECOND", "messages per second per connection, burst 10; 0 = unlimited (default 5)"),
        .value("--workers", "N", "threads running the turns that write records (default 32)"),
        .value("--loops", "N", "event-loop threads (default 2)"),
        .value("--operator-port", "PORT", "a second port, for operators (live hand-off, SPEC 8.3); needs the token file"),
        .value("--operator-token-file", "FILE", "'name<TAB>token' per line, readable by its owner only (chmod 600)"),
        .value("--handoff-wait", "S", "seconds a resident waits for an operator before the callback (default 120)"),
        .intents, .estate, .dataDir, .now,
        .flag("--echo", "echo each line back instead of a turn (benchmarks)", hidden: true),
    ])
    static let usage = Usage.text(command: name, synopses: [("", nil)], about: "", spec: spec)

    static func run(_ arguments: Arguments, console: Console) throws -> Int32 {
        // A client that disconnects must never kill the server: sends use MSG_NOSIGNAL, and SIGPIPE
        // is ignored for anything else that writes to a closed pipe or socket.
        signal(SIGPIPE, SIG_IGN)
        let host = arguments.value("--host") ?? "127.0.0.1"
        let port = try arguments.int("--port", default: 7700, in: 0...65535)
        let limits = try serverLimits(arguments)
        let workers = try arguments.int("--workers", default: 32, in: 1...256)
        let loops = try arguments.int("--loops", default: 2, in: 1...64)

        let operatorPort = try arguments.value("--operator-port").map { _ in
            try arguments.int("--operator-port", default: 7701, in: 0...65535)
        }
        let tokenFile = arguments.value("--operator-token-file")
        if operatorPort != nil && tokenFile == nil {
            throw UsageError("--operator-port needs --operator-token-file FILE")
        }
        if tokenFile != nil && operatorPort == nil {
            throw UsageError("--operator-token-file needs --operator-port PORT")
        }
        let handoffWait = try seconds(arguments, "--handoff-wait", default: 120)
        let tokens = try tokenFile.map { path throws(CommandFailure) in try OperatorTokens.load(path: path) }

        var closers: [() -> Void] = []
        let factory: any LineHandlerFactory
        var operatorEndpoint: LineEndpoint?
        var desk_: HandoffDesk?
        var messages = ServerMessages()
        if arguments.has("--echo") {
            // Hidden, for bench/run-load.sh: replies with the line itself, no engine or journal.
            factory = EchoLineFactory()
        } else {
            let workspace = try Workspace(arguments)
            let desk = try workspace.openDesk(command: "serve", console: console, inlineGuarded: true)
            closers = [{ desk.journal.close() }, { desk.transcripts.close() }]
            let engine = desk.engine
            let transcripts = desk.transcripts
            let catalog = desk.catalog
            messages = ServerMessages(phrases: catalog.phrases)
            var link: HandoffLink?
            if let operatorPort, let tokens {
                let handoff = HandoffDesk(waitLimit: handoffWait, monotonic: { ProcessInfo.processInfo.systemUptime })
                desk_ = handoff
                link = HandoffLink(desk: handoff, hours: OfficeHours(engine.estate.office.hours))
                let operators = OperatorFactory(
                    desk: handoff, tokens: tokens, store: desk.journal, clock: engine.clock,
                    utcOffset: engine.estate.utcOffset, maxTextBytes: limits.maxLineBytes)
                // A clerk's console may sit quiet for hours: its connection does not idle out.
                operatorEndpoint = LineEndpoint(port: operatorPort, factory: operators, idleTimeout: 86_400)
            }
            factory = ConversationFactory(
                engine: engine, transcripts: transcripts, json: arguments.has("--json"),
                sequentialIDs: workspace.fixedClock, handoff: link)
        }

        let server: LineServer
        do {
            server = try LineServer(
                host: host,
                endpoints: [LineEndpoint(port: port, factory: factory)] + (operatorEndpoint.map { [$0] } ?? []),
                limits: limits, messages: messages, eventLoops: loops, workers: workers)
        } catch {
            for close in closers { close() }
            throw CommandFailure("cannot listen on \(host):\(port)\(operatorPort.map { " and \($0)" } ?? ""): \(error)")
        }
        // The hand-off's waits end on a timer (one for the whole server), not on a thread per resident.
        let waitTimer = desk_.map { handoff in
            let timer = DispatchSource.makeTimerSource(queue: .global())
            timer.schedule(deadline: .now() + 0.25, repeating: 0.25)
            timer.setEventHandler { handoff.expireWaits() }
            timer.resume()
            return timer
        }
        // SIGINT/SIGTERM: graceful shutdown through Dispatch signal sources (the default action is
        // turned off so the process lives until the turns in flight are answered).
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let sources = [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { server.shutdown() }
            source.resume()
            return source
        }
        if server.addresses.count > 1 {
            console.err("frontdesk: listening on \(server.address), operators on \(server.addresses[1])\n")
        } else {
            console.err("frontdesk: listening on \(server.address)\n")
        }
        server.wait()
        waitTimer?.cancel()
        for source in sources { source.cancel() }
        for close in closers { close() }
        let errors = server.systemErrors
        if errors.count > 0, let last = errors.last {
            console.err("frontdesk: serve: \(errors.count) failed system calls on the event loops; the last: \(last)\n")
        }
        if let failure = server.failure {
            console.err("frontdesk: serve: \(failure)\n")
            return 1
        }
        console.err("frontdesk: stopped\n")
        return 0
    }

    /// The `ServerLimits` the flags ask for.
    ///
    /// - Throws: `UsageError` for a value out of range.
    static func serverLimits(_ arguments: Arguments) throws(UsageError) -> ServerLimits {
        var limits = ServerLimits()
        limits.maxLineBytes = try arguments.int("--max-line", default: limits.maxLineBytes, in: 16...16_777_216)
        limits.maxConnections = try arguments.int(
            "--max-connections", default: limits.maxConnections, in: 1...1_000_000)
        limits.idleTimeout = try seconds(arguments, "--idle-timeout", default: limits.idleTimeout)
        limits.lineTimeout = try seconds(arguments, "--line-timeout", default: limits.lineTimeout)
        limits.maxBacklogBytes = try arguments.int("--max-backlog", default: limits.maxBacklogBytes, in: 1024...1 << 30)
        limits.messagesPerSecond = try seconds(arguments, "--rate", default: limits.messagesPerSecond, allowZero: true)
        return limits
    }

    private static func seconds(
        _ arguments: Arguments, _ name: String, default value: Double, allowZero: Bool = false
    ) throws(UsageError) -> Double {
        guard let text = arguments.value(name) else { return value }
        guard let number = Double(text), number.isFinite, allowZero ? number >= 0 : number > 0, number <= 1e6 else {
            let kind = allowZero ? "non-negative" : "positive"
            throw UsageError("option '\(name)' expects a \(kind) number, got '\(text)'")
        }
        return number
    }
}
