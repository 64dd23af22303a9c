/// Times of day: a part of the day as said (`上午`, `morning`) or a clock time (`下午3点半` → `15:30`).
extension EntityScan {
    /// How a part of the day shifts the hour that follows it.
    enum Shift: Sendable {
        case bare, am, pm, night, noon

        /// The shift named in `intents/entities.json` (`am`, `pm`, `night`, `noon`; anything else is bare).
        init(named name: String) {
            switch name {
            case "am": self = .am
            case "pm": self = .pm
            case "night": self = .night
            case "noon": self = .noon
            default: self = .bare
            }
        }
    }

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
            let shift: Shift
            switch w {
            case .morning: shift = .am
            case .afternoon: shift = .pm
            case .evening, .night, .tonight: shift = .night
            case .noon: shift = .noon
            default: return nil
            }
            guard let said = words.englishSaid[Int(w.rawValue)] else { return nil }
            return (said, shift, i + 1)
        }
        // Read whether taken or not: 明晚8点 is 20:00 though 明晚 is the date's.
        guard t.kind == .char, words.cues(UInt32(t.value)).contains(.timeMark),
            let (index, next) = words.partsOfDay.match(i, { rawChar($0) })
        else { return nil }
        let after = words.partAfter[index]
        if !after.isEmpty {
            guard let previous = rawChar(i - 1), after.contains(previous) else { return nil }
        }
        return (words.partSaid[index], words.partShift[index], next)
    }

    /// `3点`, `3点半`, `3点15分`, `三点一刻`, `14:00`, `3pm`, `10:30 am` at `i`; a bare hour after
    /// "tonight at" / "morning at".
    private func clockTime(at i: Int, shift: Shift, afterAt: Bool) -> (text: String, next: Int)? {
        guard let h = number(i), h.form != .english, (0...24).contains(h.value) else { return nil }
        var hour = h.value
        var minute = 0
        var next: Int
        var effective = shift
        if let afterDian = match(i + 1, words.hourWords) {
            next = afterDian.next
            var spoken = afterDian.tag == 0
            if let afterHalf = after(next, words.halfHour) {
                minute = 30
                next = afterHalf
                spoken = true
            } else if let q = number(next), q.value == 1 || q.value == 3, let afterQuarter = after(next + 1, words.quarter) {
                minute = q.value * 15
                next = afterQuarter
                spoken = true
            } else if let m = number(next), (0...59).contains(m.value), m.form != .english {
                minute = m.value
                next += 1
                if let afterMinutes = after(next, words.minutes) { next = afterMinutes }
                spoken = true
            }
            // 一点 alone is "a little"; a Chinese numeral hour needs a part of the day or more words.
            if h.form != .arabic, shift == .bare, !spoken || h.value == 1 && afterDian.tag != 0 { return nil }
            if afterDian.tag == 2, h.form != .arabic || shift == .bare { return nil }
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
        return (EntityText.clock(hour, minute), next)
    }
}
