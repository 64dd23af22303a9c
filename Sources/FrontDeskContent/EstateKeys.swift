import FrontDeskModel

/// The messages of estate-file diagnostics, declared in one place so that tests compare exact text.
enum EstateMessage {
    static func expected(_ what: String, got value: JSON) -> String { "expected \(what), got \(value.kindDescription)" }
    static func missing(_ key: String) -> String { "missing required key \"\(key)\"" }
    static func unknown(_ key: String, known: [String]) -> String {
        if let hint = suggestion(for: key, among: known) { return "unknown key \"\(key)\" (did you mean \"\(hint)\"?)" }
        return "unknown key \"\(key)\""
    }
    static func unreadable(_ reason: String) -> String { "cannot read the estate file: \(reason)" }
    static func newerVersion(_ version: Int) -> String {
        "version \(version) is newer than this FrontDesk supports (\(Estate.supportedVersion)); please upgrade FrontDesk"
    }
    static let badVersion = "expected a whole number of at least 1"
    static func unknownTimezone(_ name: String) -> String { "unknown time zone \"\(name)\"" }
    static let defaultTimezone = "missing, using the office's time zone \"Asia/Shanghai\""
    static func badHours(_ text: String) -> String { "expected hours such as \"08:30-17:30\", got \"\(text)\"" }
    static func badPhone(_ text: String) -> String { "not a phone number: \"\(text)\"" }
    static func badUnitID(_ text: String) -> String {
        "expected a unit ID of the form B-U-R such as \"3-2-501\", got \"\(text)\""
    }
    static func duplicateUnit(_ id: String, first: Int) -> String {
        "duplicate unit \"\(id)\" (first at units[\(first)])"
    }
    static func badPeriod(_ text: String) -> String { "expected a period YYYY-MM such as \"2026-10\", got \"\(text)\"" }
    static func negative(_ value: Double) -> String { "may not be negative, got \(Money.format(value))" }
    static func notPositive(_ value: Double) -> String { "expected a positive number, got \(Money.format(value))" }
    static let empty = "may not be empty"
    static func badItem(_ text: String) -> String { "expected a bill item such as \"property\", got \"\(text)\"" }
    static let badWholeNumber = "expected a whole number of at least 1"

    /// The known key closest to `key` (edit distance at most 2, or a third of its length), if any.
    static func suggestion(for key: String, among known: [String]) -> String? {
        Suggestion.closest(to: key, among: known)
    }
}

/// The syntax checks of estate values.
enum EstateSyntax {
    /// `3-2-501`: three positive numbers without leading zeros.
    static func isUnitID(_ text: String) -> Bool {
        let parts = text.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard parts.count == 3 else { return false }
        return parts.allSatisfy { part in
            part.count >= 1 && part.count <= 5 && part.first != UInt8(ascii: "0") && part.allSatisfy(isDigit)
        }
    }

    /// `2026-10`.
    static func isPeriod(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count == 7, b[4] == UInt8(ascii: "-"), b[0..<4].allSatisfy(isDigit), b[5...].allSatisfy(isDigit) else {
            return false
        }
        let month = Int(b[5] - 48) * 10 + Int(b[6] - 48)
        return (1...12).contains(month)
    }

    /// `08:30-17:30`, or several ranges separated by commas (`08:00-12:00, 14:00-18:00`).
    static func isHours(_ text: String) -> Bool {
        let ranges = text.split(separator: ",").map { $0.trimmingSpaces }
        guard !ranges.isEmpty else { return false }
        return ranges.allSatisfy { range in
            let ends = range.split(separator: "-", omittingEmptySubsequences: false)
            guard ends.count == 2, let from = minutes(ends[0]), let to = minutes(ends[1]) else { return false }
            return from < to
        }
    }

    private static func minutes(_ text: Substring) -> Int? {
        let b = Array(text.utf8)
        guard b.count == 5, b[2] == UInt8(ascii: ":"), b[0..<2].allSatisfy(isDigit), b[3...].allSatisfy(isDigit) else {
            return nil
        }
        let h = Int(b[0] - 48) * 10 + Int(b[1] - 48)
        let m = Int(b[3] - 48) * 10 + Int(b[4] - 48)
        return h <= 24 && m < 60 && h * 60 + m <= 1440 ? h * 60 + m : nil
    }

    /// A resident's phone: a mainland mobile, a landline with area code, or a Hong Kong number
    /// (`+86` / `+852` and `-` or space separators allowed). Office numbers may also be short service numbers.
    static func isPhone(_ text: String, allowShort: Bool = false) -> Bool {
        var body = Substring(text)
        if body.hasPrefix("+86") {
            body = body.dropFirst(3)
        } else if body.hasPrefix("+852") {
            body = body.dropFirst(4)
        }
        guard !body.isEmpty, body.utf8.allSatisfy({ isDigit($0) || $0 == 0x2D || $0 == 0x20 }) else { return false }
        let digits = Array(body.utf8.filter(isDigit))
        if digits.count == 11, digits[0] == 0x31, (0x33...0x39).contains(digits[1]) { return true }
        if (10...12).contains(digits.count), digits[0] == 0x30, digits[1] != 0x30 { return true }
        if digits.count == 8, [0x32, 0x33, 0x35, 0x36, 0x37, 0x39].contains(digits[0]) { return true }
        return allowShort && (3...6).contains(digits.count) && !body.contains("-")
    }

    /// `property`, `water`, `parking`, `shared_utilities`: a lower-case identifier.
    static func isItem(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F }
    }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var s = self
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }
}
