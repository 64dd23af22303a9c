import Foundation

/// Reads a file descriptor as bytes and hands over each line without its `\n` (or `\r\n`).
///
/// Bytes, not C strings: a NUL does not end a line, and invalid UTF-8 reaches the caller
/// unchanged so it can be reported (`String(decoding:)` would silently repair it).
enum LineReader {
    /// Calls `body` with every line read from `fd` until end of file; an unterminated last line counts.
    static func forEachLine(fd: Int32, _ body: ([UInt8]) -> Void) {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            var start = 0
            for i in 0..<n where buffer[i] == 0x0A {
                pending.append(contentsOf: buffer[start..<i])
                emit(&pending, body)
                start = i + 1
            }
            pending.append(contentsOf: buffer[start..<n])
        }
        if !pending.isEmpty { emit(&pending, body) }
    }

    private static func emit(_ line: inout [UInt8], _ body: ([UInt8]) -> Void) {
        if line.last == 0x0D { line.removeLast() }
        body(line)
        line.removeAll(keepingCapacity: true)
    }
}
