import Foundation
import FrontDeskContent
import FrontDeskMatching
import FrontDeskModel

// OWNER: dialogue helper. Stub with the agreed signature; see docs/ARCHITECTURE.md.

/// One resident's conversation state: a value, passed in and returned by `Engine.respond`.
public struct SessionState: Sendable {
    public let id: String
    /// The language of the resident's last message (replies follow it).
    public var language: Language = .zhHans

    public init(id: String) { self.id = id }
}

/// The front desk: matcher, flows, phrases and a record store. No I/O of its own; immutable and
/// shareable across threads. Per-conversation state lives in `SessionState`.
public struct Engine: Sendable {
    public let catalog: Catalog
    public let estate: Estate
    public let matcher: Matcher
    public let store: any RecordStore
    public let clock: any WallClock

    public init(catalog: Catalog, estate: Estate, store: any RecordStore, clock: any WallClock) {
        self.catalog = catalog
        self.estate = estate
        self.matcher = Matcher(catalog: catalog)
        self.store = store
        self.clock = clock
    }

    /// A new session with this ID.
    public func startSession(id: String) -> SessionState { SessionState(id: id) }

    /// The opening line naming the office (text mode; `--json` mode prints none).
    public func greeting(for state: SessionState) -> String { "" }

    /// Handles one resident line and returns the reply and everything `--json` reports.
    public func respond(to text: String, state: inout SessionState) -> TurnOutput {
        TurnOutput(session: state.id, reply: "", intent: nil)
    }
}
