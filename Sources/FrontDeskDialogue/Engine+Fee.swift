import Foundation
import FrontDeskModel

// Fee queries (SPEC 4, 8.2): verification by the last 4 digits of a registered phone, identical
// failure replies, session and unit lockouts, and an audit event before every disclosure.
extension Engine {
    /// Failed verifications for one unit within 24 hours that lock it.
    static let unitLockoutFailures = 5

    /// Whether `tail` proves the session belongs to `unit`. Records a `verify_failed` audit event on
    /// failure (and a `lockout` alert on the 5th within 24 hours); never says which part was wrong.
    func verify(unit: String, tail: String, _ turn: Turn, _ state: inout SessionState) -> Bool {
        let now = turn.civil.iso8601
        let since = CivilTime(turn.now.addingTimeInterval(-86_400), offset: estate.utcOffset).iso8601
        let failures = store.auditEventCount(kind: "verify_failed", unit: unit, since: since)
        let locked = failures >= Engine.unitLockoutFailures
        let phone = residentPhones(of: unit).first { SlotText.digitRuns($0).joined().hasSuffix(tail) }
        if !locked, unitExists(unit), let phone {
            state.verification = Verification(unit: unit, phone: phone, at: turn.now)
            try? store.audit(AuditEvent(kind: "verify_succeeded", at: now, session: state.id, unit: unit))
            return true
        }
        try? store.audit(AuditEvent(kind: "verify_failed", at: now, session: state.id, unit: unit))
        if failures + 1 == Engine.unitLockoutFailures {
            let detail = "\(Engine.unitLockoutFailures) failed verifications within 24 hours"
            try? store.audit(AuditEvent(kind: "lockout", at: now, session: state.id, unit: unit, detail: detail))
        }
        state.verifyFailures += 1
        if state.feeQueriesLocked {
            try? store.audit(AuditEvent(kind: "session_lockout", at: now, session: state.id, unit: unit))
        }
        return false
    }

    /// The reply to a failed verification: the same text whatever was wrong; the third ends the query.
    func verificationFailed(_ flow: Flow, _ turn: Turn, _ state: inout SessionState) -> Reply {
        if state.feeQueriesLocked {
            state.flow = nil
            return Reply([say("fee.session_locked", turn.language)], intent: flow.kind.rawValue)
        }
        var retry = flow
        retry.slots["unit"] = nil
        retry.slots["verify"] = nil
        retry.awaiting = "unit"
        state.flow = retry
        return Reply([say("verify.failed", turn.language)], intent: flow.kind.rawValue, awaiting: "unit")
    }

    func verifyAndDisclose(_ flow: Flow, _ turn: Turn, _ state: inout SessionState) -> Reply {
        guard let unit = flow.slots["unit"], let tail = flow.slots["verify"] else {
            return advance(turn, &state, notes: [])
        }
        guard verify(unit: unit, tail: tail, turn, &state) else { return verificationFailed(flow, turn, &state) }
        return disclose(unit: unit, turn, &state)
    }

    /// The unit's bills, written to the audit trail first; if that write fails, nothing is shown.
    func disclose(unit: String, _ turn: Turn, _ state: inout SessionState) -> Reply {
        state.flow = nil
        let bills = bills(of: unit)
        let event = AuditEvent(
            kind: "fee_disclosure", at: turn.civil.iso8601, session: state.id, unit: unit,
            detail: bills.map { "\($0.period) \($0.item)" }.joined(separator: ", "))
        do {
            try store.audit(event)
        } catch {
            return Reply([say("fee.audit_failed", turn.language)], intent: "fee_query")
        }
        state.verification?.at = turn.now
        var reply = Reply([], intent: "fee_query")
        var unitSlots = JSONObject()
        unitSlots.append("unit", .string(unit))
        reply.slots = unitSlots
        guard !bills.isEmpty else {
            reply.add(say("fee.no_bills", turn.language, ["unit": unit]))
            return reply
        }
        let lines = bills.map { bill in
            say(
                "fee.bill_line", turn.language,
                [
                    "period": bill.period, "item": itemName(bill.item, turn.language), "amount": money(bill.amount),
                    "paid_status": say(bill.paid ? "fee.paid" : "fee.unpaid", turn.language),
                ])
        }
        reply.add(
            say(
                "fee.bills", turn.language,
                ["unit": unit, "bills": lines.joined(separator: say("list.separator", turn.language))]))
        let arrears = bills.filter { !$0.paid }.reduce(0) { $0 + $1.amount }
        reply.add(
            arrears > 0
                ? say("fee.arrears", turn.language, ["total": money(arrears)]) : say("fee.all_paid", turn.language))
        reply.add(say("fee.how_to_pay", turn.language))
        return reply
    }

    /// 物业费 / 水费 / 车位费 (or the item's own name when the phrase book has none).
    func itemName(_ item: String, _ language: Language) -> String {
        let key = "fee.item." + item
        return catalog.phrases.contains(key) ? say(key, language) : item
    }
}
