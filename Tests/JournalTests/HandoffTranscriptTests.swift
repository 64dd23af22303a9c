import FrontDeskModel
import Testing

@testable import FrontDeskJournal

/// Hand-off events (SPEC 8.3) in transcripts: written exactly as `TranscriptEvent.json`, read back whole.
@Suite struct HandoffTranscriptTests {
    static func events(_ text: String) -> [TranscriptEvent] {
        var say = TranscriptEvent(
            time: "2026-11-22T10:05:00+08:00", session: "s-1", seq: 7, channel: "tcp", peer: "127.0.0.1:5000",
            role: .operator, text: text, language: "zh-Hans")
        say.operatorName = text.isEmpty ? "xiaowang" : text
        say.handoff = "say"
        var held = TranscriptEvent(
            time: "2026-11-22T10:05:01+08:00", session: "s-1", seq: 8, channel: "tcp", peer: "127.0.0.1:5000",
            role: .resident, text: text)
        held.handoff = "held"
        var callback = TranscriptEvent(
            time: "2026-11-22T20:00:00+08:00", session: "s-2", seq: 3, channel: "tcp", peer: "", role: .bot, text: text,
            intent: "handoff", awaiting: "phone")
        callback.handoff = "callback"
        return [say, held, callback]
    }

    @Test(arguments: TranscriptTests.hostile + ["", "【客服 小王】您好"])
    func encodedAsTheJSONWriterDoesAndReadBack(_ text: String) throws {
        for event in Self.events(text) {
            var bytes: [UInt8] = []
            TranscriptLineEncoder.write(event, to: &bytes)
            let line = String(decoding: bytes, as: UTF8.self)
            #expect(line == event.json.serialized)
            let back = try #require(TranscriptEvent(json: try JSON.parse(line)))
            #expect(back == event)
        }
    }

    @Test func whichEventsReplayCheckSkips() {
        let kinds = Self.events("x").map(\.isHandoff)
        #expect(kinds == [true, true, false])  // the callback turn is the bot's own and is compared
    }
}
