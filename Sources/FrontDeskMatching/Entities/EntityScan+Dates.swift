import FrontDeskModel

/// Dates, resolved against `today`: ISO and Chinese full dates, month-day, day of month, relative days, weekdays.
extension EntityScan {
    /// `2026-11-25`, `2026/11/25`, `2026.11.25`, `2026年11月25日`, `二〇二六年十一月二十五日`.
    mutating func recognizeFullDates() {
        var i = 0
        while i < count, found.date == nil {
            defer { i += 1 }
            guard let y = number(i), y.isDigitNumber(4...4), (1900...2100).contains(y.value) else { continue }
            if let sep = char(i + 1), sep == 0x2D || sep == 0x2F || sep == 0x2E, y.form == .arabic,
                let m = number(i + 2), m.isDigitNumber(1...2), char(i + 3) == sep,
                let d = number(i + 4), d.isDigitNumber(1...2)
            {
                setDate(year: y.value, month: m.value, day: d.value, i..<i + 5)
            } else if let afterYear = after(i + 1, words.year), let m = number(afterYear), m.form != .english,
                let afterMonth = after(afterYear + 1, words.month), let d = number(afterMonth), d.form != .english
            {
                var end = afterMonth + 1
                if let next = after(end, words.dayMarks) { end = next }
                setDate(year: y.value, month: m.value, day: d.value, i..<end)
            }
        }
    }

    /// Month-day, day of month, 今天/明天/后天/大后天, 下周一, 上周一, 周六, today, tomorrow, next monday, nov 25, 25th.
    mutating func recognizeDates() {
        var i = 0
        while i < count, found.date == nil {
            switch tokens[i].kind {
            case .number: numericDate(at: i)
            case .word: englishDate(at: i)
            case .char: chineseDate(at: i)
            case .space: break
            }
            i += 1
        }
    }

    private mutating func numericDate(at i: Int) {
        guard let n = number(i), n.form != .english || word(skipSpace(i + 1))?.month != nil else { return }
        if let afterMonth = after(i + 1, words.month), let d = number(afterMonth), d.form != .english {
            var end = afterMonth + 1
            if let next = after(end, words.dayMarks) { end = next }
            monthDay(n.value, d.value, i..<end)
        } else if isChar(i + 1, "/"), n.isDigitNumber(1...2), let d = number(i + 2), d.isDigitNumber(1...2),
            !(isChar(i + 3, "/") && number(i + 4) != nil),
            !(isChar(i - 1, "/") && tokens[max(i - 2, 0)].kind == .number)
        {
            monthDay(n.value, d.value, i..<i + 3)
        } else if let afterMark = after(i + 1, words.dayMarks), n.form != .english {
            // "滴咗成两日" / "漏了三日": a span of days after an aspect word, not a day of the month.
            guard !isAny(i - 1, words.month), !isAny(afterMark, words.notADayAfter), !isAny(i - 1, words.notADayBefore)
            else { return }
            dayOfMonth(n.value, i..<afterMark)
        } else if let w = word(i + 1), w == .st || w == .nd || w == .rd || w == .th {
            guard word(skipSpace(i + 2)) != .floor else { return }  // the 9th floor
            var j = skipSpace(i + 2)
            if word(j) == .of { j = skipSpace(j + 1) }
            if let month = word(j)?.month {
                monthDay(month, n.value, i..<j + 1)
            } else {
                dayOfMonth(n.value, i..<i + 2)
            }
        } else if let month = word(skipSpace(i + 1))?.month {
            monthDay(month, n.value, i..<skipSpace(i + 1) + 1)
        }
    }

    private mutating func englishDate(at i: Int) {
        guard let w = word(i) else { return }
        switch w {
        case .today: relative(0, i..<i + 1)
        case .tonight:
            relative(0, i..<i + 1)
            if found.timeOfDay == nil { found.timeOfDay = words.englishSaid[Int(EntityWord.tonight.rawValue)] }
        case .tomorrow: relative(1, i..<i + 1)
        case .day:
            let a = skipSpace(i + 1)
            let t = skipSpace(a + 1)
            if word(a) == .after, word(t) == .tomorrow { relative(2, i..<t + 1) }
        case .next, .this, .on, .coming:
            let j = skipSpace(i + 1)
            if let weekday = word(j)?.weekday {
                w == .next ? nextWeek(weekday, i..<j + 1) : coming(weekday, i..<j + 1)
            } else if w == .this, let part = word(j), [.morning, .afternoon, .evening, .noon, .night].contains(part) {
                relative(0, i..<i + 1)  // "this afternoon" is today's, as 今天下午 is; the part of the day is read as a time
            }
        default:
            if let weekday = w.weekday {
                coming(weekday, i..<i + 1)
            } else if let month = w.month {
                let j = skipSpace(i + 1)
                guard let d = number(j) else { return }
                var end = j + 1
                if let s = word(end), s == .st || s == .nd || s == .rd || s == .th { end += 1 }
                monthDay(month, d.value, i..<end)
            }
        }
    }

