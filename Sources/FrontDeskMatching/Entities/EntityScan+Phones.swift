import FrontDeskModel

/// Phone numbers: mainland mobiles, landlines with an area code, Hong Kong 8-digit numbers.
extension EntityScan {
    /// `13812345678`, `138-1234-5678`, `138 1234 5678`, `+86 138…` → digits; `0571-88886666`, `057188886666`,
    /// `(0571)88886666` → `0571-88886666`; `9123 4567`, `+852 91234567` → `91234567`.
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
                    let phone = Self.landline(area: first.digitString, local: local.digitString)
                {
                    take(phone, i - 1..<i + 3)
                }
                continue
            }
            var groups: [(text: String, end: Int)] = []
            var digits = 0
            var j = i
            while let g = number(j), g.form == .arabic, g.digits + digits <= 12, groups.count < 4 {
                digits += g.digits
                groups.append((g.digitString, j + 1))
                guard isSpace(j + 1) || isChar(j + 1, "-"), number(j + 2) != nil else { break }
                j += 2
            }
            for k in stride(from: groups.count, through: 1, by: -1) {
                let parts = groups[0..<k].map(\.text)
                if let phone = Self.phone(parts, afterPlus852: isPlus852(before: i)) {
                    take(phone, i..<groups[k - 1].end)
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

    /// The canonical phone that `parts` (digit groups as written) make, or `nil`.
    static func phone(_ parts: [String], afterPlus852: Bool) -> String? {
        let all = parts.joined()
        let bytes = Array(all.utf8)
        let short = parts.contains { $0.utf8.count < 3 }
        if bytes.count == 11, bytes[0] == 0x31, (0x33...0x39).contains(bytes[1]), !short {
            return all
        }
        if parts.count == 2, let landline = landline(area: parts[0], local: parts[1]) { return landline }
        if parts.count == 1, bytes.count >= 10, bytes[0] == 0x30 {
            let areaLength = bytes[1] == 0x31 || bytes[1] == 0x32 ? 3 : 4
            if let landline = landline(area: String(all.prefix(areaLength)), local: String(all.dropFirst(areaLength))) {
                return landline
            }
        }
        if bytes.count == 8, parts.count == 1 || (parts.count == 2 && parts[0].utf8.count == 4) {
            let lead = bytes[0]
            let hongKong = [0x32, 0x33, 0x35, 0x36, 0x37, 0x39].contains(lead)
            if hongKong, afterPlus852 || !looksLikeDate(bytes) { return all }
        }
        return nil
    }

    /// `0571` + `88886666` → `0571-88886666` (area code 0 + 2–3 digits, local number 7–8 digits).
    static func landline(area: String, local: String) -> String? {
        let a = Array(area.utf8)
        guard a.count == 3 || a.count == 4, a[0] == 0x30, a[1] != 0x30 else { return nil }
        guard (7...8).contains(local.utf8.count), local.utf8.first != 0x30 else { return nil }
        if a.count == 3, a[1] != 0x31, a[1] != 0x32 { return nil }  // 3-digit codes are 010 and 02x
        return "\(area)-\(local)"
    }

    /// `20261125`: eight digits that read as a date in this century.
    private static func looksLikeDate(_ b: [UInt8]) -> Bool {
        guard b[0] == 0x32, b[1] == 0x30 else { return false }
        func n(_ from: Int, _ len: Int) -> Int { b[from..<from + len].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        return CivilTime.isValid(year: n(0, 4), month: n(4, 2), day: n(6, 2))
    }
}
