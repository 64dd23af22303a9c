import FrontDeskContent
import FrontDeskDialogue
import FrontDeskJournal
import FrontDeskModel
import FrontDeskNet
import Synchronization

/// Adapts the engine to the server: one `Conversation` per connection.
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

    init(engine: Engine, transcripts: any TranscriptSink, json: Bool, sequentialIDs: Bool, handoff: HandoffLink? = nil)
    {
        self.engine = engine
        self.transcripts = transcripts
        self.json = json
        self.sequentialIDs = sequentialIDs
        self.handoff = handoff
    }

    func makeSession(peer: String) -> any LineSession { makeSession(peer: peer, outlet: nil) }

    func makeSession(peer: String, outlet: LineOutlet) -> any LineSession {
        makeSession(peer: peer, outlet: Optional(outlet))
    }

    private func makeSession(peer: String, outlet: LineOutlet?) -> any LineSession {
        let id: String
        if sequentialIDs {
            id = "s-" + String(counter.next(), radix: 16).leftPadded(to: 12)
        } else {
            id = "s-" + String(UInt64.random(in: 0..<(1 << 48)), radix: 16).leftPadded(to: 12)
        }
        let conversation = Conversation(
            engine: engine, sessionID: id, channel: .tcp, peer: peer, transcripts: transcripts)
        let link = outlet.flatMap { outlet in handoff.map { (link: $0, outlet: outlet) } }
        return ConversationSession(conversation: conversation, json: json, handoff: link)
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

/// `serve --echo` (hidden, for benchmarks): the reply is the line itself.
struct EchoLineFactory: LineHandlerFactory {
    func makeSession(peer: String) -> any LineSession { EchoLineSession() }
}

final class EchoLineSession: LineSession {
    func greeting() -> String? { nil }
    func handle(line: String) -> String? { line }
    func close() {}
}

extension ServerMessages {
    /// The server's lines from the phrase book (`server.busy`, …), each falling back to the
    /// built-in default while the phrase book lacks it.
    init(phrases: PhraseBook) {
        self.init()
        func pick(_ key: String, _ fallback: String) -> String {
            let text = phrases.render(key, .zhHans)
            return text.isEmpty || text == key ? fallback : text
        }
        busy = pick("server.busy", busy)
        lineTooLong = pick("server.line_too_long", lineTooLong)
        tooManyLongLines = pick("server.too_many_long_lines", tooManyLongLines)
        invalidInput = pick("server.invalid_input", invalidInput)
        idleGoodbye = pick("server.idle_goodbye", idleGoodbye)
        lineTimeout = pick("server.line_timeout", lineTimeout)
        rateExceeded = pick("server.rate_exceeded", rateExceeded)
        backlogExceeded = pick("server.backlog_exceeded", backlogExceeded)
        shutdownGoodbye = pick("server.shutdown_goodbye", shutdownGoodbye)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
