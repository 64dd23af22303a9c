public import FrontDeskContent

/// Chinese numerals (`五`, `十二`, `三十`, `两百`, `一千八百零二`) and digit strings (`五零一`, `二〇二六`),
/// with the digit and multiplier characters of `intents/entities.json`.
///
/// Used by the entity extractor and by dialogue slot answers such as "五个" or "三十天".
public struct ChineseNumerals: Sendable {
    /// Per character of U+3000–U+9FFF: 0 for none, 1–10 for the digits 0–9, 11–14 for 10, 100, 1000, 10000.
    private let codes: [UInt8]
    private static let base: UInt32 = 0x3000
    private static let limit: UInt32 = 0xA000

    /// The numerals of `words` (its `numerals.digits` and `numerals.multipliers`).
    public init(words: EntityWords) {
        var codes = [UInt8](repeating: 0, count: Int(Self.limit - Self.base))
        func set(_ character: String, _ code: Int) {
            guard let v = character.unicodeScalars.first?.value, v >= Self.base, v < Self.limit else { return }
            codes[Int(v - Self.base)] = UInt8(code)
        }
        for (character, value) in words.digits { set(character, value + 1) }
        for (character, value) in words.multipliers {
            switch value {
            case 10: set(character, 11)
            case 100: set(character, 12)
            case 1000: set(character, 13)
            case 10_000: set(character, 14)
            default: break
            }
        }
        self.codes = codes
    }

    /// The number a text starts with, written in Arabic digits or Chinese numerals, ignoring what follows
    /// (`五个` → 5, `三十天` → 30, `12人` → 12, `两百` → 200, `五零一` → 501); `nil` when it starts otherwise.
    ///
    /// Leading white space is skipped. A run of digits without 十/百/千/万 is read digit by digit.
    public func parse(_ text: String) -> Int? {
        var arabic = 0
        var arabicCount = 0
        var reader = Reader()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v >= 0x30, v <= 0x39, reader.isEmpty {
                guard arabicCount < 18 else { return nil }
                arabic = arabic * 10 + Int(v - 0x30)
                arabicCount += 1
            } else if arabicCount == 0, reader.feed(code(v)) {
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

    /// The numeral code of a scalar (see `codes`): 0 when it is not a numeral.
    @inline(__always)
    func code(_ v: UInt32) -> UInt8 {
        let d = v &- Self.base
        return d < Self.limit - Self.base ? codes[Int(d)] : 0
    }

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

        /// Takes one character by its numeral code; returns false (and changes nothing) when it is not a numeral.
        @inline(__always)
        mutating func feed(_ code: UInt8) -> Bool {
            if code == 0 { return false }
            if code <= 10 {
                let d = Int(code) - 1
                if count < 18 { concatenated = concatenated * 10 + d }
                current = d
                run = d == 0 ? 0 : run + 1
                if positional, run > 1 { malformed = true }
            } else {
                if run > 1 { malformed = true }
                run = 0
                positional = true
                if code == 14 {
                    total = (total + section + current) * 10_000
                    section = 0
                } else {
                    let m = code == 11 ? 10 : code == 12 ? 100 : 1000
                    section += (current == 0 ? 1 : current) * m
                }
                current = 0
            }
            count += 1
            return true
        }
    }
}
