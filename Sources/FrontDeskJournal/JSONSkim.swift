import FrontDeskModel

/// A minimal, allocation-free walk over one JSON object in UTF-8 bytes, for the fast readers
/// (`JournalLine.envelope`, the report's folds): it hands out each member's key and raw value range, and decodes only the values
/// asked for. It checks structure as it goes (a damaged line is rejected), but does not
/// validate every number or escape the way `JSON.parse` does.
package struct JSONSkim {
    package let b: UnsafeBufferPointer<UInt8>

    /// A walk over these bytes.
    package init(b: UnsafeBufferPointer<UInt8>) { self.b = b }

    /// The member visitor's view of one member: the key's bytes (without quotes) and the value's range.
    package typealias Visitor = (_ key: Range<Int>, _ value: Range<Int>) -> Void

    @inline(__always) package func skipSpace(_ i: Int) -> Int {
        var i = i
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
        return i
    }

    /// Visits the members of the object at `i`; returns the index after its `}`, or nil when malformed.
    package func object(at i: Int, _ visit: Visitor) -> Int? {
        var i = skipSpace(i)
        guard i < b.count, b[i] == UInt8(ascii: "{") else { return nil }
        i = skipSpace(i + 1)
        if i < b.count, b[i] == UInt8(ascii: "}") { return i + 1 }
        while true {
            guard i < b.count, b[i] == UInt8(ascii: "\""), let keyEnd = stringEnd(i) else { return nil }
            let key = (i + 1)..<(keyEnd - 1)
            i = skipSpace(keyEnd)
            guard i < b.count, b[i] == UInt8(ascii: ":") else { return nil }
            i = skipSpace(i + 1)
            guard let valueEnd = valueEnd(i) else { return nil }
            visit(key, i..<valueEnd)
            i = skipSpace(valueEnd)
            guard i < b.count else { return nil }
            if b[i] == UInt8(ascii: "}") { return i + 1 }
            guard b[i] == UInt8(ascii: ",") else { return nil }
            i = skipSpace(i + 1)
        }
    }

    /// The index after the string that starts (with its quote) at `i`.
    @inline(__always) package func stringEnd(_ i: Int) -> Int? {
        var j = i + 1
        while j < b.count {
            let c = b[j]
            if c == UInt8(ascii: "\"") { return j + 1 }
            if c == UInt8(ascii: "\\") { j += 2 } else if c < 0x20 { return nil } else { j += 1 }
        }
        return nil
    }

    /// The index after the value that starts at `i`.
    package func valueEnd(_ i: Int) -> Int? {
        guard i < b.count else { return nil }
        switch b[i] {
        case UInt8(ascii: "\""): return stringEnd(i)
        case UInt8(ascii: "{"): return object(at: i) { _, _ in }
        case UInt8(ascii: "["):
            var j = skipSpace(i + 1)
            if j < b.count, b[j] == UInt8(ascii: "]") { return j + 1 }
            while true {
                guard let end = valueEnd(j) else { return nil }
                j = skipSpace(end)
                guard j < b.count else { return nil }
                if b[j] == UInt8(ascii: "]") { return j + 1 }
                guard b[j] == UInt8(ascii: ",") else { return nil }
                j = skipSpace(j + 1)
            }
        default:
            var j = i
            while j < b.count {
                let c = b[j]
                if c == UInt8(ascii: ",") || c == UInt8(ascii: "}") || c == UInt8(ascii: "]") || c == 0x20 { break }
                j += 1
            }
            return j > i ? j : nil
        }
    }

    /// Whether the key bytes equal `name` (ASCII, no escapes).
    @inline(__always) package func key(_ range: Range<Int>, is name: StaticString) -> Bool {
        guard range.count == name.utf8CodeUnitCount else { return false }
        let p = name.utf8Start
        for k in 0..<range.count where b[range.lowerBound + k] != p[k] { return false }
        return true
    }

    /// The string value in `range` (with its quotes), escapes decoded; nil when not a string.
    package func string(_ range: Range<Int>) -> String? {
        guard range.count >= 2, b[range.lowerBound] == UInt8(ascii: "\"") else { return nil }
        let inner = UnsafeBufferPointer(rebasing: b[(range.lowerBound + 1)..<(range.upperBound - 1)])
        if !inner.contains(UInt8(ascii: "\\")) { return String(validating: inner, as: UTF8.self) }
        guard let json = try? JSON.parse(UnsafeBufferPointer(rebasing: b[range])) else { return nil }
        return json.string
    }

    /// Whether `range` holds exactly `literal` (`"resident"`, `null`, …).
    @inline(__always) package func raw(_ range: Range<Int>, is literal: StaticString) -> Bool { key(range, is: literal) }

    /// The whole number in `range`.
    package func int(_ range: Range<Int>) -> Int? {
        var v = 0
        var any = false
        for i in range {
            let d = Int(b[i]) - 48
            guard d >= 0, d <= 9 else { return any && (b[i] == UInt8(ascii: ".")) ? v : nil }
            v = v * 10 + d
            any = true
        }
        return any ? v : nil
    }

    /// The strings of the array in `range`.
    package func strings(_ range: Range<Int>) -> [String] {
        var out: [String] = []
        var j = skipSpace(range.lowerBound + 1)
        while j < range.upperBound, b[j] == UInt8(ascii: "\""), let end = stringEnd(j) {
            if let s = string(j..<end) { out.append(s) }
            j = skipSpace(end)
            if j < range.upperBound, b[j] == UInt8(ascii: ",") { j = skipSpace(j + 1) }
        }
        return out
    }
}