    /// A relative day (今天, 明晚, 大后天), a weekday of next, last or this week (下周一, 上个星期三, 这周五),
    /// or a coming weekday (周六); the words are those of `intents/entities.json`.
    private mutating func chineseDate(at i: Int) {
        // Only a character some date word starts with can start one (its cue).
        guard let c = char(i), words.cues(c).contains(.dateMark) else { return }
        if let (index, next) = match(i, words.relativeDays) {
            relative(words.relativeDayOffsets[index], i..<next)
            if found.timeOfDay == nil, let time = words.relativeDayTimes[index] { found.timeOfDay = time }
        } else if let j = after(i, words.nextWeek) {
            if let (weekday, next) = weekday(at: after(j, words.classifiers) ?? j) {
                nextWeek(weekday, i..<next)
            } else {
                dayInMonth(monthsAhead: 1, i, j)  // 下个月1号
            }
        } else if let j = after(i, words.lastWeek) {
            // 上周一, 上个星期三: a day of last (ISO) week, for the flow to question.
            if let (weekday, next) = weekday(at: after(j, words.classifiers) ?? j) {
                relative(weekday - today.weekday - 7, i..<next)
            } else {
                dayInMonth(monthsAhead: -1, i, j)  // 上个月5号
            }
        } else if let j = after(i, words.thisWeek) {
            if let (weekday, next) = weekday(at: after(j, words.classifiers) ?? j) {
                coming(weekday, i..<next)
            } else {
                dayInMonth(monthsAhead: 0, i, j)  // 这个月28号, 本月15日
            }
        } else if let (weekday, next) = weekday(at: i) {
            coming(weekday, i..<next)
        }
    }

    /// `个月1号` / `月15日` at `j` (after 下, 上, 这 or 本 at `start`): that day of the month `months` from this one.
    private mutating func dayInMonth(monthsAhead months: Int, _ start: Int, _ j: Int) {
        let k = after(j, words.classifiers) ?? j
        guard let m = after(k, words.month), let d = number(m), d.form != .english,
            let end = after(m + 1, words.dayMarks)
        else { return }
        let index = today.year * 12 + (today.month - 1) + months
        setDate(year: index / 12, month: index % 12 + 1, day: d.value, start..<end)
    }

    /// `周一`, `星期三`, `礼拜天` at `i`: the ISO weekday and the index after it.
    private func weekday(at i: Int) -> (Int, Int)? {
        guard let j = after(i, words.weekWords) else { return nil }
        if let n = number(j), n.digits == 1, n.form == .chineseDigits || n.form == .arabic, (1...7).contains(n.value) {
            if n.form == .chineseDigits, n.value == 7 { return nil }
            return (n.value, j + 1)
        }
        if let next = after(j, words.sunday) { return (7, next) }
        return nil
    }

    // MARK: - Resolution

    private mutating func setDate(year: Int, month: Int, day: Int, _ range: Range<Int>) {
        guard CivilTime.isValid(year: year, month: month, day: day) else { return }
        found.date = EntityText.isoDate(year, month, day)
        use(range)
    }

    private mutating func relative(_ days: Int, _ range: Range<Int>) {
        let day = today.addingDays(days)
        found.date = EntityText.isoDate(day.year, day.month, day.day)
        use(range)
    }

    /// The coming `weekday` (today included).
    private mutating func coming(_ weekday: Int, _ range: Range<Int>) {
        relative((weekday - today.weekday + 7) % 7, range)
    }

    /// `weekday` of next (ISO) week.
    private mutating func nextWeek(_ weekday: Int, _ range: Range<Int>) {
        relative(7 - today.weekday + weekday, range)
    }

    /// A month and day without a year: this year, or next year when more than two months past ("1月5号"
    /// in November). A date just past ("11月20日" on 12-02) stays in the past, for the flow to question.
    private mutating func monthDay(_ month: Int, _ day: Int, _ range: Range<Int>) {
        guard (1...12).contains(month), (1...31).contains(day) else { return }
        var year = today.year
        let past = month < today.month || (month == today.month && day < today.day)
        if past, today.month - month > 2 { year += 1 }
        if !CivilTime.isValid(year: year, month: month, day: day), month == 2, day == 29 {
            year += (1...4).first { CivilTime.isValid(year: year + $0, month: 2, day: 29) } ?? 0
        }
        setDate(year: year, month: month, day: day, range)
    }

    /// A day of the month: this month, or the next month that has it when already past.
    private mutating func dayOfMonth(_ day: Int, _ range: Range<Int>) {
        guard (1...31).contains(day) else { return }
        var (year, month) = (today.year, today.month)
        if day < today.day { month += 1 }
        for _ in 0..<3 {
            if month > 12 { (year, month) = (year + 1, 1) }
            if CivilTime.isValid(year: year, month: month, day: day) { break }
            month += 1
        }
        setDate(year: year, month: month, day: day, range)
    }
}
