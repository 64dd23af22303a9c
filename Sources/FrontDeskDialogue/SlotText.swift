import FrontDeskContent
import FrontDeskMatching
import FrontDeskModel

/// A block and flat said without the entrance, read with the dialogue lexicon's block markers. Units, phones, dates
/// and record IDs come from `Classification.entities`; bare numbers and phone tails from the matcher's
/// `EntityExtractor.digitRuns` / `phoneTail`; English words from `Normalizer.englishWordCount`.
enum SlotText {
    /// A block and flat without the entrance ("5座1101", "5栋1101室", "block 5 flat 1101"): the two numbers
    /// joined by the lexicon's block marker, `nil` when the text is not of that form.
    static func blockAndFlat(_ lower: String, _ words: DialogueLexicon) -> (block: String, room: String)? {
        if let found = blockAndFlatIn(lower, words) { return found }
        // "8栋1801，厨房水龙头关不紧，电话138…": the clause that names them, when the message says more.
        let clauses = lower.split(whereSeparator: isClauseBreak).map(String.init)
        guard clauses.count > 1 else { return nil }
        let found = clauses.compactMap { blockAndFlatIn($0, words) }
        return found.count == 1 ? found[0] : nil
    }

    /// The marks that end the clause naming a flat: `，,。；;` (a switch, not a search of a string of them per character).
    /// One-byte and plain wide characters (`Han.isPlainWide`: no other character is canonically equivalent to one) are
    /// told by their scalar, without comparing characters.
    private static func isClauseBreak(_ character: Character) -> Bool {
        let utf8 = character.utf8
        var iterator = utf8.makeIterator()
        if let lead = iterator.next() {
            if lead < 0x80, utf8.count == 1 { return lead == 0x2C || lead == 0x3B }  // , ;
            if lead >= 0xE0, lead < 0xF0, utf8.count == 3, let second = iterator.next(), let third = iterator.next() {
                let scalar = (UInt32(lead & 0x0F) << 12) | (UInt32(second & 0x3F) << 6) | UInt32(third & 0x3F)
                if Han.isPlainWide(scalar) { return scalar == 0xFF0C || scalar == 0x3002 || scalar == 0xFF1B }  // ，。；
            }
        }
        return switch character {
        case "，", ",", "。", "；", ";": true
        default: false
        }
    }

    private static func blockAndFlatIn(_ lower: String, _ words: DialogueLexicon) -> (block: String, room: String)? {
        let runs = EntityExtractor.runsOutsidePhones(lower)
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
        for run in EntityExtractor.digitRuns(lower) {
            guard let range = TextMatch.range(of: run, in: lower, from: searchStart) else { continue }
            searchStart = range.upperBound
            guard run.count <= 2 else { continue }
            let after = lower[range.upperBound...]
            let before = lower[..<range.lowerBound]
            if words[.blockMarkers].contains(where: { after.hasPrefix($0) || before.hasSuffix($0) }) { return true }
        }
        return false
    }

}
