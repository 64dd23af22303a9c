import FrontDeskContent
import FrontDeskMatching
import FrontDeskModel

// The slot-filling loop shared by every flow: start, take answers, ask for what is missing,
// explain an invalid answer, offer a human after repeated failures, detect a digression.
extension Engine {
    /// Invalid answers to one slot before a human is offered.
    static let maxSlotFailures = 3
    /// The questions for the part of a flat still missing ("which entrance?", "which flat?"): the part given is kept,
    /// and the question counts no failure.
    static let unitPartQuestions: Set<String> = ["ask.unit_entrance", "ask.unit_rest", "ask.unit_room"]
    /// The confidence from which a message is a clear request of its own even where the dialogue expects news
    /// (after an emergency was recorded).
    static let clearRequestConfidence = 0.75

    func startFlow(_ kind: FlowKind, _ turn: Turn, _ state: inout SessionState) -> Reply {
        if kind == .feeQuery, state.feeQueriesLocked {
            return Reply([say("fee.session_locked", turn.language)], intent: kind.intent)
        }
        if kind == .decorationPermit, isStructural(turn) {
            // The flat and the names already given wait for works that can be permitted ("如需申请其他装修项目，请直接告诉我").
            var refused = Flow(kind: kind)
            _ = fill(&refused, turn)
            state.refusedPermit = withoutScope(refused)
            return Reply([say("decoration.structural_refused", turn.language)], intent: kind.intent, awaiting: .scope)
        }
        if kind == .decorationPermit, asksAboutRules(turn) {
            // "装修押金要交多少？" / "what hours can they drill?": the rules answered, then the application offered.
            state.pending = .offerPermit
            return Reply(
                [decorationRulesAnswer(turn.language), say("decoration.apply_offer", turn.language)], intent: kind.intent,
                awaiting: .confirm)
        }
        var flow = Flow(kind: kind)
        var notes: [String] = []
        switch kind {
        case .emergency:
            let category = turn.classification.category(for: .emergency) ?? "general"
            flow.slots[.category] = category
            flow.slots[.description] = turn.text
            // "water is pouring through my bathroom ceiling" in the middle of a permit for 10-2-501: the flat is known.
            if turn.entities.unit == nil, turn.has(.myHome), !turn.has(.publicArea),
                let unit = knownUnit(state)
            {
                flow.slots[.unit] = unit
            }
            if isUncertainHazard(turn) {
                // A faint smell, an alarm with nothing seen: the advice, then one safety question before any record.
                let hazard =
                    turn.has(.alarmWords)
                    ? "alarm" : category == "gas" ? "gas" : category == "electrical" ? "electrical" : "smell"
                flow.checkingHazard = hazard
                notes.append(uncertainAdvice(hazard, category, turn.language))
            } else {
                notes.append(emergencyAdvice(category, turn.language))
            }
        case .handoff:
            notes.append(say("handoff.intro", turn.language))
        case .progressQuery:
            // "any news on the bathroom fan I reported on Monday?": an earlier matter named without its number is looked up by flat.
            let categories = turn.classification.categories
            let namesMatter = categories["repair"] != nil || categories["complaint"] != nil
            if turn.entities.recordID == nil, namesMatter || turn.has(.myRecords) {
                if let verified = state.verification { return listRecords(unit: verified.unit, turn, &state) }
                // The matter named, a flat given, or a flat verified minutes ago: look the records up by flat.
                if namesMatter || turn.entities.unit != nil || state.lapsedUnit != nil { flow.lookupByUnit = true }
            }
        default:
            break
        }
        let result = fill(&flow, turn)
        if kind == .feeQuery {
            let scope = feeScope(turn)
            flow.slots[.feeItem] = scope.item
            flow.slots[.feeMonth] = scope.month
        }
        if kind == .feeQuery, let verified = state.verification,
            flow.slots[.unit] == nil || flow.slots[.unit] == verified.unit
        {
            return disclose(unit: verified.unit, turn, &state)
        }
        if kind == .feeQuery || flow.lookupByUnit, state.verification == nil, flow.slots[.unit] == nil,
            let lapsed = state.lapsedUnit
        {
            // The check lapsed (5 idle minutes): the flat is known, only the phone tail is asked again.
            flow.slots[.unit] = lapsed
            notes.append(say("verify.expired", turn.language, ["unit": lapsed]))
        }
        carryKnownDetails(into: &flow, state)
        notes += result.problems.map { say($0.key, turn.language, $0.values) }
        state.flow = flow
        if result.problems.contains(where: { Engine.unitPartQuestions.contains($0.key) }) {
            flow.awaiting = .unit
            state.flow = flow
            return Reply(notes, intent: kind.intent, awaiting: .unit)
        }
        if flow.checkingHazard != nil {
            flow.awaiting = .confirm
            state.flow = flow
            return Reply(
                notes + [say("emergency.check.question", turn.language)], intent: kind.intent, awaiting: .confirm)
        }
        return advance(turn, &state, notes: notes)
    }

