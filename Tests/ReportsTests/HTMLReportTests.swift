import Foundation
import FrontDeskJournal
import FrontDeskModel
import Testing

@testable import FrontDeskReports

/// The HTML page holds every figure and is well-formed.
@Suite struct HTMLReportTests {
    @Test func pageIsWellFormedAndSelfContained() throws {
        let (r, u) = try MonthlyReportTests.build()
        let html = HTMLReport(labels: try Fixture.labels(r.estate), offset: 28_800).render(r, u)
        #expect(HTMLCheck.problems(html) == [])
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        let links = html.components(separatedBy: "://").count - 1
        let svgNamespaces = html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1
        #expect(links == svgNamespaces)  // no external reference but the SVG namespace
        #expect(html.contains("@media print"))
        #expect(html.contains("name=\"viewport\""))
    }

    @Test func pageHoldsEveryFigure() throws {
        let (r, u) = try MonthlyReportTests.build()
        let html = HTMLReport(labels: try Fixture.labels(r.estate), offset: 28_800).render(r, u)
        let cells = [
            // cards
            "<span>工单</span><b>9</b>", "<b>77.8%</b>", "<b>66.7%</b>", "<b>50.0%</b>", "<b>75.0%</b>", "<b>54.5%</b>",
            // by status, deadlines
            "<td>已解决</td><td class=\"n\">7</td>", "<td>已批准</td><td class=\"n\">1</td>",
            "<td>首次响应</td><td class=\"n\">7</td><td class=\"n\">1</td><td class=\"n\">1</td><td class=\"n\">0</td>"
                + "<td class=\"n\">0</td><td class=\"n\">77.8%</td><td class=\"n\">1小时</td><td class=\"n\">20小时</td>",
            "<td>解决</td><td class=\"n\">6</td><td class=\"n\">2</td><td class=\"n\">1</td><td class=\"n\">0</td>"
                + "<td class=\"n\">0</td><td class=\"n\">66.7%</td><td class=\"n\">1天</td><td class=\"n\">4天</td>",
            "<td>100.0%</td>".replacingOccurrences(of: "<td>", with: "<td class=\"n\">"),
            // late list
            "超时清单 · 5", "<td>REP-20261110-0001</td>", "<td>CB-20261125-0001</td>", "21天3小时", "20天4小时",
            "<td class=\"n\">1天1小时</td>", "<td class=\"n\">1小时30分</td>",
            // return visits, satisfaction
            "<td>3 天内回访</td><td class=\"n\">3</td>", "<td>超过 3 天回访</td><td class=\"n\">1</td>",
            "<td>逾期未回访</td><td class=\"n\">2</td>", "<td>待回访</td><td class=\"n\">1</td>",
            "非常满意 <b>1</b></li>", "满意 <b>2</b></li>", "一般 <b>0</b></li>", "不满意 <b>1</b></li>",
            "非常不满意 <b>0</b></li>", "3 天内回访 <b>3</b></li>", "超时未办 <b>1</b></li>",
            "回答数 <b>4</b>", "满意率 <b>75.0%</b>", "平均分 <b>3.75</b>",
            // verifications
            "<td>验证成功</td><td class=\"n\">3</td>", "<td>验证失败</td><td class=\"n\">5</td>",
            "<td>房号锁定</td><td class=\"n\">1</td>", "<td>会话锁定</td><td class=\"n\">1</td>",
            "<td>账单查看</td><td class=\"n\">3</td>", "<td>工单详情查看</td><td class=\"n\">1</td>",
            // categories (bar labels and values)
            "<span class=\"bl\">水管</span>", "<span class=\"bl\">噪音</span>", "<span class=\"bl\">燃气</span>",
            "<span class=\"bl\">报修</span><span class=\"bt\"><i style=\"width:100%;background:#2f6fb3\"></i></span><span class=\"bv\">3</span>",
            "<span class=\"bl\">噪音</span><span class=\"bt\"><i style=\"width:100%;background:#c2410c\"></i></span><span class=\"bv\">2</span>",
            // messages
            "住户消息 <b>11</b>", "机器人回复 <b>15</b>", "会话 <b>4</b>", "<title>09时 4</title>", "<title>14时 3</title>",
            "<title>20时 3</title>", "<title>23时 1</title>",
            // records per day
            "<title>2026-11-02 1</title>", "<title>2026-11-30 1</title>", "<title>2026-11-01 0</title>",
            // unrecognized and corrections
            "未识别 <b>6</b> (54.5%)", "未理解 <b>4</b>", "反问“您是指” <b>2</b>",
            "<td>代收快递</td><td class=\"n\">3</td><td class=\"n\">3</td><td class=\"n\">0</td>",
            "<td>楼上装修太吵</td><td class=\"n\">2</td><td class=\"n\">0</td><td class=\"n\">2</td>",
            "“樓上裝修太吵” ×1", "住户纠正 · 3", "<td>未识别</td><td>投诉</td><td class=\"n\">2</td>",
            "“no, I meant noise complaint”", "跳过的损坏行: 1",
        ]
        let missing = cells.filter { !html.contains($0) }
        #expect(missing == [])
    }

