import Glibc

/// Reads a file in 64 KB chunks and hands out its lines with their byte offsets, so memory
/// stays bounded by the longest line, not the file.
package enum LineScanner {
    /// The chunk size of each read.
    package static let chunkSize = 64 * 1024

    /// Calls `body(line, offset, complete)` for every line of `fd` from byte `start` to end of file:
    /// `line` without its newline, `offset` of its first byte, and `complete` false only for a last
    /// line with no newline. Returns the offset just past the last complete line.
    ///
    /// - Throws: `SystemError` from `pread`, or what `body` throws.
    @discardableResult
    package static func scan(
        fd: Int32, path: String, from start: Int = 0,
        _ body: (ArraySlice<UInt8>, Int, Bool) throws -> Void
    ) throws -> Int {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(chunkSize * 2)
        var bufferOffset = start  // file offset of buffer[0]
        var readOffset = start
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let n = try chunk.withUnsafeMutableBytes { raw in
                try Posix.pread(fd, into: raw.baseAddress!, count: chunkSize, offset: readOffset, path: path)
            }
            if n == 0 { break }
            readOffset += n
            let scanFrom = buffer.count
            buffer.append(contentsOf: chunk[0..<n])
            var lineStart = 0
            var i = scanFrom
            let newline = UInt8(ascii: "\n")
            let end = buffer.count
            while i < end {
                let found: Int? = buffer.withUnsafeBytes { raw in
                    guard let p = memchr(raw.baseAddress! + i, Int32(newline), end - i) else { return nil }
                    return raw.baseAddress!.distance(to: UnsafeRawPointer(p))
                }
                guard let nl = found else { break }
                try body(buffer[lineStart..<nl], bufferOffset + lineStart, true)
                lineStart = nl + 1
                i = nl + 1
            }
            if lineStart > 0 {
                buffer.removeSubrange(0..<lineStart)
                bufferOffset += lineStart
            }
        }
        if !buffer.isEmpty { try body(buffer[...], bufferOffset, false) }
        return bufferOffset
    }

    /// Opens `path` read-only and scans it.
    ///
    /// - Throws: `SystemError` from `open`/`pread`, or what `body` throws.
    package static func scan(path: String, _ body: (ArraySlice<UInt8>, Int, Bool) throws -> Void) throws {
        let fd = try Posix.open(path, O_RDONLY)
        defer { Posix.close(fd) }
        try scan(fd: fd, path: path, body)
    }
}
