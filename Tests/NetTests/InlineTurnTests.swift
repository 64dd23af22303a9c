import Foundation
import Glibc
import FrontDeskDialogue
import FrontDeskModel
import FrontDeskNet
import FrontDeskTestSupport
import Synchronization
import Testing

@testable import FrontDeskCLI

/// Turns inline on the event loops (issue 12, item 2): a turn runs where its line was read unless it writes to the
/// records store; then the loop's attempt is dropped and the turn runs again on a worker, which blocks on the
/// store's write (the journal's fsync) and posts the reply after it. Real sockets throughout.
@Suite("inline turns on the event loops")
struct InlineTurnTests {
    /// The calling thread.
    static func thread() -> UInt { UInt(pthread_self()) }

    /// A store that notes the thread of every write.
    final class ThreadNotingStore: RecordStore {
        let base = InMemoryRecordStore()
        /// Guards the names of the threads that wrote.
        let writers = Mutex<[UInt]>([])

        private func note() { writers.withLock { $0.append(InlineTurnTests.thread()) } }
        func create(_ draft: Record) throws(StoreError) -> Record {
            note()
            return try base.create(draft)
        }
        func update(_ update: RecordUpdate) throws(StoreError) -> Record {
            note()
            return try base.update(update)
        }
        func audit(_ event: AuditEvent) throws(StoreError) {
            note()
            try base.audit(event)
        }
        func record(id: String) -> Record? { base.record(id: id) }
        func allRecords() -> [Record] { base.allRecords() }
        func auditEvents(since: String) -> [AuditEvent] { base.auditEvents(since: since) }
    }

    /// A sink that notes the thread of every event.
    final class ThreadNotingSink: TranscriptSink {
        /// Guards the events and their threads.
        let events = Mutex<[(TranscriptEvent, UInt)]>([])
        func append(_ event: TranscriptEvent) { events.withLock { $0.append((event, InlineTurnTests.thread())) } }
        func flush() {}
    }

    @Test("the guard refuses a write only inside an attempt, and the sink then drops the attempt's events")
    func guardRefusesInsideAnAttemptOnly() throws {
        let memory = InMemoryRecordStore()
        let store = InlineGuardedStore(memory)
        let sink = MemoryTranscriptSink()
        let guarded = InlineGuardedSink(sink)
        let event = TranscriptEvent(
            time: "2026-11-22T10:00:00+08:00", session: "s", seq: 1, channel: "tcp", peer: "p", role: .resident,
            text: "hi")
        let draft = Record(
            type: .repair, createdAt: "2026-11-22T10:00:00+08:00", description: "漏水", session: "s",
            language: "zh-Hans")
        // An attempt that only reads keeps its events.
        let (_, readOnly) = InlineTurn.attempt {
            _ = store.allRecords()
            guarded.append(event)
        }
        #expect(!readOnly)
        #expect(sink.events.count == 1)
        // An attempt that writes is refused: nothing stored, its later events dropped.
        let (thrown, refused) = InlineTurn.attempt { () -> Bool in
            do {
                _ = try store.create(draft)
                return false
            } catch {
                guarded.append(event)
                return true
            }
        }
        #expect(thrown && refused)
        #expect(memory.allRecords().isEmpty)
        #expect(sink.events.count == 1)
        #expect(!InlineTurn.isActive)
        // Outside an attempt the write goes through.
        let made = try store.create(draft)
        #expect(memory.allRecords().map(\.id) == [made.id])
        guarded.append(event)
        #expect(sink.events.count == 2)
    }

