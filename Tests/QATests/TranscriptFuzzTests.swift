import Foundation
import FrontDeskDialogue
import FrontDeskJournal
import FrontDeskModel
import FrontDeskQA
import Testing

/// SplitMix64: a seeded generator, so a failing case can be reproduced.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Transcript fuzz")
struct TranscriptFuzzTests {
    static let pieces: [String] = [
        "\"", "\\", "\\\"", "\n", "\r\n", "\t", "\u{0}", "\u{1}", "\u{1B}[31m", "\u{7F}", "\u{85}", "\u{2028}",
        "\u{2029}",
        "😀", "👨‍👩‍👧", "🇨🇳", "e\u{301}", "漏水", "樓", "3栋2单元501", "13812345678", "0571-88886666", "91234567",
        "REP-20261122-0001", "{\"reply\":1}", "</script>", "%s%n", "\u{FEFF}", "\u{FFFD}", " ", "a", "1",
    ]

    static func hostileTexts() -> [String] {
        var generator = SeededGenerator(state: 20_261_122)
        var texts = pieces
        for _ in 0..<150 {
            let count = Int.random(in: 1...12, using: &generator)
            texts.append((0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for _ in 0..<20 {
            let scalars = (0..<Int.random(in: 1...40, using: &generator)).compactMap { _ in
                Unicode.Scalar(UInt32.random(in: 0...0x2FFFF, using: &generator))
            }
            texts.append(String(String.UnicodeScalarView(scalars)))
        }
        texts.append(String(repeating: "长文本\"\\ ", count: 2000))  // about 10 KB
        texts.append(String(repeating: "x", count: 10_240))
        return texts
    }

    @Test("hostile resident text round-trips through a real transcript file, masked, byte for byte")
    func roundTrip() throws {
        let scratch = try ScratchDirectory(label: "fuzz")
        defer { scratch.remove() }
        let writer = try TranscriptWriter(directory: scratch.path)
        defer { writer.close() }
        let store = InMemoryRecordStore()
        let clock = FixedClock(CivilTime(year: 2026, month: 11, day: 22, hour: 10, offset: 28_800).date)
        let engine = Engine(catalog: try Repo.catalog(), estate: try Repo.estate(), store: store, clock: clock)
        let texts = Self.hostileTexts()
        var conversation = Conversation(
            engine: engine, sessionID: "fuzz", channel: .test, peer: "fuzz", transcripts: writer)
        for text in texts { _ = conversation.handle(text) }
        writer.close()

        let file = scratch.path + "/2026-11-22.jsonl"
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        #expect(lines.last?.isEmpty == true, "the file ends with a newline")
        #expect(lines.count - 1 == texts.count * 2, "one line per event")
        for line in lines.dropLast() {
            let json = try JSON.parse(line)
            #expect(json.object != nil)
        }
        var resident: [String] = []
        let skipped = try TranscriptReader.forEachEvent(paths: [file]) { event in
            if event.role == .resident { resident.append(event.text) }
        }
        #expect(skipped == 0)
        let expected = texts.map { PhoneMask.mask($0, except: engine.publicPhoneNumbers) }
        #expect(resident.count == expected.count)
        for (index, (stored, original)) in zip(resident, expected).enumerated() where stored != original {
            Issue.record(
                "text \(index) differs: stored \(stored.debugDescription), expected \(original.debugDescription)")
        }
        #expect(expected.contains { $0.contains("138****5678") }, "phones are masked in what is stored")
        #expect(resident.contains { $0 == "138****5678" }, "a bare phone is stored masked")
    }
}
