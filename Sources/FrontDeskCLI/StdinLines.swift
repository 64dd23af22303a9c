import Foundation

/// One line read from standard input, already checked (SPEC 8: bytes, never C strings).
enum InputLine: Equatable {
    /// Valid UTF-8 without NUL or control characters (tab allowed); `\r\n` and `\n` stripped.
    case text(String)
    /// Bytes that are not valid UTF-8.
    case invalidUTF8
    /// A NUL or another control character.
    case controlCharacter
    /// Longer than the limit; the rest of that line was skipped, never buffered.
    case tooLong

    /// Checks one line's bytes (without its `\n`; a trailing `\r` is stripped here).
    static func check(_ bytes: ArraySlice<UInt8>) -> InputLine {
        var bytes = bytes
        if bytes.last == 0x0D { bytes = bytes.dropLast() }
        for byte in bytes where (byte < 0x20 && byte != 0x09) || byte == 0x7F { return .controlCharacter }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .invalidUTF8 }
        // C1 controls (U+0080…U+009F) are control characters too.
        if text.unicodeScalars.contains(where: { $0.value >= 0x80 && $0.value <= 0x9F }) { return .controlCharacter }
        return .text(text)
    }
}

/// Reads standard input as bytes with read(2), in chunks, splitting on `\n`. A line longer than
/// `maxLine` bytes is reported once as `.tooLong` and the rest of it is skipped as it arrives, so
/// memory stays bounded. An unterminated last line before EOF is still returned.
struct StdinLines {
    let fd: Int32
    let maxLine: Int
    private var buffer: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 65_536)
    private var start = 0
    private var skipping = false
    private var eof = false

    init(fd: Int32 = 0, maxLine: Int = 8192) {
        self.fd = fd
        self.maxLine = maxLine
    }

    /// The next line, or `nil` at end of input (or on a read error other than EINTR).
    mutating func next() -> InputLine? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let line = buffer[start..<newline]
                start = newline + 1
                if skipping {
                    skipping = false
                    continue
                }
                if line.count > maxLine + 1 || (line.count == maxLine + 1 && line.last != 0x0D) { return .tooLong }
                return InputLine.check(line)
            }
            let pending = buffer.count - start
            if pending > maxLine + 1, !skipping {
                // Over the limit before its newline arrived: answer now, drop the rest as it comes.
                compact(dropAll: true)
                skipping = true
                return .tooLong
            }
            compact(dropAll: skipping)
            if eof {
                guard !buffer.isEmpty, !skipping else { return nil }
                let line = buffer[...]
                defer { buffer.removeAll() }
                return line.count > maxLine ? .tooLong : InputLine.check(line)
            }
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                buffer.append(contentsOf: chunk[..<n])
            } else if n < 0, errno == EINTR {
                continue
            } else {
                eof = true
            }
        }
    }

    /// Drops the consumed bytes (or everything) so the buffer holds only the partial line.
    private mutating func compact(dropAll: Bool) {
        if dropAll {
            buffer.removeAll(keepingCapacity: true)
        } else if start > 0 {
            buffer.removeSubrange(..<start)
        }
        start = 0
    }
}
