import Foundation
import FrontDeskDialogue
import FrontDeskModel
import FrontDeskNet
import FrontDeskTestSupport
import Testing

@testable import FrontDeskCLI

/// One dialogue run two ways, with the same assertions on both (as hummingbird's tests run a
/// router in process and live): in process (a `Conversation` on the engine with an in-memory
/// store) and through a real socket (`ConversationFactory` and `ConversationSession` behind a
/// `LineServer` on 127.0.0.1:0, in `--json` mode, read back with a `LineClient`).
@Suite("one dialogue in process and over a socket")
struct ConversationPathsTests {
    enum Path: String, CaseIterable, CustomStringConvertible {
        case inProcess = "in process"
        case socket = "over a socket"
        var description: String { rawValue }
    }

    /// What a path produced: each turn's `--json` object, the store, the transcript events.
    struct Run {
        var turns: [JSON]
        var store: InMemoryRecordStore
        var transcripts: [TranscriptEvent]
    }

    /// A repair reported, its phone given, the visit time corrected at the confirmation, confirmed.
    static let lines = ["3栋2单元501厨房水管漏水了", "13812345678", "明天上午", "对"]
    /// The session ID the server's first sequential session gets (`serve --now`).
    static let session = "s-000000000001"

    static func run(_ path: Path) throws -> Run {
        let store = InMemoryRecordStore()
        switch path {
        case .inProcess:
            let desk = DialogueDesk(store: store, session: session, channel: .tcp)
            _ = desk.greet()
            let turns = lines.map { desk.send($0).json }
            return Run(turns: turns, store: store, transcripts: desk.transcripts.events)
        case .socket:
            let sink = MemoryTranscriptSink()
            let events = 1 + 2 * lines.count
            let turns = try overSocket(
                store: store, sink: sink, whileServing: { #expect(eventually { sink.events.count == events }) })
            return Run(turns: turns, store: store, transcripts: sink.events)
        }
    }

    /// `lines` sent through a real socket: a `LineServer` on 127.0.0.1:0 (`--json`, sequential session IDs) whose engine
    /// writes to `store` and `sink`; each reply parsed, in order. `inspect` sees the factory before the server starts,
    /// `whileServing` runs after the last reply while the server still runs (the transcript's last events may follow it).
    static func overSocket(
        store: any RecordStore, sink: any TranscriptSink, inspect: (ConversationFactory) -> Void = { _ in },
        whileServing: () -> Void = {}
    ) throws -> [JSON] {
        let engine = Engine(
            catalog: RepositoryContent.catalog, estate: RepositoryContent.estate, store: store,
            clock: ManualClock(RepositoryContent.start))
        let factory = ConversationFactory(engine: engine, transcripts: sink, json: true, sequentialIDs: true)
        inspect(factory)
        let server = try LineServer(port: 0, factory: factory, limits: testLimits(), workers: 2)
        defer {
            server.shutdown()
            server.wait()
        }
        let client = try LineClient.to(server)
        defer { client.close() }
        var turns: [JSON] = []
        for line in lines {
            try client.send(line)
            guard let reply = try client.line() else { throw TestSupportError("the server closed after \(line)") }
            turns.append(try JSON.parse(reply))
        }
        whileServing()
        return turns
    }

    @Test(arguments: Path.allCases)
    func repairDialogue(_ path: Path) throws {
        let run = try Self.run(path)
        try #require(run.turns.count == 4)
        #expect(run.turns.allSatisfy { $0["session"]?.string == Self.session && $0["intent"]?.string == "repair" })
        #expect(run.turns.map { $0["awaiting"]?.string } == ["phone", "confirm", "confirm", nil])
        #expect(run.turns[2]["slots"]?["time"]?.string == "2026-11-23 上午")
        #expect(run.turns.prefix(3).allSatisfy { $0["record"] == .null })
        let record = try #require(run.turns[3]["record"])
        #expect(record["id"]?.string == "REP-20261122-0001")
        #expect(record["type"]?.string == "repair" && record["status"]?.string == "open")
        #expect(run.turns[3]["reply"]?.string?.contains("REP-20261122-0001") == true)
        for turn in run.turns {
            let reply = turn["reply"]?.string ?? ""
            #expect(DialogueDesk.etiquetteProblems(reply).isEmpty, "\(reply)")
        }
        let stored = run.store.allRecords()
        #expect(stored.map(\.id) == ["REP-20261122-0001"])
        #expect(stored.first?.unit == "3-2-501" && stored.first?.phone == "13812345678")
        #expect(stored.first?.time == "2026-11-23 上午")
        // The greeting, then a resident and a bot event per line, all on the TCP channel, in order.
        #expect(run.transcripts.map(\.role) == [.bot] + Array(repeating: [.resident, .bot], count: 4).flatMap { $0 })
        #expect(run.transcripts.map(\.seq) == Array(1...9))
        #expect(run.transcripts.allSatisfy { $0.session == Self.session && $0.channel == "tcp" })
        // Phones are masked in transcripts on both paths (SPEC 6).
        #expect(
            run.transcripts.filter { $0.role == .resident }.map(\.text) == [
                Self.lines[0], "138****5678", Self.lines[2], Self.lines[3],
            ])
        #expect(run.transcripts.last?.record?.id == "REP-20261122-0001")
    }

    @Test("both paths answer every turn with the same object")
    func samePathsSameTurns() throws {
        let local = try Self.run(.inProcess)
        let remote = try Self.run(.socket)
        #expect(local.turns.map(\.serialized) == remote.turns.map(\.serialized))
        #expect(local.store.allRecords() == remote.store.allRecords())
        #expect(local.transcripts.map(\.text) == remote.transcripts.map(\.text))
    }
}
