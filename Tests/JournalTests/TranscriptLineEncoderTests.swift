import FrontDeskModel
import Testing

@testable import FrontDeskJournal

/// `TranscriptLineEncoder` writes exactly `TranscriptEvent.json.serialized`, field by field.
@Suite struct TranscriptLineEncoderTests {
    static let texts =
        TranscriptTests.hostile + ["\u{2027}\u{2028}x\u{E2}", "a\u{1F}b\u{7F}c\u{80}d", "\u{E000}\u{FFFF}"]

    static func variants(_ text: String) -> [TranscriptEvent] {
        var resident = TranscriptEvent(
            time: "2026-11-22T10:03:00+08:00", session: "s-\(text.utf8.count)", seq: 1, channel: "tcp",
            peer: "[::1]:5000", role: .resident, text: text)
        var events = [resident]
        resident.intent = "repair"
        resident.confidence = 0.87654
        resident.language = "zh-Hans"
        resident.seq = 1_234_567
        events.append(resident)
        resident.confidence = 1
        resident.seq = 10
        events.append(resident)
        var bot = TranscriptEvent(
            time: text, session: text, seq: 999_999_999_999_999, channel: text, peer: text, role: .bot, text: text)
        events.append(bot)
        bot.seq = 1_000_000_000_000_000
        bot.intent = text
        bot.language = "en"
        bot.awaiting = "confirm"
        bot.slots = JSONObject([("unit", .string("3-2-501")), (text, .string(text)), ("n", .number(2.5)), ("x", .null)])
        bot.record = RecordReference(id: "REP-20261122-0001", type: "repair", status: "open")
        bot.choices = ["repair", text]
        events.append(bot)
        bot.seq = -3
        bot.confidence = 0.1
        bot.choices = []
        bot.slots = JSONObject()
        events.append(bot)
        return events
    }

    @Test(arguments: texts)
    func encoderMatchesTheModelSerialization(text: String) {
        for event in Self.variants(text) {
            var fast: [UInt8] = [0x41]
            TranscriptLineEncoder.write(event, to: &fast)
            #expect(fast == [0x41] + Array(event.json.serialized.utf8), "seq \(event.seq)")
        }
    }

    @Test("a line begun with the previous line's identity bytes is the model's serialization too")
    func reusedHeadMatchesTheModelSerialization() {
        var events: [TranscriptEvent] = []
        for (i, text) in Self.texts.enumerated() {
            var event = TranscriptEvent(
                time: "2026-11-22T10:03:0\(i % 3)+08:00", session: i % 4 == 0 ? text : "s-\(i / 2)", seq: 9,
                channel: "tcp", peer: i % 5 == 0 ? "[::1]:\(i)" : "127.0.0.1:5000", role: .resident, text: text)
            events.append(event)
            event.role = .bot
            event.seq = 10  // one more digit: the identity after it moves
            event.language = "en"
            events.append(event)
            event.seq = 1_234_567
            events.append(event)
            if i % 7 == 3 {
                event.handoff = "held"  // the rare path, in between
                events.append(event)
            }
        }
        let scratch = TranscriptScratch()
        var reused = 0
        var head = TranscriptLineEncoder.Head()
        for (index, event) in events.enumerated() {
            if head.matches(event) { reused += 1 }
            let line = scratch.encode(event)
            #expect(Array(line.bytes) == Array(event.json.serialized.utf8), "event \(index)")
            head.time = event.time
            head.session = event.session
            head.channel = event.channel
            head.peer = event.peer
            head.line = line
        }
        #expect(reused >= events.count / 2)  // the reuse path was taken, not only the first
    }

    @Test func confidencesAreWrittenAsTheModelWritesThem() {
        var confidences = (0...1000).map { Double($0) / 1000 }
        confidences += [0.87654, 0.9995, 0.0004, 0.0005, -0.2, 1.5, 12_345.678, .nan, .infinity, 1e-9]
        for confidence in confidences {
            var event = TranscriptEvent(
                time: "2026-11-22T10:03:00+08:00", session: "s-1", seq: 7, channel: "tcp", peer: "p",
                role: .resident, text: "你好", intent: "greeting", language: "zh-Hans")
            event.confidence = confidence
            var fast: [UInt8] = []
            TranscriptLineEncoder.write(event, to: &fast)
            #expect(fast == Array(event.json.serialized.utf8), "confidence \(confidence)")
        }
    }

    @Test func longTextWithEscapesAtEveryOffset() {
        for offset in 0..<24 {
            for special in ["\"", "\\", "\n", "\u{1}", "\u{7F}", "\u{2028}", "\u{2029}", "\u{2027}", "“"] {
                let text = String(repeating: "a", count: offset) + special + String(repeating: "长", count: offset % 5)
                let event = TranscriptEvent(
                    time: "t", session: "s", seq: 1, channel: "c", peer: "p", role: .bot, text: text)
                var fast: [UInt8] = []
                TranscriptLineEncoder.write(event, to: &fast)
                #expect(fast == Array(event.json.serialized.utf8), "offset \(offset)")
            }
        }
    }
}
