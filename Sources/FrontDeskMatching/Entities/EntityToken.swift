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
    /// A building marker or the unit word (`intents/entities.json`), `#`, `-` or `/`: a unit may be written here.
    static let unitMark = EntityCues(rawValue: 1 << 4)
    /// The start of a relative day, week or weekday word, a month or day mark, `-` or `/`: a date may be written here.
    static let dateMark = EntityCues(rawValue: 1 << 5)
    /// The start of a part of the day or an hour word, or `:`: a time of day may be written here.
    static let timeMark = EntityCues(rawValue: 1 << 6)
    /// The start of a day, week, month or half-month word: a span of days may be written here.
    static let spanMark = EntityCues(rawValue: 1 << 7)
    /// The start of a worker noun: a head count may be written here.
    static let countMark = EntityCues(rawValue: 1 << 8)
}

/// Splits normalized text into `EntityToken`s in one pass over its UTF-8 bytes.
///
/// The tokens are written straight into the storage of the array returned (at most one token per scalar, so
/// `bytes.count + 1` places always suffice): no growth or uniqueness check per token.
struct EntityTokenizer {
    private init(lexicon: EntityLexicon, out: UnsafeMutableBufferPointer<EntityToken>) {
        self.lexicon = lexicon
        self.out = out.baseAddress!
        capacity = out.count
    }

    /// The tokens so far: `out[0..<count]`, of `capacity` places.
    private let out: UnsafeMutablePointer<EntityToken>
    private let capacity: Int
    private var count = 0
    private var cues: EntityCues = []
    private var arabic = 0
    private var arabicDigits = 0
    private var chinese = ChineseNumerals.Reader()
    private let lexicon: EntityLexicon
    private var letters: UInt64 = 0
    private var letterCount = 0

    /// The tokens of `text`; with `collapsing`, each run of characters no recognizer reads is one
    /// placeholder `.char` token of value 0 (which reads the same to every recognizer, and is shorter).
    static func tokenize(_ text: String, lexicon: EntityLexicon, collapsing: Bool = true) -> (
        tokens: [EntityToken], cues: EntityCues
    ) {
        var text = text
        var cues: EntityCues = []
        let tokens = text.withUTF8 { bytes in
            lexicon.read.withUnsafeBufferPointer { read in
                [EntityToken](unsafeUninitializedCapacity: bytes.count + 1) { buffer, initialized in
                    var tokenizer = EntityTokenizer(lexicon: lexicon, out: buffer)
                    tokenizer.run(bytes, read: read, collapsing: collapsing)
                    initialized = tokenizer.count
                    cues = tokenizer.cues
                }
            }
        }
        return (tokens, cues)
    }

    @inline(__always)
    private mutating func append(_ token: EntityToken) {
        precondition(count < capacity, "more tokens than scalars")
        (out + count).initialize(to: token)
        count += 1
    }

    private mutating func run(_ bytes: UnsafeBufferPointer<UInt8>, read: UnsafeBufferPointer<UInt64>, collapsing: Bool)
    {
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
                if count > 0, out[count - 1].kind == .char, out[count - 1].value == 0 { continue }
                append(EntityToken(kind: .char, value: 0))
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
        } else if v >= 0x3000, case let code = lexicon.numeral(v), code != 0 {
            if chinese.isEmpty { flush() }
            _ = chinese.feed(code)
        } else {
            flush()
            if v == 0x20 || v == 0x09 || v == 0x3000 || v == 0x0A || v == 0x0D || v == 0xA0 {
                if count == 0 || out[count - 1].kind != .space { append(EntityToken(kind: .space, value: 0x20)) }
            } else {
                cues.formUnion(lexicon.cues(v))
                append(EntityToken(kind: .char, value: Int(v)))
            }
        }
    }

    @inline(__always)
    private mutating func flush() {
        if arabicDigits > 0 {
            cues.formUnion(arabicDigits >= 3 ? [.arabic, .longNumber] : .arabic)
            append(EntityToken(kind: .number, value: arabicDigits > 18 ? -1 : arabic, digits: arabicDigits))
            arabic = 0
            arabicDigits = 0
        } else if !chinese.isEmpty {
            cues.insert(.chineseNumber)
            let form: EntityToken.Form = chinese.positional ? .chinesePositional : .chineseDigits
            let digits = chinese.positional ? 0 : chinese.count
            append(EntityToken(kind: .number, form: form, value: digits > 18 ? -1 : chinese.value, digits: digits))
            chinese = ChineseNumerals.Reader()
        } else if letterCount > 0 {
            cues.insert(.word)
            let packed = letterCount > 12 ? 0 : letters
            let known = lexicon.asciiWord(packed)
            if let number = known.number {
                append(EntityToken(kind: .number, form: .english, value: number))
            } else {
                append(EntityToken(kind: .word, value: Int(known.word.rawValue)))
            }
            letters = 0
            letterCount = 0
        }
    }
}
