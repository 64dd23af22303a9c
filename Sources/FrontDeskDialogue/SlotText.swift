import FrontDeskContent
import FrontDeskMatching
import FrontDeskModel

/// Whether a message names a building by its number, read with the dialogue lexicon's block markers. Units, phones,
/// dates, record IDs and a block and flat without the entrance (`Entities.blockAndFlat`) come from
/// `Classification.entities`; bare numbers and phone tails from the matcher's `EntityExtractor.digitRuns` /
/// `phoneTail`; English words from `Normalizer.englishWordCount`.
enum SlotText {
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
