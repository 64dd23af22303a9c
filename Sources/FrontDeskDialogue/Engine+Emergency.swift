import Foundation
import FrontDeskContent
import FrontDeskMatching
import FrontDeskModel

// Emergencies: safety advice and numbers before anything else, then the unit, then an urgent
// record at once. No confirmation step: safety first, and the reply restates what was recorded.
extension Engine {
    /// The safety advice for a category (gas, fire, flood, elevator_trapped, electrical), or the general one.
    func emergencyAdvice(_ category: String, _ language: Language) -> String {
        let key = "emergency.advice." + category
        return say(catalog.phrases.contains(key) ? key : "emergency.advice.general", language)
    }

    /// The advice for a hazard the resident is not sure of (`smell`: a faint burning smell, `alarm`: an alarm with nothing
    /// seen): what to look for and when to call 119; the category's usual advice where there is no such wording (a faint
    /// gas smell gets the gas advice in full).
    func uncertainAdvice(_ hazard: String, _ category: String, _ language: Language) -> String {
        let key = "emergency.advice.uncertain." + hazard
        return catalog.phrases.contains(key) ? say(key, language) : emergencyAdvice(category, language)
    }

    /// Whether an emergency's message reports an uncertain hazard (SPEC 3): a smell, smoke or an alarm told with a
    /// hedge ("好像闻到一点点煤气味", "a faint burning smell") or with a sign looked for and not found ("the alarm is going
    /// off but I can't see any smoke"). A clear sign (明火, 浓烟, a hissing pipe, flames) is never uncertain.
    /// The hedge must be in the clause that names the hazard: "有煤氣味，好像洩漏了" states the smell and is not uncertain;
    /// a doubt about the whole matter counts in any clause ("有股烧焦的味道，不知道哪来的", "not sure if it's dangerous").
    func isUncertainHazard(_ turn: Turn) -> Bool {
        guard turn.has(.hazardCues), !showsHazardSign(turn) else { return false }
        // A sign named only to deny it ("周围睇过又冇见到烟": none shows, so every one named is denied) is a "no sign".
        if turn.has(.noHazardSigns) || turn.has(.hazardSigns) || turn.has(.wholeHedges) { return true }
        // A smoke or fire alarm going off with nothing else told (SPEC 3: "a smoke alarm beeping"): one question first.
        // A gas or CO alarm (the matcher's gas category: "CO alarm going off and we all feel dizzy") is not asked about.
        if turn.has(.alarmWords), turn.classification.category(for: .emergency) != "gas",
            !TextMatch.containsAny(turn.removing(.alarmWords, from: turn.lower), turn.words[.hazardCues])
        {
            return true
        }
        guard turn.classification.contains(act: .hedge) else { return false }
        let hedges = catalog.acts.first { $0.name == DialogueAct.hedge.rawValue }?.words ?? []
        let clauses = turn.lower.split { Engine.isClauseBreak($0) }.map(String.init)
        return clauses.contains { clause in
            TextMatch.containsAny(clause, turn.words[.hazardCues]) && TextMatch.containsAny(clause, hedges)
        }
    }

    /// Whether the message names a clear sign of a hazard, once the signs looked for and not found are set aside
    /// ("没有明火" names none).
    func showsHazardSign(_ turn: Turn) -> Bool {
        // A sign after a denying word in its clause is denied too: "no smoke or flames", "冇濃煙或者火光".
        let clauses = turn.lower.split { Engine.isClauseBreak($0) }.map(String.init)
        return clauses.contains { clause in
            let rest = turn.removing(.noHazardSigns, from: clause)
            return turn.words[.hazardSigns].contains { sign in
                guard TextMatch.contains(rest, sign), let range = TextMatch.range(of: sign, in: clause) else {
                    return false
                }
                let before = String(clause[..<range.lowerBound])
                return !turn.words[.signNegators].contains { TextMatch.contains(before, $0) }
            }
        }
    }

