/// Chinese numerals (`五`, `十二`, `三十`, `两百`, `一千八百零二`) and digit strings (`五零一`, `二〇二六`).
///
/// Used by the entity extractor and by dialogue slot answers such as "五个" or "三十天".
public enum ChineseNumerals {
    /// The number a text starts with, written in Arabic digits or Chinese numerals, ignoring what follows
    /// (`五个` → 5, `三十天` → 30, `12人` → 12, `两百` → 200, `五零一` → 501); `nil` when it starts otherwise.
    ///
    /// Leading white space is skipped. A run of digits without 十/百/千/万 is read digit by digit.
    public static func parse(_ text: String) -> Int? {
        var arabic = 0
        var arabicCount = 0
        var reader = Reader()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v >= 0x30, v <= 0x39, reader.isEmpty {
                guard arabicCount < 18 else { return nil }
                arabic = arabic * 10 + Int(v - 0x30)
                arabicCount += 1
            } else if arabicCount == 0, reader.feed(v) {
                continue
            } else if arabicCount == 0, reader.isEmpty, v == 0x20 || v == 0x09 || v == 0x3000 {
                continue
            } else {
                break
            }
        }
        if arabicCount > 0 { return arabic }
        return reader.isEmpty || reader.malformed ? nil : reader.value
    }

    /// The value of a numeral character: 0–9 for digits (零, 〇, 两, 幺 included), or `nil`.
    @inline(__always)
    static func digit(_ v: UInt32) -> Int? {
        switch v {
        case 0x96F6, 0x3007: 0  // 零 〇
        case 0x4E00, 0x5E7A: 1  // 一 幺
        case 0x4E8C, 0x4E24: 2  // 二 两
        case 0x4E09: 3  // 三
        case 0x56DB: 4  // 四
        case 0x4E94: 5  // 五
        case 0x516D: 6  // 六
        case 0x4E03: 7  // 七
        case 0x516B: 8  // 八
        case 0x4E5D: 9  // 九
        default: nil
        }
    }

    /// The multiplier of a unit character 十 百 千 万, or `nil`.
    @inline(__always)
    static func multiplier(_ v: UInt32) -> Int? {
        switch v {
        case 0x5341: 10  // 十
        case 0x767E: 100  // 百
        case 0x5343: 1000  // 千
        case 0x4E07: 10_000  // 万
        default: nil
        }
    }

    /// Whether `v` is a Chinese numeral character (digit or unit).
    @inline(__always)
    static func isNumeral(_ v: UInt32) -> Bool { digit(v) != nil || multiplier(v) != nil }

    /// Reads one run of Chinese numeral characters, both as a digit string and positionally.
    struct Reader {
        /// Digit-by-digit value (`五零一` → 501), meaningful while `positional` is false.
        private(set) var concatenated = 0
        /// Number of numeral characters read.
        private(set) var count = 0
        /// Whether a 十/百/千/万 was seen.
        private(set) var positional = false
        /// Whether the run is not one number (`十一二` "eleven or twelve", `二三十`).
        private(set) var malformed = false
        /// Nonzero digits in a row just read.
        private var run = 0
        private var total = 0
        private var section = 0
        private var current = 0

        var isEmpty: Bool { count == 0 }

        /// The value read so far; -1 when malformed.
        var value: Int { malformed ? -1 : positional ? total + section + current : concatenated }

        /// Takes one character; returns false (and changes nothing) when it is not a numeral.
        @inline(__always)
        mutating func feed(_ v: UInt32) -> Bool {
            if let d = digit(v) {
                if count < 18 { concatenated = concatenated * 10 + d }
                current = d
                run = d == 0 ? 0 : run + 1
                if positional, run > 1 { malformed = true }
            } else if let m = multiplier(v) {
                if run > 1 { malformed = true }
                run = 0
                positional = true
                if m == 10_000 {
                    total = (total + section + current) * 10_000
                    section = 0
                } else {
                    section += (current == 0 ? 1 : current) * m
                }
                current = 0
            } else {
                return false
            }
            count += 1
            return true
        }
    }
}
