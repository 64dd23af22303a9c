import FrontDeskContent
import FrontDeskMatching
import FrontDeskModel

// Which handler a message goes to: emergencies first, then a pending question, the flow in
// progress, and finally the message's own intent.
extension Engine {
    /// Intents that start or answer a service request (a digression when they interrupt a flow).
    static let serviceIntents: Set<Intent> = [
        .repair, .complaint, .feeQuery, .decorationPermit, .progressQuery, .handoff, .inquiry, .emergency,
    ]

    func dispatch(_ turn: Turn, _ state: inout SessionState) -> Reply {
        let followUp = state.followUp
        state.followUp = nil
        let shown = state.shownRecord
        state.shownRecord = nil
        if state.flow == nil, state.identity == nil, let unit = turn.entities.unit, let phone = turn.entities.phone,
            unitExists(unit)
        {
            // "你好，我是3栋2单元501的，电话138…": the resident says who they are, so a return visit due for that flat and
            // phone is asked (the record's own phone must match). A flat the estate does not have is nobody's identity: the
            // flow says it was not found and asks again, and no record is made for it.
            state.identity = (unit, phone)
            // Who they are and nothing the matcher is sure of ("Hello, this is Mr Chen from 3-2-501, my number is …"):
            // a due return visit is the question, not a flow guessed from the introduction.
            if turn.classification.confidence < 0.5, state.pending == nil, state.revisit == nil,
                let question = revisitQuestion(turn, &state)
            {
                return Reply([question], intent: nil)
            }
        }
        if state.flow == nil, state.pending == nil, state.revisit == nil, state.namedUnit == nil,
            [Intent.greeting, .fallback].contains(turn.intent) || turn.classification.confidence < 0.5,
            let unit = statedUnit(turn), registeredName(turn, unit: unit) != nil
        {
            // "你好 我是4栋1单元302的刘洋": the flat and the name the estate registers for it, and no request yet: a due
            // return visit is the question.
            state.namedUnit = unit
            if let question = revisitQuestion(turn, &state) { return Reply([question], intent: nil) }
        }
        if state.flow == nil, state.pending == nil, state.revisit == nil, turn.intent != .emergency,
            !(turn.intent == .progressQuery && turn.has(.questionMarkers)), let unit = turn.entities.unit,
            turn.has(.serviceVisited)
        {
            // The resident names the flat and speaks of the visit: a due return visit is the matter. A rating or "the
            // fault is back" in the same line answers it at once. "修好了没有" asks how the job stands: the progress query
            // verifies the resident first.
            state.visitedUnit = unit
            if let question = revisitQuestion(turn, &state) {
                let answered = satisfaction(in: turn) != nil || turn.has(.faultBack)
                if answered, let reply = handleRevisit(turn, &state) { return reply }
                return Reply([question], intent: nil)
            }
        }
        if turn.intent == .emergency, state.flow?.kind != .emergency {
            state.pending = nil
            state.revisit = nil
            if let flow = state.flow { state.suspended = flow }
            state.flow = nil
            return startFlow(.emergency, turn, &state)
        }
        if let flow = state.flow, flow.kind == .emergency, flow.slots[.recordID] != nil {
            if let reply = contactPhone(turn, &state) { return reply }
        }
        if state.revisit != nil, let reply = handleRevisit(turn, &state) { return reply }
        if let followUp, state.flow == nil, state.pending == nil, let reply = followUpOn(followUp, turn, &state) {
            return reply
        }
        if let shown, state.flow == nil, turn.intent == .progressQuery, turn.entities.recordID == nil,
            turn.entities.unit == nil, !goesBack(turn, state), let record = store.record(id: shown)
        {
            state.pending = nil
            return describe(record, turn, &state, notes: [])
        }
        if let pending = state.pending {
            state.pending = nil
            if let reply = answerPending(pending, turn, &state) { return reply }
        }
        if state.flow != nil { return continueFlow(turn, &state) }
        if let saved = state.refusedPermit {
            if turn.has(.works) || turn.intent == .decorationPermit, !turn.isCancel, turn.intent != .goodbye {
                // The works revised after a structural refusal, or more about the application: it goes on with what was
                // given before (the scope is asked again).
                state.refusedPermit = nil
                var revised = saved
                revised.awaiting = .scope  // the refusal asked for the works again: this answers it
                state.flow = revised
                return continueFlow(turn, &state)
            }
            let other = Engine.serviceIntents.contains(turn.intent) && turn.intent != .decorationPermit
            if turn.isCancel || turn.intent == .goodbye || other { state.refusedPermit = nil }
        }
        if let suspended = state.suspended, !turn.isCancel,
            turn.has(.resumeWords)
                && (turn.intent == suspended.kind.intent || !Engine.serviceIntents.contains(turn.intent))
                || resumesWithAnswer(turn, suspended)
        {
            // "好的。投诉那个接着登记吧，我是4-2-502的" / "好，咁繼續報返個坐廁先，電話166…" after a question in between:
            // back to the unfinished one with the details it carries (restated, not yet confirmed), rather than a second
            // request of its kind.
            state.suspended = nil
            state.pending = nil
            var resumed = suspended
            carryKnownDetails(into: &resumed, state)
            let result = fill(&resumed, turn)
            state.flow = resumed
            let notes = result.problems.map { say($0.key, turn.language, $0.values) }
            return advance(turn, &state, notes: notes)
        }
        return startIntent(turn, &state, clarify: true)
    }

