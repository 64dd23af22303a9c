import Foundation
import FrontDeskContent
import FrontDeskMatching
import FrontDeskModel

// Restating the details, and what the answer to "is this correct?" does: affirm creates, a correction
// updates and restates, deny asks what to change, cancel abandons.
extension Engine {
    func handleConfirm(_ turn: Turn, _ state: inout SessionState) -> Reply {
        guard var flow = state.flow else { return startIntent(turn, &state, clarify: true) }
        // "Yes that's all correct. The dog is friendly, just so your guy knows": a yes first is the answer, and a remark
        // after it is no new request (an emergency still is, and so is a second matter brought in with "还有" / "also").
        let answeredFirst =
            turn.saysAffirmWord && !turn.isDeny && turn.intent != .emergency && !turn.has(.alsoMarkers)
        // "哦对了还有个事，厨房水龙头也一直滴…师傅来了顺便一起看下" / "oh and while they're here, the window handle is loose
        // as well": a second fault of the same trade (or of none the matcher names) told at the restatement joins this
        // order's description, and the whole is restated; a fault for another team is a request of its own.
        if flow.kind == .repair, turn.intent == .repair, turn.has(.alsoMarkers), !turn.isCorrection, !turn.isCancel,
            let description = flow.slots[.description], !description.contains(turn.text),
            turn.entities.unit == nil || turn.entities.unit == flow.slots[.unit],
            turn.classification.category(for: .repair).map({ $0 == flow.slots[.category] }) ?? true
        {
            flow.slots[.description] = description + say("list.comma", turn.language) + turn.text
            state.flow = flow
            return Reply(
                [changedNote([.description], flow, turn.language), restate(flow, turn.language)], intent: .repair,
                awaiting: .confirm)
        }
        if !turn.isCorrection, !answeredFirst, isDigression(turn, flow) {
            state.suspended = flow
            state.flow = nil
            return startIntent(turn, &state, clarify: true)
        }
        if flow.kind == .repair, turn.has(.chooseTime), turn.entities.date == nil, turn.entities.timeOfDay == nil {
            // "can I choose when the plumber comes?": ask for the visit time, then restate.
            flow.awaiting = .time
            state.flow = flow
            return Reply([ask(.time, flow, turn.language)], intent: flow.kind.intent, awaiting: .time)
        }
        if asksAboutThisVisit(turn, flow) { return visitAnswer(turn, flow) }
        let before = flow.slots
        let result = fill(&flow, turn)
        if flow.kind == .decorationPermit, flow.slots[.scope] != before[.scope], isStructural(turn) {
            state.flow = nil
            state.refusedPermit = withoutScope(flow)
            return Reply([say("decoration.structural_refused", turn.language)], intent: flow.kind.intent, awaiting: .scope)
        }
        let notes = result.problems.map { say($0.key, turn.language, $0.values) }
        state.flow = flow
        if flow.slots != before {
            let names = flow.kind.slotOrder + flow.kind.reportedSlots.filter { !flow.kind.slotOrder.contains($0) }
            let changed = names.filter { before[$0] != flow.slots[$0] && flow.slots[$0] != nil }
            let what =
                changed.isEmpty ? say("confirm.updated", turn.language) : changedNote(changed, flow, turn.language)
            return Reply(notes + [what, restate(flow, turn.language)], intent: flow.kind.intent, awaiting: .confirm)
        }
        if !notes.isEmpty || (!result.filled.isEmpty && !turn.isAffirm) {
            // A problem to explain, or a detail repeated as it already stands: restate for the confirmation.
            return Reply(notes + [restate(flow, turn.language)], intent: flow.kind.intent, awaiting: .confirm)
        }
        if settles(turn) {
            var reply = create(flow, turn, &state)
            if turn.isLeaving, reply.record != nil, state.flow == nil, state.suspended == nil {
                reply.add(say("goodbye.reply", turn.language))  // "好，谢谢，再见": made, then the goodbye
            }
            return reply
        }
        if turn.isDeny {
            return Reply([say("confirm.what_to_change", turn.language)], intent: flow.kind.intent, awaiting: .confirm)
        }
        return Reply([say("confirm.again", turn.language)], intent: flow.kind.intent, awaiting: .confirm)
    }

    /// "请您核对：…确认无误请回复“确认”": every detail of the flow, in the resident's language.
    func restate(_ flow: Flow, _ language: Language) -> String {
        var values = flow.slots.byName
        values["time"] = flow.slots[.time] ?? say("time.asap", language)
        values["unit"] = flow.slots[.unit] ?? say("unit.public_area", language)
        if flow.kind == .handoff, flow.slots[.unit] == nil { values["unit"] = "" }
        return say("confirm." + flow.kind.rawValue, language, values)
    }