    /// The cells of the table row whose first cell is `name`, after it.
    static func row(_ name: String, in html: String) -> [String] {
        guard let start = html.range(of: "<tr><td>\(name)</td>") else { return [] }
        let rest = html[start.upperBound...]
        let end = rest.range(of: "</tr>")?.lowerBound ?? rest.endIndex
        return rest[..<end].components(separatedBy: "</td>").compactMap { cell in
            cell.range(of: ">").map { String(cell[$0.upperBound...]) }
        }.filter { !$0.isEmpty }
    }

    @Test func deadlineRowsAddUpToTheRecordsAndTheChartAgreesWithTheTable() throws {
        let (r, u) = try MonthlyReportTests.build()
        let html = HTMLReport(labels: try Fixture.labels(r.estate), offset: 28_800).render(r, u)
        for (name, figures) in [("首次响应", r.firstResponse), ("解决", r.resolution)] {
            let cells = Self.row(name, in: html)
            let parts = cells.prefix(5).compactMap { Int($0) }
            #expect(parts.count == 5, "\(name): \(cells)")
            #expect(parts.reduce(0, +) == r.total, "\(name): \(parts) for \(r.total) records")
            // 超时 in the table is the chart legend's 超时 (done late), 超时未办 its own part.
            #expect(parts[1] == figures.lateDone && parts[2] == figures.overdue)
            let section = html.components(separatedBy: "<h3>\(name)</h3>").dropFirst().first ?? ""
            #expect(section.contains("超时 <b>\(parts[1])</b></li>"), "\(name) legend")
            #expect(section.contains("超时未办 <b>\(parts[2])</b></li>"), "\(name) legend")
        }
        let emergencies = r.byType.first { $0.key == "emergency" }?.count ?? 0
        let d = r.emergencyResponse
        #expect(d.onTime + d.lateDone + d.overdue + d.pending + d.noDeadline == emergencies)
    }

    @Test func recordsWithoutAFirstResponseDeadlineAreCountedSoTheRowAddsUp() throws {
        let period = try ReportPeriod.month("2026-11", offset: 28_800)
        var fold = RecordFold(period: period, now: 1_796_000_000, names: try Fixture.satisfaction.get())
        fold.add(
            .create(
                Record(
                    id: "REP-20261120-0001", type: .repair, createdAt: "2026-11-20T09:00:00+08:00",
                    dueAt: "2026-11-20T13:00:00+08:00")))
        fold.add(
            .create(Record(id: "DEC-20261120-0001", type: .decorationPermit, createdAt: "2026-11-20T10:00:00+08:00")))
        var report = MonthlyReport(estate: "", period: period, generated: 1_796_000_000)
        report.fill(from: fold)
        let d = report.firstResponse
        #expect(d.noDeadline == 1)
        #expect(d.onTime + d.lateDone + d.overdue + d.pending + d.noDeadline == 2)
        let html = HTMLReport(labels: try Fixture.labels(""), offset: 28_800).render(
            report, UnderstandingReport())
        let cells = Self.row("First response", in: html)
        #expect(cells.prefix(5).compactMap { Int($0) }.reduce(0, +) == 2, "\(cells)")
    }

    @Test func checkerCatchesMistakes() {
        #expect(HTMLCheck.problems("<div><p>x</div>") != [])
        #expect(HTMLCheck.problems("<p>a & b</p>") != [])
        #expect(HTMLCheck.problems("<p>a &amp; b<br></p>") == [])
        #expect(HTMLCheck.problems("<script>x</script>") != [])
    }

    @Test func textIsEscaped() {
        #expect(SVGChart.escape("<b>&\"'") == "&lt;b&gt;&amp;&quot;&#39;")
    }
}