    /// The answer to "is there any smoke, an open flame or a smell of gas?". Yes (or a clear sign): an emergency, the
    /// location asked (or the record made at once when it is known). No: what to do, and a repair visit offered; no
    /// urgent record. Another request drops the question; anything else asks it again.
    func answerSafetyCheck(_ turn: Turn, _ state: inout SessionState) -> Reply {
        guard var flow = state.flow, let hazard = flow.checkingHazard else {
            return startIntent(turn, &state, clarify: true)
        }
        let sign = showsHazardSign(turn)
        let deniedSign = !sign && turn.has(.hazardSigns)  // "no smoke or flames anywhere"
        let no = !sign && (turn.isDeny || turn.says(.hazardNo) || turn.has(.noHazardSigns) || deniedSign)
        let plainReport = turn.intent == .emergency && !turn.classification.contains(act: .hedge)
        let yes = sign || !no && (turn.isAffirm || turn.says(.hazardYes) || plainReport)
        if yes {
            flow.checkingHazard = nil
            flow.awaiting = nil
            _ = fill(&flow, turn)
            if let category = turn.classification.category(for: .emergency), flow.slots[.category] == "general" {
                flow.slots[.category] = category
            }
            state.flow = flow
            // Now it is an emergency: its own advice and numbers (119 for a fire) before the place is asked or recorded.
            let advice = emergencyAdvice(flow.slots[.category] ?? "general", turn.language)
            return advance(turn, &state, notes: [say("emergency.check.confirmed", turn.language), advice])
        }
        if no {
            state.flow = nil
            state.pending = .offerRepair(text: flow.slots[.description] ?? turn.text)
            let parts = [
                say("emergency.check.clear." + hazard, turn.language), say("emergency.offer_repair", turn.language),
            ]
            return Reply(parts, intent: .emergency, awaiting: .confirm)
        }
        if Engine.serviceIntents.contains(turn.intent), turn.intent != .emergency,
            turn.classification.confidence >= 0.5
        {
            state.flow = nil  // a request of another kind: the advice was given, the question is dropped
            return startIntent(turn, &state, clarify: true)
        }
        _ = fill(&flow, turn)  // a place given meanwhile is kept for the record
        flow.awaiting = .confirm
        state.flow = flow
        return Reply([say("emergency.check.again", turn.language)], intent: .emergency, awaiting: .confirm)
    }

    func createEmergency(_ flow: Flow, _ turn: Turn, _ state: inout SessionState, notes: [String]) -> Reply {
        let category = flow.slots[.category] ?? "general"
        var draft = draftRecord(flow, turn, state)
        draft.phone = draft.phone ?? state.suspended?.slots[.phone] ?? state.identity?.phone
        draft.category = category == "general" ? nil : category
        draft.priority = "urgent"
        draft.team = say("team.emergency", .zhHans)
        draft.dueAt = CivilTime(turn.now.addingTimeInterval(15 * 60), offset: estate.utcOffset).iso8601
        if let location = flow.slots[.location] {
            // The place told in the first words is already in the description; a place told later is added to it.
            let description = flow.slots[.description]
            let told = description?.contains(location) ?? false
            draft.description = told ? description : [description, location].compactMap { $0 }.joined(separator: " / ")
        }
        let place = flow.slots[.unit] ?? flow.slots[.location] ?? ""
        let what = say("emergency.category." + category, turn.language)
        var reply = Reply(notes, intent: .emergency)
        do {
            let record = try store.create(draft)
            state.flow = nil
            state.madeRecords.insert(record.id)
            reply.add(say("emergency.created", turn.language, ["id": record.id, "unit": place, "category": what]))
            reply.record = record.reference
            if record.phone == nil, state.suspended == nil {
                // A contact phone is asked once, after the record: optional, and skipping it is fine.
                var contact = Flow(kind: .emergency)
                contact.slots[.recordID] = record.id
                contact.slots[.category] = category
                contact.slots[.unit] = flow.slots[.unit]
                contact.awaiting = .phone
                state.flow = contact
                reply.add(say("ask.emergency.phone", turn.language))
                reply.awaiting = .phone
            } else if state.suspended == nil {
                // The phone is known: the emergency stays at hand all the same, so that news of it ("窗户开了，人已经下楼了")
                // is added to it and "how long till someone gets here?" is about it, not a new request.
                state.flow = emergencyAtHand(record.id, category: category, unit: flow.slots[.unit])
            }
        } catch {
            state.flow = nil
            reply.add(say("emergency.store_failed", turn.language, ["unit": place, "category": what]))
        }
        reply.slots = slotsJSON(flow)
        return reply
    }

    /// A recorded emergency kept at hand, asking nothing: what the resident says of it next is added to it.
    func emergencyAtHand(_ id: String, category: String?, unit: String?) -> Flow {
        var flow = Flow(kind: .emergency)
        flow.slots[.recordID] = id
        flow.slots[.category] = category
        flow.slots[.unit] = unit
        return flow
    }

