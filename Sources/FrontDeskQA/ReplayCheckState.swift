import FrontDeskContent
import FrontDeskDialogue
import FrontDeskModel

/// The sessions being re-run by `ReplayChecker`, fed one event at a time in file order.
struct ReplayCheckState {
    let engine: Engine
    let clock: ManualClock
    var result = ReplayCheckResult()
    private var sessions: [String: SessionReplay] = [:]

    struct SessionReplay {
        var conversation: Conversation
        var pending: TranscriptEvent?
        var sawTurn = false
        var lastSeq = 0
    }

    init(engine: Engine, clock: ManualClock) {
        self.engine = engine
        self.clock = clock
    }

    mutating func feed(_ event: TranscriptEvent) {
        // A sequence number that does not go up means another run reused the session ID
        // (`chat --now` always starts at s-1): that is a new session.
        var session = sessions[event.session].flatMap { $0.lastSeq < event.seq ? $0 : nil } ?? newSession(event)
        session.lastSeq = event.seq
        defer { sessions[event.session] = session }
        if let time = CivilTime.parse(event.time, defaultOffset: engine.estate.utcOffset) { clock.set(time.date) }
        if event.isHandoff {
            replayHandoff(event, &session)
            return
        }
        switch event.role {
        case .operator:
            break
        case .resident:
            session.pending = event
            session.sawTurn = true
        case .bot:
            if let resident = session.pending {
                session.pending = nil
                if let time = CivilTime.parse(resident.time, defaultOffset: engine.estate.utcOffset) {
                    clock.set(time.date)
                }
                let (text, masked) = ReplayChecker.standIn(for: resident.text)
                let output = session.conversation.handle(text)
                compare(event, output, masked: masked)
            } else if !session.sawTurn {
                session.sawTurn = true
                let greeting = session.conversation.greet()
                compareText(event, field: "greeting", now: greeting, masked: false)
            }
        }
    }

    /// A turn of a live hand-off is not compared (a person's part, or what the desk said on its
    /// own), but the engine state follows it: the queued hand-off turn is re-run, a release resumes.
    private func replayHandoff(_ event: TranscriptEvent, _ session: inout SessionReplay) {
        guard event.role == .bot else { return }
        switch event.handoff {
        case "queued":
            if let resident = session.pending {
                session.pending = nil
                if let time = CivilTime.parse(resident.time, defaultOffset: engine.estate.utcOffset) {
                    clock.set(time.date)
                }
                _ = session.conversation.handle(ReplayChecker.standIn(for: resident.text).0)
            }
        case "released":
            _ = session.conversation.resumeAfterPerson()
        default:
            break
        }
    }

    private func newSession(_ event: TranscriptEvent) -> SessionReplay {
        SessionReplay(
            conversation: Conversation(
                engine: engine, sessionID: event.session, channel: Channel(rawValue: event.channel) ?? .test,
                peer: event.peer, transcripts: NullTranscriptSink()))
    }

    private mutating func compare(_ recorded: TranscriptEvent, _ output: TurnOutput, masked: Bool) {
        var differences: [ReplayDifference] = []
        func differ(_ field: String, _ then: String, _ now: String) {
            differences.append(
                ReplayDifference(
                    session: recorded.session, seq: recorded.seq, field: field, recorded: then, now: now,
                    maskedInput: masked))
        }
        let publicNumbers = engine.publicPhoneNumbers
        let nowReply = ReplayChecker.normalizeIDs(PhoneMask.mask(output.reply, except: publicNumbers))
        let thenReply = ReplayChecker.normalizeIDs(recorded.text)
        if nowReply != thenReply { differ("reply", recorded.text, PhoneMask.mask(output.reply, except: publicNumbers)) }
        if recorded.intent != output.intent?.rawValue {
            differ("intent", recorded.intent ?? "none", output.intent?.rawValue ?? "none")
        }
        if recorded.awaiting != output.awaiting?.rawValue {
            differ("awaiting", recorded.awaiting ?? "none", output.awaiting?.rawValue ?? "none")
        }
        if recorded.record?.type != output.record?.type {
            differ("record type", recorded.record?.type ?? "none", output.record?.type ?? "none")
        }
        tally(differences, masked: masked)
    }

    private mutating func compareText(_ recorded: TranscriptEvent, field: String, now: String, masked: Bool) {
        let publicNumbers = engine.publicPhoneNumbers
        let masked_ = PhoneMask.mask(now, except: publicNumbers)
        if masked_ == recorded.text {
            tally([], masked: masked)
        } else {
            tally(
                [
                    ReplayDifference(
                        session: recorded.session, seq: recorded.seq, field: field, recorded: recorded.text,
                        now: masked_)
                ],
                masked: masked)
        }
    }

    private mutating func tally(_ differences: [ReplayDifference], masked: Bool) {
        if masked { result.maskedTurns += 1 }
        if differences.isEmpty {
            result.passed += 1
        } else {
            result.failed += 1
            result.differences.append(contentsOf: differences)
        }
    }
}
