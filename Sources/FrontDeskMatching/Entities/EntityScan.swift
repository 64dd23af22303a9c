import Foundation
import FrontDeskModel

/// One extraction in progress: the tokens of a message, what has been taken, and what was found.
///
/// Recognizers run in a fixed order (record IDs, units, full dates, phones, other dates, times,
/// durations, counts); each marks the tokens it takes so that, say, a unit's digits never become a phone.
struct EntityScan {
    var tokens: [EntityToken]
    /// What the message may contain, from the tokenizer.
    let cues: EntityCues
    /// The wall time the message was received at, in the estate's offset (worked out when a date needs it).
    lazy var today = CivilTime(now, offset: offset)
    private let now: Date
    private let offset: Int
    var found = Entities()
    /// The words of `intents/entities.json`, compiled.
    let words: EntityLexicon

    init(_ normalized: String, lexicon: EntityLexicon, now: Date, offset: Int, collapsing: Bool = true) {
        (tokens, cues) = EntityTokenizer.tokenize(normalized, lexicon: lexicon, collapsing: collapsing)
        words = lexicon
        self.now = now
        self.offset = offset
    }

    mutating func run() -> Entities {
        let number = !cues.isDisjoint(with: [.arabic, .chineseNumber])
        let word = cues.contains(.word)
        if word { recognizeRecordIDs() }
        if word || (number && cues.contains(.unitMark)) { recognizeUnits() }
        if cues.contains(.longNumber) || cues.contains(.chineseNumber) { recognizeFullDates() }
        if cues.contains(.longNumber) { recognizePhones() }
        if word || cues.contains(.dateMark) { recognizeDates() }
        if word || cues.contains(.timeMark) { recognizeTimes() }
        if word || cues.contains(.spanMark) { recognizeDurations() }
        if word || (number && cues.contains(.countMark)) { recognizeCounts() }
        return found
    }

    // MARK: - Token helpers

    var count: Int { tokens.count }

    /// The scalar of an unused character token at `i`.
    @inline(__always)
    func char(_ i: Int) -> UInt32? {
        guard i >= 0, i < tokens.count, tokens[i].kind == .char, !tokens[i].used else { return nil }
        return UInt32(tokens[i].value)
    }

    @inline(__always)
    func isChar(_ i: Int, _ c: Unicode.Scalar) -> Bool { char(i) == c.value }

    /// Whether the unused character tokens from `i` spell a word of `set`: its tag and the index after it.
    @inline(__always)
    func match(_ i: Int, _ set: EntityWordSet) -> (tag: Int, next: Int)? { set.match(i) { char($0) } }

    /// The index after a word of `set` spelled at `i`, or nil.
    @inline(__always)
    func after(_ i: Int, _ set: EntityWordSet) -> Int? { set.match(i) { char($0) }?.next }

    /// Whether a word of `set` is spelled at `i`.
    @inline(__always)
    func isAny(_ i: Int, _ set: EntityWordSet) -> Bool { set.match(i) { char($0) } != nil }

    /// The scalar of a character token at `i`, taken or not.
    @inline(__always)
    func rawChar(_ i: Int) -> UInt32? {
        guard i >= 0, i < tokens.count, tokens[i].kind == .char else { return nil }
        return UInt32(tokens[i].value)
    }

    /// The unused word at `i`.
    @inline(__always)
    func word(_ i: Int) -> EntityWord? {
        guard i >= 0, i < tokens.count, tokens[i].kind == .word, !tokens[i].used else { return nil }
        return EntityWord(rawValue: UInt8(tokens[i].value))
    }

    /// The unused number at `i`.
    @inline(__always)
    func number(_ i: Int) -> EntityToken? {
        guard i >= 0, i < tokens.count, tokens[i].kind == .number, !tokens[i].used, tokens[i].value >= 0 else {
            return nil
        }
        return tokens[i]
    }

    @inline(__always)
    func isSpace(_ i: Int) -> Bool { i >= 0 && i < tokens.count && tokens[i].kind == .space }

    /// Skips white space.
    @inline(__always)
    func skipSpace(_ i: Int) -> Int { isSpace(i) ? i + 1 : i }

    /// Skips white space and list punctuation (`,` `、` `，` `.`).
    func skipFiller(_ i: Int) -> Int {
        var j = i
        while j < tokens.count {
            if isSpace(j) {
                j += 1
            } else if let c = char(j), c == 0x2C || c == 0x3001 || c == 0xFF0C || c == 0x2E {
                j += 1
            } else {
                break
            }
        }
        return j
    }

    /// Marks tokens `range` as taken.
    mutating func use(_ range: Range<Int>) {
        for i in range where i < tokens.count { tokens[i].used = true }
    }
}
