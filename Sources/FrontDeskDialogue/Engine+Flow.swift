import FrontDeskMatching
import FrontDeskModel

// The slot-filling loop shared by every flow: start, take answers, ask for what is missing,
// explain an invalid answer, offer a human after repeated failures, detect a digression.
extension Engine {
    /// Invalid answers to one slot before a human is offered.
    static let maxSlotFailures = 3

    func startFlow(_ kind: FlowKind, _ turn: Turn, _ state: inout SessionState) -> Reply {
        if kind == .feeQuery, state.feeQueriesLocked {
            return Reply([say("fee.session_locked", turn.language)], intent: kind.rawValue)
        }
        if kind == .decorationPermit, isStructural(turn) {
            return Reply([say("decoration.structural_refused", turn.language)], intent: kind.rawValue)
        }
        var flow = Flow(kind: kind)
        var notes: [String] = []
        switch kind {
        case .emergency:
            let category = turn.classification.categories["emergency"] ?? "general"
            flow.slots["category"] = category
            flow.slots["description"] = turn.text
            notes.append(emergencyAdvice(category, turn.language))
        case .handoff:
            notes.append(say("handoff.intro", turn.language))
        case .progressQuery:
            if turn.entities.recordID == nil, SlotText.recordID(turn.text) == nil,
                Lexicon.containsAny(turn.lower, Lexicon.myRecords), let verified = state.verification
            {
                return listRecords(unit: verified.unit, turn)
            }
        default:
            break
        }
        let result = fill(&flow, turn)
        if kind == .feeQuery, let verified = state.verification,
            flow.slots["unit"] == nil || flow.slots["unit"] == verified.unit
        {
            return disclose(unit: verified.unit, turn, &state)
        }
        notes += result.problems.map { say($0.key, turn.language, $0.values) }
        state.flow = flow
        return advance(turn, &state, notes: notes)
    }

    func continueFlow(_ turn: Turn, _ state: inout SessionState) -> Reply {
        guard var flow = state.flow else { return startIntent(turn, &state, clarify: true) }
        if turn.isCancel {
            state.flow = nil
            return Reply(
                [say("cancel.done", turn.language, ["flow": flowName(flow.kind.rawValue, turn.language)])],
                intent: "cancel")
        }
        if flow.awaiting == "confirm" { return handleConfirm(turn, &state) }
        if isDigression(turn, flow) {
            state.suspended = flow
            state.flow = nil
            return startIntent(turn, &state, clarify: true)
        }
        if flow.kind == .progressQuery, flow.verifyingFor == nil, turn.entities.recordID == nil,
            SlotText.recordID(turn.text) == nil, Lexicon.containsAny(turn.lower, Lexicon.myRecords),
            let verified = state.verification
        {
            state.flow = nil
            return listRecords(unit: verified.unit, turn)
        }
        let awaited = flow.awaiting
        let result = fill(&flow, turn)
        if flow.kind == .decorationPermit, result.filled.contains("scope"), isStructural(turn) {
            state.flow = nil
            return Reply([say("decoration.structural_refused", turn.language)], intent: flow.kind.rawValue)
        }
        state.flow = flow
        let notes = result.problems.map { say($0.key, turn.language, $0.values) }
        if let awaited, !isFilled(awaited, flow), result.filled.isEmpty, result.problems.isEmpty,
            turn.intent == "greeting" || turn.intent == "thanks"
        {
            // Small talk is not a wrong answer: ask again without counting it.
            return Reply([ask(awaited, flow, turn.language)], intent: flow.kind.rawValue, awaiting: awaited)
        }
        if let awaited, !isFilled(awaited, flow), result.filled.isEmpty {
            let explained = result.problems.contains { $0.slot == awaited }
            let why = explained ? notes : notes + [say(invalidKey(awaited, flow), turn.language, limits)]
            return reject(awaited, turn, &state, notes: why)
        }
        return advance(turn, &state, notes: notes)
    }

    /// Asks for the next missing slot, or moves on: restate and confirm, verify, look up, create.
    func advance(_ turn: Turn, _ state: inout SessionState, notes: [String]) -> Reply {
        guard var flow = state.flow else { return Reply(notes, intent: nil) }
        if let slot = slotOrder(flow).first(where: { !isFilled($0, flow) }) {
            flow.awaiting = slot
            state.flow = flow
            return Reply(notes + [ask(slot, flow, turn.language)], intent: flow.kind.rawValue, awaiting: slot)
        }
        switch flow.kind {
        case .emergency: return createEmergency(flow, turn, &state, notes: notes)
        case .feeQuery: return verifyAndDisclose(flow, turn, &state)
        case .progressQuery: return progress(flow, turn, &state, notes: notes)
        default:
            flow.awaiting = "confirm"
            state.flow = flow
            return Reply(notes + [restate(flow, turn.language)], intent: flow.kind.rawValue, awaiting: "confirm")
        }
    }

