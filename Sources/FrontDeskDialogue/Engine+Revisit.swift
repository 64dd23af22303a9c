import Foundation
import FrontDeskContent
import FrontDeskMatching
import FrontDeskModel

// Return visits: a record resolved within the last 3 days and not yet revisited is asked
// about when its resident next chats and is identified by unit and verified phone.
extension Engine {
    /// Days after resolution within which a return visit is due.
    static let revisitWindowDays = 3

    /// The return-visit question to add to this turn's reply, if one is due for this resident.
    func revisitQuestion(_ turn: Turn, _ state: inout SessionState) -> String? {
        let verifiedUnit = state.verification?.unit
        let identity = state.identity
        let visitedUnit = state.visitedUnit
        let namedUnit = state.namedUnit
        guard verifiedUnit != nil || identity != nil || visitedUnit != nil || namedUnit != nil else { return nil }
        let since = CivilTime(
            turn.now.addingTimeInterval(-Double(Engine.revisitWindowDays) * 86_400), offset: estate.utcOffset)
        let due = store.recordsAwaitingRevisit().filter { record in
            guard record.status == "resolved", record.revisitedAt == nil, let resolvedAt = record.resolvedAt,
                let resolved = CivilTime.parse(resolvedAt, defaultOffset: estate.utcOffset),
                resolved.date >= since.date, !state.revisitsAsked.contains(record.id), let unit = record.unit
            else { return false }
            if unit == verifiedUnit || unit == visitedUnit || unit == namedUnit { return true }
            if let identity, identity.unit == unit, let phone = record.phone, phone == identity.phone { return true }
            return false
        }
        guard let record = due.last, let resolvedAt = record.resolvedAt else { return nil }
        state.revisitsAsked.insert(record.id)
        state.revisit = Revisit(recordID: record.id, stage: .satisfaction)
        let date = CivilTime.parse(resolvedAt, defaultOffset: estate.utcOffset)?.isoDate ?? resolvedAt
        return say(
            "revisit.ask", turn.language,
            ["date": date, "service": say("type." + record.type.rawValue, turn.language), "id": record.id])
    }

