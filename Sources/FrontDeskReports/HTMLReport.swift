import Foundation
import FrontDeskModel

/// The one-page HTML report (`frontdesk report --html FILE`): inline CSS and SVG, no scripts,
/// no external assets; readable on a phone, printable on A4.
public struct HTMLReport: Sendable {
    /// How shares, durations and times are written.
    public let format: ReportFormat
    /// Late records listed before "and N more".
    public let lateLimit: Int
    /// Unrecognized groups shown.
    public let groupLimit: Int

    /// A page in `labels`' language at the estate's `offset`.
    public init(labels: ReportLabels, offset: Int, lateLimit: Int = 20, groupLimit: Int = 10) {
        format = ReportFormat(labels: labels, offset: offset)
        self.lateLimit = lateLimit
        self.groupLimit = groupLimit
    }

    var labels: ReportLabels { format.labels }
    func t(_ phrase: ReportLabels.Phrase) -> String { SVGChart.escape(labels.text(phrase)) }
    func e(_ text: String) -> String { SVGChart.escape(text) }
    func name(_ raw: String) -> String { e(labels.name(raw)) }

    /// The whole page.
    public func render(_ r: MonthlyReport, _ u: UnderstandingReport) -> String {
        let title = ([r.estate, labels.text(.title), r.period.title].filter { !$0.isEmpty }).joined(separator: " · ")
        var h = "<!DOCTYPE html>\n<html lang=\"\(labels.chinese ? "zh-CN" : "en")\"><head><meta charset=\"utf-8\">"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>\(e(title))</title>"
        h += "<style>\(Self.css)</style></head><body><main>\n"
        h += "<header><h1>\(e(r.estate.isEmpty ? labels.text(.title) : r.estate))</h1><p class=\"sub\">"
        h += (r.estate.isEmpty ? "" : "\(t(.title)) · ") + "\(e(r.period.title))</p>"
        h += "<p class=\"meta\">\(t(.period)) \(r.period.first.isoDate) – \(r.period.last.isoDate) · "
        h += "\(t(.generated)) \(e(Self.readable(Timestamp.iso(r.generated, offset: r.period.offset))))</p></header>\n"
        h += cards(r, u)
        h += section(
            t(.perDay),
            SVGChart.columns(r.perDay, title: labels.text(.perDay), tooltip: r.period.date(ofDay:)) { i in
                let every = max(1, r.perDay.count / 8)
                return i % every == 0 ? String(r.period.date(ofDay: i).dropFirst(5)) : nil
            })
        h += section(
            "\(t(.records)) · \(t(.byType))",
            SVGChart.bars(
                r.byType.map { (labels.name($0.key), $0.count) },
                title: labels.text(.byType))
                + table([t(.status), t(.count)], r.byStatus.map { [name($0.key), "\($0.count)"] }))
        for entry in r.byCategory {
            let heading = "\(e(Self.capitalized(labels.name(entry.type.rawValue)))) · \(t(.byCategory))"
            h += section(
                heading,
                SVGChart.bars(
                    entry.counts.map { (labels.name($0.key), $0.count) }, title: labels.text(.byCategory),
                    color: entry.type == .complaint ? "#c2410c" : entry.type == .emergency ? "#b91c1c" : "#2f6fb3"))
        }
        h += section(t(.deadlines), deadlines(r))
        h += section("\(t(.lateList)) · \(r.lateTotal)", lateList(r))
        h += section(t(.returnVisits), returnVisits(r.returnVisits))
        h += section(t(.satisfaction), satisfaction(r.satisfaction))
        let v = r.verifications
        h += section(
            t(.verifications),
            table(
                [t(.verifications), t(.count)],
                [
                    [t(.succeeded), "\(v.succeeded)"], [t(.failed), "\(v.failed)"], [t(.lockouts), "\(v.lockouts)"],
                    [t(.sessionLockouts), "\(v.sessionLockouts)"], [t(.feeDisclosures), "\(v.feeDisclosures)"],
                    [t(.recordDisclosures), "\(v.recordDisclosures)"],
                ]))
        let m = r.messages
        h += section(
            t(.perHour),
            "<p>\(t(.residentMessages)) <b>\(m.resident)</b> · \(t(.botTurns)) <b>\(m.bot)</b> · "
                + "\(t(.sessions)) <b>\(m.sessions)</b></p>"
                + SVGChart.columns(
                    m.perHour, title: labels.text(.perHour),
                    tooltip: { ($0 < 10 ? "0\($0)" : "\($0)") + labels.text(.hour) },
                    label: { $0 % 3 == 0 ? "\($0)" : nil },
                    color: "#0f766e"))
        h += section(t(.topUnrecognized), unrecognized(u))
        h += section("\(t(.corrections)) · \(u.corrections)", corrections(u))
        if r.skippedLines > 0 { h += "<p class=\"meta\">\(t(.skipped)): \(r.skippedLines)</p>\n" }
        h += "</main></body></html>\n"
        return h
    }

