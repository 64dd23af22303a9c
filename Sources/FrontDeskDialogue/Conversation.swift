import Foundation
import FrontDeskContent
public import FrontDeskModel

/// One session bound to a channel and a transcript sink: what stdio chat, the TCP server,
/// scripted dialogues and replay all drive. Each turn writes a resident event and a bot event.
///
/// Not thread-safe: one conversation is driven by one caller at a time (the server serializes
/// the turns of a connection).
public struct Conversation: Sendable {
    /// The engine that answers every turn.
    public let engine: Engine
    /// The session's state after the last turn.
    public private(set) var state: SessionState
    /// Where the turns come from (`stdio`, `tcp`, `test`).
    public let channel: Channel
    /// `stdin`, or the client's `address:port`.
    public let peer: String
    /// Where the resident and bot events of each turn go.
    public let transcripts: any TranscriptSink
    private var seq = 0
    /// Numbers never masked in transcripts: the office's own public lines.
    private let publicNumbers: Set<String>
    /// The last time string `now()` wrote and the whole second (since 1970) it is of: turns within one second share it.
    private var lastTime: (second: Int, text: String)?

    /// A new session `sessionID` on `channel` from `peer`, writing its turns to `transcripts`.
    public init(engine: Engine, sessionID: String, channel: Channel, peer: String, transcripts: any TranscriptSink) {
        self.engine = engine
        self.state = engine.startSession(id: sessionID)
        self.channel = channel
        self.peer = peer
        self.transcripts = transcripts
        self.publicNumbers = engine.publicPhoneNumbers
    }

    /// The session's ID.
    public var sessionID: String { state.id }

    /// What a turn changes in a conversation: its session state, the transcript's sequence number and the cached
    /// time string. Taken before a turn that may have to be undone (an inline turn whose writes are refused or fail:
    /// issue 12), restored with `restore(_:)`; cheaper than copying the whole conversation (its engine included).
    public struct Checkpoint: Sendable {
        fileprivate let state: SessionState
        fileprivate let seq: Int
        fileprivate let lastTime: (second: Int, text: String)?
    }

    /// The conversation as it is now, to `restore(_:)` after a turn that must be undone.
    public var checkpoint: Checkpoint { Checkpoint(state: state, seq: seq, lastTime: lastTime) }

    /// Undoes every turn since `checkpoint` was taken (their transcript events are the caller's to drop).
    public mutating func restore(_ checkpoint: Checkpoint) {
        state = checkpoint.state
        seq = checkpoint.seq
        lastTime = checkpoint.lastTime
    }

    /// The greeting, recorded as the session's first bot turn.
    public mutating func greet() -> String {
        let text = engine.greeting(for: state)
        record(role: .bot, text: text, output: nil, time: now())
        return text
    }

    /// Handles one resident line (already validated UTF-8 without control characters).
    public mutating func handle(_ line: String) -> TurnOutput {
        let output = engine.respond(to: line, state: &state)
        let time = now()  // both events of a turn carry the same time
        record(role: .resident, text: line, output: output, time: time)
        record(role: .bot, text: output.reply, output: output, time: time)
        return output
    }

    /// Handles one resident line as `handle(_:)` does, letting `present` change what the resident
    /// is shown before it is recorded (a live hand-off's queue notice, SPEC 8.3); `present` returns
    /// the transcript's `handoff` mark for the bot turn, or `nil` when it changed nothing.
    public mutating func handle(
        _ line: String, present: (_ before: SessionState, _ after: SessionState, inout TurnOutput) -> String?
    ) -> TurnOutput {
        let before = state
        var output = engine.respond(to: line, state: &state)
        let mark = present(before, state, &output)
        let time = now()
        record(role: .resident, text: line, output: output, time: time)
        record(role: .bot, text: output.reply, output: output, time: time, handoff: mark)
        return output
    }

    /// Records a turn of a live hand-off that the bot did not answer (SPEC 8.3): a resident line
    /// that went to the operators, an operator's line, or what the desk said on its own.
    public mutating func recordHandoff(role: Role, text: String, operator name: String? = nil, mark: String) {
        seq += 1
        var event = TranscriptEvent(
            time: now(), session: state.id, seq: seq, channel: channel.rawValue, peer: peer, role: role,
            text: PhoneMask.mask(text, except: publicNumbers), language: state.language.rawValue)
        event.operatorName = name
        event.handoff = mark
        transcripts.append(event)
    }

    /// A person hands the session back: the bot greets again and offers to resume (recorded with
    /// the mark `released`).
    public mutating func resumeAfterPerson() -> TurnOutput {
        let output = engine.resumeAfterPerson(&state)
        record(role: .bot, text: output.reply, output: output, time: now(), handoff: "released")
        return output
    }

    /// The clock's time in the estate's offset, as transcripts write it.
    /// The string is made once per second of the clock (`CivilTime` reads the whole second only).
    private mutating func now() -> String {
        let date = engine.clock.now()
        let second = Int(date.timeIntervalSince1970.rounded(.down))
        if let lastTime, lastTime.second == second { return lastTime.text }
        let text = CivilTime(date, offset: engine.estate.utcOffset).iso8601
        lastTime = (second, text)
        return text
    }

    private mutating func record(
        role: Role, text: String, output: TurnOutput?, time: String, handoff: String? = nil
    ) {
        seq += 1
        var event = TranscriptEvent(
            time: time, session: state.id, seq: seq, channel: channel.rawValue, peer: peer, role: role,
            text: PhoneMask.mask(text, except: publicNumbers))
        event.handoff = handoff
        if let output {
            event.intent = output.intent?.rawValue
            event.language = output.language.rawValue
            if role == .resident {
                event.confidence = output.confidence
            } else {
                event.awaiting = output.awaiting?.rawValue
                event.slots = Conversation.masked(output.slots, except: publicNumbers)
                event.record = output.record
                event.choices = output.choices.map(\.rawValue)
            }
        }
        transcripts.append(event)
    }

    private static func masked(_ slots: JSONObject, except: Set<String>) -> JSONObject {
        let hasNumber = slots.contains { _, value in
            if case .string(let text) = value { return PhoneMask.hasLongDigitRun(text) }
            return false
        }
        guard hasNumber else { return slots }  // nothing to mask: the same object
        var out = JSONObject()
        for (key, value) in slots {
            if case .string(let text) = value {
                out.append(key, .string(PhoneMask.mask(text, except: except)))
            } else {
                out.append(key, value)
            }
        }
        return out
    }
}
