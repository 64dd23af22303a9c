import FrontDeskModel
import Glibc
import Synchronization

/// What other processes appended since this one last looked, read under the file lock.
struct CatchUp {
    enum Change {
        case none
        /// New lines after ours.
        case append([JournalEvent])
        /// The file shrank (someone truncated or repaired it): start over from its first line.
        case reload(RecordBook)
    }

    var change: Change = .none
    var lastSeq = 0
    var lineCount = 0
    var readOffset = 0
    var recovery: [String] = []

    /// Applies the change to the journal's state.
    func apply(to state: inout FileJournal.State) {
        switch change {
        case .none:
            break
        case .append(let events):
            for event in events { state.book.apply(event) }
        case .reload(let book):
            state.book = book
        }
        if case .none = change {
        } else {
            state.lastSeq = lastSeq
            state.lineCount = lineCount
            state.readOffset = readOffset
        }
        state.recovery += recovery
    }
}

extension FileJournal {
    /// Reads the lines appended since `readOffset` (the caller holds `flock(LOCK_EX)`, so no one
    /// is writing): a torn tail a crashed process left is set aside, as on open; corruption in the
    /// middle fails the batch with the repair command.
    ///
    /// - Throws: `StoreError.writeFailed`.
    func catchUp() throws(StoreError) -> CatchUp {
        let (offset, lastSeq, lineCount) = state.withLock { ($0.readOffset, $0.lastSeq, $0.lineCount) }
        var result = CatchUp()
        let size: Int
        do {
            let open = try Posix.fstat(fd, path: path)
            // A repair replaces the file by rename; lines written to the old one would be lost.
            guard try Posix.stat(path)?.inode == open.inode else {
                throw StoreError.writeFailed(
                    "\(path) was replaced (repaired?) after this process opened it; restart to use the new file")
            }
            size = open.size
        } catch let error as StoreError {
            throw error
        } catch {
            throw .writeFailed("\(error)")
        }
        if size == offset { return result }
        let reload = size < offset
        var scanner = reload ? JournalScanner() : JournalScanner(lastSeq: lastSeq, lineCount: lineCount, offset: offset)
        var events: [JournalEvent] = []
        var book = RecordBook()
        do {
            if reload {
                try scanner.scan(fd: fd, path: path, from: 0) { book.apply($0) }
            } else {
                try scanner.scan(fd: fd, path: path, from: offset) { events.append($0) }
            }
        } catch {
            throw .writeFailed("cannot read \(path): \(error)")
        }
        if let damage = scanner.firstDamage {
            if let after = scanner.intactAfterDamage {
                throw .writeFailed(
                    FileJournal.corruptionMessage(
                        path: path, directory: directory, damage: damage, validLine: after.line))
            }
            do {
                result.recovery.append(
                    try FileJournal.setAsideTail(
                        fd: fd, path: path, directory: directory, damage: damage, end: size, io: io))
            } catch {
                throw .writeFailed("cannot set aside the torn tail of \(path): \(error)")
            }
        }
        result.change = reload ? .reload(book) : .append(events)
        result.lastSeq = scanner.lastSeq
        result.lineCount = (reload ? 0 : lineCount) + scanner.goodLines
        result.readOffset = scanner.validEnd
        return result
    }
}
