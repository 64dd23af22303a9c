/// Plain-text readings of a slot answer, used where the matcher's entities have nothing: a bare
/// "30" while the bot waits for a duration, "5678" for a phone tail, "2026-12-01" for a date.
enum SlotText {
    /// The runs of ASCII digits in `text`, in order.
    static func digitRuns(_ text: String) -> [String] {
        var runs: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar >= "0" && scalar <= "9" {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                runs.append(current)
                current = ""
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// The first whole number in `text` (at most 6 digits).
    static func firstInteger(_ text: String) -> Int? {
        digitRuns(text).first.flatMap { $0.count <= 6 ? Int($0) : nil }
    }

    /// A mainland mobile (11 digits from 1), a landline `0571-88886666` or a Hong Kong 8-digit number.
    static func phone(_ text: String) -> String? {
        let runs = digitRuns(text)
        if let mobile = runs.first(where: { $0.count == 11 && $0.hasPrefix("1") }) { return mobile }
        for (index, run) in runs.enumerated() where run.hasPrefix("0") && (3...4).contains(run.count) {
            if index + 1 < runs.count, (7...8).contains(runs[index + 1].count) { return run + "-" + runs[index + 1] }
        }
        if let landline = runs.first(where: { $0.hasPrefix("0") && (10...12).contains($0.count) }) {
            let area = landline.hasPrefix("01") || landline.hasPrefix("02") ? 3 : 4
            return String(landline.prefix(area)) + "-" + String(landline.dropFirst(area))
        }
        if runs.count == 1, let hk = runs.first, hk.count == 8, let first = hk.first, "235679".contains(first) {
            return hk
        }
        return nil
    }

    /// The 4 digits of a phone tail: a run of exactly 4, or the last 4 of a longer number.
    static func phoneTail(_ text: String) -> String? {
        let runs = digitRuns(text)
        if let four = runs.first(where: { $0.count == 4 }) { return four }
        if let long = runs.first(where: { $0.count >= 8 }) { return String(long.suffix(4)) }
        return nil
    }

    /// A unit written as `3-2-501` (the canonical form) or `3栋2单元501` with Arabic digits.
    static func unit(_ text: String) -> String? {
        let runs = digitRuns(text)
        guard runs.count >= 3, runs[0].count <= 3, runs[1].count <= 2 else { return nil }
        let canonical = runs[0] + "-" + runs[1] + "-" + runs[2]
        if text.contains(canonical) { return canonical }
        return chineseUnit(text)
    }

    /// `text` without a unit at its start (`3-2-501`, `3栋2单元501室`); `nil` when it does not start with one.
    static func droppingLeadingUnit(_ text: String) -> String? {
        let characters = Array(text)
        var index = 0
        var parts = 0
        while parts < 3 {
            let start = index
            while index < characters.count, let ascii = characters[index].asciiValue, ascii >= 48, ascii <= 57 {
                index += 1
            }
            guard index > start else { return nil }
            parts += 1
            let markers = parts == 1 ? ["号楼", "栋", "幢", "座", "-"] : parts == 2 ? ["单元", "-"] : ["室", "号"]
            for marker in markers {
                let marked = Array(marker)
                if index + marked.count <= characters.count, Array(characters[index..<index + marked.count]) == marked {
                    index += marked.count
                    break
                }
            }
        }
        return String(characters[index...])
    }

    /// `3栋2单元501`, `3号楼2单元501室`, `3幢2单元501`: building, entrance and room digits by their markers.
    private static func chineseUnit(_ text: String) -> String? {
        let characters = Array(text)
        var index = 0
        func digits() -> String? {
            var run = ""
            while index < characters.count, let ascii = characters[index].asciiValue, ascii >= 48, ascii <= 57 {
                run.append(characters[index])
                index += 1
            }
            return run.isEmpty ? nil : run
        }
        func skip(_ markers: [String]) -> Bool {
            for marker in markers {
                let marked = Array(marker)
                if index + marked.count <= characters.count, Array(characters[index..<index + marked.count]) == marked {
                    index += marked.count
                    return true
                }
            }
            return false
        }
        while index < characters.count {
            let start = index
            if let building = digits(), skip(["号楼", "栋", "幢", "座", "楼"]), let entrance = digits(), skip(["单元"]),
                let room = digits(), (3...4).contains(room.count)
            {
                return building + "-" + entrance + "-" + room
            }
            index = max(index, start + 1)
        }
        return nil
    }

    /// An ISO date `2026-12-01` written as such.
    static func isoDate(_ text: String) -> String? {
        let runs = digitRuns(text)
        guard runs.count >= 3, runs[0].count == 4, runs[1].count <= 2, runs[2].count <= 2,
            let year = Int(runs[0]), let month = Int(runs[1]), let day = Int(runs[2])
        else { return nil }
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    /// A record ID such as `REP-20261122-0001`, upper-cased.
    static func recordID(_ text: String) -> String? {
        let upper = text.uppercased()
        for prefix in ["REP", "CMP", "DEC", "EMG", "CB"] {
            guard let range = upper.range(of: prefix + "-") else { continue }
            let rest = upper[range.upperBound...]
            let runs = digitRuns(String(rest.prefix(13)))
            if runs.count >= 2, runs[0].count == 8, runs[1].count == 4 {
                return prefix + "-" + runs[0] + "-" + runs[1]
            }
        }
        return nil
    }

    /// Whether `text` contains a Han character.
    static func hasHan(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
    }

    /// Whether `text` has a run of 3 or more ASCII letters with a lower-case one (an English word,
    /// not "ok", "B3" or the `REP` of a record ID).
    static func hasEnglishWord(_ text: String) -> Bool {
        var run = 0
        var lower = false
        for scalar in text.unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") {
                run += 1
                lower = lower || scalar >= "a"
                if run >= 3, lower { return true }
            } else {
                run = 0
                lower = false
            }
        }
        return false
    }
}
