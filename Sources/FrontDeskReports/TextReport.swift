import FrontDeskModel

/// The terminal rendering of the reports: headed sections of aligned tables, ANSI colour only
/// when asked (the CLI asks when stdout is a terminal).
public struct TextReport: Sendable {
    /// How shares, durations and times are written.
    public let format: ReportFormat
    /// Whether to use ANSI escapes: headings in bold cyan, the title bold, nonzero late counts red.
    public let color: Bool
    /// Late records listed before "and N more".
    public let lateLimit: Int

    /// A renderer in `labels`' language at the estate's `offset`.
    public init(labels: ReportLabels, offset: Int, color: Bool = false, lateLimit: Int = 20) {
        format = ReportFormat(labels: labels, offset: offset)
        self.color = color
        self.lateLimit = lateLimit
    }

    var labels: ReportLabels { format.labels }
    func t(_ phrase: ReportLabels.Phrase) -> String { labels.text(phrase) }
    func heading(_ text: String) -> String { color ? "\u{1B}[1;36m\(text)\u{1B}[0m\n" : "\(text)\n" }
    func bold(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func alert(_ count: Int) -> String { color && count > 0 ? "\u{1B}[31m\(count)\u{1B}[0m" : "\(count)" }

    /// The monthly review.
    public func render(_ r: MonthlyReport) -> String {
        var out = bold([r.estate, t(.title), r.period.title].filter { !$0.isEmpty }.joined(separator: " · ")) + "\n"
        out += "\(t(.period)) \(r.period.first.isoDate) – \(r.period.last.isoDate)    "
        out += "\(t(.generated)) \(Timestamp.iso(r.generated, offset: r.period.offset))\n\n"

        out += heading("\(t(.records)) · \(t(.total)) \(r.total)")
        out += tally(r.byType, header: t(.type), total: r.total)
        out += "\n" + tally(r.byStatus, header: t(.status), total: r.total)
        for entry in r.byCategory where entry.type == .repair {
            let sum = entry.counts.reduce(0) { $0 + $1.count }
            out +=
                "\n"
                + tally(
                    entry.counts,
                    header: "\(HTMLReport.capitalized(labels.name(entry.type.rawValue))) · \(t(.category))", total: sum)
        }
        out += "\n" + heading(t(.perDay)) + perDay(r) + "\n"

        out += heading(t(.deadlines)) + deadlines(r) + "\n"
        out += heading("\(t(.lateList)) · \(r.lateTotal)") + lateList(r) + "\n"

        out += heading("\(t(.complaints)) · \(t(.total)) \(r.count(of: .complaint))")
        out += tally(r.categories(of: .complaint), header: t(.category), total: r.count(of: .complaint)) + "\n"

        out += heading(t(.returnVisits)) + returnVisits(r.returnVisits) + "\n"
        out += heading(t(.satisfaction)) + satisfaction(r.satisfaction) + "\n"

        out += heading("\(t(.emergencies)) · \(t(.total)) \(r.count(of: .emergency))")
        out += tally(r.categories(of: .emergency), header: t(.category), total: r.count(of: .emergency)) + "\n"

        out += heading(t(.verifications)) + verifications(r.verifications) + "\n"
        out += heading(t(.messages)) + messages(r.messages)
        if r.skippedLines > 0 { out += "\n\(t(.skipped)): \(r.skippedLines)\n" }
        return out
    }

    func tally(_ tally: Tally, header: String, total: Int) -> String {
        var table = TextTable([header, t(.count), t(.share)])
        for item in tally {
            table.add([
                labels.name(item.key), "\(item.count)",
                format.share(total == 0 ? nil : Double(item.count) / Double(total)),
            ])
        }
        return table.render()
    }

    func perDay(_ r: MonthlyReport) -> String {
        var out = ""
        for start in stride(from: 0, to: r.perDay.count, by: 7) {
            let cells = (start..<min(start + 7, r.perDay.count)).map { i -> String in
                let date = String(r.period.date(ofDay: i).dropFirst(5))
                let n = "\(r.perDay[i])"
                return date + " " + String(repeating: " ", count: max(0, 4 - n.count)) + n
            }
            out += "  " + cells.joined(separator: "   ") + "\n"
        }
        return out
    }

    func deadlines(_ r: MonthlyReport) -> String {
        var table = TextTable([
            t(.kind), t(.onTime), t(.late), t(.overdue), t(.pending), t(.noDeadline), t(.onTimeShare), t(.median),
            t(.p90),
        ])
        let rows: [(String, DeadlineFigures)] = [
            (t(.firstResponse), r.firstResponse), (t(.resolution), r.resolution),
            ("\(t(.emergencies)) · \(t(.firstResponse))", r.emergencyResponse),
        ]
        for (name, d) in rows {
            table.add([
                name, "\(d.onTime)", alert(d.lateDone), alert(d.overdue), "\(d.pending)", "\(d.noDeadline)",
                format.share(d.onTimeShare),
                format.duration(minutes: d.medianMinutes), format.duration(minutes: d.p90Minutes),
            ])
        }
        return table.render()
    }

    func lateList(_ r: MonthlyReport) -> String {
        guard !r.late.isEmpty else { return "  \(t(.none))\n" }
        var table = TextTable(
            [t(.id), t(.type), t(.category), t(.kind), t(.due), t(.done), t(.lateBy)],
            alignments: [.left, .left, .left, .left, .left, .left, .right])
        for item in r.late.prefix(lateLimit) {
            table.add([
                item.id, labels.name(item.type.rawValue), item.category.map(labels.name) ?? "",
                labels.name(item.kind.rawValue),
                format.time(item.due), item.done.map(format.time) ?? t(.notDone),
                format.duration(minutes: item.lateMinutes),
            ])
        }
        var out = table.render()
        let more = r.lateTotal - min(lateLimit, r.late.count)
        if more > 0 { out += "  … " + labels.text(.andMore, ["total": "\(more)"]) + "\n" }
        return out
    }

    func returnVisits(_ v: ReturnVisitFigures) -> String {
        var table = TextTable([t(.returnVisits), t(.count)])
        table.add([t(.resolved), "\(v.resolved)"])
        table.add([t(.withinThreeDays), "\(v.withinThreeDays)"])
        table.add([t(.visitedLate), alert(v.late)])
        table.add([t(.visitOverdue), alert(v.overdue)])
        table.add([t(.visitPending), "\(v.pending)"])
        table.add([t(.onTimeShare), format.share(v.onTimeShare)])
        return table.render()
    }

    func satisfaction(_ s: SatisfactionFigures) -> String {
        var table = TextTable([t(.satisfaction), t(.count), t(.share)])
        for level in Satisfaction.allCases {
            let n = s.count(level)
            let name = labels.satisfaction(level)
            table.add([name, "\(n)", format.share(s.answers == 0 ? nil : Double(n) / Double(s.answers))])
        }
        var out = table.render()
        out += "  \(t(.answers)) \(s.answers)    \(t(.satisfied)) \(format.share(s.satisfiedShare))"
        out += "    \(t(.average)) \(format.decimal(s.average))\n"
        return out
    }

    func verifications(_ v: VerificationFigures) -> String {
        var table = TextTable([t(.verifications), t(.count)])
        table.add([t(.succeeded), "\(v.succeeded)"])
        table.add([t(.failed), "\(v.failed)"])
        table.add([t(.lockouts), alert(v.lockouts)])
        table.add([t(.sessionLockouts), "\(v.sessionLockouts)"])
        table.add([t(.feeDisclosures), "\(v.feeDisclosures)"])
        table.add([t(.recordDisclosures), "\(v.recordDisclosures)"])
        return table.render()
    }

    func messages(_ m: MessageFigures) -> String {
        var out =
            "  \(t(.residentMessages)) \(m.resident)    \(t(.botTurns)) \(m.bot)    \(t(.sessions)) \(m.sessions)\n"
        out += "  \(t(.perHour)):\n"
        for start in stride(from: 0, to: 24, by: 6) {
            let cells = (start..<start + 6).map { h -> String in
                let hour = h < 10 ? "0\(h)" : "\(h)"
                let n = "\(m.perHour[h])"
                return hour + t(.hour) + " " + String(repeating: " ", count: max(0, 6 - n.count)) + n
            }
            out += "    " + cells.joined(separator: "   ") + "\n"
        }
        return out
    }
}
