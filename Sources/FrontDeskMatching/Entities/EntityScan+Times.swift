/// Times of day: a part of the day as said (`上午`, `morning`) or a clock time (`下午3点半` → `15:30`).
extension EntityScan {
    /// How a part of the day shifts the hour that follows it.
    enum Shift { case bare, am, pm, night, noon }

    /// A clock time wins over a part of the day; the first of each kind wins.
    mutating func recognizeTimes() {
        var part: String?
        var i = 0
        while i < count {
            var shift = Shift.bare
            var j = i
            var afterAt = false
            if let q = qualifier(at: i) {
                part = part ?? q.said
                shift = q.shift
                j = skipSpace(q.next)
                if word(j) == .at { (j, afterAt) = (skipSpace(j + 1), true) }
            }
            if let clock = clockTime(at: j, shift: shift, afterAt: afterAt) {
                found.timeOfDay = clock.text
                use(i..<clock.next)
                return
            }
            i = max(j, i + 1)
        }
        if found.timeOfDay == nil { found.timeOfDay = part }
    }

    /// A word for a part of the day at `i`: what to report, how it shifts hours, and the index after it.
    private func qualifier(at i: Int) -> (said: String, shift: Shift, next: Int)? {
        guard i < count else { return nil }
        let t = tokens[i]
        if t.kind == .word, let w = EntityWord(rawValue: UInt8(t.value)) {
            switch w {
            case .morning: return ("morning", .am, i + 1)
            case .afternoon: return ("afternoon", .pm, i + 1)
            case .evening, .night: return ("evening", .night, i + 1)
            case .tonight: return ("evening", .night, i + 1)
            case .noon: return ("noon", .noon, i + 1)
            default: return nil
            }
        }
        guard t.kind == .char else { return nil }
        let c = UInt32(t.value)
        let next = i + 1 < count && tokens[i + 1].kind == .char ? UInt32(tokens[i + 1].value) : 0
        let previous = i > 0 && tokens[i - 1].kind == .char ? UInt32(tokens[i - 1].value) : 0
        switch (c, next) {
        case (0x4E0A, 0x5348): return ("上午", .am, i + 2)
        case (0x65E9, 0x4E0A): return ("早上", .am, i + 2)
        case (0x65E9, 0x6668): return ("早晨", .am, i + 2)
        case (0x51CC, 0x6668): return ("凌晨", .am, i + 2)
        case (0x4E2D, 0x5348): return ("中午", .noon, i + 2)
        case (0x4E0B, 0x5348): return ("下午", .pm, i + 2)
        case (0x665A, 0x4E0A): return ("晚上", .night, i + 2)
        case (0x508D, 0x665A): return ("傍晚", .pm, i + 2)
        case (0x591C, 0x91CC), (0x591C, 0x95F4): return ("晚上", .night, i + 2)
        case (0x665A, _) where previous == 0x4ECA || previous == 0x660E: return ("晚上", .night, i + 1)  // 今晚 明晚
        case (0x65E9, _) where previous == 0x4ECA || previous == 0x660E: return ("早上", .am, i + 1)  // 今早 明早
        default: return nil
        }
    }

    /// `3点`, `3点半`, `3点15分`, `三点一刻`, `14:00`, `3pm`, `10:30 am` at `i`; a bare hour after
    /// "tonight at" / "morning at".
    private func clockTime(at i: Int, shift: Shift, afterAt: Bool) -> (text: String, next: Int)? {
        guard let h = number(i), h.form != .english, (0...24).contains(h.value) else { return nil }
        var hour = h.value
        var minute = 0
        var next: Int
        var effective = shift
        if let afterDian = anyChars(i + 1, Phrases.hourWords) {
            next = afterDian.next
            var spoken = afterDian.choice == 0
            if isChar(next, "半") {
                minute = 30
                next += 1
                spoken = true
            } else if let q = number(next), q.value == 1 || q.value == 3, isChar(next + 1, "刻") {
                minute = q.value * 15
                next += 2
                spoken = true
            } else if let m = number(next), (0...59).contains(m.value), m.form != .english {
                minute = m.value
                next += 1
                if isChar(next, "分") { next += 1 }
                spoken = true
            }
            // 一点 alone is "a little"; a Chinese numeral hour needs a part of the day or more words.
            if h.form != .arabic, shift == .bare, !spoken || h.value == 1 && afterDian.choice != 0 { return nil }
            if afterDian.choice == 2, h.form != .arabic || shift == .bare { return nil }
        } else if isChar(i + 1, ":"), h.form == .arabic, let m = number(i + 2), m.form == .arabic, m.digits == 2,
            m.value < 60, hour < 24
        {
            minute = m.value
            next = i + 3
        } else {
            next = i + 1
        }
        let j = skipSpace(next)
        if let w = word(j), w == .am || w == .pm {
            guard (1...12).contains(hour) else { return nil }
            effective = w == .am ? .am : .pm
            next = j + 1
        } else if next == i + 1, !afterAt || h.form != .arabic || !(1...12).contains(hour) {
            return nil  // a bare number is not a time
        }
        switch effective {
        case .pm: if hour < 12 { hour += 12 }
        case .night: if hour < 12 { hour += 12 } else if hour == 12 { hour = 0 }
        case .am: if hour == 12 { hour = 0 }
        case .noon: if hour <= 5 { hour += 12 }
        case .bare: if (1...6).contains(hour) { hour += 12 }
        }
        hour %= 24
        return ((hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)", next)
    }
}