    /// The resident's flat as the conversation knows it: from the flow that was interrupted, the last record made, the
    /// flat a fee query verified ("113块？？…我要投诉" after the bill), or a flat stated earlier.
    func knownUnit(_ state: SessionState) -> String? {
        state.suspended?.slots[.unit] ?? state.identity?.unit ?? state.verification?.unit ?? state.statedUnit
    }

    /// A new repair, complaint or callback in the same conversation knows the resident's flat and phone
    /// already (from the flow it interrupted, or from the last record made): they are not asked again.
    /// A fee question in the middle of a repair ("我家10月份的水费交了没有？尾号4583") knows the flat too; the phone
    /// tail is still asked for and checked (SPEC 8.2), so knowing the flat discloses nothing.
    func carryKnownDetails(into flow: inout Flow, _ state: SessionState) {
        let fee = flow.kind == .feeQuery
        guard flow.kind == .repair || flow.kind == .complaint || flow.kind == .handoff || fee else { return }
        let unit = knownUnit(state)
        let phone = state.suspended?.slots[.phone] ?? state.identity?.phone ?? state.statedPhone
        if flow.slots[.unit] == nil, flow.slots[.notResident] == nil, let unit { flow.slots[.unit] = unit }
        if !fee, flow.slots[.phone] == nil, let phone { flow.slots[.phone] = phone }
    }

