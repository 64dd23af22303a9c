import FrontDeskModel
import Glibc

/// Walks the lines of `records.jsonl` in order and sorts them into good lines (applied), the
/// first damaged line, and whether any intact line follows it — the difference between a torn
/// tail (set aside, start) and corruption in the middle (refuse, name the repair command).
package struct JournalScanner {
    /// A line that is not a good journal line.
    package struct DamagedLine: Sendable, Equatable {
        /// 1-based line number in the file.
        package var line: Int
        /// Byte offset of its first byte.
        package var offset: Int
        package var damage: JournalLine.Damage
    }

    /// The sequence number of the last good line.
    package private(set) var lastSeq: Int
    /// Lines seen so far.
    package private(set) var lineCount: Int
    /// Lines applied so far (good lines before any damage).
    package private(set) var goodLines: Int
    /// The offset just past the last good line before any damage.
    package private(set) var validEnd: Int
    /// The first damaged line, if any.
    package private(set) var firstDamage: DamagedLine?
    /// The first intact line after the damage (line number, offset): corruption in the middle.
    package private(set) var intactAfterDamage: (line: Int, offset: Int)?

    /// A scanner that continues after `lastSeq`, `lineCount` lines and `offset` bytes.
    package init(lastSeq: Int = 0, lineCount: Int = 0, offset: Int = 0) {
        self.lastSeq = lastSeq
        self.lineCount = lineCount
        self.goodLines = 0
        self.validEnd = offset
    }

    /// Takes the next line (without its newline); calls `apply` for each good event.
    ///
    /// - Throws: `JournalLine.Damage.newerVersion` for a line this build cannot read at all.
    package mutating func feed(
        _ line: ArraySlice<UInt8>, offset: Int, complete: Bool, apply: (JournalEvent) -> Void
    ) throws(JournalLine.Damage) {
        lineCount += 1
        if firstDamage != nil {
            if intactAfterDamage == nil, complete, (try? JournalLine.decode(line)) != nil {
                intactAfterDamage = (lineCount, offset)
            }
            return
        }
        guard complete else {
            firstDamage = DamagedLine(line: lineCount, offset: offset, damage: .incomplete)
            return
        }
        do {
            let (seq, event) = try JournalLine.decode(line)
            guard seq > lastSeq else {
                firstDamage = DamagedLine(
                    line: lineCount, offset: offset, damage: .shape("sequence number \(seq) does not follow \(lastSeq)")
                )
                return
            }
            lastSeq = seq
            goodLines += 1
            validEnd = offset + line.count + 1
            apply(event)
        } catch {
            if case .newerVersion = error { throw error }
            firstDamage = DamagedLine(line: lineCount, offset: offset, damage: error)
        }
    }

    /// Scans `fd` from `from` to its end with this scanner.
    ///
    /// - Throws: `SystemError` or `JournalLine.Damage.newerVersion`.
    package mutating func scan(fd: Int32, path: String, from: Int, apply: (JournalEvent) -> Void) throws {
        var copy = self
        try LineScanner.scan(fd: fd, path: path, from: from) { line, offset, complete in
            try copy.feed(line, offset: offset, complete: complete, apply: apply)
        }
        self = copy
    }
}

/// Moving damaged bytes out of the way into `records.jsonl.broken-<offset>`.
package enum BrokenFile {
    /// A new file `base.broken-<offset>` (or `…-<offset>.2`, … when taken), created 0600; its descriptor and name.
    ///
    /// - Throws: `SystemError`.
    package static func create(base: String, offset: Int) throws(SystemError) -> (fd: Int32, path: String) {
        var attempt = 1
        while true {
            let name = "\(base).broken-\(offset)" + (attempt == 1 ? "" : ".\(attempt)")
            if let fd = try Posix.createExclusive(name, O_WRONLY) { return (fd, name) }
            attempt += 1
        }
    }

    /// Copies bytes `from..<end` of `fd` into a new broken file, fsyncs it, and returns its path.
    ///
    /// - Throws: `SystemError`.
    package static func copyAside(fd: Int32, path: String, from: Int, end: Int) throws(SystemError) -> String {
        let (out, name) = try create(base: path, offset: from)
        defer { Posix.close(out) }
        var offset = from
        var chunk = [UInt8](repeating: 0, count: LineScanner.chunkSize)
        while offset < end {
            let want = min(chunk.count, end - offset)
            let result = chunk.withUnsafeMutableBytes { raw in
                Result { () throws(SystemError) -> Int in
                    try Posix.pread(fd, into: raw.baseAddress!, count: want, offset: offset, path: path)
                }
            }
            let n = try result.get()
            if n == 0 { break }
            try Posix.writeAll(out, Array(chunk[0..<n]), path: name)
            offset += n
        }
        try Posix.fsync(out, path: name)
        return name
    }

    /// The last path component, for messages.
    package static func fileName(_ path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }
}