    /// The answer to a return-visit question; `nil` when the message is a new request instead.
    func handleRevisit(_ turn: Turn, _ state: inout SessionState) -> Reply? {
        guard let revisit = state.revisit else { return nil }
        let newRequest =
            Engine.serviceIntents.contains(turn.intent) && turn.classification.confidence >= 0.5
            && turn.intent != .inquiry
        switch revisit.stage {
        case .satisfaction:
            // "修完第二天又漏了" with no rating word: the fault is back, which is a rating too.
            let back = store.record(id: revisit.recordID)?.type == .repair && turn.has(.faultBack)
            guard let level = satisfaction(in: turn) ?? (back ? .dissatisfied : nil) else {
                if newRequest || revisit.reminded {
                    state.revisit = nil
                    return nil
                }
                state.revisit?.reminded = true
                return Reply([say("revisit.ask_again", turn.language)], intent: nil)
            }
            let update = RecordUpdate(
                id: revisit.recordID, at: turn.civil.iso8601, actor: "resident",
                satisfaction: catalog.satisfactionNames.stored(level))
            let updated: Record
            do {
                updated = try store.update(update)
            } catch {
                state.revisit = nil
                state.storeFailures += 1
                return Reply([say("revisit.store_failed", turn.language)], intent: nil)
            }
            if level.score <= 2, updated.type == .repair, namesFault(turn) {
                // "not satisfied, it leaked again the next day": the fault is back. Keep the reason and reopen the order.
                let reopen = RecordUpdate(
                    id: updated.id, at: turn.civil.iso8601, actor: "resident", status: "open", note: turn.text)
                state.revisit = nil
                let reopened: Record
                do {
                    reopened = try store.update(reopen)
                } catch {
                    // The rating is stored; the order is not reopened. Say so, and give the office phone.
                    state.storeFailures += 1
                    var reply = Reply(
                        [say("revisit.reopen_failed", turn.language, ["id": updated.id])], intent: .repair)
                    reply.record = updated.reference
                    return reply
                }
                var reply = Reply([say("revisit.reopened", turn.language, ["id": reopened.id])], intent: .repair)
                reply.record = reopened.reference
                return reply
            }
            if ratingCarriesReason(turn) {
                let note = RecordUpdate(id: updated.id, at: turn.civil.iso8601, actor: "resident", note: turn.text)
                if turn.has(.ratingComplaint) {
                    // "满意。不过我要投诉楼上的狗" / "一般，师傅把垃圾扔楼道里了，到现在都没人收": the rating is stored with the
                    // line as its reason, and the rest is a complaint, taken as one (its flat and phone are the visit's).
                    state.revisit = nil
                    do {
                        _ = try store.update(note)
                    } catch {
                        state.storeFailures += 1
                    }
                    return startFlow(.complaint, turn, &state)
                }
                // "不满意。修是修好了，但是拖了一个礼拜才来": the reason came with the rating; it is the feedback. A remark
                // after it ("just tell them to clean up next time") adds to it, as a suggestion does.
                state.revisit?.stage = .suggestion
                state.revisit?.satisfied = level.score >= 4
                state.revisit?.noted = true
                let noted: Record
                do {
                    noted = try store.update(note)
                } catch {
                    // The rating is stored, its reason is not: say so rather than thank for what was lost.
                    state.storeFailures += 1
                    var reply = Reply([say("revisit.note_failed", turn.language)], intent: nil)
                    reply.record = updated.reference
                    return reply
                }
                var reply = Reply(
                    [say(level.score >= 4 ? "revisit.noted_satisfied" : "revisit.noted_unsatisfied", turn.language)],
                    intent: nil)
                reply.record = noted.reference
                return reply
            }
            state.revisit?.stage = .suggestion
            state.revisit?.satisfied = level.score >= 4
            var reply = Reply(
                [say(level.score >= 4 ? "revisit.satisfied" : "revisit.unsatisfied", turn.language)], intent: nil)
            reply.record = updated.reference  // SPEC 2.1: the record updated on this turn
            return reply
        case .suggestion:
            state.revisit = nil
            // Feedback mentions the service it is about ("the technician was very professional"): only a clear new request interrupts.
            // "建议以后…就更好了" is more feedback even when it names the job's words.
            let suggestion = turn.has(.suggestionWords) && turn.intent != .emergency
            if newRequest, turn.classification.confidence >= 0.95, !suggestion { return nil }
            // After a rating with its reason ("anything else I can help with?"), any other request or question is new;
            // only more about the visit (a complaint about it) adds to the feedback.
            if revisit.noted, Engine.serviceIntents.contains(turn.intent), turn.intent != .complaint, !suggestion {
                return nil
            }
            let nothing = turn.isDeny || turn.says(.nothing)
            // "没别的了，再见": the resident's goodbye or thanks is still the turn's intent.
            let closing = turn.intent == .goodbye || turn.intent == .thanks ? turn.intent : nil
            if !nothing, turn.intent != .thanks, turn.intent != .goodbye {
                let note = RecordUpdate(
                    id: revisit.recordID, at: turn.civil.iso8601, actor: "resident", note: turn.text)
                do {
                    _ = try store.update(note)
                } catch {
                    state.storeFailures += 1
                    return Reply([say("revisit.note_failed", turn.language)], intent: closing)
                }
            }
            let key = revisit.satisfied ? "revisit.thanks_satisfied" : "revisit.thanks_feedback"
            return Reply([say(key, turn.language)], intent: closing)
        }
    }

    /// Whether a rating comes with its reason: what is left once the rating words, punctuation and spaces are taken
    /// out is a clause of its own (four Han characters, or three English words), not a bare "满意" or "5".
    func ratingCarriesReason(_ turn: Turn) -> Bool {
        var rest = turn.lower
        for (word, _) in turn.words.satisfaction { rest = rest.replacingOccurrences(of: word, with: " ") }
        let han = rest.unicodeScalars.filter { Han.isIdeograph($0.value) }.count
        let words = rest.split { !$0.isLetter }.filter { $0.count > 1 }.count
        return han >= 4 || words >= 3
    }

    /// Whether a low rating says the job's fault is back ("又漏了", "still leaking", "the leak is back"). Another reason
    /// ("师傅迟到了两个小时", "left a mess") is feedback on the visit: stored, nothing reopened.
    func namesFault(_ turn: Turn) -> Bool { turn.has(.faultBack) }

    /// 非常满意 … 非常不满意, their English equivalents, or a bare 1–5 (5 = 非常满意).
    func satisfaction(in turn: Turn) -> Satisfaction? {
        let text = TextMatch.trimmed(turn.lower)
        if text.count == 1, let digit = Int(text) { return Satisfaction(score: digit) }
        for (word, level) in turn.words.satisfaction where text.contains(word) {
            return Satisfaction(key: level)
        }
        return nil
    }
}
