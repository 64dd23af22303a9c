import FrontDeskContent
import FrontDeskDialogue
import FrontDeskJournal
import FrontDeskModel
import FrontDeskNet
import Synchronization

/// The office hours of the estate file (`08:30-17:30`, or several ranges separated by commas),
/// as minutes of the day.
struct OfficeHours: Sendable, Equatable {
    var ranges: [Range<Int>]

    /// Reads `HH:MM-HH:MM[, HH:MM-HH:MM…]`; an unreadable text means no hours (never open).
    init(_ text: String) {
        func minutes(_ part: Substring) -> Int? {
            let pieces = part.trimmingPrefix(" ").split(separator: ":")
            guard pieces.count == 2, let h = Int(pieces[0].filter { $0 != " " }),
                let m = Int(pieces[1].filter { $0 != " " }), (0...24).contains(h), (0..<60).contains(m)
            else { return nil }
            return h * 60 + m
        }
        ranges = text.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == ";" }).compactMap { range in
            let ends = range.split(separator: "-")
            guard ends.count == 2, let from = minutes(ends[0]), let to = minutes(ends[1]), from < to else { return nil }
            return from..<to
        }
    }

    /// Whether the desk is staffed at this local time.
    func contains(_ time: CivilTime) -> Bool {
        let minute = time.hour * 60 + time.minute
        return ranges.contains { $0.contains(minute) }
    }
}

/// What a resident session needs of the live hand-off.
struct HandoffLink: Sendable {
    let desk: HandoffDesk
    let hours: OfficeHours
}

/// One connection's conversation; `LineServer` calls it from one worker at a time, and with a
/// live hand-off the desk calls it from other threads too — everything mutable is behind `state`.
final class ConversationSession: LineSession, HandoffResident {
    private enum Phase {
        /// The bot answers.
        case bot
        /// In the queue; `callback` is the bot's own answer (the callback flow), shown if nobody comes.
        case waiting(callback: TurnOutput)
        /// An operator holds the session.
        case held(String)
        case closed
    }

    private struct State {
        var conversation: Conversation
        var phase = Phase.bot
        /// The last lines of the conversation (`resident: …`, `bot: …`) for the queue.
        var history: [String] = []
        /// The `--json` reply's bytes, reused from turn to turn.
        var buffer: [UInt8] = []
    }

    /// Guards the conversation and the hand-off phase (the server's turns and the desk's calls).
    private let state: Mutex<State>
    private let json: Bool
    private let link: HandoffLink?
    private let outlet: LineOutlet?
    private let engine: Engine
    private let sessionID: String
    /// The journal an inline turn's writes are committed to without waiting (`InlineWrites`), or `nil`: such a turn
    /// is then refused on the loop and run again on a worker.
    private let deferredStore: (any DeferredCommitStore)?
    /// The writes and transcript events of the inline turn running now (one at a time: `LineSession`'s contract).
    private let writes = InlineWrites()

    init(
        conversation: Conversation, json: Bool, handoff: (link: HandoffLink, outlet: LineOutlet)? = nil,
        deferredStore: (any DeferredCommitStore)? = nil
    ) {
        self.engine = conversation.engine
        self.sessionID = conversation.sessionID
        self.deferredStore = deferredStore
        self.state = Mutex(State(conversation: conversation))
        self.json = json
        self.link = handoff?.link
        self.outlet = handoff?.outlet
    }

    func greeting() -> String? {
        let text = state.withLock { $0.conversation.greet() }  // recorded in the transcript in both modes
        return json ? nil : text
    }

    /// `--json`: the server's own line as a SPEC 2.1 object of this session (`error` names the kind). Reads only
    /// `json` and `sessionID` (constants): the event loop calls it while a turn may hold `state`.
    func serverLine(_ line: ServerLine, text: String) -> String {
        json ? ServerLineJSON.line(line, text: text, session: sessionID) : text
    }

    func handle(line: String) -> String? {
        state.withLock { s -> String? in
            guard let link, let outlet else {
                let output = s.conversation.handle(line)
                return render(output, &s.buffer)
            }
            switch s.phase {
            case .bot, .closed:
                return botTurn(line, &s, link, outlet)
            case .waiting:
                let screening = engine.screen(line, state: s.conversation.state)
                if screening.isCancel {
                    link.desk.withdraw(sessionID)
                    s.phase = .bot
                    let output = s.conversation.handle(line) { _, _, _ in "gave_up" }
                    outlet.send(render(output, &s.buffer))
                    return nil
                }
                return personTurn(line, screening, &s, link, outlet, mark: "waiting")
            case .held:
                let screening = engine.screen(line, state: s.conversation.state)
                return personTurn(line, screening, &s, link, outlet, mark: "held")
            }
        }
    }