    /// The answer to "may we have a contact phone?" after an emergency was recorded: a phone is added to the record;
    /// "skip" or anything else ends the question (a new request is then handled as usual).
    func contactPhone(_ turn: Turn, _ state: inout SessionState) -> Reply? {
        guard let flow = state.flow, flow.kind == .emergency, let id = flow.slots[.recordID] else { return nil }
        state.flow = nil
        let prefix = "emergency"
        let intent = flow.kind.intent
        guard let phone = turn.entities.phone else {
            if turn.has(.skip) || turn.saysDenyWord || turn.isCancel {
                return Reply([say(prefix + ".phone_skipped", turn.language)], intent: intent)
            }
            // "how long till someone gets here?": how the recorded emergency goes on, looked up.
            if asksWhatNext(turn), let record = store.record(id: id) {
                return describe(record, turn, &state, notes: [])
            }
            // "好，窗户开了，人已经下楼了，你们赶紧派人": a yes to the safety advice first, then news of it and a call to hurry.
            let answersAdvice = turn.opensWithAffirm && !turn.has(.alsoMarkers) && turn.entities.unit == nil
                && turn.intent != .emergency
            if flow.kind == .emergency,
                answersAdvice || isSituationUpdate(turn) || isSameEmergency(turn, flow) || isSameMatter(turn, flow)
            {
                // "we are going down the stairs now", "她说里面灯还亮着，警铃按了没人应": news of the emergency, not a new
                // request nor a second emergency. Kept on the record for the staff on their way; a phone may still follow,
                // so the recorded emergency stays at hand without a pending question.
                state.flow = emergencyAtHand(id, category: flow.slots[.category], unit: flow.slots[.unit])
                var reply = Reply([say("emergency.update_ack", turn.language)], intent: intent)
                do {
                    let note = RecordUpdate(id: id, at: turn.civil.iso8601, actor: "resident", note: turn.text)
                    reply.record = try store.update(note).reference
                } catch {
                    reply.add(say("store.failed", turn.language))
                }
                return reply
            }
            return nil  // not an answer: the message is handled on its own
        }
        let update = RecordUpdate(id: id, at: turn.civil.iso8601, actor: "resident", phone: phone)
        do {
            let updated = try store.update(update)
            // The emergency stays at hand: what the resident says of it next is added to it ("快点来人啊").
            state.flow = emergencyAtHand(id, category: flow.slots[.category], unit: flow.slots[.unit])
            var reply = Reply([say(prefix + ".phone_saved", turn.language, ["id": id])], intent: intent)
            reply.record = updated.reference
            return reply
        } catch {
            return Reply([say(prefix + ".store_failed_phone", turn.language)], intent: intent)
        }
    }

    /// Whether a repair message right after an emergency was recorded asks for what the emergency needs: the trade of its
    /// category (`repair_category` in `emergency.json`: "你们赶紧派人来关总阀" after a burst pipe), no other flat named.
    func isSameMatter(_ turn: Turn, _ flow: Flow) -> Bool {
        guard turn.intent == .repair, !turn.has(.alsoMarkers), let category = flow.slots[.category],
            let trade = attributes("emergency", category)["repair_category"]
        else { return false }
        let samePlace = turn.entities.unit == nil || turn.entities.unit == flow.slots[.unit]
        return samePlace && turn.classification.category(for: .repair) == trade
    }

    /// Whether an emergency message right after an emergency was recorded is about the same one: no other hazard and no
    /// other flat named.
    func isSameEmergency(_ turn: Turn, _ flow: Flow) -> Bool {
        guard turn.intent == .emergency else { return false }
        let category = turn.classification.category(for: .emergency)
        let sameKind = category == nil || category == flow.slots[.category]
        let samePlace = turn.entities.unit == nil || turn.entities.unit == flow.slots[.unit]
        return sameKind && samePlace
    }

    /// Whether a message after an emergency was recorded tells how things stand rather than asking for something new:
    /// small talk, leaving, a hand-off and a new emergency are handled on their own, and so is a clear request of
    /// another kind (a confident, unambiguous service intent).
    func isSituationUpdate(_ turn: Turn) -> Bool {
        let own: Set<Intent> = [.thanks, .goodbye, .greeting, .cancel, .handoff, .emergency]
        if own.contains(turn.intent) { return false }
        // Where it is ("就在B2 C区 靠近3号电梯厅那边"): the place of this emergency, whatever the words of the place suggest.
        if !turn.has(.alsoMarkers), answersPlace(turn) || turn.has(.zoneMarkers) { return true }
        let classification = turn.classification
        let clearRequest =
            Engine.serviceIntents.contains(turn.intent) && classification.ambiguous.isEmpty
            && classification.confidence >= Engine.clearRequestConfidence
        return !clearRequest
    }

