public import Foundation
public import FrontDeskContent
public import FrontDeskDialogue
public import FrontDeskModel

/// The repository's real content, loaded once: `intents/` and `estate/sample.json`.
public enum RepositoryContent {
    /// `intents/` of the package root.
    public static let catalog: Catalog = {
        do { return try Catalog.load(directory: Repository.file("intents")) } catch {
            fatalError("intents/ does not load: \(error)")
        }
    }()

    /// `estate/sample.json` of the package root.
    public static let estate: Estate = {
        do { return try Estate.load(path: Repository.file("estate/sample.json")) } catch {
            fatalError("estate/sample.json does not load: \(error)")
        }
    }()

    /// 2026-11-22T10:00:00+08:00, a Sunday: the tests' usual start.
    public static let start = CivilTime(year: 2026, month: 11, day: 22, hour: 10, offset: 28_800).date
}

/// A resident at the desk: one engine over a store (in memory by default) and a manual clock, one
/// conversation whose turns go to an in-memory transcript sink.
public final class DialogueDesk {
    /// Where the records go.
    public let store: any RecordStore
    /// The clock every turn reads; tests move it.
    public let clock: ManualClock
    /// The engine answering every turn.
    public let engine: Engine
    /// The transcript events of the conversation.
    public let transcripts = MemoryTranscriptSink()
    /// The session and its transcript.
    public private(set) var conversation: Conversation

    /// A desk on the repository's content; the store defaults to a new `InMemoryRecordStore`.
    public init(
        store: any RecordStore = InMemoryRecordStore(), clock: ManualClock = ManualClock(RepositoryContent.start),
        session: String = "s-1", channel: Channel = .test
    ) {
        self.store = store
        self.clock = clock
        engine = Engine(
            catalog: RepositoryContent.catalog, estate: RepositoryContent.estate, store: store, clock: clock)
        conversation = Conversation(
            engine: engine, sessionID: session, channel: channel, peer: "test", transcripts: transcripts)
    }

    /// The greeting (recorded as the first bot turn).
    public func greet() -> String { conversation.greet() }

    /// Sends one line and returns the turn.
    @discardableResult
    public func send(_ text: String) -> TurnOutput { conversation.handle(text) }

    /// What is wrong with a reply by the etiquette rules (SPEC 4.1): empty, a raw newline, a
    /// forbidden word, an unfilled placeholder. Empty when nothing is.
    public static func etiquetteProblems(_ reply: String) -> [String] {
        var problems: [String] = []
        if reply.isEmpty { problems.append("empty reply") }
        if reply.contains("\n") || reply.contains("\r") { problems.append("newline in reply") }
        if let word = RepositoryContent.catalog.phrases.forbidden.first(in: reply) { problems.append("forbidden word \(word)") }
        if reply.contains("{") || reply.contains("}") { problems.append("unfilled placeholder") }
        return problems
    }
}
