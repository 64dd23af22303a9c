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
        } catch {
            state.flow = nil
            reply.add(say("emergency.store_failed", turn.language, ["unit": place, "category": what]))
        }
        reply.slots = slotsJSON(flow)
        return reply
    }

    /// Whether a decoration message asks for structural or load-bearing works.
    func isStructural(_ turn: Turn) -> Bool {
        Lexicon.containsAny(turn.lower, Lexicon.structural) || Lexicon.containsAny(turn.text, Lexicon.structural)
    }
}