    /// One turn inside a flow, read for everything it carries before the flow decides, in this order:
    /// cancel → leave (goodbye) → hand-off → the confirmation → a new request or a question (digression)
    /// → a correction of an earlier slot → the answer to the pending slot → small talk → an invalid answer.
    func continueFlow(_ turn: Turn, _ state: inout SessionState) -> Reply {
        guard var flow = state.flow else { return startIntent(turn, &state, clarify: true) }
        if turn.isCancel {
            state.flow = nil
            return Reply(
                [say("cancel.done", turn.language, ["flow": flowName(flow.kind.intent, turn.language)])],
                intent: .cancel)
        }
        if turn.isLeaving, !answersAwaited(turn, flow), !carriesMore(turn, flow) {
            state.flow = nil
            state.suspended = nil
            return Reply([say("goodbye.reply", turn.language)], intent: .goodbye)
        }
        let givesPhone = flow.awaiting == .phone && turn.entities.phone != nil && !turn.has(.personWords)
        if turn.intent == .handoff, flow.kind != .handoff, turn.classification.confidence >= 0.5, !givesPhone {
            if flow.kind != .feeQuery, flow.kind != .progressQuery { state.suspended = flow }
            state.flow = nil
            return startFlow(.handoff, turn, &state)
        }
        if flow.checkingHazard != nil { return answerSafetyCheck(turn, &state) }
        if flow.awaiting == .confirm { return handleConfirm(turn, &state) }
        if asksAboutThisVisit(turn, flow) { return visitAnswer(turn, flow) }
        if isDigression(turn, flow) {
            state.suspended = flow
            state.flow = nil
            return startIntent(turn, &state, clarify: true)
        }
        if flow.kind == .progressQuery, flow.verifyingFor == nil, turn.entities.recordID == nil,
            turn.has(.myRecords), let verified = state.verification
        {
            state.flow = nil
            return listRecords(unit: verified.unit, turn, &state)
        }
        if let awaited = flow.awaiting, let answer = answerQuestion(turn, flow) {
            // "how much is the renovation deposit?" at the name prompt: a question about this very request, answered; the
            // slot is asked again and nothing is counted or stored.
            return Reply([answer, ask(awaited, flow, turn.language)], intent: flow.kind.intent, awaiting: awaited)
        }
        if flow.kind == .progressQuery, flow.awaiting == .recordID, turn.entities.recordID == nil,
            turn.entities.unit != nil
        {
            flow.lookupByUnit = true  // no number, but the flat: look its records up after verification
        }
        let awaited = flow.awaiting
        let before = flow.slots
        let result = fill(&flow, turn)
        if flow.kind == .decorationPermit, result.filled.contains(.scope), isStructural(turn) {
            state.flow = nil
            state.refusedPermit = withoutScope(flow)
            return Reply([say("decoration.structural_refused", turn.language)], intent: flow.kind.intent, awaiting: .scope)
        }
        state.flow = flow
        var notes = result.problems.map { say($0.key, turn.language, $0.values) }
        if result.problems.contains(where: { Engine.unitPartQuestions.contains($0.key) }) {
            return Reply(notes, intent: flow.kind.intent, awaiting: .unit)
        }
        // A correction of a slot answered earlier ("oh no, it is 1202"): say what changed, then go on.
        let corrected = result.filled.filter { $0 != awaited && before[$0] != nil && before[$0] != flow.slots[$0] }
        if !corrected.isEmpty { notes.insert(changedNote(corrected, flow, turn.language), at: 0) }
        if let awaited, !isFilled(awaited, flow), result.filled.isEmpty, result.problems.isEmpty,
            turn.intent == .greeting || turn.intent == .thanks
        {
            if flow.kind == .progressQuery, turn.intent == .thanks, turn.classification.confidence >= 0.5 {
                // "行吧 谢谢" while a lookup waits for a number or a flat: nothing is lost by stopping (a progress query
                // makes no record), so the thanks ends it.
                state.flow = nil
                return startIntent(turn, &state, clarify: false)
            }
            // Small talk is not a wrong answer: ask again without counting it (the turn was a thanks or a greeting).
            return Reply([ask(awaited, flow, turn.language)], intent: turn.intent, awaiting: awaited)
        }
        if let awaited, !isFilled(awaited, flow), result.filled.isEmpty, result.problems.isEmpty,
            flow.kind == .repair || flow.kind == .complaint, let description = flow.slots[.description],
            turn.classification.category(for: flow.kind.intent) != nil, !turn.saysAffirmWord, !turn.saysDenyWord
        {
            // More about the same matter ("the neighbours upstairs play loud music every night" after "noise"):
            // the description grows, and the pending question is asked again without counting a failure.
            let more = cleanDescription(turn)
            if more.count >= 2, !description.contains(more) {
                flow.slots[.description] = description + (turn.language == .en ? "; " : "\u{FF1B}") + more
                if let category = turn.classification.category(for: flow.kind.intent), flow.kind == .complaint {
                    flow.slots[.category] = category
                }
                state.flow = flow
            }
            return Reply([ask(awaited, flow, turn.language)], intent: flow.kind.intent, awaiting: awaited)
        }
        if awaited == .recordID, flow.kind == .progressQuery, !flow.lookupByUnit, result.filled.isEmpty {
            // "I don't remember the number": no number, so the records are looked up by the verified flat instead.
            flow.lookupByUnit = true
            state.flow = flow
            return advance(turn, &state, notes: notes)
        }
        if let awaited, !isFilled(awaited, flow), result.filled.isEmpty {
            let explained = result.problems.contains { $0.slot == awaited }
            let why = explained ? notes : notes + [say(invalidKey(awaited, flow), turn.language, limits)]
            return reject(awaited, turn, &state, notes: why)
        }
        return advance(turn, &state, notes: notes)
    }

    /// The answer to a question about the flow's own matter asked at a free-text prompt, or `nil`.
    func answerQuestion(_ turn: Turn, _ flow: Flow) -> String? {
        // The question must be what the message ends with: "要做什么？就是换木地板…" echoes the prompt, then answers it.
        guard [Slot.name, .scope, .contractor].contains(flow.awaiting), turn.has(.questionMarkers) else { return nil }
        let last = Self.clauses(turn.lower).last ?? turn.lower
        guard TextMatch.containsAny(last, turn.words[.questionMarkers]) || Engine.endsInQuestion(turn.text),
            turn.entities.unit == nil, turn.entities.phone == nil
        else { return nil }
        if flow.kind == .decorationPermit, turn.intent == .decorationPermit || turn.intent == .feeQuery {
            return decorationRulesAnswer(turn.language)
        }
        if let topic = turn.classification.category(for: .inquiry), let answer = faqAnswers[topic]?[turn.language] {
            return answer
        }
        return nil
    }

