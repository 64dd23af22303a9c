import FrontDeskContent
import FrontDeskModel

/// A block and flat said without the entrance ("5栋1101", "5座1101室", "block 5 flat 1101"): the block's number and the
/// room's, as the resident wrote them. The dialogue asks which entrance (or takes the only flat of that form).
public struct BlockAndFlat: Sendable, Equatable {
    public var block: String
    public var room: String

    /// A block and flat of these numbers.
    public init(block: String, room: String) {
        self.block = block
        self.room = room
    }
}

/// Reads a block and flat without the entrance with the dialogue lexicon's block and entrance markers
/// (`intents/dialogue.json`: `block_markers`, `entrance_markers`), on the lower-cased normalized text the dialogue
/// reads (`TextMatch.lowercased`). Built once with the extractor; it holds no other state.
struct BlockAndFlatReader: Sendable {
    let blockMarkers: [String]
    let entranceMarkers: [String]
    /// `blockMarkers` as bytes, for the shortcut of plain text; `nil` when a marker is empty (beside every run).
    private let plainBlockMarkers: TextMatch.PlainWords?

    init(blockMarkers: [String], entranceMarkers: [String]) {
        self.blockMarkers = blockMarkers
        self.entranceMarkers = entranceMarkers
        plainBlockMarkers = blockMarkers.contains("") ? nil : TextMatch.PlainWords(blockMarkers)
    }

    /// The two numbers joined by a block marker, `nil` when the text is not of that form; when the message says more
    /// ("8栋1801，厨房水龙头关不紧，电话138…"), the one clause that names them.
    func read(_ lower: String) -> BlockAndFlat? {
        guard mayHold(lower) else { return nil }
        if let found = readClause(lower) { return found }
        let clauses = lower.split(whereSeparator: Self.isClauseBreak).map(String.init)
        guard clauses.count > 1 else { return nil }
        let found = clauses.compactMap { readClause($0) }
        return found.count == 1 ? found[0] : nil
    }

    /// `false` when `read` cannot find a block and flat in `lower`: plain text (`Han.isPlain`) with fewer than two runs
    /// of ASCII or full-width digits (a clause has no run the whole text lacks), or without a block marker (a block
    /// is a run with one beside it). Other text is always read in full (`runsOutsidePhones` takes any digit
    /// character there).
    private func mayHold(_ lower: String) -> Bool {
        var copy = lower
        let runs: Int? = copy.withUTF8 { bytes in
            guard Han.isPlain(bytes) else { return nil }
            var runs = 0
            var inRun = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var isDigit = byte >= 0x30 && byte <= 0x39
                var width = 1
                if byte >= 0x80 {
                    width = 3  // plain text: every other character is 3 bytes
                    // ０–９: EF BC 90 … EF BC 99.
                    isDigit = byte == 0xEF && index + 2 < bytes.count && bytes[index + 1] == 0xBC
                        && (0x90...0x99).contains(bytes[index + 2])
                }
                if isDigit, !inRun { runs += 1 }
                inRun = isDigit
                index += width
            }
            return runs
        }
        guard let runs else { return true }
        return runs >= 2 && plainBlockMarkers?.anyOccurs(in: lower) != false
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

    private func readClause(_ lower: String) -> BlockAndFlat? {
        let runs = EntityExtractor.runsOutsidePhones(lower)
        guard runs.count == 2, !TextMatch.containsAny(lower, entranceMarkers) else { return nil }
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
                if blockMarkers.contains(where: { after.hasPrefix($0) || before.hasSuffix($0) }) { return true }
            }
            return false
        }
        for (block, room) in [(runs[0], runs[1]), (runs[1], runs[0])]
        where isBlock(block) && (3...4).contains(room.count) {
            return BlockAndFlat(block: block, room: room)
        }
        return nil
    }
}
