import FrontDeskModel

/// Phone numbers: mainland mobiles, landlines with an area code, Hong Kong 8-digit numbers.
extension EntityScan {
    /// `13812345678`, `138-1234-5678`, `138 1234 5678`, `+86 138…` → digits; `0571-88886666`, `057188886666`,
    /// `(0571)88886666`, `0571/88886666`, `0571 8888 6666` → `057188886666`; `9123 4567`, `+852 91234567` → `91234567`.
    mutating func recognizePhones() {
        var i = 0
        while i < count, found.phone == nil {
            defer { i += 1 }
            guard let first = number(i), first.form == .arabic else { continue }
            // Not the continuation of a digit chain that started earlier (its start was tried already).
            if i >= 2, let sep = char(i - 1), sep == 0x2D || sep == 0x2F || sep == 0x2E, tokens[i - 2].kind == .number {
                if !(i >= 3 && isChar(i - 3, "+")) { continue }
            }
            if isChar(i - 1, "("), isChar(i + 1, ")") {
                if let local = number(i + 2), local.form == .arabic,
                    let phone = Self.landline(area: Digits(first), local: Digits(local))
                {
                    take(phone, i - 1..<i + 3)
                }
                continue
            }
            // Up to 4 digit groups separated by a space or `-`, at most 12 digits in all.
            var groups = InlineArray<4, Digits>(repeating: Digits(value: 0, count: 0))
            var ends = InlineArray<4, Int>(repeating: 0)
            var groupCount = 0
            var digits = 0
            var j = i
            while let g = number(j), g.form == .arabic, g.digits + digits <= 12, groupCount < 4 {
                digits += g.digits
                groups[groupCount] = Digits(g)
                ends[groupCount] = j + 1
                groupCount += 1
                // "0571/88886666": a slash after an area code (0 and 2–3 digits) joins it to the local number.
                let slashAfterArea = groupCount == 1 && isChar(j + 1, "/") && (3...4).contains(g.digits) && g.digits == groups[0].count
                    && Self.startsWithZero(groups[0])
                guard isSpace(j + 1) || isChar(j + 1, "-") || slashAfterArea, number(j + 2) != nil else { break }
                j += 2
            }
            guard groupCount > 0 else { continue }
            let afterPlus852 = isPlus852(before: i)
            for k in stride(from: groupCount, through: 1, by: -1) {
                if let phone = Self.phone(groups, k, afterPlus852: afterPlus852) {
                    take(phone, i..<ends[k - 1])
                    break
                }
            }
        }
    }

    private mutating func take(_ phone: String, _ range: Range<Int>) {
        found.phone = phone
        use(range)
    }

    private func isPlus852(before i: Int) -> Bool {
        let j = isSpace(i - 1) || isChar(i - 1, "-") ? i - 2 : i - 1
        return j >= 1 && tokens[j].kind == .number && tokens[j].value == 852 && isChar(j - 1, "+")
    }

    /// A number as written in Arabic digits: its value and its number of digits, leading zeros included.
    struct Digits {
        var value: Int
        var count: Int

        init(value: Int, count: Int) {
            self.value = value
            self.count = count
        }

        init(_ token: EntityToken) { self.init(value: token.value, count: token.digits) }

        /// The digit at `position` from the left.
        @inline(__always)
        func digit(_ position: Int) -> Int { value / Digits.power(count - 1 - position) % 10 }

        /// The first `n` digits.
        func prefix(_ n: Int) -> Digits { Digits(value: value / Digits.power(count - n), count: n) }

        /// The digits after the first `n`.
        func dropFirst(_ n: Int) -> Digits { Digits(value: value % Digits.power(count - n), count: count - n) }

        /// `self` followed by `other`.
        func appending(_ other: Digits) -> Digits {
            Digits(value: value * Digits.power(other.count) + other.value, count: count + other.count)
        }

        var text: String { EntityText.digits(value, width: count) }

        @inline(__always)
        static func power(_ n: Int) -> Int {
            var p = 1
            for _ in 0..<max(n, 0) { p &*= 10 }
            return p
        }
    }

    /// The canonical phone that the first `k` of `groups` (digit groups as written) make, or `nil`.
    static func phone(_ groups: InlineArray<4, Digits>, _ k: Int, afterPlus852: Bool) -> String? {
        var all = groups[0]
        var short = groups[0].count < 3
        for g in 1..<k {
            all = all.appending(groups[g])
            short = short || groups[g].count < 3
        }
        if all.count == 11, all.digit(0) == 1, all.digit(1) >= 3, !short {
            return all.text
        }
        if k == 2, let landline = landline(area: groups[0], local: groups[1]) { return landline }
        // "0571 8888 6666": the area code, then the local number in two groups of four.
        if k == 3, groups[1].count == 4, groups[2].count == 4,
            let landline = landline(area: groups[0], local: groups[1].appending(groups[2]))
        {
            return landline
        }
        if k == 1, all.count >= 10, all.digit(0) == 0 {
            let second = all.digit(1)
            let areaLength = second == 1 || second == 2 ? 3 : 4
            if let landline = landline(area: all.prefix(areaLength), local: all.dropFirst(areaLength)) {
                return landline
            }
        }
        if all.count == 8, k == 1 || (k == 2 && groups[0].count == 4) {
            let lead = all.digit(0)
            let hongKong = lead == 2 || lead == 3 || lead == 5 || lead == 6 || lead == 7 || lead == 9
            if hongKong, afterPlus852 || !looksLikeDate(all.value) { return all.text }
        }
        return nil
    }

    /// Whether a group of digits starts with 0 (an area code's first digit).
    static func startsWithZero(_ group: Digits) -> Bool { group.count > 0 && group.digit(0) == 0 }

    /// `0571` + `88886666` → `057188886666`: digits only, like every phone the office keeps
    /// (area code 0 + 2–3 digits, local number 7–8 digits).
    static func landline(area: Digits, local: Digits) -> String? {
        guard area.count == 3 || area.count == 4, area.digit(0) == 0, area.digit(1) != 0 else { return nil }
        guard (7...8).contains(local.count), local.digit(0) != 0 else { return nil }
        if area.count == 3, area.digit(1) != 1, area.digit(1) != 2 { return nil }  // 3-digit codes are 010 and 02x
        return area.appending(local).text
    }

    /// `20261125`: eight digits (no leading zero) that read as a date in this century.
    private static func looksLikeDate(_ n: Int) -> Bool {
        guard n / 1_000_000 == 20 else { return false }
        return CivilTime.isValid(year: n / 10_000, month: n / 100 % 100, day: n % 100)
    }
}
