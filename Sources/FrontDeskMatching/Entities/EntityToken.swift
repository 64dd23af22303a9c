/// One token of a normalized message, as the entity recognizers see it.
struct EntityToken: Sendable {
    enum Kind: UInt8, Sendable {
        /// A number: Arabic digits, Chinese numerals or a spelled-out English number.
        case number
        /// An ASCII word; `value` is an `EntityWord` raw value.
        case word
        /// Any other single character (CJK, punctuation); `value` is its scalar value.
        case char
        /// A run of white space.
        case space
    }

    /// How a number was written.
    enum Form: UInt8, Sendable {
        case arabic
        /// `五零一`: Chinese digits read one by one.
        case chineseDigits
        /// `十二`, `一千八百零二`: with 十/百/千/万.
        case chinesePositional
        /// `two`, `five`.
        case english
    }

    var kind: Kind
    var form: Form = .arabic
    /// The number (capped at 18 digits, -1 beyond), the word, or the scalar.
    var value: Int
    /// The number of digit characters (Arabic or Chinese digits), 0 for positional and English numbers.
    var digits: Int = 0
    /// Taken by an entity already, so no other recognizer reads it.
    var used = false

    /// The number's digits with leading zeros, for phones and record IDs (Arabic numbers only).
    var digitString: String {
        let s = String(value)
        return digits > s.utf8.count ? String(repeating: "0", count: digits - s.utf8.count) + s : s
    }

    /// Whether this is a number written digit by digit (Arabic or Chinese digits) with `range` digits.
    @inline(__always)
    func isDigitNumber(_ range: ClosedRange<Int>) -> Bool {
        kind == .number && !used && (form == .arabic || form == .chineseDigits) && range.contains(digits)
    }
}

/// Splits normalized text into `EntityToken`s in one pass over its scalars.
enum EntityTokenizer {
    static func tokenize(_ text: String) -> [EntityToken] {
        var tokens: [EntityToken] = []
        tokens.reserveCapacity(text.utf8.count / 2 + 4)
        var arabic = 0
        var arabicDigits = 0
        var chinese = ChineseNumerals.Reader()
        var letters: UInt64 = 0
        var letterCount = 0

        @inline(__always) func flush(_ tokens: inout [EntityToken]) {
            if arabicDigits > 0 {
                tokens.append(EntityToken(kind: .number, value: arabicDigits > 18 ? -1 : arabic, digits: arabicDigits))
                arabic = 0
                arabicDigits = 0
            } else if !chinese.isEmpty {
                let form: EntityToken.Form = chinese.positional ? .chinesePositional : .chineseDigits
                let digits = chinese.positional ? 0 : chinese.count
                tokens.append(EntityToken(kind: .number, form: form, value: digits > 18 ? -1 : chinese.value, digits: digits))
                chinese = ChineseNumerals.Reader()
            } else if letterCount > 0 {
                let packed = letterCount > 12 ? 0 : letters
                if let n = EntityWord.numberValue(packed) {
                    tokens.append(EntityToken(kind: .number, form: .english, value: n))
                } else {
                    tokens.append(EntityToken(kind: .word, value: Int(EntityWord.lookup(packed).rawValue)))
                }
                letters = 0
                letterCount = 0
            }
        }

        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v >= 0x30, v <= 0x39 {
                if arabicDigits == 0 { flush(&tokens) }
                if arabicDigits < 19 { arabic = arabic &* 10 &+ Int(v - 0x30) }
                arabicDigits += 1
            } else if (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) {
                if letterCount == 0 { flush(&tokens) }
                if letterCount < 12 { letters = letters << 5 | UInt64((v | 0x20) - 0x60) }
                letterCount += 1
            } else if v >= 0x3007, ChineseNumerals.isNumeral(v) {
                if chinese.isEmpty { flush(&tokens) }
                _ = chinese.feed(v)
            } else {
                flush(&tokens)
                if v == 0x20 || v == 0x09 || v == 0x3000 || v == 0x0A || v == 0x0D || v == 0xA0 {
                    if tokens.last?.kind != .space { tokens.append(EntityToken(kind: .space, value: 0x20)) }
                } else {
                    tokens.append(EntityToken(kind: .char, value: Int(v)))
                }
            }
        }
        flush(&tokens)
        return tokens
    }
}
