public import FrontDeskModel

/// The categories of SPEC 2.1, in the order reports list them.
public enum Categories {
    /// Categories per record type; types without any are absent.
    public static let byType: [(type: RecordType, names: [String])] = [
        (.repair, ["plumbing", "electrical", "door_window", "elevator", "public_facility", "appliance", "other"]),
        (.complaint, ["noise", "sanitation", "parking", "staff", "pet", "smell", "security", "service", "other"]),
        (.emergency, ["gas", "fire", "flood", "elevator_trapped", "electrical"]),
    ]
}

extension MonthlyReport {
    /// Fills the record figures from a finished fold: counts, deadlines, the late list,
    /// return visits, satisfaction, emergencies and verifications.
    public mutating func fill(from fold: RecordFold, targets: ResolutionTargets = .standard, lateLimit: Int = 500) {
        let records = fold.records
        let now = fold.now
        total = records.count
        verifications = fold.verifications
        var typeCounts: [RecordType: Int] = [:]
        var statusCounts: [String: Int] = [:]
        var categoryCounts: [RecordType: [String: Int]] = [:]
        perDay = Array(repeating: 0, count: period.dayCount)
        var responseTimes: [Int] = []
        var resolutionTimes: [Int] = []
        var emergencyTimes: [Int] = []
        var lateItems: [LateItem] = []
        for r in records {
            typeCounts[r.type, default: 0] += 1
            statusCounts[r.status, default: 0] += 1
            if Categories.byType.contains(where: { $0.type == r.type }) {
                categoryCounts[r.type, default: [:]][r.category ?? "other", default: 0] += 1
            }
            let day = period.dayIndex(r.created)
            if day >= 0, day < perDay.count { perDay[day] += 1 }
            if let due = r.due {
                let late = Self.measure(
                    start: r.created, due: due, done: r.firstResponse, now: now,
                    figures: &firstResponse, times: &responseTimes)
                if r.type == .emergency {
                    Self.measure(
                        start: r.created, due: due, done: r.firstResponse, now: now,
                        figures: &emergencyResponse, times: &emergencyTimes)
                }
                if late {
                    lateItems.append(
                        LateItem(
                            id: r.id, type: r.type, category: r.category, kind: .firstResponse,
                            due: due, done: r.firstResponse,
                            lateMinutes: ((r.firstResponse ?? now) - due) / 60))
                }
            }
            let deadline = targets.deadline(of: r)
            if Self.measure(
                start: r.created, due: deadline, done: r.resolved, now: now, figures: &resolution,
                times: &resolutionTimes)
            {
                lateItems.append(
                    LateItem(
                        id: r.id, type: r.type, category: r.category, kind: .resolution,
                        due: deadline, done: r.resolved,
                        lateMinutes: ((r.resolved ?? now) - deadline) / 60))
            }
            if r.getsReturnVisit, let resolved = r.resolved {
                returnVisits.resolved += 1
                let window = resolved + Int(ReturnVisit.window)
                if let visited = r.revisited {
                    if visited <= window { returnVisits.withinThreeDays += 1 } else { returnVisits.late += 1 }
                } else if now > window {
                    returnVisits.overdue += 1
                } else {
                    returnVisits.pending += 1
                }
            }
            if let level = r.satisfaction, let i = Satisfaction.allCases.firstIndex(of: level) {
                satisfaction.counts[i] += 1
            }
        }
        // Every record is in each row: those without the deadline are counted as such.
        let emergencies = records.reduce(0) { $0 + ($1.type == .emergency ? 1 : 0) }
        firstResponse.noDeadline = total - (firstResponse.onTime + firstResponse.late + firstResponse.pending)
        emergencyResponse.noDeadline =
            emergencies - (emergencyResponse.onTime + emergencyResponse.late + emergencyResponse.pending)
        resolution.noDeadline = total - (resolution.onTime + resolution.late + resolution.pending)
        Self.percentiles(&firstResponse, responseTimes)
        Self.percentiles(&resolution, resolutionTimes)
        Self.percentiles(&emergencyResponse, emergencyTimes)
        byType = RecordType.allCases.map { (key: $0.rawValue, count: typeCounts[$0] ?? 0) }
        var statusOrder: [String] = []
        for type in RecordType.allCases {
            for s in type.statuses where !statusOrder.contains(s) { statusOrder.append(s) }
        }
        statusOrder += statusCounts.keys.filter { !statusOrder.contains($0) }.sorted()
        byStatus = statusOrder.map { (key: $0, count: statusCounts[$0] ?? 0) }.filter { $0.count > 0 }
        byCategory = Categories.byType.map { entry in
            let counts = categoryCounts[entry.type] ?? [:]
            let extra = counts.keys.filter { !entry.names.contains($0) }.sorted()
            return (type: entry.type, counts: (entry.names + extra).map { (key: $0, count: counts[$0] ?? 0) })
        }
        lateTotal = lateItems.count
        lateItems.sort { ($0.lateMinutes, $1.id) > ($1.lateMinutes, $0.id) }
        late = Array(lateItems.prefix(lateLimit))
    }

    /// Counts one deadline; returns whether it was missed.
    @discardableResult
    private static func measure(
        start: Int, due: Int, done: Int?, now: Int, figures: inout DeadlineFigures,
        times: inout [Int]
    ) -> Bool {
        if let done {
            times.append(max(0, done - start))
            if done <= due {
                figures.onTime += 1
                return false
            }
            figures.late += 1
            return true
        }
        if now > due {
            figures.late += 1
            figures.overdue += 1
            return true
        }
        figures.pending += 1
        return false
    }

    private static func percentiles(_ figures: inout DeadlineFigures, _ seconds: [Int]) {
        guard !seconds.isEmpty else { return }
        let sorted = seconds.sorted()
        // Nearest-rank percentiles: the smallest value with at least p% of the values at or below it.
        func rank(_ p: Int) -> Int { sorted[max(0, (p * sorted.count + 99) / 100 - 1)] / 60 }
        figures.medianMinutes = rank(50)
        figures.p90Minutes = rank(90)
    }
}
