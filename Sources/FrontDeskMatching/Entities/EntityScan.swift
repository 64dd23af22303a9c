import FrontDeskModel

/// One extraction in progress: the tokens of a message, what has been taken, and what was found.
///
/// Recognizers run in a fixed order (record IDs, units, full dates, phones, other dates, times,
/// durations, counts); each marks the tokens it takes so that, say, a unit's digits never become a phone.
struct EntityScan {
    var tokens: [EntityToken]
    /// The wall time the message was received at, in the estate's offset.
    let today: CivilTime
    var found = Entities()

    init(_ normalized: String, today: CivilTime) {
        tokens = EntityTokenizer.tokenize(normalized)
        self.today = today
    }

    mutating func run() -> Entities {
        guard tokens.contains(where: { $0.kind != .char }) || containsDateWord() else { return found }
        recognizeRecordIDs()
        recognizeUnits()
        recognizeFullDates()
        recognizePhones()
        recognizeDates()
        recognizeTimes()
        recognizeDurations()
        recognizeCounts()
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
    func chars(_ i: Int, _ text: String) -> Int? {
        var j = i
        for scalar in text.unicodeScalars {
            guard char(j) == scalar.value else { return nil }
            j += 1
        }
        return j
    }

    /// The first of `options` spelled at `i`: its position in `options` and the index after it.
    func anyChars(_ i: Int, _ options: [String]) -> (choice: Int, next: Int)? {
        guard char(i) != nil else { return nil }
        for (n, option) in options.enumerated() {
            if let next = chars(i, option) { return (n, next) }
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

    /// Whether a message of only CJK characters may still name a day or a span (今天, 周六, 下午, 半个月, …).
    private func containsDateWord() -> Bool {
        for token in tokens where token.kind == .char {
            switch token.value {
            case 0x4ECA, 0x660E, 0x540E, 0x5468, 0x661F, 0x793C, 0x5348, 0x665A, 0x65E9, 0x508D, 0x51CC, 0x591C, 0x534A:
                return true  // 今 明 后 周 星 礼 午 晚 早 傍 凌 夜 半
            default: continue
            }
        }
        return false
    }
}
