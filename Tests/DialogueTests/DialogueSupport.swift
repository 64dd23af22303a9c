import Foundation
import FrontDeskContent
import FrontDeskDialogue
import FrontDeskModel
import Testing

/// The repository's real content, loaded once: `intents/` and `estate/sample.json`.
enum Fixture {
    /// The repository root, found from this file's path (Tests/DialogueTests/…).
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let catalog: Catalog = {
        do { return try Catalog.load(directory: root + "/intents") } catch {
            fatalError("intents/ does not load: \(error)")
        }
    }()

    static let estate: Estate = {
        do { return try Estate.load(path: root + "/estate/sample.json") } catch {
            fatalError("estate/sample.json does not load: \(error)")
        }
    }()

    /// The forbidden words of the real content (`intents/phrases/etiquette.json`).
    static var forbidden: ForbiddenWords { catalog.phrases.forbidden }

    /// 2026-11-22T10:00:00+08:00, a Sunday.
    static let start = CivilTime(year: 2026, month: 11, day: 22, hour: 10, offset: 28_800).date
}

/// A resident at the desk: one engine over an in-memory store and a manual clock, one session.
/// `send` checks every reply against the etiquette rules before returning it.
final class Desk {
    let store: InMemoryRecordStore
    let clock: ManualClock
    let engine: Engine
    var state: SessionState
    var replies: [String] = []

    init(
        store: InMemoryRecordStore = InMemoryRecordStore(), clock: ManualClock = ManualClock(Fixture.start),
        session: String = "s-1"
    ) {
        self.store = store
        self.clock = clock
        engine = Engine(catalog: Fixture.catalog, estate: Fixture.estate, store: store, clock: clock)
        state = engine.startSession(id: session)
    }

    /// A second session on the same store and clock.
    func newSession(_ id: String) -> Desk { Desk(store: store, clock: clock, session: id) }

    /// Sends one line and checks the reply: no forbidden word, no raw newline, never empty.
    @discardableResult
    func send(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> TurnOutput {
        let output = engine.respond(to: text, state: &state)
        Desk.checkEtiquette(output.reply, after: text, sourceLocation: sourceLocation)
        replies.append(output.reply)
        return output
    }

    /// The central check every reply goes through (SPEC 4.1).
    static func checkEtiquette(_ reply: String, after text: String, sourceLocation: SourceLocation) {
        #expect(!reply.isEmpty, "empty reply to \(text)", sourceLocation: sourceLocation)
        #expect(
            !reply.contains("\n") && !reply.contains("\r"), "newline in reply: \(reply)", sourceLocation: sourceLocation
        )
        let word = Fixture.forbidden.first(in: reply)
        #expect(
            word == nil, "forbidden word \(word ?? "") in reply to \(text): \(reply)", sourceLocation: sourceLocation)
        #expect(
            !reply.contains("{") && !reply.contains("}"), "unfilled placeholder: \(reply)",
            sourceLocation: sourceLocation)
    }

    /// Records of a type in the store.
    func records(_ type: RecordType) -> [Record] { store.allRecords().filter { $0.type == type } }
}

/// Whether `text` shows an amount of money (digits, a point, two digits).
func showsAmount(_ text: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    guard scalars.count >= 4 else { return false }
    func digit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }
    for i in 1..<(scalars.count - 2) where scalars[i] == "." {
        if digit(scalars[i - 1]), digit(scalars[i + 1]), digit(scalars[i + 2]) { return true }
    }
    return false
}
