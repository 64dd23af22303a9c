import Glibc

/// What the framer found, as `feed(_:_:)` hands it over: a complete line's bytes (valid only during the call:
/// straight from the bytes fed when the whole line is there, else from the framer's buffer), or an over-long line.
enum Frame {
    case line(UnsafeRawBufferPointer)
    case tooLong
}

/// Splits a byte stream into lines, never buffering more than `maxLineBytes` (+1 for a `\r`):
/// an over-long line is reported as soon as it passes the limit, before its newline arrives, and
/// the rest of it is skipped. Works on bytes (a NUL is just a byte), accepts `\n` and `\r\n`.
/// A line that arrives whole in one read is handed over where it lies (no copy); only a line split across reads
/// is gathered in `buffer`.
struct LineFramer {
    let maxLineBytes: Int
    private(set) var buffer: [UInt8] = []
    /// Discarding the rest of an over-long line until its newline.
    private(set) var skipping = false

    init(maxLineBytes: Int) { self.maxLineBytes = maxLineBytes }

    /// Whether a line has begun and not ended (a partial line, or the rest of a skipped one).
    var hasPartialLine: Bool { !buffer.isEmpty || skipping }

    /// Feeds received bytes and hands what they complete to `body`, in order.
    mutating func feed(_ bytes: UnsafeRawBufferPointer, _ body: (Frame) -> Void) {
        guard var cursor = bytes.baseAddress, bytes.count > 0 else { return }
        let end = cursor + bytes.count
        while cursor < end {
            let remaining = end - cursor
            let newline = memchr(cursor, 0x0A, remaining).map { UnsafeRawPointer($0) }
            let segmentEnd = newline ?? end
            let segment = UnsafeRawBufferPointer(start: cursor, count: segmentEnd - cursor)
            if skipping {
                if newline != nil { skipping = false }
            } else if buffer.count + segment.count > maxLineBytes + 1 {
                buffer.removeAll(keepingCapacity: false)
                body(.tooLong)
                skipping = newline == nil
            } else if newline != nil && buffer.isEmpty {
                Self.complete(segment, maxLineBytes: maxLineBytes, body)  // the whole line is here: no copy
            } else {
                buffer.append(contentsOf: segment)
                if newline != nil { completeBuffered(body) }
            }
            cursor = newline.map { $0 + 1 } ?? end
        }
    }

    /// End of input: an unterminated last line is still a line.
    mutating func finish(_ body: (Frame) -> Void) {
        if !buffer.isEmpty { completeBuffered(body) }
        skipping = false
    }

    /// Feeds received bytes and appends what they complete to `events` (copies; for tests).
    mutating func feed(_ bytes: UnsafeRawBufferPointer, into events: inout [FrameEvent]) {
        feed(bytes) { events.append(FrameEvent($0)) }
    }

    /// End of input, as `finish(_:)`, appending to `events`.
    mutating func finish(into events: inout [FrameEvent]) {
        finish { events.append(FrameEvent($0)) }
    }

    private mutating func completeBuffered(_ body: (Frame) -> Void) {
        buffer.withUnsafeBytes { Self.complete($0, maxLineBytes: maxLineBytes, body) }
        buffer.removeAll(keepingCapacity: buffer.count <= 512)
    }

    /// A line without its `\n`: drops a final `\r` and checks the limit.
    private static func complete(_ line: UnsafeRawBufferPointer, maxLineBytes: Int, _ body: (Frame) -> Void) {
        var count = line.count
        if count > 0 && line[count - 1] == 0x0D { count -= 1 }
        if count > maxLineBytes {
            body(.tooLong)
        } else {
            body(.line(UnsafeRawBufferPointer(rebasing: line[0..<count])))
        }
    }
}

/// A frame as a value (its bytes copied): what the tests compare.
enum FrameEvent: Equatable {
    /// A complete line without its `\n` or `\r\n`.
    case line([UInt8])
    /// A line longer than the limit began; its rest is being skipped.
    case tooLong

    init(_ frame: Frame) {
        switch frame {
        case .line(let bytes): self = .line(Array(bytes))
        case .tooLong: self = .tooLong
        }
    }
}

/// Checks a line's bytes: strict UTF-8 (no overlong forms, surrogates or code points above
/// U+10FFFF) and no control characters except tab (C0, DEL and C1). Does its own validation:
/// `String(decoding:as:)` would silently repair.
enum LineValidator {
    /// The line as a `String`, or `nil` when it must not reach a handler.
    static func validate(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { validate($0) }
    }

    /// The line as a `String` (its one copy of the bytes), or `nil` when it must not reach a handler.
    static func validate(_ raw: UnsafeRawBufferPointer) -> String? {
        let count = raw.count
        let bytes = raw.assumingMemoryBound(to: UInt8.self)
        let ok: Bool = { (p: UnsafeBufferPointer<UInt8>) -> Bool in
            var i = 0
            while i < count {
                let b0 = p[i]
                if b0 < 0x80 {
                    if (b0 < 0x20 && b0 != 0x09) || b0 == 0x7F { return false }
                    i += 1
                    continue
                }
                let length: Int
                var scalar: UInt32
                switch b0 {
                case 0xC2...0xDF: length = 2; scalar = UInt32(b0 & 0x1F)
                case 0xE0...0xEF: length = 3; scalar = UInt32(b0 & 0x0F)
                case 0xF0...0xF4: length = 4; scalar = UInt32(b0 & 0x07)
                default: return false
                }
                if i + length > count { return false }
                for k in 1..<length {
                    let b = p[i + k]
                    if b & 0xC0 != 0x80 { return false }
                    scalar = scalar << 6 | UInt32(b & 0x3F)
                }
                switch length {
                case 3 where scalar < 0x800 || (0xD800...0xDFFF).contains(scalar): return false
                case 4 where scalar < 0x10000 || scalar > 0x10FFFF: return false
                case 2 where scalar < 0xA0: return false  // C1 control characters U+0080–U+009F
                default: break
                }
                i += length
            }
            return true
        }(bytes)
        return ok ? String(decoding: bytes, as: UTF8.self) : nil
    }
}
