import Foundation
import FrontDeskModel

// Emergencies: safety advice and numbers before anything else, then the unit, then an urgent
// record at once. No confirmation step: safety first, and the reply restates what was recorded.
extension Engine {
    /// The safety advice for a category (gas, fire, flood, elevator_trapped, electrical), or the general one.
    func emergencyAdvice(_ category: String, _ language: Language) -> String {
        let key = "emergency.advice." + category
        return say(catalog.phrases.contains(key) ? key : "emergency.advice.general", language)
    }

    func createEmergency(_ flow: Flow, _ turn: Turn, _ state: inout SessionState, notes: [String]) -> Reply {
        let category = flow.slots["category"] ?? "general"
        var draft = draftRecord(flow, turn, state)
        draft.phone = draft.phone ?? state.suspended?.slots["phone"] ?? state.identity?.phone
        draft.category = category == "general" ? nil : category
        draft.priority = "urgent"
        draft.team = say("team.emergency", .zhHans)
        draft.dueAt = CivilTime(turn.now.addingTimeInterval(15 * 60), offset: estate.utcOffset).iso8601
        if let location = flow.slots["location"] {
            draft.description = [flow.slots["description"], location].compactMap { $0 }.joined(separator: " / ")
        }
        let place = flow.slots["unit"] ?? flow.slots["location"] ?? ""
        let what = say("emergency.category." + category, turn.language)
        var reply = Reply(notes, intent: "emergency")
        do {
            let record = try store.create(draft)
            state.flow = nil
            reply.add(say("emergency.created", turn.language, ["id": record.id, "unit": place, "category": what]))
            reply.record = record.reference
            if record.phone == nil, state.suspended == nil {
                // A contact phone is asked once, after the record: optional, and skipping it is fine.
                var contact = Flow(kind: .emergency)
                contact.slots["record_id"] = record.id
                contact.awaiting = "phone"
                state.flow = contact
                reply.add(say("ask.emergency.phone", turn.language))
                reply.awaiting = "phone"
            }
        } catch {
            state.flow = nil
            reply.add(say("emergency.store_failed", turn.language, ["unit": place, "category": what]))
        }
        reply.slots = slotsJSON(flow)
        return reply
    }

    /// The answer to "may we have a contact phone?" after an emergency or a permit was recorded: a phone is added to the
    /// record; "skip" or anything else ends the question (a new request is then handled as usual).
    func contactPhone(_ turn: Turn, _ state: inout SessionState) -> Reply? {
        guard let flow = state.flow, flow.kind == .emergency || flow.kind == .decorationPermit,
            let id = flow.slots["record_id"]
        else { return nil }
        state.flow = nil
        let prefix = flow.kind == .emergency ? "emergency" : "decoration"
        let intent = flow.kind.rawValue
        guard let phone = turn.entities.phone else {
            if turn.has(.skip) || turn.saysDenyWord || turn.isCancel {
                return Reply([say(prefix + ".phone_skipped", turn.language)], intent: intent)
            }
            return nil  // not an answer: the message is handled on its own
        }
        let update = RecordUpdate(id: id, at: turn.civil.iso8601, actor: "resident", phone: phone)
        do {
            let updated = try store.update(update)
            var reply = Reply([say(prefix + ".phone_saved", turn.language, ["id": id])], intent: intent)
            reply.record = updated.reference
            return reply
        } catch {
            return Reply([say(prefix + ".store_failed_phone", turn.language)], intent: intent)
        }
    }

    /// Whether a decoration message asks for structural or load-bearing works. A structural word that is
    /// negated ("不动承重墙", "no load-bearing walls touched") is a promise, not a change.
    func isStructural(_ turn: Turn) -> Bool {
        let words = turn.words
        for text in [turn.lower, turn.text.lowercased()] {
            for word in words[.structural] {
                var searchStart = text.startIndex
                while let range = text.range(of: word, range: searchStart..<text.endIndex) {
                    let before = String(
                        text[
                            text.index(
                                range.lowerBound,
                                offsetBy: -min(8, text.distance(from: text.startIndex, to: range.lowerBound)))..<range
                                .lowerBound])
                    let after = String(text[range.upperBound...].prefix(10))
                    let negated =
                        words[.structuralNegators].contains { before.contains($0) }
                        || words[.structuralNegators].contains { after.contains($0) && !$0.hasSuffix(" ") }
                    if !negated { return true }
                    searchStart = range.upperBound
                }
            }
        }
        return false
    }
}