    @Test("a repair over a socket: reading turns on a loop, the record made on a worker, one transcript")
    func recordTurnRunsOnAWorker() throws {
        let store = ThreadNotingStore()
        let sink = ThreadNotingSink()
        let replies = try ConversationPathsTests.overSocket(
            store: InlineGuardedStore(store), sink: sink, inspect: { #expect($0.runsInline) },
            whileServing: { #expect(eventually { sink.events.withLock { $0.count } == 9 }) })
        let record = try #require(replies.last?["record"])
        #expect(record["id"]?.string == "REP-20261122-0001")
        #expect(store.base.allRecords().map(\.id) == ["REP-20261122-0001"])
        // Every event once, in order (counted while serving, above): the refused attempt's events were dropped.
        let events = sink.events.withLock { $0 }
        #expect(events.map(\.0.seq) == Array(1...9))
        // The one write, and the confirmation's events, on another thread (a worker) than the greeting and the
        // first three turns (the loop the connection was handed to).
        let writers = store.writers.withLock { $0 }
        try #require(writers.count == 1)
        let loops = Set(events.prefix(7).map(\.1))
        #expect(loops.count == 1 && !loops.contains(writers[0]))
        #expect(events.suffix(2).allSatisfy { $0.1 == writers[0] })
        #expect(events.last?.0.record?.id == "REP-20261122-0001")
    }

    /// Replies inline, but defers `slow N` lines to the pool (which sleeps N ms there).
    final class MixedFactory: LineHandlerFactory {
        var runsInline: Bool { true }
        func makeSession(peer: String) -> any LineSession { MixedSession() }
    }

    final class MixedSession: LineSession {
        var turns = 0
        func greeting() -> String? { nil }
        func handle(line: String) -> String? {
            turns += 1
            if line.hasPrefix("slow "), let ms = UInt32(line.dropFirst(5)) { usleep(ms * 1000) }
            return "\(turns) worker \(line)"
        }
        func handleInline(line: String, reply: inout [UInt8]) -> InlineOutcome {
            if line.hasPrefix("slow ") { return .deferred }
            turns += 1
            if line == "quiet" { return .silent }
            reply.append(contentsOf: "\(turns) loop \(line)\nend".utf8)
            return .replied
        }
        func close() {}
    }

    @Test("many connections pipelining past the pass's budget: every line answered, in order, on one loop")
    func turnsLeftByThePassBudgetAreAllRun() throws {
        // One loop: 40 connections × 30 lines is 1,200 turns queued at once, about 19 passes of 64; most connections
        // wait in the loop's ready list for several passes and must each be served from where they left off.
        let server = try LineServer(port: 0, factory: MixedFactory(), limits: testLimits(), eventLoops: 1, workers: 1)
        defer {
            server.shutdown()
            server.wait()
        }
        let clients = try (0..<40).map { _ in try LineClient.to(server) }
        defer { for client in clients { client.close() } }
        let lines = (0..<30).map { "l\($0)" }
        let batch = Array(lines.joined(separator: "\n").utf8) + [0x0A]
        for client in clients { try client.sendRaw(batch) }
        let expected = lines.enumerated().map { "\($0.offset + 1) loop \($0.element) end" }
        for client in clients {
            var got: [String] = []
            for _ in expected { got.append(try #require(try client.readLine(timeout: 10))) }
            #expect(got == expected)
        }
    }

    @Test("pipelined lines, some deferred to the pool, are answered in order, past the work bound")
    func pipelinedMixedTurnsKeepTheirOrder() throws {
        let server = try LineServer(port: 0, factory: MixedFactory(), limits: testLimits(), workers: 2)
        defer {
            server.shutdown()
            server.wait()
        }
        let client = try LineClient.to(server)
        defer { client.close() }
        var lines: [String] = []
        for i in 0..<300 { lines.append(i % 50 == 7 ? "slow 20" : i % 61 == 3 ? "quiet" : "l\(i)") }
        // One write: far more lines than one pass of a loop runs for one connection.
        try client.sendRaw(Array(lines.joined(separator: "\n").utf8) + [0x0A])
        var expected: [String] = []
        for (i, line) in lines.enumerated() where line != "quiet" {
            // A newline inside an inline reply is sent as a space.
            expected.append(line.hasPrefix("slow") ? "\(i + 1) worker \(line)" : "\(i + 1) loop \(line) end")
        }
        var got: [String] = []
        for _ in expected { got.append(try #require(try client.readLine(timeout: 10))) }
        #expect(got == expected)
    }
}
