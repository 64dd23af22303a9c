import FrontDeskContent
import FrontDeskMatching
public import FrontDeskModel

/// What a live hand-off (SPEC 8.3) needs to know of a resident line it routes to a person,
/// classified once, without running a turn.
public struct HandoffScreening: Sendable, Equatable {
    /// The line withdraws the request (算了 / 取消 / cancel).
    public var isCancel: Bool
    /// The line reports a hazard happening now: the bot answers it at once, whoever holds the session.
    public var isEmergency: Bool
    /// The language of the line (the session's when the line has no script signal).
    public var language: Language
    /// The matched intent.
    public var intent: Intent
}

// The engine's side of a live hand-off: looking at a line meant for a person, and taking the
// session back afterwards. The routing itself (queue, operators) lives outside the engine.
extension Engine {
    /// Classifies a line that goes to a person, so the caller can route a cancel or an emergency.
    public func screen(_ text: String, state: SessionState) -> HandoffScreening {
        let trimmed = Engine.trimmingWhitespace(text)
        let now = clock.now()
        let classification = matcher.classify(trimmed, now: now, utcOffset: estate.utcOffset)
        let language = Engine.language(of: trimmed, classified: classification.language, previous: state.language)
        let turn = makeTurn(trimmed, classification, now: now, language: language)
        return HandoffScreening(
            isCancel: turn.isCancel, isEmergency: turn.intent == .emergency, language: language, intent: turn.intent)
    }

    /// Whether this turn moved the session into the hand-off flow (the resident asked for a person,
    /// or accepted one after repeated invalid answers): `before` is the state before the turn.
    public func askedForPerson(before: SessionState, after: SessionState) -> Bool {
        after.flow?.kind == .handoff && before.flow?.kind != .handoff
    }

    /// The bot takes the session back from a person: the callback flow that waited behind the
    /// hand-off is dropped, the bot greets again and offers to resume an unfinished flow.
    public func resumeAfterPerson(_ state: inout SessionState) -> TurnOutput {
        let language = state.language
        if state.flow?.kind == .handoff { state.flow = nil }
        if state.suspended?.kind == .handoff { state.suspended = nil }  // an emergency came in between
        var parts = [say("handoff.released", language)]
        var awaiting: Slot?
        if let flow = state.flow, let slot = flow.awaiting {
            parts.append(slot == .confirm ? restate(flow, language) : ask(slot, flow, language))
            awaiting = slot
        } else if let suspended = state.suspended {
            state.pending = .resume
            parts.append(say("resume.offer", language, ["flow": flowName(suspended.kind.intent, language)]))
        } else {
            parts.append(say("handoff.anything_else", language))
        }
        return TurnOutput(
            session: state.id, reply: parts.joined(separator: language.partSeparator), intent: .handoff,
            awaiting: awaiting, slots: state.flow.map(slotsJSON) ?? JSONObject(), language: language)
    }

    /// A hand-off phrase (`handoff.*`, `desk.*`) with the office's values and `values`.
    public func handoffPhrase(_ key: String, _ language: Language, _ values: [String: String] = [:]) -> String {
        catalog.phrases.render(key, language) { name in values[name] ?? baseValues[name] }
    }
}