    /// A refused permit's flow kept for a revised scope: the scope and what was pending cleared.
    func withoutScope(_ flow: Flow) -> Flow {
        var kept = flow
        kept.slots[.scope] = nil
        kept.awaiting = nil
        kept.failures = [:]
        return kept
    }

    /// A message right after a repair or complaint was recorded, about that record: "when will they come?" looks it up;
    /// a request that asks for nothing new ("能不能现在就让保安上去看看？") is added to it as the resident's note. A clear
    /// new request, small talk and leaving are handled on their own (`nil`).
    func followUpOn(_ id: String, _ turn: Turn, _ state: inout SessionState) -> Reply? {
        if turn.intent == .progressQuery && turn.entities.recordID == nil || asksWhatNext(turn) {
            var flow = Flow(kind: .progressQuery)
            flow.slots[.recordID] = id
            state.flow = flow
            return advance(turn, &state, notes: [])
        }
        guard isSituationUpdate(turn), !turn.has(.alsoMarkers), turn.text.count >= 4,
            Engine.serviceIntents.contains(turn.intent) || turn.has(.questionMarkers)
        else { return nil }
        let note = RecordUpdate(id: id, at: turn.civil.iso8601, actor: "resident", note: turn.text)
        do {
            let updated = try store.update(note)
            var reply = Reply([say("followup.noted", turn.language, ["id": id])], intent: nil)
            reply.record = updated.reference
            return reply
        } catch {
            return Reply([say("store.failed", turn.language)], intent: nil)
        }
    }

    /// Whether a message right after a record was made asks how it goes on ("那你们的人大概多久能到？", "咁跟住會點跟進呀？",
    /// "ok so what happens now with my complaint?") and names nothing new: no other flat or record, no "also", no
    /// emergency.
    func asksWhatNext(_ turn: Turn) -> Bool {
        turn.has(.nextQuestions) && turn.entities.recordID == nil && turn.entities.unit == nil
            && turn.intent != .emergency && !turn.has(.alsoMarkers) && !turn.isCancel
    }

