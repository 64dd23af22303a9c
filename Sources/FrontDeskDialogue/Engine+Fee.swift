import Foundation
import FrontDeskContent
import FrontDeskMatching
import FrontDeskModel

// Fee queries (SPEC 4, 8.2): verification by the last 4 digits of a registered phone, identical
// failure replies, session and unit lockouts, and an audit event before every disclosure.
extension Engine {
    /// Failed verifications for one unit within 24 hours that lock it.
    static let unitLockoutFailures = 5

    /// What a verification step came to.
    enum VerificationOutcome {
        /// The tail matches a registered phone of the unit; its `verify_succeeded` event is written.
        case verified
        /// Unknown unit, wrong tail or a locked unit: never said which.
        case failed
        /// An audit write failed: nothing is disclosed, the attempt still counts against the session.
        case storeFailed
    }

    /// Whether `tail` proves the session belongs to `unit`. Records a `verify_failed` audit event on
    /// failure (and a `lockout` alert on the 5th within 24 hours); never says which part was wrong.
    /// An audit write that fails is never swallowed: the step fails (`storeFailed`, a polite
    /// apology) and counts as a failed attempt of the session, so a storage fault cannot buy guesses.
    func verify(unit: String, tail: String, _ turn: Turn, _ state: inout SessionState) -> VerificationOutcome {
        let now = turn.civil.iso8601
        let since = CivilTime(turn.now.addingTimeInterval(-86_400), offset: estate.utcOffset).iso8601
        let failures = store.auditEventCount(kind: AuditKind.verifyFailed.rawValue, unit: unit, since: since)
        let locked = failures >= Engine.unitLockoutFailures
        let phone = residentPhones(of: unit).first { EntityExtractor.digitRuns($0).joined().hasSuffix(tail) }
        let matches = !locked && unitExists(unit) && phone != nil
        do {
            if matches, let phone {
                try store.audit(AuditEvent(kind: .verifySucceeded, at: now, session: state.id, unit: unit))
                state.verification = Verification(unit: unit, phone: phone, at: turn.now)
                state.lapsedUnit = nil
                return .verified
            }
            state.verifyFailures += 1
            try store.audit(AuditEvent(kind: .verifyFailed, at: now, session: state.id, unit: unit))
            if failures + 1 == Engine.unitLockoutFailures {
                let detail = "\(Engine.unitLockoutFailures) failed verifications within 24 hours"
                try store.audit(AuditEvent(kind: .lockout, at: now, session: state.id, unit: unit, detail: detail))
            }
            if state.feeQueriesLocked {
                try store.audit(AuditEvent(kind: .sessionLockout, at: now, session: state.id, unit: unit))
            }
            return .failed
        } catch {
            // A failure path has counted the attempt already; a match that cannot be audited counts too.
            if matches { state.verifyFailures += 1 }
            return .storeFailed
        }
    }

    /// The reply to a failed verification: the same text whatever was wrong; the third ends the query.
    /// A failed audit write apologises instead, and the resident may try again later.
    func verificationFailed(
        _ flow: Flow, _ turn: Turn, _ state: inout SessionState, _ outcome: VerificationOutcome = .failed
    ) -> Reply {
        if state.feeQueriesLocked {
            state.flow = nil
            return Reply([say("fee.session_locked", turn.language)], intent: flow.kind.intent)
        }
        if outcome == .storeFailed {
            state.flow = nil
            return Reply([say("fee.audit_failed", turn.language)], intent: flow.kind.intent)
        }
        // The same question whatever was wrong: the tail again, and the flat if it was not the right one. The flat stays
        // as given until the resident names another ("打错了，是1535" is the second attempt).
        var retry = flow
        retry.slots[.verify] = nil
        retry.awaiting = .verify
        state.flow = retry
        return Reply([say("verify.failed", turn.language)], intent: flow.kind.intent, awaiting: .verify)
    }

