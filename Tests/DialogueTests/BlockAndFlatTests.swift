import Foundation
import FrontDeskContent
import FrontDeskModel
import Testing

@testable import FrontDeskDialogue
@testable import FrontDeskMatching

/// The block and flat the matcher reads into `Entities.blockAndFlat` is the one `SlotText.blockAndFlat` read from the
/// dialogue's lower-cased text before it moved: the old reader is kept here, verbatim, as the reference, and both read
/// every resident line of the QA and held-out dialogues and text made to defeat the shortcuts.
@Suite("The matcher's block and flat is the dialogue's old one")
struct BlockAndFlatTests {
    static let crafted = [
        "5栋1101", "5座1101", "5栋1101室", "block 5 flat 1101", "Block 5, flat 1101", "5栋1单元1101", "8栋1801，厨房水龙头关不紧，电话138",
        "8栋1801，9栋1702", "我住5棟1101", "５栋１１０１", "5 栋 1101", "1101 5栋", "1501", "15栋01", "3栋2单元501厨房水管漏水了",
        "電話 0571-8888 6666 5座1101", "5\u{301}栋1101", "5栋1101\u{301}", "𝟓栋1101", "5栋\u{F967}1101", "５座１１０１室",
        "block 12 flat 3401, no hot water", "BLOCK 5 FLAT 1101", "building 3 room 0501", "5栋1101；厨房", "5栋1101;厨房",
        "5栋1101。漏水", "5栋11012", "5栋110", "", "5", "没有数字", "5栋1101 and 6栋1202",
    ]

    /// Every resident line (`> …`) of the repository's dialogue files.
    static let residentLines: [String] = {
        var lines: [String] = []
        let root = URL(fileURLWithPath: Fixture.root)
        guard let names = try? FileManager.default.subpathsOfDirectory(atPath: root.path) else { return [] }
        for name in names where name.hasPrefix("transcripts") && name.hasSuffix(".dialogue") {
            guard let text = try? String(contentsOfFile: root.path + "/" + name, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") where line.hasPrefix("> ") { lines.append(String(line.dropFirst(2))) }
        }
        return lines
    }()

    @Test func theDialoguesHaveLines() {
        #expect(Self.residentLines.count > 1000)
        #expect(Self.residentLines.contains { Self.reference(Engine.lowercased($0), Fixture.catalog.dialogue) != nil })
    }

    @Test func sameAsTheOldReader() {
        let matcher = Matcher(catalog: Fixture.catalog)
        let now = Date(timeIntervalSince1970: 1_764_000_000)
        var found = 0
        for text in Self.crafted + Self.residentLines {
            let trimmed = Engine.trimmingWhitespace(text)
            let classification = matcher.classify(trimmed, now: now, utcOffset: 28_800)
            let base = classification.normalized.isEmpty ? trimmed : classification.normalized
            let expected = Self.reference(Engine.lowercased(base), Fixture.catalog.dialogue)
            #expect(classification.entities.blockAndFlat == nil)  // classifying alone reads none
            let got = classification.entities.unit == nil
                ? matcher.entityExtractor.blockAndFlat(in: Engine.lowercased(base)) : nil
            // With a unit the dialogue never read a block and flat; the matcher reads none.
            if classification.entities.unit != nil {
                #expect(got == nil, "\(text.debugDescription)")
                continue
            }
            #expect(got?.block == expected?.block && got?.room == expected?.room, "\(text.debugDescription)")
            if expected != nil { found += 1 }
        }
        #expect(found >= 10)
    }

    @Test func readsTheCraftedForms() {
        let extractor = Matcher(catalog: Fixture.catalog).entityExtractor
        #expect(extractor.blockAndFlat(in: "5栋1101") == BlockAndFlat(block: "5", room: "1101"))
        #expect(extractor.blockAndFlat(in: "block 5 flat 1101") == BlockAndFlat(block: "5", room: "1101"))
        #expect(extractor.blockAndFlat(in: "5栋1单元1101") == nil)
        #expect(extractor.blockAndFlat(in: "1501") == nil)
        #expect(extractor.blockAndFlat(in: "8栋1801，厨房水龙头关不紧") == BlockAndFlat(block: "8", room: "1801"))
    }

    /// Lists no real content has (an empty marker, markers that are not plain text) read as the old reader reads them.
    @Test func sameAsTheOldReaderForOtherLists() {
        let markerLists: [[String]] = [
            ["栋", "座", "block"], [""], ["栋", ""], ["\u{F967}", "栋"], ["façade", "𨋢"], ["5\u{301}"], [],
        ]
        for markers in markerLists {
            for entrance in [[], ["单元"], [""], ["entrance"]] {
                let lexicon = DialogueLexicon(lists: [.blockMarkers: markers, .entranceMarkers: entrance])
                let reader = BlockAndFlatReader(blockMarkers: markers, entranceMarkers: entrance)
                for text in Self.crafted + ["5\u{F967}1101", "不5栋1101", "5façade1101", "5𨋢1101", "1101 5", "5 1101"] {
                    let lower = Engine.lowercased(text)
                    let expected = Self.reference(lower, lexicon)
                    let got = reader.read(lower)
                    #expect(
                        got?.block == expected?.block && got?.room == expected?.room,
                        "\(text.debugDescription) with \(markers) / \(entrance)")
                }
            }
        }
    }

    // MARK: - The reader as it was in SlotText (311efe0), the reference.

    static func reference(_ lower: String, _ words: DialogueLexicon) -> (block: String, room: String)? {
        if let found = referenceIn(lower, words) { return found }
        let clauses = lower.split(whereSeparator: { ["，", ",", "。", "；", ";"].contains($0) }).map(String.init)
        guard clauses.count > 1 else { return nil }
        let found = clauses.compactMap { referenceIn($0, words) }
        return found.count == 1 ? found[0] : nil
    }

    private static func referenceIn(_ lower: String, _ words: DialogueLexicon) -> (block: String, room: String)? {
        let runs = EntityExtractor.runsOutsidePhones(lower)
        guard runs.count == 2, !words[.entranceMarkers].contains(where: { lower.contains($0) }) else { return nil }
        func isBlock(_ run: String) -> Bool {
            guard run.count <= 2 else { return false }
            var start = lower.startIndex
            while let range = lower.range(of: run, range: start..<lower.endIndex) {
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
}