    /// Handles a message by its own intent, outside any flow.
    func startIntent(_ turn: Turn, _ state: inout SessionState, clarify: Bool) -> Reply {
        let classification = turn.classification
        if clarify, classification.ambiguous.count >= 2, let fault = publicFault(turn) {
            // A broken street lamp or lift "that nobody has fixed" is a repair first: the repair fixes it.
            var classified = classification
            classified.intent = fault
            classified.ambiguous = []
            return startIntent(makeTurn(turn.text, classified, now: turn.now, language: turn.language), &state, clarify: false)
        }
        if clarify, classification.ambiguous.count >= 2 {
            let options = classification.ambiguous.prefix(2).map(Intent.init(rawValue:))
            state.pending = .choice(options, text: turn.text)
            var reply = Reply(
                [
                    say(
                        "clarify.which", turn.language,
                        [
                            "first": flowName(options[0], turn.language),
                            "second": flowName(options[1], turn.language),
                        ])
                ],
                intent: .fallback)
            reply.choices = options
            return reply
        }
        if turn.intent == .decorationPermit, turn.classification.category(for: .decorationPermit) == "status" {
            // "has my renovation application been approved?" is about a permit (as the office labels it) but asks for its
            // status: answer it as a progress query rather than open a new application.
            return startFlow(.progressQuery, turn, &state)
        }
        if let kind = FlowKind(rawValue: turn.intent.rawValue) { return startFlow(kind, turn, &state) }
        if turn.intent == .fallback, turn.has(.structuralStrong) {
            return startFlow(.decorationPermit, turn, &state)
        }
        var stated = false
        if [Intent.greeting, .fallback, .thanks].contains(turn.intent), let unit = statedUnit(turn) {
            state.statedUnit = unit  // "Hi, block 5 flat 1101 here": the flat of the request that follows
            stated = true
        }
        if [Intent.greeting, .fallback].contains(turn.intent), let phone = turn.entities.phone {
            state.statedPhone = phone  // "13812345678" before anything else: the phone of the request that follows
            stated = true
        }
        if stated, turn.intent == .fallback {
            // Who they are, and no request yet: not a misunderstanding, a "how can I help?".
            return Reply([say("greeting.reply", turn.language)], intent: .fallback)
        }
        switch turn.intent {
        case .inquiry: return answerInquiry(turn)
        case .greeting: return Reply([say("greeting.reply", turn.language)], intent: .greeting)
        case .thanks: return Reply([say("thanks.reply", turn.language)], intent: .thanks)
        case .goodbye: return Reply([say("goodbye.reply", turn.language)], intent: .goodbye)
        case .cancel: return Reply([say("cancel.nothing", turn.language)], intent: .cancel)
        default: return Reply([say("fallback.reply", turn.language)], intent: .fallback)
        }
    }

    /// The flat a message names: a unit of the estate, or a block and flat only one entrance has.
    func statedUnit(_ turn: Turn) -> String? {
        if let unit = turn.entities.unit { return unitExists(unit) ? unit : nil }
        guard let flat = turn.entities.blockAndFlat else { return nil }
        return onlyUnit(block: flat.block, room: flat.room)
    }

    /// `repair` when a repair-or-complaint doubt is about a public fixture with a fault the lexicon routes (a street
    /// lamp, a lift): the office mends it whatever else is said; else `nil`.
    func publicFault(_ turn: Turn) -> String? {
        let options = Set(turn.classification.ambiguous.prefix(2))
        guard options == ["repair", "complaint"], turn.classification.category(for: .repair) != nil,
            turn.has(.streetLightWords) || turn.has(.liftWords), repairRoute(turn) != nil
        else { return nil }
        return "repair"
    }

