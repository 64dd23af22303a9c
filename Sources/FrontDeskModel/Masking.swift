/// Masks phone numbers for transcripts (SPEC 8.2): records keep numbers in full, transcripts never do.
///
/// - mainland mobile, 11 digits starting with 1: `13812345678` → `138****5678`
/// - Hong Kong, 8 digits starting with 2, 3, 5, 6, 7 or 9: `91234567` → `9***4567`
/// - landline with area code: `0571-88886666` → `0571-****6666`
///
/// Digit runs that are part of a record ID (`REP-20261122-0001`) or a longer number are left alone,
/// and so are the numbers in `except` (the office's own public lines).
public enum PhoneMask {
    /// `text` with every phone number in it masked, except those in `except`; `text` itself when it has none.
    public static func mask(_ text: String, except: Set<String> = []) -> String {
        // Every masked number is a run of at least 7 ASCII digits: most text has none.
        guard hasLongDigitRun(text) else { return text }
        // Digits, '-' and ASCII letters are single UTF-8 bytes, so the rules read the same on bytes.
        var bytes = Array(text.utf8)
        var changed = false
        var i = 0
        while i < bytes.count {
            guard isDigit(bytes[i]) else {
                i += 1
                continue
            }
            var j = i
            while j < bytes.count, isDigit(bytes[j]) { j += 1 }
            let length = j - i
            let afterDash = i > 0 && bytes[i - 1] == 45
            let afterLetter = i > 0 && isASCIILetter(bytes[i - 1])
            let first = bytes[i] - 48
            var maskFrom = -1
            if length == 11, first == 1, !afterLetter {
                maskFrom = i + 3
            } else if length == 8, !afterLetter {
                if afterDash, i >= 2, isDigit(bytes[i - 2]) {
                    maskFrom = i  // landline body after an area code
                } else if !afterDash, [2, 3, 5, 6, 7, 9].contains(first) {
                    maskFrom = i + 1
                }
            } else if length == 7, afterDash, i >= 2, isDigit(bytes[i - 2]) {
                maskFrom = i
            } else if (11...12).contains(length), first == 0, !afterLetter {
                maskFrom = i + (length - 8)  // landline written without a dash: 057188886666
            }
            if maskFrom >= 0 {
                // After a dash, the 5 characters (Unicode scalars) before the digits count too.
                var start = i
                if afterDash {
                    for _ in 0..<5 where start > 0 {
                        start -= 1
                        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
                    }
                }
                let whole = String(decoding: bytes[start..<j], as: UTF8.self)
                let bare = String(decoding: bytes[i..<j], as: UTF8.self)
                if !except.contains(bare), !except.contains(where: { whole.hasSuffix($0) }) {
                    for k in maskFrom..<(j - 4) { bytes[k] = 42 }  // "*"
                    changed = true
                }
            }
            i = j
        }
        guard changed else { return text }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `text` has 7 or more ASCII digits in a row (a byte scan, nothing allocated).
    public static func hasLongDigitRun(_ text: String) -> Bool {
        if let answer = text.utf8.withContiguousStorageIfAvailable({ hasLongDigitRun($0) }) { return answer }
        var run = 0
        for byte in text.utf8 {
            if byte >= 48 && byte <= 57 {
                run += 1
                if run >= 7 { return true }
            } else {
                run = 0
            }
        }
        return false
    }

    /// `hasLongDigitRun` on UTF-8 bytes. A run of 7 digits holds a digit at every 7th byte from wherever it starts, so
    /// only those bytes are tested until one is a digit.
    private static func hasLongDigitRun(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let count = bytes.count
        var probe = 6
        while probe < count {
            guard isDigit(base[probe]) else {
                probe += 7
                continue
            }
            // The run through `probe`: back to its start, then forward.
            var start = probe
            while start > 0, isDigit(base[start - 1]) { start -= 1 }
            var end = probe + 1
            while end < count, isDigit(base[end]) { end += 1 }
            if end - start >= 7 { return true }
            probe = end + 7
        }
        return false
    }

    @inline(__always)
    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    @inline(__always)
    private static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }
}
