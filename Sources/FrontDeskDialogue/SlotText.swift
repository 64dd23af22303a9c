import FrontDeskContent
import FrontDeskModel

/// Content-free readings of a slot answer where the matcher's entities have nothing to say: the digit
/// runs of a bare "30" or "5678", and the script signals of a line. Units, phones, dates and record IDs
/// come from `Classification.entities`, never from here; the words come from the dialogue lexicon.
enum SlotText {
    /// The runs of ASCII digits in `text`, in order.
    static func digitRuns(_ text: String) -> [String] {
        var runs: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar >= "0" && scalar <= "9" {
                current.unicodeScalars.append(scalar)
            } else if scalar.value >= 0xFF10, scalar.value <= 0xFF19, let ascii = Unicode.Scalar(scalar.value - 0xFF10 + 0x30) {
                current.unicodeScalars.append(ascii)  // full-width digits (５６７８) are digits too
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

    /// The 4 digits of a phone tail: a run of exactly 4, or the last 4 of a whole phone number
    /// ("尾号5678", "last four 5678", "ending in 5678", "13812345678").
    /// `excluding` is the room of a flat named in the same message, which is not a tail.
    static func phoneTail(_ text: String, excluding room: String? = nil) -> String? {
        let runs = digitRuns(text).filter { $0 != room }
        if let four = runs.last(where: { $0.count == 4 }) { return four }
        if runs.count == 1, let long = runs.first, long.count >= 8 { return String(long.suffix(4)) }
        return nil
    }

    /// A block and flat without the entrance ("5座1101", "5栋1101室", "block 5 flat 1101"): the two numbers
    /// joined by the lexicon's block marker, `nil` when the text is not of that form.
    static func blockAndFlat(_ lower: String, _ words: DialogueLexicon) -> (block: String, room: String)? {
        if let found = blockAndFlatIn(lower, words) { return found }
        // "8栋1801，厨房水龙头关不紧，电话138…": the clause that names them, when the message says more.
        let clauses = lower.split { "，,。；;".contains($0) }.map(String.init)
        guard clauses.count > 1 else { return nil }
        let found = clauses.compactMap { blockAndFlatIn($0, words) }
        return found.count == 1 ? found[0] : nil
    }

    /// The digit runs of `text` without those of a number written in groups ("136 6627 4803", "0571-8888-6666"):
    /// runs joined only by spaces or dashes that hold seven digits or more in all are a phone, not a block or a room.
    static func runsOutsidePhones(_ text: String) -> [String] {
        var kept: [String] = []
        var group: [String] = []
        var current = ""
        var joiner = false
        func closeGroup() {
            if group.count >= 2, group.joined().count >= 7 { group = [] }
            kept += group
            group = []
        }
        for character in text {
            if let digit = character.wholeNumberValue, character.isASCII || character.unicodeScalars.first!.value >= 0xFF10 {
                current.append(String(digit))
                joiner = false
                continue
            }
            if !current.isEmpty {
                group.append(current)
                current = ""
            }
            if character == " " || character == "-" {
                if joiner { closeGroup() }  // two separators in a row end the group
                joiner = true
            } else {
                closeGroup()
                joiner = false
            }
        }
        if !current.isEmpty { group.append(current) }
        closeGroup()
        return kept
    }

    private static func blockAndFlatIn(_ lower: String, _ words: DialogueLexicon) -> (block: String, room: String)? {
        let runs = runsOutsidePhones(lower)
        guard runs.count == 2, !TextMatch.containsAny(lower, words[.entranceMarkers]) else { return nil }
        func isBlock(_ run: String) -> Bool {
            guard run.count <= 2 else { return false }
            // Every occurrence of the run that stands alone (the "5" of "block 5", not the one inside "1501").
            var start = lower.startIndex
            while let range = TextMatch.range(of: run, in: lower, from: start) {
                start = range.upperBound
                let after = lower[range.upperBound...]
                let before = lower[..<range.lowerBound]
                let isDigit: (Character?) -> Bool = { $0.map { $0.isASCII && $0.isNumber } ?? false }
                if isDigit(after.first) || isDigit(before.last) { continue }
                if words[.blockMarkers].contains(where: { after.hasPrefix($0) || before.hasSuffix($0) }) { return true }
            }
            return false
        }
        for (block, room) in [(runs[0], runs[1]), (runs[1], runs[0])]
        where isBlock(block) && (3...4).contains(room.count) {
            return (block, room)
        }
        return nil
    }

    /// Whether the message names a building by its number ("7号楼", "6座", "block 11", "building 3"): a digit run of at
    /// most two digits with a block marker right after or right before it.
    static func hasBlockNumber(_ lower: String, _ words: DialogueLexicon) -> Bool {
        var searchStart = lower.startIndex
        for run in digitRuns(lower) {
            guard let range = TextMatch.range(of: run, in: lower, from: searchStart) else { continue }
            searchStart = range.upperBound
            guard run.count <= 2 else { continue }
            let after = lower[range.upperBound...]
            let before = lower[..<range.lowerBound]
            if words[.blockMarkers].contains(where: { after.hasPrefix($0) || before.hasSuffix($0) }) { return true }
        }
        return false
    }

    /// Whether `text` contains a Han character.
    static func hasHan(_ text: String) -> Bool {
        text.unicodeScalars.contains { Han.isIdeograph($0.value) }
    }

    /// The English words of `text`: runs of 2 or more ASCII letters with a lower-case one (not "OK",
    /// "B3" or the `REP` of a record ID).
    static func englishWords(_ text: String) -> Int {
        var count = 0
        var run = 0
        var lower = false
        func end() {
            if run >= 2, lower { count += 1 }
            run = 0
            lower = false
        }
        for scalar in text.unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") {
                run += 1
                lower = lower || scalar >= "a"
            } else {
                end()
            }
        }
        end()
        return count
    }

    /// Whether `text` has an English word of 3 or more letters.
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