    func cards(_ r: MonthlyReport, _ u: UnderstandingReport) -> String {
        let items: [(String, String)] = [
            (t(.records), "\(r.total)"),
            ("\(t(.firstResponse)) · \(t(.onTimeShare))", format.share(r.firstResponse.onTimeShare)),
            ("\(t(.resolution)) · \(t(.onTimeShare))", format.share(r.resolution.onTimeShare)),
            (t(.withinThreeDays), format.share(r.returnVisits.onTimeShare)),
            (t(.satisfied), format.share(r.satisfaction.satisfiedShare)),
            (t(.unrecognized), format.share(u.unrecognizedShare)),
        ]
        return "<section class=\"cards\">"
            + items.map { "<div class=\"card\"><span>\($0.0)</span><b>\(e($0.1))</b></div>" }
            .joined() + "</section>\n"
    }

    func section(_ heading: String, _ body: String) -> String { "<section><h2>\(heading)</h2>\(body)</section>\n" }

    /// A table; cells are already escaped. Numeric columns (all but the first) align right.
    func table(_ headers: [String], _ rows: [[String]], numeric: Set<Int>? = nil) -> String {
        let right = numeric ?? Set(1..<max(1, headers.count))
        var h = "<div class=\"scroll\"><table><thead><tr>"
        for (i, head) in headers.enumerated() {
            h += right.contains(i) ? "<th class=\"n\">\(head)</th>" : "<th>\(head)</th>"
        }
        h += "</tr></thead><tbody>"
        for row in rows {
            h += "<tr>"
            for (i, cell) in row.enumerated() {
                h += right.contains(i) ? "<td class=\"n\">\(cell)</td>" : "<td>\(cell)</td>"
            }
            h += "</tr>"
        }
        return h + "</tbody></table></div>"
    }

    func deadlines(_ r: MonthlyReport) -> String {
        let rows: [(String, DeadlineFigures)] = [
            (t(.firstResponse), r.firstResponse), (t(.resolution), r.resolution),
            ("\(t(.emergencies)) · \(t(.firstResponse))", r.emergencyResponse),
        ]
        var h = table(
            [
                t(.kind), t(.onTime), t(.late), t(.overdue), t(.pending), t(.noDeadline), t(.onTimeShare), t(.median),
                t(.p90),
            ],
            // The same four parts as the chart below: 超时 is done late, 超时未办 still open past due.
            rows.map { name, d in
                [
                    name, "\(d.onTime)", "\(d.lateDone)", "\(d.overdue)", "\(d.pending)", "\(d.noDeadline)",
                    e(format.share(d.onTimeShare)),
                    e(format.duration(minutes: d.medianMinutes)), e(format.duration(minutes: d.p90Minutes)),
                ]
            })
        for (name, d) in rows.prefix(2) {
            h +=
                "<h3>\(name)</h3>"
                + SVGChart.stacked(
                    [
                        (labels.text(.onTime), d.onTime, "#15803d"),
                        (labels.text(.late), d.lateDone, "#f59e0b"),
                        (labels.text(.overdue), d.overdue, "#b91c1c"), (labels.text(.pending), d.pending, "#9ca3af"),
                    ], title: name)
        }
        return h
    }

    func lateList(_ r: MonthlyReport) -> String {
        guard !r.late.isEmpty else { return "<p>\(t(.none))</p>" }
        var h = table(
            [t(.id), t(.type), t(.category), t(.kind), t(.due), t(.done), t(.lateBy)],
            r.late.prefix(lateLimit).map { item in
                [
                    e(item.id), name(item.type.rawValue), item.category.map(name) ?? "", name(item.kind.rawValue),
                    e(format.time(item.due)), item.done.map { e(format.time($0)) } ?? t(.notDone),
                    e(format.duration(minutes: item.lateMinutes)),
                ]
            }, numeric: [6])
        let more = r.lateTotal - min(lateLimit, r.late.count)
        if more > 0 {
            h += "<p class=\"meta\">… \(e(labels.text(.andMore, ["total": "\(more)"])))</p>"
        }
        return h
    }

    func returnVisits(_ v: ReturnVisitFigures) -> String {
        SVGChart.stacked(
            [
                (labels.text(.withinThreeDays), v.withinThreeDays, "#15803d"),
                (labels.text(.visitedLate), v.late, "#f59e0b"),
                (labels.text(.visitOverdue), v.overdue, "#b91c1c"), (labels.text(.visitPending), v.pending, "#9ca3af"),
            ], title: labels.text(.returnVisits))
            + table(
                [t(.returnVisits), t(.count)],
                [
                    [t(.resolved), "\(v.resolved)"], [t(.withinThreeDays), "\(v.withinThreeDays)"],
                    [t(.visitedLate), "\(v.late)"],
                    [t(.visitOverdue), "\(v.overdue)"], [t(.visitPending), "\(v.pending)"],
                    [t(.onTimeShare), e(format.share(v.onTimeShare))],
                ])
    }

