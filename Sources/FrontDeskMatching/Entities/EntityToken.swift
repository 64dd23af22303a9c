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

    /// The number (capped at 18 digits, -1 beyond), the word, or the scalar.
    var value: Int
    var kind: Kind
    var form: Form = .arabic
    /// The number of digit characters (Arabic or Chinese digits, at most 255), 0 for positional and English numbers.
    var digitCount: UInt8 = 0
    /// Taken by an entity already, so no other recognizer reads it.
    var used = false

    init(kind: Kind, form: Form = .arabic, value: Int, digits: Int = 0) {
        self.value = value
        self.kind = kind
        self.form = form
        self.digitCount = UInt8(min(digits, 255))
    }

    /// The number of digit characters (Arabic or Chinese digits), 0 for positional and English numbers.
    @inline(__always) var digits: Int { Int(digitCount) }

    /// The number's digits with leading zeros, for phones and record IDs (Arabic numbers only).
    var digitString: String { EntityText.digits(value, width: digits) }

    /// Whether this is a number written digit by digit (Arabic or Chinese digits) with `range` digits.
    @inline(__always)
    func isDigitNumber(_ range: ClosedRange<Int>) -> Bool {
        kind == .number && !used && (form == .arabic || form == .chineseDigits) && range.contains(digits)
    }
}

/// What kinds of tokens a message has, so that recognizers with nothing to look at are skipped.
struct EntityCues: OptionSet, Sendable {
    let rawValue: UInt32
    static let arabic = EntityCues(rawValue: 1 << 0)
    static let chineseNumber = EntityCues(rawValue: 1 << 1)
    static let word = EntityCues(rawValue: 1 << 2)
    /// A number of 3 or more Arabic digits (phones, rooms, years).
    static let longNumber = EntityCues(rawValue: 1 << 3)
    /// 号 栋 幢 座 楼 单 # - /: a unit may be written here.
    static let unitMark = EntityCues(rawValue: 1 << 4)
    /// 今 明 后 周 星 礼 下 这 本 大 月 号 日 /: a date may be written here.
    static let dateMark = EntityCues(rawValue: 1 << 5)
    /// 午 晚 早 傍 凌 夜 点 时 ':': a time of day may be written here.
    static let timeMark = EntityCues(rawValue: 1 << 6)
    /// 天 月 周 星 礼 半: a span of days may be written here.
    static let spanMark = EntityCues(rawValue: 1 << 7)
    /// 人 工 师 员: a head count may be written here.
    static let countMark = EntityCues(rawValue: 1 << 8)

    /// The cues a character gives.
    @inline(__always)
    static func of(_ v: UInt32) -> EntityCues {
        switch v {
        case 0x53F7, 0x65E5: return [.unitMark, .dateMark]  // 号 日
        case 0x680B, 0x5E62, 0x5EA7, 0x697C, 0x5355, 0x23: return .unitMark  // 栋 幢 座 楼 单 #
        case 0x2D, 0x2F: return [.unitMark, .dateMark]  // - /
        case 0x4ECA, 0x540E, 0x4E0B, 0x8FD9, 0x672C, 0x5927: return .dateMark  // 今 后 下 这 本 大
        case 0x660E: return [.dateMark, .timeMark]  // 明
        case 0x5468, 0x661F, 0x793C, 0x6708: return [.dateMark, .spanMark]  // 周 星 礼 月
        case 0x5348, 0x665A, 0x65E9, 0x508D, 0x51CC, 0x591C, 0x70B9, 0x65F6, 0x3A: return .timeMark
        case 0x5929, 0x534A: return .spanMark  // 天 半
        case 0x4EBA, 0x5DE5, 0x5E08, 0x5458: return .countMark  // 人 工 师 员
        default: return []
        }
    }
}

/// Splits normalized text into `EntityToken`s in one pass over its UTF-8 bytes.
struct EntityTokenizer {
    private var tokens: [EntityToken] = []
    private var cues: EntityCues = []
    private var arabic = 0
    private var arabicDigits = 0
    private var chinese = ChineseNumerals.Reader()
    private var letters: UInt64 = 0
    private var letterCount = 0

