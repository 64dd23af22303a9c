import FrontDeskContent
import FrontDeskDialogue
import FrontDeskJournal
import FrontDeskModel
import FrontDeskNet
import Synchronization

/// Adapts the engine to the server: one `Conversation` per connection. Without a live hand-off, sessions are made
/// and turns run on the event loops (`runsInline`): the engine's store must then be an `InlineGuardedStore`, so a
/// turn that writes is run again on a worker, and `transcripts` is wrapped in an `InlineGuardedSink`, which drops
/// that attempt's events.
struct ConversationFactory: LineHandlerFactory {
    let engine: Engine
    let transcripts: any TranscriptSink
    let json: Bool
    /// `--now` given: session IDs from a counter (deterministic), else random.
    let sequentialIDs: Bool
    /// The live hand-off, when `--operator-port` is given.
    let handoff: HandoffLink?
    /// Guards the next sequential session number.
    private let counter = Counter()
    /// The journal behind the engine's `InlineGuardedStore`, when it defers commits: inline turns that write run
    /// once, their writes committed without waiting.
    private let deferredStore: (any DeferredCommitStore)?

    init(engine: Engine, transcripts: any TranscriptSink, json: Bool, sequentialIDs: Bool, handoff: HandoffLink? = nil)
    {
        self.engine = engine
        self.transcripts = InlineGuardedSink(transcripts)
        self.json = json
        self.sequentialIDs = sequentialIDs
        self.handoff = handoff
        self.deferredStore = (engine.store as? InlineGuardedStore)?.base as? any DeferredCommitStore
    }

    /// Inline when the engine's store refuses writes on the loops (`InlineGuardedStore`) and no live hand-off is on
    /// (its sessions are called by the operators' desk too, under their lock).
    var runsInline: Bool { handoff == nil && engine.store is InlineGuardedStore }

    func makeSession(peer: String) -> any LineSession { makeSession(peer: peer, outlet: nil) }

    func makeSession(peer: String, outlet: LineOutlet) -> any LineSession {
        makeSession(peer: peer, outlet: Optional(outlet))
    }

    private func makeSession(peer: String, outlet: LineOutlet?) -> any LineSession {
        let id = sequentialIDs ? SessionIDs.numbered(UInt64(counter.next())) : SessionIDs.random()
        let conversation = Conversation(
            engine: engine, sessionID: id, channel: .tcp, peer: peer, transcripts: transcripts)
        let link = outlet.flatMap { outlet in handoff.map { (link: $0, outlet: outlet) } }
        return ConversationSession(
            conversation: conversation, json: json, handoff: link, deferredStore: link == nil ? deferredStore : nil)
    }

    /// `--json`: a server line before the connection has a session (or refused) is an object without one.
    func serverLine(_ line: ServerLine, text: String) -> String {
        json ? ServerLineJSON.line(line, text: text, session: nil) : text
    }

    /// A shared counter.
    final class Counter: Sendable {
        /// Guards the last number handed out.
        private let value = Mutex(0)
        func next() -> Int {
            value.withLock {
                $0 += 1; return $0
            }
        }
    }
}

/// The `serve --json` form of the server's own lines (SPEC 2.1): `session`, `reply` (the phrase book's text),
/// `intent`, `awaiting` and `record` null, and `error` naming the kind (`line_too_long`, `invalid_input`, `idle`, …).
enum ServerLineJSON {
    static func line(_ line: ServerLine, text: String, session: String?) -> String {
        JSON.object(
            JSONObject([
                ("session", .optional(session)), ("reply", .string(text)), ("intent", .null), ("awaiting", .null),
                ("record", .null), ("error", .string(line.rawValue)),
            ])
        ).serialized
    }
}

/// `serve --echo` (hidden, for benchmarks): the reply is the line itself.
struct EchoLineFactory: LineHandlerFactory {
    var runsInline: Bool { true }
    func makeSession(peer: String) -> any LineSession { EchoLineSession() }
}

final class EchoLineSession: LineSession {
    func greeting() -> String? { nil }
    func handle(line: String) -> String? { line }
    func handleInline(line: String, reply: inout [UInt8]) -> InlineOutcome {
        reply.append(contentsOf: line.utf8)
        return .replied
    }
    func close() {}
}

extension ServerMessages {
    /// The server's lines from the phrase book (`server.busy`, …). The server does not know a
    /// connection's script, so each line is its Simplified Chinese text followed by its English one.
    init(phrases: PhraseBook) {
        self.init()
        func line(_ key: String) -> String { phrases.render(key, .zhHans) + phrases.render(key, .en) }
        // Each default is its own phrase key.
        busy = line(busy)
        lineTooLong = line(lineTooLong)
        tooManyLongLines = line(tooManyLongLines)
        invalidInput = line(invalidInput)
        idleGoodbye = line(idleGoodbye)
        lineTimeout = line(lineTimeout)
        rateExceeded = line(rateExceeded)
        backlogExceeded = line(backlogExceeded)
        shutdownGoodbye = line(shutdownGoodbye)
    }
}