    func satisfaction(_ s: SatisfactionFigures) -> String {
        let colors = ["#15803d", "#65a30d", "#a3a3a3", "#f59e0b", "#b91c1c"]
        let levels = Satisfaction.allCases.enumerated().map { i, level in
            (labels.satisfaction(level), s.count(level), colors[i])
        }
        return SVGChart.stacked(levels, title: labels.text(.satisfaction))
            + "<p>\(t(.answers)) <b>\(s.answers)</b> · \(t(.satisfied)) <b>\(e(format.share(s.satisfiedShare)))</b> · "
            + "\(t(.average)) <b>\(e(format.decimal(s.average)))</b></p>"
    }

    func unrecognized(_ u: UnderstandingReport) -> String {
        var h =
            "<p>\(t(.residentMessages)) <b>\(u.residentMessages)</b> · \(t(.unrecognized)) <b>\(u.unrecognized)</b> "
        h +=
            "(\(e(format.share(u.unrecognizedShare)))) · \(t(.fallback)) <b>\(u.fallback)</b> · \(t(.clarify)) <b>\(u.clarify)</b></p>"
        guard !u.groups.isEmpty else { return h + "<p>\(t(.none))</p>" }
        let shown = Array(u.groups.prefix(groupLimit))
        h += SVGChart.bars(shown.map { ($0.label, $0.count) }, title: labels.text(.topUnrecognized), color: "#7c3aed")
        h += table(
            [t(.group), t(.count), t(.fallback), t(.clarify), t(.examples)],
            shown.map { g in
                [
                    e(g.label), "\(g.count)", "\(g.fallback)", "\(g.clarify)",
                    g.examples.map { "“\(e(TextReport.oneLine($0.text)))” ×\($0.count)" }.joined(separator: "<br>"),
                ]
            }, numeric: [1, 2, 3])
        let rest = u.groups.dropFirst(groupLimit).reduce(0) { $0 + $1.count } + u.ungrouped
        if rest > 0 { h += "<p class=\"meta\">\(t(.otherGroups)): \(rest)</p>" }
        if u.approximate { h += "<p class=\"meta\">\(t(.approximate))</p>" }
        return h
    }

    func corrections(_ u: UnderstandingReport) -> String {
        guard !u.correctionGroups.isEmpty else { return "<p>\(t(.none))</p>" }
        return table(
            [t(.understoodAs), t(.thenAs), t(.count), t(.examples)],
            u.correctionGroups.map { c in
                [
                    name(c.from), name(c.to), "\(c.count)",
                    c.examples.map { "“\(e(TextReport.oneLine($0)))”" }.joined(separator: "<br>"),
                ]
            }, numeric: [2])
    }

    /// `Repair` from `repair` (Chinese unchanged).
    static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// `2026-12-01 09:00` from `2026-12-01T09:00:00+08:00`.
    static func readable(_ iso: String) -> String { String(iso.prefix(16)).replacingOccurrences(of: "T", with: " ") }

    static let css = """
        :root{--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--bg:#f8fafc}\
        *{box-sizing:border-box}\
        body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"PingFang SC",\
        "Noto Sans CJK SC","Microsoft YaHei",sans-serif;-webkit-print-color-adjust:exact;print-color-adjust:exact}\
        main{max-width:860px;margin:0 auto;padding:16px}\
        header h1{margin:0;font-size:1.6em}.sub{margin:2px 0;font-size:1.15em}.meta{color:var(--muted);font-size:.85em}\
        h2{font-size:1.1em;margin:0 0 8px;border-left:4px solid #2f6fb3;padding-left:8px}h3{font-size:.95em;margin:12px 0 4px}\
        section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 14px;margin:12px 0}\
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(120px,1fr));gap:8px;background:none;border:0;padding:0}\
        .card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px}\
        .card span{display:block;color:var(--muted);font-size:.8em}.card b{font-size:1.45em}\
        svg{width:100%;height:auto;display:block;margin:4px 0}svg.cols{max-width:600px}svg.stack{height:22px}\
        svg .axis{font-size:12px;fill:var(--muted)}\
        .bars{margin:4px 0 8px}.bar{display:flex;align-items:center;gap:8px;margin:3px 0;font-size:.9em}\
        .bl{flex:0 0 34%;max-width:170px;text-align:right;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}\
        .bt{flex:1 1 auto}.bt i{display:block;height:14px;border-radius:2px;min-width:1px}\
        .bv{flex:0 0 3.5em;font-variant-numeric:tabular-nums}\
        .legend{list-style:none;padding:0;margin:4px 0 8px;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:.85em}\
        .legend i{display:inline-block;width:11px;height:11px;margin-right:5px;border-radius:2px;vertical-align:-1px}\
        svg .grid{stroke:var(--line);stroke-width:1}\
        .scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.9em}\
        th,td{padding:4px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}\
        th{color:var(--muted);font-weight:600}.n{text-align:right;font-variant-numeric:tabular-nums}td.n{white-space:nowrap}\
        @media (max-width:520px){body{font-size:14px}main{padding:8px}section{padding:10px}}\
        @media print{@page{size:A4;margin:12mm}body{background:#fff;font-size:10pt}main{max-width:none;padding:0}\
        section{break-inside:avoid;margin:6px 0;padding:8px 10px}.cards{grid-template-columns:repeat(6,1fr)}}
        """
}
