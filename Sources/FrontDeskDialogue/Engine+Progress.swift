import FrontDeskModel

// Progress queries: status and next step for anyone with the record ID; personal details only
// for a session verified for the record's unit.
extension Engine {
    func progress(_ flow: Flow, _ turn: Turn, _ state: inout SessionState, notes: [String]) -> Reply {
        var flow = flow
        if flow.lookupByUnit, flow.slots[.recordID] != nil {
            flow.lookupByUnit = false  // the resident found the number after all
        }
        if flow.lookupByUnit {
            guard let unit = flow.slots[.unit], let tail = flow.slots[.verify] else {
                return advance(turn, &state, notes: notes)
            }
            let outcome = verify(unit: unit, tail: tail, turn, &state)
            guard outcome == .verified else { return verificationFailed(flow, turn, &state, outcome) }
            state.flow = nil
            return listRecords(unit: unit, turn, &state)
        }
        if let target = flow.verifyingFor {
            guard let unit = flow.slots[.unit], let tail = flow.slots[.verify] else {
                return advance(turn, &state, notes: notes)
            }
            let outcome = verify(unit: unit, tail: tail, turn, &state)
            guard outcome == .verified else { return verificationFailed(flow, turn, &state, outcome) }
            state.flow = nil
            guard let record = store.record(id: target) else {
                return Reply([say("invalid.record_unknown", turn.language)], intent: .progressQuery)
            }
            return describe(record, turn, &state, notes: notes)
        }
        guard let id = flow.slots[.recordID] else { return advance(turn, &state, notes: notes) }
        guard let record = store.record(id: id) else {
            // Name the number back and offer the lookup by flat; never a callback or any record from here.
            var retry = flow
            retry.slots[.recordID] = nil
            retry.awaiting = .recordID
            state.flow = retry
            return Reply(
                notes + [say("progress.not_found", turn.language, ["id": id])], intent: .progressQuery,
                awaiting: .recordID)
        }
        state.flow = nil
        return describe(record, turn, &state, notes: notes)
    }

    /// Status and next step; details when the session is verified for the record's unit, else an offer to verify.
    func describe(_ record: Record, _ turn: Turn, _ state: inout SessionState, notes: [String]) -> Reply {
        let language = turn.language
        var reply = Reply(notes, intent: .progressQuery)
        reply.record = record.reference
        state.shownRecord = record.id
        reply.add(
            say(
                "progress.status", language,
                [
                    "id": record.id, "type": say("type." + record.type.rawValue, language),
                    "status": say("status." + record.status, language),
                    // The latest note staff left for the resident (`records update --tell-resident`)
                    // says more than the status's generic next step.
                    "next_step": record.noteForResident.map { say("progress.staff_note", language, ["note": $0]) }
                        ?? say("next." + record.status, language),
                ]))
        var recordSlots = JSONObject()
        recordSlots.append("record_id", .string(record.id))
        reply.slots = recordSlots
        if let unit = record.unit, state.verification?.unit == unit {
            state.verification?.at = turn.now
            let event = AuditEvent(
                kind: .recordDisclosure, at: turn.civil.iso8601, session: state.id, unit: unit, detail: record.id)
            do {
                // The details are shown only once their disclosure is on the audit trail.
                try store.audit(event)
                reply.add(
                    say(
                        "progress.details", language,
                        [
                            "unit": unit, "name": record.name ?? "-", "phone": record.phone ?? "-",
                            "description": record.description ?? record.scope ?? "-",
                        ]))
            } catch {
                reply.add(say("fee.audit_failed", language))
            }
        } else if record.unit != nil, !state.madeRecords.contains(record.id) {
            state.pending = .verifyRecord(record.id)
            reply.add(say("progress.verify_offer", language))
            reply.awaiting = .confirm
        }
        return reply
    }

    /// "我的报修进度": the verified unit's latest records, newest first.
    func listRecords(unit: String, _ turn: Turn, _ state: inout SessionState) -> Reply {
        let all = store.allRecords().filter { $0.unit == unit }
        let open = all.filter { !Engine.finishedStatuses.contains($0.status) }
        let records = (open.isEmpty ? all : open).suffix(3).reversed()
        guard !records.isEmpty else {
            return Reply([say("progress.none_for_unit", turn.language, ["unit": unit])], intent: .progressQuery)
        }
        let lines = records.map { record in
            say(
                "progress.line", turn.language,
                [
                    "id": record.id, "type": say("type." + record.type.rawValue, turn.language),
                    "status": say("status." + record.status, turn.language),
                    "description": record.description ?? record.scope ?? "-",
                    "next_step": Self.withoutFinalStop(say("next." + record.status, turn.language)),
                ])
        }
        var reply = Reply(
            [
                say(
                    "progress.list", turn.language,
                    ["unit": unit, "details": lines.joined(separator: say("list.separator", turn.language))])
            ],
            intent: .progressQuery)
        reply.record = records.first?.reference
        if records.count == 1 { state.shownRecord = records.first?.id }  // one record: a next question is about it
        return reply
    }

    /// A sentence without its final full stop, for a line inside a list that ends with its own ("…通知您；…。").
    static func withoutFinalStop(_ sentence: String) -> String {
        var text = Substring(sentence)
        while let last = text.last, last == "\u{3002}" || last == "." || last == " " { text = text.dropLast() }
        return String(text)
    }

    /// Statuses after which a record is no longer open (a lookup by flat lists the others).
    static let finishedStatuses: Set<String> = ["resolved", "closed", "rejected", "inspected"]
}