    /// The deposit, the working hours and the limits of a permit, from the estate's decoration rules.
    func decorationRulesAnswer(_ language: Language) -> String {
        var values = limits
        values["deposit"] = money(decorationRules.deposit)
        values["working_hours"] = decorationRules.workingHours
        return say("decoration.rules", language, values)
    }

    /// A question about the renovation rules that asks for no application: it ends in a question, names no flat, date,
    /// phone or figure, states no permit field, and has no word asking to apply.
    func asksAboutRules(_ turn: Turn) -> Bool {
        guard turn.has(.questionMarkers) else { return false }
        let last = Self.clauses(turn.lower).last ?? turn.lower
        guard TextMatch.containsAny(last, turn.words[.questionMarkers]) || Engine.endsInQuestion(turn.text),
            !turn.has(.applyWords)
        else { return false }
        let entities = turn.entities
        guard entities.unit == nil, entities.phone == nil, entities.date == nil, entities.durationDays == nil,
            entities.count == nil, entities.recordID == nil
        else { return false }
        return statedPermitFields(turn, Flow(kind: .decorationPermit), confirming: false).isEmpty
    }

    /// "已为您将房号更正为3-2-1202": the slots a correction changed, with their new values.
    func changedNote(_ slots: [Slot], _ flow: Flow, _ language: Language) -> String {
        let parts = slots.compactMap { slot -> String? in
            guard let value = flow.slots[slot], catalog.phrases.contains("field." + slot.rawValue) else { return nil }
            return say("confirm.changed_field", language, ["field": say("field." + slot.rawValue, language), "value": value])
        }
        return say("confirm.changed", language, ["changes": parts.joined(separator: say("list.comma", language))])
    }

    /// Whether the message answers the slot the bot is waiting for (so "好的，再见" after a phone is
    /// not a goodbye that drops the flow, while "再见" alone is).
    func answersAwaited(_ turn: Turn, _ flow: Flow) -> Bool {
        switch flow.awaiting {
        case .unit: turn.entities.unit != nil
        case .phone: turn.entities.phone != nil
        case .startDate: turn.entities.date != nil
        case .recordID: turn.entities.recordID != nil
        case .verify: EntityExtractor.phoneTail(turn.text) != nil
        case .durationDays, .workers: EntityExtractor.firstInteger(turn.text) != nil
        default: false
        }
    }

    /// Whether a message that takes leave also says something the flow must act on first: a correction, a flat, a
    /// phone, a date or a record ID, or at a restatement a yes ("好，谢谢，再见", "就这样吧", "yes, that's all, bye").
    func carriesMore(_ turn: Turn, _ flow: Flow) -> Bool {
        // "actually … let me check with him first, bye for now": a correction word in a line that defers is no
        // correction.
        if turn.isCorrection, !turn.has(.deferWords) { return true }
        let entities = turn.entities
        // A date only where the flow takes one (a permit's start, a repair's visit): "paid it last week, let me check,
        // bye for now" leaves a fee query.
        let takesDate = flow.kind == .decorationPermit || flow.kind == .repair
        if entities.unit != nil || entities.phone != nil || entities.recordID != nil { return true }
        if takesDate, entities.date != nil { return true }
        return flow.awaiting == .confirm && settles(turn)
    }

    /// Whether the answer to a restatement means "go ahead": a yes, or "就这样吧" / "that's all" without a no.
    func settles(_ turn: Turn) -> Bool {
        if turn.isDeny || turn.isCancel { return false }
        // "哦对了，还有…" opens with 对 but says "by the way": no yes when more follows it.
        if turn.has(.alsoMarkers), !turn.isBareAct { return false }
        return turn.isAffirm || turn.has(.settle)
    }

    /// Asks for the next missing slot, or moves on: restate and confirm, verify, look up, create.
    func advance(_ turn: Turn, _ state: inout SessionState, notes: [String]) -> Reply {
        guard var flow = state.flow else { return Reply(notes, intent: nil) }
        if let slot = slotOrder(flow).first(where: { !isFilled($0, flow) }) {
            flow.awaiting = slot
            state.flow = flow
            return Reply(notes + [ask(slot, flow, turn.language)], intent: flow.kind.intent, awaiting: slot)
        }
        switch flow.kind {
        case .emergency: return createEmergency(flow, turn, &state, notes: notes)
        case .feeQuery: return verifyAndDisclose(flow, turn, &state)
        case .progressQuery: return progress(flow, turn, &state, notes: notes)
        default:
            flow.awaiting = .confirm
            state.flow = flow
            return Reply(notes + [restate(flow, turn.language)], intent: flow.kind.intent, awaiting: .confirm)
        }
    }

