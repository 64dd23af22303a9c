public import FrontDeskModel

extension MonthlyReport {
    /// The whole report as one JSON object (`frontdesk report --json`). Times are ISO 8601 at the
    /// estate's offset, durations in minutes, shares as fractions rounded to 4 places.
    public var json: JSON {
        let offset = period.offset
        var o = JSONObject()
        o.append("estate", .string(estate))
        o.append("period", ["from": .string(period.first.isoDate), "to": .string(period.last.isoDate)])
        o.append("generated_at", .string(Timestamp.iso(generated, offset: offset)))
        var records = JSONObject()
        records.append("total", .number(Double(total)))
        records.append("by_type", ReportJSON.tally(byType))
        records.append("by_status", ReportJSON.tally(byStatus))
        records.append(
            "by_category", .object(JSONObject(byCategory.map { ($0.type.rawValue, ReportJSON.tally($0.counts)) })))
        records.append(
            "per_day",
            .array(
                perDay.enumerated().map { i, n in
                    ["date": .string(period.date(ofDay: i)), "count": .number(Double(n))]
                }))
        o.append("records", .object(records))
        o.append("first_response", ReportJSON.deadline(firstResponse))
        o.append("resolution", ReportJSON.deadline(resolution))
        o.append("late_total", .number(Double(lateTotal)))
        o.append(
            "late",
            .array(
                late.map { item in
                    var l = JSONObject()
                    l.append("id", .string(item.id))
                    l.append("type", .string(item.type.rawValue))
                    if let category = item.category { l.append("category", .string(category)) }
                    l.append("deadline", .string(item.kind.rawValue))
                    l.append("due_at", .string(Timestamp.iso(item.due, offset: offset)))
                    l.append("done_at", item.done.map { .string(Timestamp.iso($0, offset: offset)) } ?? .null)
                    l.append("late_minutes", .number(Double(item.lateMinutes)))
                    return .object(l)
                }))
        o.append(
            "complaints",
            [
                "total": .number(Double(count(of: .complaint))),
                "by_category": ReportJSON.tally(categories(of: .complaint)),
            ])
        var visits = JSONObject()
        visits.append("resolved", .number(Double(returnVisits.resolved)))
        visits.append("within_3_days", .number(Double(returnVisits.withinThreeDays)))
        visits.append("late", .number(Double(returnVisits.late)))
        visits.append("overdue", .number(Double(returnVisits.overdue)))
        visits.append("pending", .number(Double(returnVisits.pending)))
        visits.append("on_time_share", ReportJSON.share(returnVisits.onTimeShare))
        o.append("return_visits", .object(visits))
        var sat = JSONObject()
        sat.append("answers", .number(Double(satisfaction.answers)))
        sat.append(
            "distribution",
            .object(
                JSONObject(
                    Satisfaction.allCases.map {
                        (satisfaction.name($0), .number(Double(satisfaction.count($0))))
                    })))
        sat.append("satisfied_share", ReportJSON.share(satisfaction.satisfiedShare))
        sat.append("average", satisfaction.average.map { .number(($0 * 100).rounded() / 100) } ?? .null)
        o.append("satisfaction", .object(sat))
        o.append(
            "emergencies",
            [
                "total": .number(Double(count(of: .emergency))),
                "by_category": ReportJSON.tally(categories(of: .emergency)),
                "first_response": ReportJSON.deadline(emergencyResponse),
            ])
        o.append(
            "verifications",
            [
                "succeeded": .number(Double(verifications.succeeded)), "failed": .number(Double(verifications.failed)),
                "lockouts": .number(Double(verifications.lockouts)),
                "session_lockouts": .number(Double(verifications.sessionLockouts)),
                "fee_disclosures": .number(Double(verifications.feeDisclosures)),
                "record_disclosures": .number(Double(verifications.recordDisclosures)),
            ])
        o.append(
            "messages",
            [
                "resident": .number(Double(messages.resident)), "bot": .number(Double(messages.bot)),
                "sessions": .number(Double(messages.sessions)),
                "per_hour": .array(messages.perHour.map { .number(Double($0)) }),
            ])
        o.append("skipped_lines", .number(Double(skippedLines)))
        return .object(o)
    }
}

extension UnderstandingReport {
    /// The understanding report as one JSON object (`frontdesk report --unrecognized --json`).
    public var json: JSON {
        var o = JSONObject()
        o.append("resident_messages", .number(Double(residentMessages)))
        o.append("unrecognized", .number(Double(unrecognized)))
        o.append("fallback", .number(Double(fallback)))
        o.append("clarify", .number(Double(clarify)))
        o.append("unrecognized_share", ReportJSON.share(unrecognizedShare))
        o.append("approximate", .bool(approximate))
        o.append(
            "groups",
            .array(
                groups.map { g in
                    var j = JSONObject()
                    j.append("label", .string(g.label))
                    j.append("count", .number(Double(g.count)))
                    j.append("fallback", .number(Double(g.fallback)))
                    j.append("clarify", .number(Double(g.clarify)))
                    j.append(
                        "examples",
                        .array(g.examples.map { ["text": .string($0.text), "count": .number(Double($0.count))] }))
                    j.append("offered", .array(g.offered.map(JSON.string)))
                    return .object(j)
                }))
        o.append("other_groups", .number(Double(ungrouped)))
        o.append("corrections", .number(Double(corrections)))
        o.append(
            "correction_groups",
            .array(
                correctionGroups.map { c in
                    [
                        "from": .string(c.from), "to": .string(c.to), "count": .number(Double(c.count)),
                        "examples": .array(c.examples.map(JSON.string)),
                    ]
                }))
        return .object(o)
    }
}

enum ReportJSON {
    static func tally(_ tally: Tally) -> JSON { .object(JSONObject(tally.map { ($0.key, .number(Double($0.count))) })) }

    static func share(_ value: Double?) -> JSON { value.map { .number(($0 * 10_000).rounded() / 10_000) } ?? .null }

    static func deadline(_ d: DeadlineFigures) -> JSON {
        var o = JSONObject()
        o.append("on_time", .number(Double(d.onTime)))
        o.append("late", .number(Double(d.late)))
        o.append("overdue", .number(Double(d.overdue)))
        o.append("pending", .number(Double(d.pending)))
        o.append("no_deadline", .number(Double(d.noDeadline)))
        o.append("on_time_share", share(d.onTimeShare))
        o.append("median_minutes", .optional(d.medianMinutes))
        o.append("p90_minutes", .optional(d.p90Minutes))
        return .object(o)
    }
}