    /// Whether a decoration message asks for structural or load-bearing works. A structural word that is
    /// negated ("不动承重墙", "no load-bearing walls touched") is a promise, not a change.
    func isStructural(_ turn: Turn) -> Bool {
        let words = turn.words
        // Most messages have no structural word at all: then the names need not be read. Hiding a name only takes
        // characters away (a space in their place), so a word found in the text with the names hidden is in the text
        // itself, and so is each space-separated piece of a word with a space in it.
        if turn.lowerIsPlain, !structuralPieces.mayOccur(in: turn.lower),
            !structuralPieces.mayOccur(in: turn.text.lowercased())
        {
            return false
        }
        // A name is no works: "我叫梁浩然" holds 梁 (a beam), "华柱装饰" 柱 (a column).
        let names = [statedName(turn), statedValue(turn, after: words[.contractorMarkers], length: 2...60)].compactMap { $0 }
        let hidden = names.flatMap { [simplifiedShadow($0), $0.lowercased()] }
        for whole in [turn.lower, turn.text.lowercased()] {
            let text = hidden.reduce(whole) { $0.replacingOccurrences(of: $1, with: " ") }
            for word in words[.structural] {
                var searchStart = text.startIndex
                while let range = TextMatch.range(of: word, in: text, from: searchStart) {
                    // The negator may stand anywhere before the word in its clause, after any contrast word ("we're not
                    // touching any load-bearing walls"; "不动厨房，但要拆承重墙" is works on a bearing wall).
                    var clauseStart = text[..<range.lowerBound].lastIndex { Engine.isClauseBreak($0) }
                        .map { text.index(after: $0) } ?? text.startIndex
                    for contrast in catalog.settings.contrastWords {
                        if let found = TextMatch.lastRange(of: contrast, in: text[clauseStart..<range.lowerBound]) {
                            clauseStart = found.upperBound
                        }
                    }
                    let reach = text.index(
                        range.lowerBound, offsetBy: -min(30, text.distance(from: clauseStart, to: range.lowerBound)))
                    let before = String(text[reach..<range.lowerBound])
                    let after = String(text[range.upperBound...].prefix(10))
                    let negated =
                        words[.structuralNegators].contains { TextMatch.contains(before, $0) }
                        || words[.structuralNegators].contains { TextMatch.contains(after, $0) && !$0.hasSuffix(" ") }
                    if !negated { return true }
                    searchStart = range.upperBound
                }
            }
        }
        return false
    }
}

/// The words of a list cut at their spaces, as bytes, built once per engine (`Engine.structuralPieces`): whether any
/// word may occur in a text once parts of it are replaced by spaces, each piece of it being in the text.
struct PieceWords: Sendable {
    /// Each word's pieces' UTF-8; `nil` when a word that plain text may hold is not plain itself or has no piece, and
    /// the answer is always "may". A word that plain text never holds ("façade": not plain, nor its canonical
    /// decomposition, as `TextMatch.PlainWords.othersInPlain` tells them) is left out.
    private let pieces: [[[UInt8]]]?

    init(_ words: [String]) {
        var pieces: [[[UInt8]]] = []
        for word in words {
            var copy = word
            if !copy.withUTF8({ TextMatch.isPlain($0) }) {
                var decomposed = word.decomposedStringWithCanonicalMapping
                if !decomposed.withUTF8({ TextMatch.isPlain($0) }) { continue }  // never in plain text
                self.pieces = nil
                return
            }
            let split = word.split(separator: " ").map { Array($0.utf8) }
            guard !split.isEmpty else {
                self.pieces = nil
                return
            }
            pieces.append(split)
        }
        self.pieces = pieces
    }

    /// Whether any word may occur in `text` with parts of it replaced by spaces: `false` only when `text` is plain text
    /// and some piece of each word is not in it.
    func mayOccur(in text: String) -> Bool {
        guard let pieces else { return true }
        var haystack = text
        return haystack.withUTF8 { bytes in
            guard TextMatch.isPlain(bytes) else { return true }
            return pieces.contains { word in
                word.allSatisfy { piece in piece.withUnsafeBufferPointer { TextMatch.occurs($0, in: bytes) } }
            }
        }
    }
}