    /// An inline turn (no live hand-off: the factory runs inline only then), under the `InlineTurn` guard; a turn
    /// that tried to write is undone (`.deferred`, run again by `handle(line:)` on a worker), else its reply is
    /// written straight into `reply`.
    func handleInline(line: String, reply: inout [UInt8]) -> InlineOutcome {
        guard link == nil else { return .deferred }
        return state.withLock { s -> InlineOutcome in
            let saved = s.conversation.checkpoint
            let (output, refused) = InlineTurn.attempt { s.conversation.handle(line) }
            if refused {
                s.conversation.restore(saved)
                return .deferred
            }
            write(output, to: &reply)
            return .replied
        }
    }

    /// An inline turn that runs once even when it writes (issue 12): its writes are kept by `writes` and committed
    /// to the journal without waiting; its transcript events are recorded and its reply sent through `later` once
    /// they are fsync'ed (SPEC 5: an ID is shown only then). No other call of the session comes meanwhile (the
    /// connection waits for the answer). If they fail, the turn is undone and the line runs again on a worker
    /// (`handle(line:)`: the journal's own error handling).
    func handleInline(line: String, reply: inout [UInt8], later: ReplyPort) -> InlineOutcome {
        guard link == nil else { return .deferred }
        guard let store = deferredStore else { return handleInline(line: line, reply: &reply) }
        return state.withLock { s -> InlineOutcome in
            let saved = s.conversation.checkpoint
            let (output, refused) = InlineTurn.attempt(collecting: writes) { s.conversation.handle(line) }
            if refused {
                _ = writes.take()
                s.conversation.restore(saved)
                return .deferred
            }
            if writes.isEmpty {
                write(output, to: &reply)
                return .replied
            }
            let (pending, events) = writes.take()
            var bytes: [UInt8] = []
            write(output, to: &bytes)
            // The committer only posts: the events are recorded on the loop, so the next batch's fsync is not held up.
            let transcripts = s.conversation.transcripts
            store.commit(pending) { [self, bytes] error in
                guard error == nil else {
                    state.withLock { $0.conversation.restore(saved) }
                    later.rerun(line)
                    return
                }
                later.reply(bytes) { for event in events { transcripts.append(event) } }
            }
            return .committing
        }
    }

    /// The reply's bytes: the `--json` object, or the text.
    private func write(_ output: TurnOutput, to bytes: inout [UInt8]) {
        if json {
            output.writeJSON(to: &bytes)
        } else {
            bytes.append(contentsOf: output.reply.utf8)
        }
    }

    /// A turn the bot answers; a request for a person during office hours, with someone on duty,
    /// joins the queue instead of the callback flow.
    private func botTurn(_ line: String, _ s: inout State, _ link: HandoffLink, _ outlet: LineOutlet) -> String? {
        var queued: (place: Int, callback: TurnOutput)?
        let history = s.history
        let output = s.conversation.handle(line) { before, after, output in
            guard engine.askedForPerson(before: before, after: after) else { return nil }
            let now = CivilTime(engine.clock.now(), offset: engine.estate.utcOffset)
            guard link.hours.contains(now), link.desk.isStaffed else { return "callback" }
            let ticket = HandoffTicket(
                session: sessionID, since: now.iso8601, language: output.language.rawValue,
                unit: Self.unit(after), reason: Self.reason(before),
                summary: (history + [summaryLine("desk.summary_resident", line)]).map(mask))
            guard let place = link.desk.enqueue(ticket, self) else { return "callback" }
            queued = (place, output)
            output.reply = engine.handoffPhrase("handoff.queued", output.language, ["place": String(place)])
            output.awaiting = nil
            return "queued"
        }
        remember(&s, summaryLine("desk.summary_resident", line))
        remember(&s, summaryLine("desk.summary_bot", output.reply))
        if let queued {
            s.phase = .waiting(callback: queued.callback)
            // Pushed, not returned: what the desk sends next (an operator's take) must come after it.
            outlet.send(
                json
                    ? Self.line(output.json, ["handoff": "queued", "place": .number(Double(queued.place))])
                    : output.reply)
            return nil
        }
        return render(output, &s.buffer)
    }

    /// A line while a person is awaited or holds the session: it goes to the operators; an
    /// emergency is answered by the bot at once all the same, and the operators are alerted.
    private func personTurn(
        _ line: String, _ screening: HandoffScreening, _ s: inout State, _ link: HandoffLink, _ outlet: LineOutlet,
        mark: String
    ) -> String? {
        if screening.isEmergency {
            let output = s.conversation.handle(line)
            outlet.send(render(output, &s.buffer))
            link.desk.forward(
                sessionID, text: mask(line), language: output.language.rawValue, alert: mask(output.reply))
            return nil
        }
        s.conversation.recordHandoff(role: .resident, text: line, mark: mark)
        link.desk.forward(sessionID, text: mask(line), language: screening.language.rawValue)
        return nil
    }

    func close() {
        guard let link else { return }
        state.withLock { s in
            switch s.phase {
            case .waiting, .held:
                link.desk.withdraw(sessionID)
                s.conversation.recordHandoff(role: .resident, text: "", mark: "left")
            case .bot, .closed:
                break
            }
            s.phase = .closed
        }
    }

