import Foundation
import FrontDeskDialogue
import FrontDeskJournal
import FrontDeskModel
import FrontDeskNet
import FrontDeskTestSupport
import Synchronization
import Testing

@testable import FrontDeskCLI

/// Turns that write, run once on the event loop (issue 12): the record's ID reserved, the writes committed to the
/// journal without waiting, the reply sent once they are fsync'ed; a failed commit runs the line again on a worker.
/// Real sockets and a real journal file.
@Suite("writes without reruns")
struct DeferredCommitTurnTests {
    /// The journal, counting how it is called; `failCommits` commits fail (before reaching the journal) first.
    final class NotingJournal: DeferredCommitStore {
        let base: FileJournal
        /// Guards the counts and the failures left.
        let counts = Mutex<(reserve: Int, commit: Int, create: Int, failuresLeft: Int)>((0, 0, 0, 0))

        init(_ base: FileJournal, failCommits: Int = 0) {
            self.base = base
            counts.withLock { $0.failuresLeft = failCommits }
        }

        func reserve(_ draft: Record) throws(StoreError) -> Record {
            counts.withLock { $0.reserve += 1 }
            return try base.reserve(draft)
        }
        func preview(_ update: RecordUpdate, over pending: Record?) throws(StoreError) -> Record {
            try base.preview(update, over: pending)
        }
        func commit(_ writes: [PendingWrite], completion: @escaping @Sendable (StoreError?) -> Void) {
            let fail = counts.withLock { c -> Bool in
                c.commit += 1
                guard c.failuresLeft > 0 else { return false }
                c.failuresLeft -= 1
                return true
            }
            guard fail else { return base.commit(writes, completion: completion) }
            // As the journal does for a group it could not store: nothing kept, the reservations released.
            base.releaseReservations(writes)
            DispatchQueue.global().async { completion(.writeFailed("injected")) }
        }
        func create(_ draft: Record) throws(StoreError) -> Record {
            counts.withLock { $0.create += 1 }
            return try base.create(draft)
        }
        func update(_ update: RecordUpdate) throws(StoreError) -> Record { try base.update(update) }
        func audit(_ event: AuditEvent) throws(StoreError) { try base.audit(event) }
        func record(id: String) -> Record? { base.record(id: id) }
        func allRecords() -> [Record] { base.allRecords() }
        func auditEvents(since: String) -> [AuditEvent] { base.auditEvents(since: since) }
    }

    /// Runs the repair of `ConversationPathsTests.lines` over a socket; the replies and the transcript's events.
    static func repair(_ store: NotingJournal) throws -> (replies: [JSON], events: [TranscriptEvent]) {
        let sink = MemoryTranscriptSink()
        let replies = try ConversationPathsTests.overSocket(
            store: InlineGuardedStore(store), sink: sink,
            whileServing: { #expect(eventually { sink.events.count == 9 }) })
        return (replies, sink.events)
    }

    @Test("a repair: reserved and committed once on the loop, no rerun, the ID on disk before the reply")
    func recordTurnRunsOnce() throws {
        let dir = NSTemporaryDirectory() + "frontdesk-deferred-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let journal = try FileJournal(directory: dir)
        defer { journal.close() }
        let store = NotingJournal(journal)
        let (replies, events) = try DeferredCommitTurnTests.repair(store)
        #expect(replies.last?["record"]?["id"]?.string == "REP-20261122-0001")
        let counts = store.counts.withLock { $0 }
        #expect(counts.reserve == 1 && counts.commit == 1 && counts.create == 0)
        // On disk: another reader of the file sees it.
        let reader = try FileJournal(directory: dir)
        defer { reader.close() }
        #expect(reader.allRecords().map(\.id) == ["REP-20261122-0001"])
        // Every event once, in order, the confirmation's carrying the record.
        #expect(events.map(\.seq) == Array(1...9))
        #expect(events.last?.record?.id == "REP-20261122-0001")
    }

    @Test("a commit that fails runs the turn again on a worker, which stores the record; every event once")
    func failedCommitIsRunAgain() throws {
        let dir = NSTemporaryDirectory() + "frontdesk-deferred-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let journal = try FileJournal(directory: dir)
        defer { journal.close() }
        let store = NotingJournal(journal, failCommits: 1)
        let (replies, events) = try DeferredCommitTurnTests.repair(store)
        #expect(replies.last?["record"]?["id"]?.string == "REP-20261122-0001")
        let counts = store.counts.withLock { $0 }
        #expect(counts.reserve == 1 && counts.commit == 1 && counts.create == 1)
        #expect(journal.allRecords().map(\.id) == ["REP-20261122-0001"])
        #expect(events.map(\.seq) == Array(1...9))
        #expect(events.last?.record?.id == "REP-20261122-0001")
    }
}