    /// The tokens of `text`; with `collapsing`, each run of characters no recognizer reads is one
    /// placeholder `.char` token of value 0 (which reads the same to every recognizer, and is shorter).
    static func tokenize(_ text: String, collapsing: Bool = true) -> (tokens: [EntityToken], cues: EntityCues) {
        var tokenizer = EntityTokenizer()
        var text = text
        text.withUTF8 { bytes in
            EntityChars.read.withUnsafeBufferPointer { read in tokenizer.run(bytes, read: read, collapsing: collapsing)
            }
        }
        return (tokenizer.tokens, tokenizer.cues)
    }

    private mutating func run(_ bytes: UnsafeBufferPointer<UInt8>, read: UnsafeBufferPointer<UInt64>, collapsing: Bool)
    {
        tokens.reserveCapacity(bytes.count / 2 + 4)
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = UInt32(bytes[i])
            var v = b0
            if b0 < 0x80 {
                i += 1
            } else if b0 < 0xE0, i + 1 < n {
                v = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                i += 2
            } else if b0 < 0xF0, i + 2 < n {
                v = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                i += 3
            } else if i + 3 < n {
                v =
                    (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                    | UInt32(bytes[i + 3] & 0x3F)
                i += 4
            } else {
                i = n
            }
            if v >= 0x80, collapsing, !EntityChars.isRead(v, in: read) {
                flush()
                if let last = tokens.last, last.kind == .char, last.value == 0 { continue }
                tokens.append(EntityToken(kind: .char, value: 0))
                continue
            }
            take(v)
        }
        flush()
    }

    @inline(__always)
    private mutating func take(_ v: UInt32) {
        if v >= 0x30, v <= 0x39 {
            if arabicDigits == 0 { flush() }
            if arabicDigits < 19 { arabic = arabic &* 10 &+ Int(v - 0x30) }
            arabicDigits += 1
        } else if (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) {
            if letterCount == 0 { flush() }
            if letterCount < 12 { letters = letters << 5 | UInt64((v | 0x20) - 0x60) }
            letterCount += 1
        } else if v >= 0x3007, ChineseNumerals.isNumeral(v) {
            if chinese.isEmpty { flush() }
            _ = chinese.feed(v)
        } else {
            flush()
            if v == 0x20 || v == 0x09 || v == 0x3000 || v == 0x0A || v == 0x0D || v == 0xA0 {
                if tokens.last?.kind != .space { tokens.append(EntityToken(kind: .space, value: 0x20)) }
            } else {
                cues.formUnion(EntityCues.of(v))
                tokens.append(EntityToken(kind: .char, value: Int(v)))
            }
        }
    }

    @inline(__always)
    private mutating func flush() {
        if arabicDigits > 0 {
            cues.formUnion(arabicDigits >= 3 ? [.arabic, .longNumber] : .arabic)
            tokens.append(EntityToken(kind: .number, value: arabicDigits > 18 ? -1 : arabic, digits: arabicDigits))
            arabic = 0
            arabicDigits = 0
        } else if !chinese.isEmpty {
            cues.insert(.chineseNumber)
            let form: EntityToken.Form = chinese.positional ? .chinesePositional : .chineseDigits
            let digits = chinese.positional ? 0 : chinese.count
            tokens.append(
                EntityToken(kind: .number, form: form, value: digits > 18 ? -1 : chinese.value, digits: digits))
            chinese = ChineseNumerals.Reader()
        } else if letterCount > 0 {
            cues.insert(.word)
            let packed = letterCount > 12 ? 0 : letters
            if let number = EntityWord.numberValue(packed) {
                tokens.append(EntityToken(kind: .number, form: .english, value: number))
            } else {
                tokens.append(EntityToken(kind: .word, value: Int(EntityWord.lookup(packed).rawValue)))
            }
            letters = 0
            letterCount = 0
        }
    }
}