    // MARK: HandoffResident

    func operatorJoined(_ name: String) {
        state.withLock { s in
            guard case .waiting = s.phase else { return }
            s.phase = .held(name)
            let text = engine.handoffPhrase("handoff.taken", s.conversation.state.language, ["name": name])
            s.conversation.recordHandoff(role: .bot, text: text, operator: name, mark: "taken")
            push(text, role: "bot", operator: name, mark: "taken", &s)
        }
    }

    func operatorSaid(_ name: String, _ text: String) {
        state.withLock { s in
            guard case .held(let holder) = s.phase, holder == name else { return }
            s.conversation.recordHandoff(role: .operator, text: text, operator: name, mark: "say")
            let shown = engine.handoffPhrase(
                "handoff.operator_line", s.conversation.state.language, ["name": name, "text": text])
            push(json ? text : shown, role: "operator", operator: name, mark: nil, &s)
        }
    }

    func operatorReleased(_ name: String, note: String) {
        state.withLock { s in
            guard case .held = s.phase else { return }
            if !note.isEmpty { s.conversation.recordHandoff(role: .operator, text: note, operator: name, mark: "note") }
            s.phase = .bot
            let output = s.conversation.resumeAfterPerson()
            outlet?.send(json ? Self.line(output.json, ["handoff": "released"]) : output.reply)
        }
    }

    func operatorClosed(_ name: String) {
        state.withLock { s in
            guard case .held = s.phase else { return }
            s.phase = .closed
            let text = engine.handoffPhrase("handoff.closed", s.conversation.state.language)
            s.conversation.recordHandoff(role: .bot, text: text, operator: name, mark: "closed")
            let line =
                json
                ? Self.line(
                    .object(JSONObject([("session", .string(sessionID)), ("role", "bot"), ("reply", .string(text))])),
                    ["handoff": "closed"])
                : text
            outlet?.close(after: line)
        }
    }

    func waitExpired() {
        state.withLock { s in
            guard case .waiting(let callback) = s.phase else { return }
            s.phase = .bot
            var output = callback
            let notice = engine.handoffPhrase("handoff.timeout", output.language)
            // The callback question alone: the hand-off's introduction was said before the wait.
            let question: String
            if s.conversation.state.flow?.kind != .handoff {
                question = ""  // something else came up while waiting (an emergency): the bot goes on with it
            } else if callback.awaiting == .phone {
                question = engine.handoffPhrase("ask.handoff.phone", output.language)
            } else {
                question = callback.reply
            }
            output.reply = question.isEmpty ? notice : notice + output.language.separator + question
            s.conversation.recordHandoff(role: .bot, text: output.reply, mark: "timeout")
            outlet?.send(json ? Self.line(output.json, ["handoff": "timeout"]) : output.reply)
        }
    }

    // MARK: helpers

    private func push(_ text: String, role: String, operator name: String, mark: String?, _ s: inout State) {
        guard let outlet else { return }
        guard json else {
            outlet.send(text)
            return
        }
        var o = JSONObject([
            ("session", .string(sessionID)), ("role", .string(role)), ("operator", .string(name)),
            ("reply", .string(text)),
        ])
        if let mark { o.append("handoff", .string(mark)) }
        outlet.send(JSON.object(o).serialized)
    }

    private func render(_ output: TurnOutput, _ buffer: inout [UInt8]) -> String {
        guard json else { return output.reply }
        // The bytes of `output.json.serialized`, written without the `JSON` tree.
        buffer.removeAll(keepingCapacity: true)
        output.writeJSON(to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// A line of the summary an operator reads, marked with who said it (`desk.summary_resident` or
    /// `desk.summary_bot`, in the desk's language as `DeskConsole` shows its labels).
    private func summaryLine(_ mark: String, _ text: String) -> String {
        engine.handoffPhrase(mark, .zhHans) + text
    }

    private func remember(_ s: inout State, _ line: String) {
        s.history.append(line)  // masked only if it is ever shown to an operator
        if s.history.count > 6 { s.history.removeFirst(s.history.count - 6) }
    }

    private func mask(_ text: String) -> String { PhoneMask.mask(text, except: engine.publicPhoneNumbers) }

    private static func line(_ json: JSON, _ extra: [String: JSON]) -> String {
        guard case .object(var o) = json else { return json.serialized }
        for key in extra.keys.sorted() { o.append(key, extra[key]!) }
        return JSON.object(o).serialized
    }

    private static func unit(_ state: SessionState) -> String? {
        state.flow?.slots[.unit] ?? state.suspended?.slots[.unit] ?? state.identity?.unit ?? state.verification?.unit
    }

    private static func reason(_ before: SessionState) -> String {
        guard let flow = before.flow, let awaited = flow.awaiting else { return "asked" }
        return flow.failures[awaited, default: 0] >= 2 ? "failures" : "asked"
    }
}

extension Language {
    /// Between two sentences of one reply.
    fileprivate var separator: String { self == .en ? " " : "" }
}
