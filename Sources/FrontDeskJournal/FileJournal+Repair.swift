import FrontDeskModel
import Glibc

extension FileJournal {
    /// Repairs a journal that refuses to open because of damage in the middle (SPEC 8.1): every
    /// run of damaged lines is moved to `records.jsonl.broken-<offset>`, every valid line is kept
    /// as it is (nothing renumbered), and the result replaces the journal atomically
    /// (temporary file, fsync, rename, fsync of the directory). Holds the journal's lock meanwhile.
    ///
    /// - Returns: what was done, one line per action, for the operator.
    /// - Throws: `JournalError` when the files cannot be read or written.
    public static func repair(directory: String) throws(JournalError) -> [String] {
        let path = journalPath(in: directory)
        do {
            guard try Posix.stat(path) != nil else { return ["\(path) does not exist: nothing to repair"] }
            let fd = try Posix.open(path, O_RDWR)
            defer { Posix.close(fd) }
            try Posix.flock(fd, LOCK_EX, path: path)
            return try repairLocked(fd: fd, path: path, directory: directory)
        } catch let error as JournalError {
            throw error
        } catch {
            throw JournalError("cannot repair \(path): \(error)")
        }
    }

    /// A run of consecutive damaged lines being moved aside.
    private struct Region {
        var fd: Int32
        var file: String
        var firstLine: Int
        var lastLine: Int
        var offset: Int
        var end: Int
    }

    private static func repairLocked(fd: Int32, path: String, directory: String) throws -> [String] {
        let temporary = path + ".repair-tmp"
        Posix.unlink(temporary)
        let out = try Posix.open(temporary, O_WRONLY | O_CREAT | O_TRUNC, mode: 0o600)
        var outClosed = false
        defer {
            if !outClosed { Posix.close(out) }
            Posix.unlink(temporary)
        }
        var kept = 0
        var lastSeq = 0
        var lineNumber = 0
        var buffer: [UInt8] = []
        var region: Region?
        var report: [String] = []
        func finish(_ region: Region) throws {
            try Posix.fsync(region.fd, path: region.file)
            Posix.close(region.fd)
            let lines =
                region.firstLine == region.lastLine
                ? "line \(region.firstLine)" : "lines \(region.firstLine)–\(region.lastLine)"
            report.append(
                "moved \(lines) (bytes \(region.offset)–\(region.end), damaged) aside to \(BrokenFile.fileName(region.file))"
            )
        }
        try LineScanner.scan(fd: fd, path: path) { line, offset, complete in
            lineNumber += 1
            if complete, let (seq, _) = try? JournalLine.decode(line), seq > lastSeq {
                if let open = region {
                    try finish(open)
                    region = nil
                }
                lastSeq = seq
                kept += 1
                buffer.append(contentsOf: line)
                buffer.append(UInt8(ascii: "\n"))
                if buffer.count >= 1 << 20 {
                    try Posix.writeAll(out, buffer, path: temporary)
                    buffer.removeAll(keepingCapacity: true)
                }
                return
            }
            if case .newerVersion(let v)? = (Result { () throws(JournalLine.Damage) in try JournalLine.decode(line) })
                .failure
            {
                throw JournalError(
                    "\(path): line \(lineNumber) has format version \(v), newer than this FrontDesk reads; upgrade it")
            }
            if region == nil {
                let (broken, name) = try BrokenFile.create(base: path, offset: offset)
                region = Region(
                    fd: broken, file: name, firstLine: lineNumber, lastLine: lineNumber, offset: offset, end: offset)
            }
            var bytes = Array(line)
            if complete { bytes.append(UInt8(ascii: "\n")) }
            try Posix.writeAll(region!.fd, bytes, path: region!.file)
            region!.lastLine = lineNumber
            region!.end = offset + bytes.count
        }
        if let open = region { try finish(open) }
        if report.isEmpty { return ["\(path) is intact (\(kept) lines): nothing to repair"] }
        try Posix.writeAll(out, buffer, path: temporary)
        try Posix.fsync(out, path: temporary)
        Posix.close(out)
        outClosed = true
        try Posix.rename(temporary, path)
        try Posix.syncDirectory(directory)
        report.append("kept all \(kept) valid lines of \(path) unchanged; the journal opens again")
        return report
    }
}

extension Result {
    /// The error, or `nil` on success.
    fileprivate var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