    /// The slots still to ask, in order (a complaint about a public area skips the unit).
    func slotOrder(_ flow: Flow) -> [String] {
        if flow.kind == .progressQuery, flow.verifyingFor != nil { return ["unit", "verify"] }
        if flow.kind == .complaint, flow.slots["public_area"] != nil, flow.slots["unit"] == nil {
            return ["description", "phone"]
        }
        return flow.kind.slotOrder
    }

    func isFilled(_ slot: String, _ flow: Flow) -> Bool {
        if slot == "unit", flow.kind == .emergency, flow.slots["location"] != nil { return true }
        return flow.slots[slot] != nil
    }

    /// The question for `slot`, worded for the flow where it matters.
    func ask(_ slot: String, _ flow: Flow, _ language: Language) -> String {
        let specific = "ask." + flow.kind.rawValue + "." + slot
        if catalog.phrases.contains(specific) { return say(specific, language, limits) }
        return say("ask." + slot, language, limits)
    }

    /// The explanation of an answer that did not fit the slot.
    func invalidKey(_ slot: String, _ flow: Flow) -> String {
        if slot == "unit" { return "invalid.unit_format" }
        return "invalid." + slot
    }

    /// An answer that did not fit: explain and ask again; after 3, offer a human (callback).
    func reject(_ slot: String, _ turn: Turn, _ state: inout SessionState, notes: [String]) -> Reply {
        guard var flow = state.flow else { return Reply(notes, intent: nil) }
        flow.failures[slot, default: 0] += 1
        if flow.failures[slot, default: 0] >= Engine.maxSlotFailures, flow.kind != .emergency {
            var handoff = Flow(kind: .handoff)
            handoff.slots["phone"] = flow.slots["phone"]
            handoff.slots["unit"] = flow.slots["unit"]
            state.flow = handoff
            var reply = advance(turn, &state, notes: [say("handoff.after_failures", turn.language)])
            reply.intent = "handoff"
            return reply
        }
        state.flow = flow
        return Reply(notes + [ask(slot, flow, turn.language)], intent: flow.kind.rawValue, awaiting: slot)
    }

    /// Whether a message in the middle of a flow is a clearly different request. A message that
    /// answers the awaited slot, or that carries a category of the flow's own intent, is not.
    func isDigression(_ turn: Turn, _ flow: Flow) -> Bool {
        guard Engine.serviceIntents.contains(turn.intent), turn.intent != flow.kind.rawValue,
            turn.classification.confidence >= 0.5, turn.classification.ambiguous.isEmpty
        else { return false }
        if turn.classification.categories[flow.kind.rawValue] != nil { return false }
        let entities = turn.entities
        switch flow.awaiting {
        case "unit": return entities.unit == nil && SlotText.unit(turn.text) == nil
        case "phone": return entities.phone == nil && SlotText.phone(turn.text) == nil
        case "start_date": return entities.date == nil
        case "record_id": return entities.recordID == nil && SlotText.recordID(turn.text) == nil
        case "verify", "duration_days", "workers": return SlotText.firstInteger(turn.text) == nil
        // Asked to describe the problem, a repair or complaint matter is the description ("厨房水管漏水" in a
        // complaint, "物业费收得太贵" too); only a clear question of another kind interrupts.
        case "description":
            let categories = turn.classification.categories
            guard categories["repair"] == nil, categories["complaint"] == nil, turn.classification.confidence >= 0.8
            else { return false }
            let others: Set<String> =
                flow.kind == .complaint
                ? ["inquiry", "progress_query", "handoff"]
                : ["inquiry", "progress_query", "handoff", "fee_query"]
            return others.contains(turn.intent)
        case "name", "scope", "contractor": return turn.classification.confidence >= 0.8
        default: return true
        }
    }

    /// Values the limit phrases use.
    var limits: [String: String] {
        let rules = decorationRules
        return ["max_days": String(rules.maxDurationDays), "max_workers": String(rules.maxWorkers)]
    }
}