    /// The slots still to ask, in order (someone reporting a public area who does not live here is not
    /// asked for a flat).
    func slotOrder(_ flow: Flow) -> [Slot] {
        if flow.kind == .progressQuery, flow.verifyingFor != nil || flow.lookupByUnit { return [.unit, .verify] }
        if flow.slots[.notResident] != nil, flow.slots[.unit] == nil {
            if flow.kind == .complaint { return [.description, .phone] }
            if flow.kind == .repair { return [.description, .phone] }
        }
        return flow.kind.slotOrder
    }

    func isFilled(_ slot: Slot, _ flow: Flow) -> Bool {
        if slot == .unit, flow.kind == .emergency, flow.slots[.location] != nil { return true }
        return flow.slots[slot] != nil
    }

    /// The question for `slot`, worded for the flow where it matters.
    func ask(_ slot: Slot, _ flow: Flow, _ language: Language) -> String {
        if flow.lookupByUnit, slot == .unit { return say("ask.progress_query.lookup_unit", language) }
        let specific = "ask." + flow.kind.rawValue + "." + slot.rawValue
        if catalog.phrases.contains(specific) { return say(specific, language, limits) }
        return say("ask." + slot.rawValue, language, limits)
    }

    /// The explanation of an answer that did not fit the slot.
    func invalidKey(_ slot: Slot, _ flow: Flow) -> String {
        if slot == .unit { return "invalid.unit_format" }
        return "invalid." + slot.rawValue
    }

    /// An answer that did not fit: explain and ask again; after 3, offer a human (callback).
    func reject(_ slot: Slot, _ turn: Turn, _ state: inout SessionState, notes: [String]) -> Reply {
        guard var flow = state.flow else { return Reply(notes, intent: nil) }
        flow.failures[slot, default: 0] += 1
        if flow.failures[slot, default: 0] >= Engine.maxSlotFailures, flow.kind != .emergency {
            var handoff = Flow(kind: .handoff)
            handoff.slots[.phone] = flow.slots[.phone]
            handoff.slots[.unit] = flow.slots[.unit]
            state.flow = handoff
            var reply = advance(turn, &state, notes: [say("handoff.after_failures", turn.language)])
            reply.intent = .handoff
            return reply
        }
        state.flow = flow
        return Reply(notes + [ask(slot, flow, turn.language)], intent: flow.kind.intent, awaiting: slot)
    }

