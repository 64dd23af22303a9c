import Foundation
import FrontDeskModel
import Glibc
import Synchronization
import Testing

@testable import FrontDeskJournal

@Suite struct ConcurrencyTests {
    @Test func manyWritersAreGroupCommitted() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let io = CountingJournalIO()
        let journal = try FileJournal(directory: dir.path, io: io)
        let ids = Mutex<[String]>([])
        let failures = Atomic<Int>(0)
        onThreads(50) { thread in
            for i in 0..<20 {
                let type: RecordType = i % 2 == 0 ? .repair : .complaint
                do {
                    let record = try journal.create(draft(type, description: "thread \(thread) #\(i)"))
                    ids.withLock { $0.append(record.id) }
                } catch {
                    failures.add(1, ordering: .relaxed)
                }
            }
        }
        journal.close()
        let all = ids.withLock { $0 }
        #expect(failures.load(ordering: .relaxed) == 0)
        #expect(all.count == 1000)
        #expect(Set(all).count == 1000)
        #expect(io.fsyncCount < 1000)
        #expect(io.fsyncCount == io.writeCount)

        let reopened = try FileJournal(directory: dir.path)
        defer { reopened.close() }
        #expect(reopened.recovery.isEmpty)
        let records = reopened.allRecords()
        #expect(Set(records.map(\.id)) == Set(all))
        // File order is ID order within each type and day.
        for prefix in ["REP-20261122-", "CMP-20261122-"] {
            let numbers = records.map(\.id).filter { $0.hasPrefix(prefix) }.map { Int($0.dropFirst(prefix.count))! }
            #expect(numbers == Array(1...500))
        }
    }

    @Test func twoInstancesWritingConcurrentlyNeverCollide() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let journals = [try FileJournal(directory: dir.path), try FileJournal(directory: dir.path)]
        let ids = Mutex<[String]>([])
        onThreads(8) { thread in
            for _ in 0..<25 {
                if let record = try? journals[thread % 2].create(draft()) { ids.withLock { $0.append(record.id) } }
            }
        }
        for journal in journals { journal.close() }
        let all = ids.withLock { $0 }
        #expect(all.count == 200)
        #expect(Set(all).count == 200)
        let reopened = try FileJournal(directory: dir.path)
        defer { reopened.close() }
        #expect(reopened.recovery.isEmpty)
        #expect(reopened.allRecords().count == 200)
    }

    @Test(arguments: [
        CountingJournalIO.Fault.writeError(ENOSPC), .writeError(EIO), .shortWrite, .fsyncError(EIO),
    ])
    func failedWriteIsNeverAcknowledged(fault: CountingJournalIO.Fault) throws {
        let dir = TempDir()
        defer { dir.remove() }
        let io = CountingJournalIO()
        let journal = try FileJournal(directory: dir.path, io: io)
        defer { journal.close() }
        let first = try journal.create(draft())
        let before = bytes(journal.path)
        io.inject(fault)
        #expect {
            _ = try journal.create(draft())
        } throws: { error in
            guard case StoreError.writeFailed(let why) = error else { return false }
            return why.contains("records.jsonl")
        }
        #expect(throws: StoreError.self) {
            _ = try journal.update(
                RecordUpdate(id: first.id, at: "2026-11-22T11:00:00+08:00", actor: "o", status: "closed"))
        }
        #expect(bytes(journal.path) == before)
        #expect(journal.allRecords().map(\.id) == [first.id])
        #expect(journal.record(id: first.id)?.status == "open")
        io.inject(nil)
        #expect(try journal.create(draft()).id == "REP-20261122-0002")
        let reopened = try FileJournal(directory: dir.path)
        defer { reopened.close() }
        #expect(reopened.recovery.isEmpty)
        #expect(reopened.allRecords().map(\.id) == ["REP-20261122-0001", "REP-20261122-0002"])
    }

    @Test func aTornTailLeftByAnotherProcessIsSetAsideBeforeAppending() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let journal = try FileJournal(directory: dir.path)
        defer { journal.close() }
        _ = try journal.create(draft())
        let size = bytes(journal.path).count
        let handle = try #require(FileHandle(forWritingAtPath: journal.path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"v":1,"seq":2,"event":"cre"#.utf8))
        try handle.close()
        #expect(try journal.create(draft()).id == "REP-20261122-0002")
        #expect(journal.recovery.first?.contains("broken-\(size)") == true)
        let reopened = try FileJournal(directory: dir.path)
        defer { reopened.close() }
        #expect(reopened.allRecords().count == 2)
    }
}
