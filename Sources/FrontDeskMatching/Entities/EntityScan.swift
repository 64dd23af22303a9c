import FrontDeskModel

/// One extraction in progress: the tokens of a message, what has been taken, and what was found.
///
/// Recognizers run in a fixed order (record IDs, units, full dates, phones, other dates, times,
/// durations, counts); each marks the tokens it takes so that, say, a unit's digits never become a phone.
struct EntityScan {
    var tokens: [EntityToken]
    /// What the message may contain, from the tokenizer.
    let cues: EntityCues
    /// The wall time the message was received at, in the estate's offset.
    let today: CivilTime
    var found = Entities()

    init(_ normalized: String, today: CivilTime) {
        (tokens, cues) = EntityTokenizer.tokenize(normalized)
        self.today = today
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

    /// Whether the character tokens from `i` spell `text`; the index after them if so.
    ///
    /// `StaticString` so that matching a literal decodes its bytes in place, with no retain or allocation.
    @inline(__always)
    func chars(_ i: Int, _ text: StaticString) -> Int? {
        var j = i
        var p = text.utf8Start
        let end = p + text.utf8CodeUnitCount
        while p < end {
            let b0 = UInt32(p[0])
            let v: UInt32
            if b0 < 0x80 {
                v = b0
                p += 1
            } else if b0 < 0xE0 {
                v = (b0 & 0x1F) << 6 | UInt32(p[1] & 0x3F)
                p += 2
            } else if b0 < 0xF0 {
                v = (b0 & 0x0F) << 12 | UInt32(p[1] & 0x3F) << 6 | UInt32(p[2] & 0x3F)
                p += 3
            } else {
                v = (b0 & 0x07) << 18 | UInt32(p[1] & 0x3F) << 12 | UInt32(p[2] & 0x3F) << 6 | UInt32(p[3] & 0x3F)
                p += 4
            }
            guard char(j) == v else { return nil }
            j += 1
        }
        return j
    }

    /// The first of `options` spelled at `i`: its position in `options` and the index after it.
    func anyChars(_ i: Int, _ options: [StaticString]) -> (choice: Int, next: Int)? {
        guard char(i) != nil else { return nil }
        for n in options.indices {
            if let next = chars(i, options[n]) { return (n, next) }
        }
        return nil
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