    /// Whether a message in the middle of a flow is a clearly different request or a question. A message
    /// that answers the awaited slot is not, unless it clearly asks for another service of its own ("how
    /// much is my management fee for 2-1-301?" while a repair waits for the flat).
    func isDigression(_ turn: Turn, _ flow: Flow) -> Bool {
        if asksAboutThisVisit(turn, flow) { return false }
        // The works of a permit told at one of its free-text prompts ("卫生间重新做防水" reads like a repair): the scope.
        if flow.kind == .decorationPermit, [Slot.name, .scope, .contractor].contains(flow.awaiting),
            flow.slots[.scope] == nil, turn.has(.works), !turn.has(.alsoMarkers)
        {
            return false
        }
        // "oh wait sorry, I'm 702 not 701, I always mix them up": a correction that names no matter of its own corrects
        // this flow ("always" does not make it a complaint).
        if turn.intent == .repair || turn.intent == .complaint, turn.isCorrection,
            turn.classification.category(for: turn.intent) == nil, !turn.has(.alsoMarkers)
        {
            return false
        }
        // "also, the corridor light is out" while a repair waits for its phone: a second matter of the same kind.
        if flow.kind == .repair || flow.kind == .complaint, turn.intent == flow.kind.intent, turn.has(.alsoMarkers),
            flow.slots[.description] != nil, flow.awaiting != .description,
            turn.classification.category(for: flow.kind.intent) != nil
        {
            return true
        }
        guard Engine.serviceIntents.contains(turn.intent), turn.intent != flow.kind.intent,
            turn.classification.confidence >= 0.5, turn.classification.ambiguous.isEmpty
        else { return false }
        if flow.kind == .emergency { return false }
        let categories = turn.classification.categories
        let entities = turn.entities
        let strong = turn.classification.confidence >= 0.8
        let otherService: Set<Intent> = [.feeQuery, .progressQuery, .decorationPermit, .handoff]
        // A repair matter told to a complaint (or the other way round) while its description is asked is the
        // description; once the description is known, a matter of the other kind is a second request.
        let describing = flow.awaiting == .description || flow.slots[.description] == nil
        if categories[flow.kind.rawValue] != nil, describing { return false }
        // The flat or phone asked for, with a word on where the matter is ("我住1栋1单元402，电话…，不过是中庭的事，跟我家没关系"):
        // the answer, not a second matter, unless the resident says "also" or the matcher is sure.
        let answersAwaited =
            (flow.awaiting == .unit && entities.unit != nil) || (flow.awaiting == .phone && entities.phone != nil)
        // The phone asked for, with what to do about the matter ("电话157… 你们派人来看看水表"): the answer, and more of the
        // same matter; a second matter given with the phone says "also".
        let phoneWithMore = flow.awaiting == .phone && entities.phone != nil && !turn.has(.alsoMarkers)
        let placeOnly =
            answersAwaited && !turn.has(.alsoMarkers) && (turn.has(.notMyHome) || !strong || phoneWithMore)
        if (flow.kind == .repair || flow.kind == .complaint), turn.intent == .repair || turn.intent == .complaint,
            !describing, categories[turn.intent.rawValue] != nil || turn.has(.alsoMarkers), !placeOnly
        {
            return true
        }
        switch flow.awaiting {
        case .unit:
            // "3-2-501 the kitchen pipe leaks" while a permit waits for the flat: a repair for that flat.
            let ownMatter = categories[turn.intent.rawValue] != nil && turn.intent != .inquiry
            return entities.unit == nil || (strong && (otherService.contains(turn.intent) || ownMatter))
        case .phone: return entities.phone == nil
        case .startDate: return entities.date == nil
        case .recordID: return entities.recordID == nil
        case .verify: return EntityExtractor.phoneTail(turn.text) == nil && EntityExtractor.firstInteger(turn.text) == nil
        case .durationDays, .workers: return EntityExtractor.firstInteger(turn.text) == nil
        // Asked to describe the problem, a repair or complaint matter is the description (a leaking pipe in a
        // complaint, "the fees are too high" too); only a clear question of another kind interrupts.
        case .description:
            guard categories["repair"] == nil, categories["complaint"] == nil, strong else { return false }
            let others: Set<Intent> =
                flow.kind == .complaint
                ? [.inquiry, .progressQuery, .handoff]
                : [.inquiry, .progressQuery, .handoff, .feeQuery]
            return others.contains(turn.intent)
        // A question back at a free-text prompt interrupts; one that only echoes the prompt before the answer
        // ("要做什么？就是换木地板…") does not.
        case .name, .scope, .contractor: return strong || Engine.endsInQuestion(turn.text)
        default: return true
        }
    }

    /// "对了师傅大概什么时候能到" while a repair is being reported: a question about the visit of this very repair (there is
    /// no record yet to look up), not a progress query about an earlier one (no record ID, no word of an earlier report,
    /// no "my records", no date or time of its own).
    func asksAboutThisVisit(_ turn: Turn, _ flow: Flow) -> Bool {
        flow.kind == .repair && turn.intent == .progressQuery && turn.entities.recordID == nil
            && turn.entities.date == nil && turn.entities.timeOfDay == nil && turn.entities.unit == nil
            && !turn.has(.pastWords) && !turn.has(.myRecords)
    }

    /// The answer to a question about the visit of the repair being reported, then the question the flow waits for.
    func visitAnswer(_ turn: Turn, _ flow: Flow) -> Reply {
        let awaited = flow.awaiting ?? .confirm
        let next = awaited == .confirm ? say("confirm.again", turn.language) : ask(awaited, flow, turn.language)
        return Reply([say("repair.visit_when", turn.language), next], intent: flow.kind.intent, awaiting: awaited)
    }

    /// Whether the last clause of `text` is a question (it ends in a question mark).
    static func endsInQuestion(_ text: String) -> Bool {
        let trimmed = TextMatch.trimmed(text)
        guard let last = trimmed.last(where: { !"!！。.~～ ".contains($0) }) else { return false }
        return last == "?" || last == "\u{FF1F}"
    }

    /// Values the limit phrases use.
    var limits: [String: String] {
        let rules = decorationRules
        return ["max_days": String(rules.maxDurationDays), "max_workers": String(rules.maxWorkers)]
    }
}