    /// The answer to "shall we continue with the repair?", "a repair or a complaint?" or "verify to see details?";
    /// `nil` when the message is about something else (it is then handled normally).
    func answerPending(_ pending: PendingQuestion, _ turn: Turn, _ state: inout SessionState) -> Reply? {
        switch pending {
        case .resume:
            guard let suspended = state.suspended else { return nil }
            if turn.isCancel || turn.isDeny {
                state.suspended = nil
                return Reply(
                    [say("resume.dropped", turn.language, ["flow": flowName(suspended.kind.intent, turn.language)])],
                    intent: suspended.kind.intent)
            }
            state.suspended = nil
            var resumed = suspended
            carryKnownDetails(into: &resumed, state)  // the phone given in the request just made
            // The answer to the question the unfinished flow was waiting for means "yes, continue"
            // ("yes, ending 5678" carries a yes word too: the answer is read first).
            if resumesWithAnswer(turn, suspended) {
                state.flow = resumed
                return continueFlow(turn, &state)
            }
            // "那就继续吧", "繼續報修", "ok, carry on then": a continue word anywhere in a short line is a yes.
            let continues = turn.lower.count <= 16 && turn.has(.resumeWords)
            // "ok, back to the permit. Contractor is …, start December 2, 15 days": the details after the yes fill it.
            let carriesDetails =
                turn.lower.count > 16 && turn.intent == suspended.kind.intent && (turn.isAffirm || turn.has(.resumeWords))
            if carriesDetails {
                if resumed.awaiting == .confirm {
                    // The request was at its restatement: the "ok" goes back to it, it is no yes to the restatement;
                    // the details given now are filled in and the whole is restated again.
                    let result = fill(&resumed, turn)
                    state.flow = resumed
                    return advance(turn, &state, notes: result.problems.map { say($0.key, turn.language, $0.values) })
                }
                state.flow = resumed
                return continueFlow(turn, &state)
            }
            if turn.isAffirm || continues {
                state.flow = resumed
                return advance(turn, &state, notes: [say("resume.continue", turn.language)])
            }
            return nil
        case .choice(let options, let text):
            guard let picked = pick(options, turn) else { return nil }
            var classification = matcher.classify(text, now: turn.now, utcOffset: estate.utcOffset)
            classification.intent = picked.rawValue
            classification.ambiguous = []
            let original = makeTurn(text, classification, now: turn.now, language: turn.language)
            let started = startIntent(original, &state, clarify: false)
            // "12棟2單元1601 宋玉蘭" instead of a choice: the request is taken as the likelier one, and the flat or phone
            // given answers it rather than being lost.
            if turn.entities.unit != nil || turn.entities.phone != nil, let flow = state.flow,
                flow.awaiting == .unit || flow.awaiting == .phone
            {
                return continueFlow(turn, &state)
            }
            return started
        case .verifyRecord(let id):
            // "好的 那我在家等着" / "ok thanks" / "ok bye": the status was what they wanted; the offer of details is not
            // taken.
            // "行吧，谢了": thanks however sure the matcher is of it, without a word that takes the offer.
            if turn.isThanksOnly || turn.intent == .goodbye || (turn.intent == .thanks && !turn.has(.acceptWords)) {
                return nil
            }
            // "好，咁繼續報返個坐廁先": the "ok" goes back to the request the question interrupted, not to the details.
            if goesBack(turn, state) { return nil }
            // "ok. also my doorbell stopped working": the "ok" is no yes to the details, a new request follows.
            if Engine.serviceIntents.contains(turn.intent), turn.intent != .progressQuery { return nil }
            if turn.isAffirm, turn.has(.waitingWords), !turn.has(.acceptWords) {
                return Reply([say("progress.verify_declined", turn.language)], intent: nil)
            }
            if turn.isAffirm {
                var flow = Flow(kind: .progressQuery)
                flow.verifyingFor = id
                flow.slots[.recordID] = id
                state.flow = flow
                return advance(turn, &state, notes: [])
            }
            if turn.isDeny || turn.isCancel {
                return Reply([say("progress.verify_declined", turn.language)], intent: nil)
            }
            return nil
        case .offerPermit:
            // "好的" takes the offer, and so does the flat given at once ("4棟2單元902 鄭海燕"); "不用了" declines it.
            if turn.isDeny || turn.isCancel {
                return Reply([say("decoration.apply_declined", turn.language)], intent: .decorationPermit)
            }
            let anotherRequest =
                Engine.serviceIntents.contains(turn.intent) && turn.intent != .decorationPermit
                && turn.classification.confidence >= 0.5
            if turn.isAffirm && !turn.isThanksOnly || turn.entities.unit != nil && !anotherRequest {
                state.flow = Flow(kind: .decorationPermit)
                return continueFlow(turn, &state)
            }
            return nil
        case .offerRepair(let text):
            // "好 謝謝" / "ok thanks" after the advice and the offer thanks for the advice; "好的，麻烦安排" takes the visit.
            if turn.isAffirm, !turn.isThanksOnly {
                // The repair is filed from the resident's first words, as if they had asked for one.
                var classification = matcher.classify(text, now: turn.now, utcOffset: estate.utcOffset)
                classification.intent = "repair"
                classification.ambiguous = []
                let original = makeTurn(text, classification, now: turn.now, language: turn.language)
                return startFlow(.repair, original, &state)
            }
            if turn.isDeny || turn.isCancel {
                return Reply([say("emergency.repair_declined", turn.language)], intent: nil)
            }
            return nil
        }
    }

