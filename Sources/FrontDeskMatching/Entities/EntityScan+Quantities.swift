/// Durations (`30天`, `两个月`, `一个半月`, `two weeks`) and worker counts (`5个工人`, `five people`).
extension EntityScan {
    /// The first duration, in days: a month is 30 days, a week 7; a later one replaces it after a word that changes a
    /// value ("40天怕不够 改成45天").
    mutating func recognizeDurations() {
        var i = 0
        while i < count {
            defer { i += 1 }
            if let next = after(i, words.halfMonth) {
                take(days: 15, i..<next)
                continue
            }
            if let w = word(i), w == .a || w == .an || w == .half {
                englishDuration(1, from: i, at: skipSpace(i + 1), half: w == .half)
                continue
            }
            guard let n = number(i), n.value <= 3650 else { continue }
            if n.form == .english || n.form == .arabic, englishDuration(n.value, from: i, at: skipSpace(i + 1)) {
                continue
            }
            guard n.form != .english else { continue }
            var j = skipSpace(i + 1)
            let afterClassifier = after(j, words.classifiers)
            let classifier = afterClassifier != nil
            j = afterClassifier ?? j
            if classifier, let afterHalf = after(j, words.half), let end = after(afterHalf, words.month) {
                take(days: n.value * 30 + 15, i..<end)
            } else if classifier, let end = after(j, words.month) {
                take(days: n.value * 30, i..<end)
            } else if !classifier, let end = after(j, words.days) {
                take(days: n.value, i..<end)
            } else if !classifier, isAny(i - 1, words.notADayBefore), let end = after(j, words.spanDays) {
                take(days: n.value, i..<end)  // "做20日", "滴咗成两日": a span, where "20日开工" is a date
            } else if let end = after(j, words.weekNouns) {
                take(days: n.value * 7, i..<end)
            } else if !classifier, let end = after(j, words.weeks), !isAny(j, words.notWeeks) {
                take(days: n.value * 7, i..<end)
            }
        }
    }

    /// `10 days`, `two weeks`, `1 month`, `a month`, `half a month` at `j`; true when taken.
    @discardableResult
    private mutating func englishDuration(_ n: Int, from i: Int, at j: Int, half: Bool = false) -> Bool {
        var k = j
        if half {
            guard let a = word(k), a == .a || a == .an else { return false }
            k = skipSpace(k + 1)
        }
        guard let w = word(k) else { return false }
        let unit: Int
        switch w {
        case .day, .days: unit = 1
        case .week, .weeks: unit = 7
        case .month, .months: unit = 30
        default: return false
        }
        take(days: half ? unit / 2 : n * unit, i..<k + 1)
        return true
    }

    private mutating func take(days: Int, _ range: Range<Int>) {
        if found.durationDays == nil || changesValue(before: range.lowerBound) { found.durationDays = days }
        use(range)
    }

    /// Whether a word of `valueChangers` ends just before `i` (a space between allowed): "改成45天", "改成 5个".
    private func changesValue(before i: Int) -> Bool { wordEnds(before: i, in: words.valueChangers, reach: 6) }

    /// Whether a word of `set` that starts at most `reach` tokens back ends right before token `i`, a space between
    /// allowed ("改成 5个", the 周 of "周一").
    func wordEnds(before i: Int, in set: EntityWordSet, reach: Int) -> Bool {
        var s = i - 1
        while s >= max(0, i - reach) {
            if let end = after(s, set), skipSpace(end) == i || end == i { return true }
            s -= 1
        }
        return false
    }

    /// The first count of workers or people (a later one after a word that changes a value): `5个工人`, `五个人`, `三名工人`, `5 workers`, `five people`, and the noun
    /// first with a classifier after the number: `工人3个`, `师傅大概4个`, `施工人员：5名`.
    mutating func recognizeCounts() {
        var i = 0
        // A later count replaces the first only after a word that changes a value ("4个工人…改成5个").
        func setCount(_ value: Int, at start: Int, _ scan: inout EntityScan) {
            if scan.found.count == nil || scan.changesValue(before: start) { scan.found.count = value }
        }
        while i < count {
            defer { i += 1 }
            if let noun = match(i, words.workerNouns) {
                var j = skipSpace(noun.next)
                if let joined = after(j, words.countJoiners) { j = skipSpace(joined) }
                if let n = number(j), n.form != .english, (1...999).contains(n.value),
                    let end = after(j + 1, words.countClassifiers)
                {
                    setCount(n.value, at: i, &self)
                    use(i..<end)
                    continue
                }
            }
            guard let n = number(i), (1...999).contains(n.value) else { continue }
            var j = skipSpace(i + 1)
            if let w = word(j), w == .worker || w == .people {
                setCount(n.value, at: i, &self)
                use(i..<j + 1)
                continue
            }
            guard n.form != .english else { continue }
            // "周一师傅来不了": the number of a weekday is no head count.
            if wordEnds(before: i, in: words.weekWords, reach: 3) { continue }
            if let afterClassifier = after(j, words.countClassifiers) { j = afterClassifier }
            if let noun = match(j, words.workerNouns) {
                setCount(n.value, at: i, &self)
                use(i..<noun.next)
            }
        }
    }
}
