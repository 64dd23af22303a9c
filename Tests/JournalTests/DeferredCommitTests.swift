import Foundation
import FrontDeskModel
import Synchronization
import Testing

@testable import FrontDeskJournal

/// Deferred commits (issue 12): an ID reserved at once, the writes committed as a group with a completion once on
/// disk; another process taking the ID meanwhile fails the whole group.
@Suite struct DeferredCommitTests {
    /// Commits `writes` and waits for the completion; its error, or `nil`.
    static func commit(_ journal: FileJournal, _ writes: [PendingWrite]) -> StoreError? {
        let done = DispatchSemaphore(value: 0)
        let result = Mutex<StoreError?>(nil)
        journal.commit(writes) { error in
            result.withLock { $0 = error }
            done.signal()
        }
        done.wait()
        return result.withLock { $0 }
    }

    @Test func aReservedRecordIsStoredOnlyWhenItsCommitCompletes() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let journal = try FileJournal(directory: dir.path)
        defer { journal.close() }
        let first = try journal.reserve(draft())
        let second = try journal.reserve(draft())
        #expect(first.id == "REP-20261122-0001")
        #expect(second.id == "REP-20261122-0002")
        #expect(journal.record(id: first.id) == nil)  // not shown before it is on disk
        // A create that waits skips the reserved numbers.
        let waited = try journal.create(draft())
        #expect(waited.id == "REP-20261122-0003")
        let audit = AuditEvent(kind: .feeDisclosure, at: "2026-11-22T10:03:00+08:00", session: "s", unit: "3-2-501")
        #expect(DeferredCommitTests.commit(journal, [.audit(audit), .create(first)]) == nil)
        #expect(journal.record(id: first.id) == first)
        #expect(DeferredCommitTests.commit(journal, [.create(second)]) == nil)
        let reopened = try FileJournal(directory: dir.path)
        defer { reopened.close() }
        #expect(reopened.allRecords().map(\.id) == ["REP-20261122-0003", first.id, second.id])
        #expect(reopened.auditEvents(since: "").count == 1)
    }

    @Test func anIDTakenByAnotherProcessFailsTheWholeGroup() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let journal = try FileJournal(directory: dir.path)
        defer { journal.close() }
        let other = try FileJournal(directory: dir.path)  // another process on the same file
        defer { other.close() }
        let reserved = try journal.reserve(draft())
        let taken = try other.create(draft(description: "the other process's"))
        #expect(taken.id == reserved.id)
        let audit = AuditEvent(kind: .feeDisclosure, at: "2026-11-22T10:03:00+08:00", session: "s", unit: "3-2-501")
        let error = DeferredCommitTests.commit(journal, [.audit(audit), .create(reserved)])
        #expect(error != nil)
        // Nothing of the group: the other process's record stays, no audit event was stored.
        #expect(journal.record(id: reserved.id)?.description == "the other process's")
        #expect(journal.auditEvents(since: "").isEmpty)
        // The reservation is released: the next one follows the other process's record.
        #expect(try journal.reserve(draft()).id == "REP-20261122-0002")
    }

    @Test func aFailedWriteReleasesTheNumber() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let io = SwitchableFailingIO()
        let journal = try FileJournal(directory: dir.path, io: io)
        defer { journal.close() }
        let reserved = try journal.reserve(draft())
        io.failing.store(true, ordering: .relaxed)
        #expect(DeferredCommitTests.commit(journal, [.create(reserved)]) != nil)
        #expect(journal.record(id: reserved.id) == nil)
        io.failing.store(false, ordering: .relaxed)
        let again = try journal.reserve(draft())
        #expect(again.id == reserved.id)
        #expect(DeferredCommitTests.commit(journal, [.create(again)]) == nil)
        #expect(journal.allRecords().map(\.id) == [reserved.id])
    }

    @Test func anUpdateIsPreviewedOverThisTurnsOwnRecord() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let journal = try FileJournal(directory: dir.path)
        defer { journal.close() }
        let reserved = try journal.reserve(draft(.emergency))
        let update = RecordUpdate(id: reserved.id, at: "2026-11-22T10:04:00+08:00", actor: "resident", phone: "139")
        #expect(throws: StoreError.notFound(reserved.id)) { try journal.preview(update, over: nil) }
        let previewed = try journal.preview(update, over: reserved)
        #expect(previewed.phone == "139")
        #expect(DeferredCommitTests.commit(journal, [.create(reserved), .update(update)]) == nil)
        #expect(journal.record(id: reserved.id) == previewed)
    }

    @Test func aCommitAfterCloseFailsAtOnce() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let journal = try FileJournal(directory: dir.path)
        let reserved = try journal.reserve(draft())
        journal.close()
        #expect(DeferredCommitTests.commit(journal, [.create(reserved)]) != nil)
    }
}

/// File operations whose writes fail while `failing` is set.
final class SwitchableFailingIO: JournalFileIO {
    let failing = Atomic<Bool>(false)
    private let posix = PosixJournalIO()

    func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(SystemError) -> Int {
        if failing.load(ordering: .relaxed) { throw SystemError(call: "write", path: path, code: EIO) }
        return try posix.write(fd, bytes, path: path)
    }
    func fsync(_ fd: Int32, path: String) throws(SystemError) { try posix.fsync(fd, path: path) }
    func ftruncate(_ fd: Int32, _ length: Int, path: String) throws(SystemError) {
        try posix.ftruncate(fd, length, path: path)
    }
}