    /// Whether a message answers the slot an interrupted flow was waiting for: an entity for that slot, the
    /// flow's own kind of matter for its description, a free-text answer that is no other request.
    /// Whether the line goes back to the request a question interrupted: a resume word, or the answer it waited for.
    func goesBack(_ turn: Turn, _ state: SessionState) -> Bool {
        guard let suspended = state.suspended else { return false }
        return turn.has(.resumeWords) || resumesWithAnswer(turn, suspended)
    }

    func resumesWithAnswer(_ turn: Turn, _ flow: Flow) -> Bool {
        if turn.isLeaving || turn.isCancel { return false }
        if answersAwaited(turn, flow) { return true }
        let otherRequest =
            Engine.serviceIntents.contains(turn.intent) && turn.intent != flow.kind.intent
            && turn.classification.confidence >= 0.5
        // "我电话是138…" while the interrupted complaint waits for the flat: a detail it still needs goes on with it.
        let order = flow.kind.slotOrder
        if !otherRequest, turn.entities.phone != nil, order.contains(.phone), flow.slots[.phone] == nil { return true }
        if !otherRequest, turn.entities.unit != nil, order.contains(.unit), flow.slots[.unit] == nil { return true }
        switch flow.awaiting {
        case .description:
            return turn.intent == flow.kind.intent || turn.classification.category(for: flow.kind.intent) != nil
                || !otherRequest && isSubstantial(turn.text, turn)
        case .name, .scope, .contractor:
            return !otherRequest && !turn.isAffirm && !turn.isDeny && turn.intent != .greeting
                && turn.intent != .thanks
        default: return false
        }
    }

    /// Which of the offered intents the resident picked: "第一个" / "the first one" / "报修" / "complaint".
    func pick(_ options: [Intent], _ turn: Turn) -> Intent? {
        let text = TextMatch.trimmed(turn.lower)
        let firsts = turn.words[.choiceFirst]
        let seconds = turn.words[.choiceSecond]
        if options.count > 0, firsts.contains(where: { text == $0 || text.hasPrefix($0) }) { return options[0] }
        if options.count > 1, seconds.contains(where: { text == $0 || text.hasPrefix($0) }) { return options[1] }
        if options.contains(turn.intent) { return turn.intent }
        for option in options {
            let names = [flowName(option, .zhHans), flowName(option, .en).lowercased(), option.rawValue]
            if names.contains(where: { !$0.isEmpty && text.contains($0) }) { return option }
        }
        for (name, score) in turn.classification.scores where options.contains(Intent(name)) && score > 0 { return Intent(name) }
        return nil
    }

    /// After every turn: offer an interrupted flow again, or ask a due return visit.
    func finish(_ reply: inout Reply, _ turn: Turn, _ state: inout SessionState) {
        guard state.flow == nil, state.pending == nil, state.revisit == nil else { return }
        if let suspended = state.suspended {
            state.pending = .resume
            reply.add(say("resume.offer", turn.language, ["flow": flowName(suspended.kind.intent, turn.language)]))
            reply.awaiting = .confirm
        } else if let question = revisitQuestion(turn, &state) {
            reply.add(question)
        }
    }

    /// The name of an intent or flow as the resident would say it ("报修", "repair request").
    func flowName(_ intent: Intent, _ language: Language) -> String {
        let key = "flow." + intent.rawValue
        return catalog.phrases.contains(key) ? say(key, language) : intent.rawValue
    }

    /// The FAQ answer for the recognized topic, or what the desk can help with.
    func answerInquiry(_ turn: Turn) -> Reply {
        if let topic = turn.classification.category(for: .inquiry), let answer = faqAnswers[topic]?[turn.language] {
            return Reply([answer], intent: .inquiry)
        }
        return Reply([say("inquiry.general", turn.language)], intent: .inquiry)
    }
}