    func verifyAndDisclose(_ flow: Flow, _ turn: Turn, _ state: inout SessionState) -> Reply {
        guard let unit = flow.slots[.unit], let tail = flow.slots[.verify] else {
            return advance(turn, &state, notes: [])
        }
        let outcome = verify(unit: unit, tail: tail, turn, &state)
        guard outcome == .verified else { return verificationFailed(flow, turn, &state, outcome) }
        return disclose(
            unit: unit, turn, &state, scope: FeeScope(item: flow.slots[.feeItem], month: flow.slots[.feeMonth]))
    }

    /// What the resident asked about: an item (`water`) and a month (`10`, or `last` / `this`), each optional.
    func feeScope(_ turn: Turn) -> FeeScope {
        var scope = FeeScope()
        let items: [(DialogueLexicon.List, String)] = [
            (.feeItemWater, "water"), (.feeItemParking, "parking"), (.feeItemProperty, "property"),
        ]
        let named = items.filter { turn.has($0.0) }.map(\.1)
        // "九月和十月的物业费和水费": each item and each month named (a list, comma-separated).
        if !named.isEmpty, named.count < items.count { scope.item = named.joined(separator: ",") }
        if turn.has(.lastMonth) {
            scope.month = "last"
        } else if turn.has(.thisMonth) {
            scope.month = "this"
        } else {
            let months = monthsNamed(turn)
            if !months.isEmpty { scope.month = months.map(String.init).joined(separator: ",") }
        }
        // "the property fee" alone is the fee question in general; that item alone only for a named month.
        if scope.item == "property", scope.month == nil { scope.item = nil }
        return scope
    }

    /// Every month a message names, in the order named ("September and October", "9月和10月", "九月、十月"): a name
    /// inside a longer one ("一月" in "十一月") does not count.
    func monthsNamed(_ turn: Turn) -> [Int] {
        let words = turn.words
        let text = turn.lower
        var found: [(start: Int, end: Int, month: Int)] = []
        func offset(_ index: String.Index) -> Int { text.distance(from: text.startIndex, to: index) }
        for list in [words[.monthNamesZh], words[.monthNamesEn]] {
            for (index, name) in list.enumerated() where TextMatch.contains(text, name) {
                var from = text.startIndex
                while let range = TextMatch.range(of: name, in: text, from: from) {
                    found.append((offset(range.lowerBound), offset(range.upperBound), index + 1))
                    from = range.upperBound
                }
            }
        }
        for suffix in words[.monthSuffix] {
            var from = text.startIndex
            while let range = TextMatch.range(of: suffix, in: text, from: from) {
                let digits = String(
                    text[..<range.lowerBound].reversed().prefix { $0.isASCII && $0.isNumber }.reversed())
                if let month = Int(digits), (1...12).contains(month) {
                    found.append((offset(range.lowerBound) - digits.count, offset(range.upperBound), month))
                }
                from = range.upperBound
            }
        }
        let kept = found.filter { name in
            !found.contains { other in
                other.start <= name.start && other.end >= name.end && other.end - other.start > name.end - name.start
            }
        }
        var months: [Int] = []
        for name in kept.sorted(by: { $0.start < $1.start }) where !months.contains(name.month) {
            months.append(name.month)
        }
        return months
    }

    /// The `YYYY-MM` period a scope's month means among `bills`: the latest bill of that month.
    func period(_ month: String?, _ bills: [BillLine], _ turn: Turn) -> String? {
        guard let month else { return nil }
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        switch month {
        case "last":
            let year = turn.civil.month == 1 ? turn.civil.year - 1 : turn.civil.year
            let number = turn.civil.month == 1 ? 12 : turn.civil.month - 1
            return "\(year)-\(pad(number))"
        case "this": return "\(turn.civil.year)-\(pad(turn.civil.month))"
        default:
            guard let number = Int(month) else { return nil }
            let suffix = "-" + pad(number)
            if let latest = bills.last(where: { $0.period.hasSuffix(suffix) }) { return latest.period }
            let year = number > turn.civil.month ? turn.civil.year - 1 : turn.civil.year
            return "\(year)\(suffix)"
        }
    }