    /// Creates the record of a confirmed flow; a failed save shows no ID and gives the office phone.
    func create(_ flow: Flow, _ turn: Turn, _ state: inout SessionState) -> Reply {
        let kind = flow.kind.rawValue
        let draft = draftRecord(flow, turn, state)
        let record: Record
        do {
            record = try store.create(draft)
        } catch {
            return Reply([say("store.failed", turn.language)], intent: flow.kind.intent, awaiting: .confirm)
        }
        state.flow = nil
        if let unit = record.unit, let phone = record.phone { state.identity = (unit, phone) }
        state.madeRecords.insert(record.id)
        if flow.kind == .repair || flow.kind == .complaint { state.followUp = record.id }
        var values = flow.slots.byName
        values["id"] = record.id
        values["team"] =
            localized(record.team, attributes(kind, record.category ?? "")["team_en"], turn.language)
            ?? say("team.default", turn.language)
        values["department"] =
            localized(
                attributes(kind, record.category ?? "")["department"],
                attributes(kind, record.category ?? "")["department_en"],
                turn.language) ?? say("department.default", turn.language)
        values["due"] = record.dueAt.map(displayTime) ?? ""
        values["time"] = flow.slots[.time] ?? say("time.asap", turn.language)
        values["deposit"] = money(decorationRules.deposit)
        values["working_hours"] = decorationRules.workingHours
        values["documents"] = documents(turn.language)
        // A visit time the resident chose is the promise; the due time is only the team's deadline.
        let key = flow.kind == .repair && flow.slots[.time] != nil ? "repair.created_at_time" : kind + ".created"
        var reply = Reply([say(key, turn.language, values)], intent: flow.kind.intent)
        reply.record = record.reference
        reply.slots = slotsJSON(flow)
        return reply
    }

    /// The record a confirmed flow makes, routed by its category.
    func draftRecord(_ flow: Flow, _ turn: Turn, _ state: SessionState) -> Record {
        let slots = flow.slots
        let type: RecordType =
            switch flow.kind {
            case .repair: .repair
            case .complaint: .complaint
            case .decorationPermit: .decorationPermit
            case .emergency: .emergency
            default: .callback
            }
        var record = Record(
            type: type, createdAt: turn.civil.iso8601, unit: slots[.unit], name: slots[.name], phone: slots[.phone],
            category: slots[.category], description: slots[.description], session: state.id,
            language: turn.language.rawValue)
        switch flow.kind {
        case .repair:
            let attributes = attributes("repair", slots[.category] ?? "other")
            record.time = slots[.time] ?? say("time.asap", .zhHans)
            record.team = attributes["team"] ?? say("team.default", .zhHans)
            record.priority = attributes["priority"] ?? "normal"
            let hours = attributes["due_hours"].flatMap { Double($0) } ?? 24
            record.dueAt = CivilTime(turn.now.addingTimeInterval(hours * 3600), offset: estate.utcOffset).iso8601
        case .complaint:
            record.team = attributes("complaint", slots[.category] ?? "other")["department"]
            record.priority = attributes("complaint", slots[.category] ?? "other")["priority"] ?? "normal"
            record.dueAt = turn.civil.addingDays(3).iso8601
        case .decorationPermit:
            record.scope = slots[.scope]
            record.contractor = slots[.contractor]
            record.startDate = slots[.startDate]
            record.durationDays = slots[.durationDays].flatMap { Int($0) }
            record.workers = slots[.workers].flatMap { Int($0) }
            record.dueAt = turn.civil.addingDays(3).iso8601
            record.category = nil
        case .handoff:
            record.priority = "normal"
            record.category = nil
        default:
            break
        }
        return record
    }

    /// `2026-11-23 10:00` from an ISO time (language-neutral).
    func displayTime(_ iso: String) -> String {
        guard let time = CivilTime.parse(iso, defaultOffset: estate.utcOffset) else { return iso }
        return time.isoDate + " " + time.hourMinute
    }

    /// The English variant of an attribute when replying in English and the catalog has one.
    func localized(_ value: String?, _ english: String?, _ language: Language) -> String? {
        if language == .en, let english { return english }
        // Team and department names are written in Simplified in intents/; a Traditional reply
        // shows them in Traditional (asked of ICU only on the turn that creates a record).
        if language == .zhHant, let value { return traditionalForms[value] ?? Engine.traditional(value) }
        return value
    }

    /// The documents to bring for a decoration permit.
    func documents(_ language: Language) -> String {
        let listed = decorationRules.documents
        if listed.isEmpty || language == .en { return say("decoration.documents", language) }
        let joined = listed.joined(separator: say("list.comma", language))
        guard language == .zhHant else { return joined }
        return traditionalForms[joined] ?? Engine.traditional(joined)
    }

    /// ICU's Simplified → Traditional form of `text` (`text` itself when ICU gives none).
    static func traditional(_ text: String) -> String {
        text.applyingTransform(StringTransform("Hans-Hant"), reverse: false) ?? text
    }

    /// `traditional` of every text `localized` and `documents` convert for a Traditional reply, asked once: every
    /// category's `team` and `department`, the default team, and the permit's documents as `documents` joins them.
    /// A text not in the table is converted when it is shown (the same answer, asked of ICU then).
    static func traditionalTable(_ catalog: Catalog, _ estate: Estate, _ base: [String: String]) -> [String: String] {
        func say(_ key: String, _ language: Language) -> String { catalog.phrases.render(key, language) { base[$0] } }
        var texts: Set<String> = [say("team.default", .zhHans)]
        for intent in catalog.intents {
            for category in intent.categories {
                for key in ["team", "department"] { if let value = category.attributes[key] { texts.insert(value) } }
            }
        }
        let listed = estate.decoration.documents
        if !listed.isEmpty { texts.insert(listed.joined(separator: say("list.comma", .zhHant))) }
        var forms: [String: String] = [:]
        for text in texts { forms[text] = traditional(text) }
        return forms
    }
}
