extension JSON {
    /// The compact one-line serialization: no raw newline or control character can appear in it,
    /// whatever the strings hold, so it is always exactly one JSON-lines record.
    public var serialized: String {
        var out: [UInt8] = []
        out.reserveCapacity(128)
        write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the compact serialization to a UTF-8 byte buffer.
    public func write(to out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .number(let value): JSON.writeNumber(value, to: &out)
        case .string(let value): JSON.writeString(value, to: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                element.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            for (i, member) in object.members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSON.writeString(member.key, to: &out)
                out.append(UInt8(ascii: ":"))
                member.value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Writes a number: whole numbers without a fraction, others in Swift's shortest round-trip form.
    public static func writeNumber(_ value: Double, to out: inout [UInt8]) {
        if !value.isFinite {
            out.append(contentsOf: "null".utf8)
        } else if value.rounded() == value, abs(value) < 1e15 {
            out.append(contentsOf: String(Int64(value)).utf8)
        } else {
            out.append(contentsOf: value.description.utf8)
        }
    }

    /// Writes a quoted, escaped string: `"` `\` `\n` `\r` `\t`, other control characters and DEL as
    /// `\u00XX`, U+2028 and U+2029 as `\u2028` `\u2029`, so the output is one line in every reader,
    /// JavaScript included.
    public static func writeString(_ string: String, to out: inout [UInt8]) {
        var string = string
        string.withUTF8 { writeQuoted($0, to: &out) }
    }

    /// The one JSON string escaper (every writer of the package goes through it): `bytes` (valid UTF-8)
    /// quoted and escaped as `writeString` says, into `sink`. Runs of plain bytes are handed over in one
    /// go, eight bytes at a time where none may need an escape (transcripts and journal lines are
    /// written on every turn; per-byte appends were most of a transcript append's cost).
    @inlinable
    public static func writeQuoted<Sink: JSONByteSink>(_ bytes: UnsafeBufferPointer<UInt8>, to sink: inout Sink) {
        sink.append(UInt8(ascii: "\""))
        let n = bytes.count
        var runStart = 0
        var i = 0
        @inline(__always) func flush(_ end: Int, _ sink: inout Sink) {
            if end > runStart { sink.append(UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
        }
        var checkedUpTo = 0  // bytes before this were looked at eight at a time
        while i < n {
            if i >= checkedUpTo && i + 8 <= n {
                let word = UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if !mayNeedEscape(word) {
                    i += 8
                    continue
                }
                checkedUpTo = i + 8  // a candidate among these eight: go byte by byte
            }
            let b = bytes[i]
            if b >= 0x20, b != 0x22, b != 0x5C, b != 0x7F, b != 0xE2 {
                i += 1
                continue
            }
            if b == 0xE2 {
                guard i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 else {
                    i += 1
                    continue
                }
                flush(i, &sink)
                sink.append(literal: "\\u202")
                sink.append(bytes[i + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"))
                i += 3
                runStart = i
                continue
            }
            flush(i, &sink)
            switch b {
            case 0x22: sink.append(literal: "\\\"")
            case 0x5C: sink.append(literal: "\\\\")
            case 0x0A: sink.append(literal: "\\n")
            case 0x0D: sink.append(literal: "\\r")
            case 0x09: sink.append(literal: "\\t")
            default:
                sink.append(literal: "\\u00")
                sink.append(hexDigit(b >> 4))
                sink.append(hexDigit(b & 0xF))
            }
            i += 1
            runStart = i
        }
        flush(n, &sink)
        sink.append(UInt8(ascii: "\""))
    }

    @inlinable @inline(__always)
    static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x57 + v }

    /// Whether any of the eight bytes may need escaping: below 0x20, `"`, `\\`, DEL, or 0xE2 (the lead
    /// byte of U+2028/U+2029). Word-at-a-time tests; false positives only cost a byte-by-byte look.
    @inlinable @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & high }
        let control = (word &- 0x2020_2020_2020_2020) & ~word & high
        let quote = zeroByte(word ^ 0x2222_2222_2222_2222)
        let backslash = zeroByte(word ^ 0x5C5C_5C5C_5C5C_5C5C)
        let delete = zeroByte(word ^ 0x7F7F_7F7F_7F7F_7F7F)
        let e2 = zeroByte(word ^ 0xE2E2_E2E2_E2E2_E2E2)
        return (control | quote | backslash | delete | e2) != 0
    }
}

/// Where `JSON.writeQuoted` puts its bytes: a byte array, or a line buffer written in place.
public protocol JSONByteSink {
    mutating func append(_ byte: UInt8)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>)
}

extension JSONByteSink {
    /// Appends the bytes of a literal.
    @inlinable @inline(__always)
    public mutating func append(literal text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}

extension Array: JSONByteSink where Element == UInt8 {
    @inlinable @inline(__always)
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
}