    /// The unit's bills for what was asked (the item and month, when named), written to the audit trail
    /// first; then the arrears total, an offer of the rest, how to pay. If the audit fails, nothing is shown.
    func disclose(unit: String, _ turn: Turn, _ state: inout SessionState, scope given: FeeScope? = nil) -> Reply {
        state.flow = nil
        let all = bills(of: unit)
        let scope = given ?? feeScope(turn)
        let months = scope.month?.split(separator: ",").map(String.init) ?? []
        let periods = months.compactMap { period($0, all, turn) }
        let asked = periods.count == 1 ? periods[0] : nil
        let itemsAsked = scope.item?.split(separator: ",").map(String.init)
        let items = all.filter { bill in itemsAsked?.contains(bill.item) ?? true }
        var bills = items.filter { periods.isEmpty || periods.contains($0.period) }
        // "这个月的物业费交了没" before this month is billed: the latest period of what was asked, said to be the latest.
        var notYetBilled: (asked: String, latest: String)?
        if bills.isEmpty, let asked, let latest = items.map(\.period).max(), asked > latest {
            bills = items.filter { $0.period == latest }
            notYetBilled = (asked, latest)
        }
        let scoped = bills.count < all.count
        let event = AuditEvent(
            kind: .feeDisclosure, at: turn.civil.iso8601, session: state.id, unit: unit,
            detail: bills.map { "\($0.period) \($0.item)" }.joined(separator: ", "))
        do {
            try store.audit(event)
        } catch {
            return Reply([say("fee.audit_failed", turn.language)], intent: .feeQuery)
        }
        state.verification?.at = turn.now
        var reply = Reply([], intent: .feeQuery)
        var unitSlots = JSONObject()
        unitSlots.append("unit", .string(unit))
        reply.slots = unitSlots
        guard !all.isEmpty else {
            reply.add(say("fee.no_bills", turn.language, ["unit": unit]))
            return reply
        }
        if bills.isEmpty {
            reply.add(say("fee.none_matching", turn.language, ["unit": unit]))
        } else {
            let lines = bills.map { bill in
                say(
                    "fee.bill_line", turn.language,
                    [
                        "period": bill.period, "item": itemName(bill.item, turn.language),
                        "amount": money(bill.amount),
                        "paid_status": say(bill.paid ? "fee.paid" : "fee.unpaid", turn.language),
                    ])
            }
            reply.add(
                say(
                    "fee.bills", turn.language,
                    ["unit": unit, "bills": lines.joined(separator: say("list.separator", turn.language))]))
        }
        if let notYetBilled {
            reply.add(
                say("fee.not_yet_billed", turn.language, ["period": notYetBilled.asked, "latest": notYetBilled.latest]))
        }
        let arrears = all.filter { !$0.paid }.reduce(0) { $0 + $1.amount }
        reply.add(
            arrears > 0
                ? say("fee.arrears", turn.language, ["total": money(arrears)]) : say("fee.all_paid", turn.language))
        if scoped { reply.add(say("fee.offer_rest", turn.language)) }
        reply.add(say("fee.how_to_pay", turn.language))
        return reply
    }

    /// 物业费 / 水费 / 车位费 (or the item's own name when the phrase book has none).
    func itemName(_ item: String, _ language: Language) -> String {
        let key = "fee.item." + item
        return catalog.phrases.contains(key) ? say(key, language) : item
    }
}

/// The part of a unit's bills a fee question asks about; `nil` fields mean "all".
struct FeeScope {
    /// `property`, `water` or `parking`.
    var item: String?
    /// A month number (`"8"`), or `"last"` / `"this"`.
    var month: String?
}
