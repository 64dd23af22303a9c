import Foundation
import FrontDeskContent
import FrontDeskJournal
import FrontDeskModel
import FrontDeskReports

/// `frontdesk report`: the office's monthly review and the understanding report.
struct ReportCommand: Subcommand {
    static let name = "report"
    static let summary = "monthly service report, unrecognized messages, HTML page"
    static let spec = ArgumentSpec([
        .value("--month", "YYYY-MM", "the calendar month to report (default: the month of --now, or this month)"),
        .value("--from", "DATE", "a range of days instead, from this day (2026-11-01) …"),
        .value("--to", "DATE", "… to this one, both included"),
        .flag("--unrecognized", "what residents asked that the bot did not understand, and their corrections"),
        .json.help("one JSON object instead of text"),
        .value("--html", "FILE", "also write a self-contained HTML page with both reports and charts"),
        .dataDir,
        .estate.help("estate file: its name and time zone (default estate/sample.json)"),
        .intents.help("content folder: the phrase book's labels (default intents)"),
        .now,
    ])
    static let usage = Usage.text(command: name, synopses: [("", nil)], about: "", spec: spec)

    static func run(_ arguments: Arguments, console: Console) throws -> Int32 {
        let workspace = try Workspace(arguments)
        // Without an estate file the data alone still makes a report (English labels, offset +08:00).
        var estate: (name: String, utcOffset: Int) = ("", 28_800)
        if arguments.value("--estate") != nil || FileManager.default.fileExists(atPath: workspace.estatePath) {
            let loaded = try workspace.estate()
            estate = (loaded.name, loaded.utcOffset)
        }
        let journal = FileJournal.journalPath(in: workspace.dataDir)
        if !FileManager.default.fileExists(atPath: journal),
            !FileManager.default.fileExists(atPath: workspace.dataDir + "/transcripts")
        {
            // Still a report (of nothing, exit 0): a new office has no data yet; a misspelt path is said.
            console.err(
                "frontdesk report: no journal or transcripts in \(workspace.dataDir) (nothing recorded yet, or a misspelt --data-dir)\n"
            )
        }
        let now = workspace.clock.now()
        let period = try period(arguments, now: now, offset: estate.utcOffset)
        let han: HanConversion
        let words: ReportWords
        let satisfaction: SatisfactionNames
        do {
            han = try GroupingText.loadTable(intentsDirectory: workspace.intentsPath)
            words = try GroupingText.loadWords(intentsDirectory: workspace.intentsPath)
            satisfaction = try SatisfactionNames.load(intentsDirectory: workspace.intentsPath)
        } catch {
            throw CommandFailure(error.message)
        }
        var builder = ReportBuilder(
            dataDirectory: workspace.dataDir, estateName: estate.name, period: period,
            now: Int(now.timeIntervalSince1970.rounded(.down)), han: han, words: words,
            satisfaction: satisfaction)
        builder.groupingCapacity = 4000
        let progress = ProgressLine(enabled: isatty(2) == 1, console: console)
        let (monthly, understanding): (MonthlyReport, UnderstandingReport)
        do {
            (monthly, understanding) = try builder.build(progress: { progress.update($0) })
        } catch {
            progress.clear()
            throw CommandFailure(error.message)
        }
        progress.clear()
        let labels: ReportLabels
        do {
            labels = try ReportLabels.load(phraseDirectory: workspace.intentsPath + "/phrases", estateName: estate.name)
        } catch {
            throw CommandFailure(error.message)
        }
        if let path = arguments.value("--html") {
            let page = HTMLReport(labels: labels, offset: period.offset).render(monthly, understanding)
            try PrivateFile.write(page, to: path)
        }
        let unrecognized = arguments.has("--unrecognized")
        // The live hand-off's figures (SPEC 8.3), read from the transcripts' hand-off marks.
        let handoffs = unrecognized ? nil : try handoffFigures(workspace.dataDir, period)
        if arguments.has("--json") {
            var json = unrecognized ? understanding.json : monthly.json
            if let handoffs, case .object(var members) = json {
                members.append("handoffs", handoffs.json)
                json = .object(members)
            }
            console.out(json.serialized + "\n")
        } else {
            let text = TextReport(labels: labels, offset: period.offset, color: isatty(1) == 1)
            console.out(
                unrecognized ? text.render(understanding, estate: estate.name, period: period) : text.render(monthly))
            if let handoffs { console.out(HandoffText(labels: labels).render(handoffs)) }
        }
        return 0
    }

    private static func handoffFigures(_ dataDir: String, _ period: ReportPeriod) throws(CommandFailure)
        -> HandoffFigures
    {
        do {
            return try HandoffFigures.read(dataDirectory: dataDir, period: period)
        } catch {
            throw CommandFailure(error.message)
        }
    }

    /// The period from `--month` or `--from`/`--to`; the month of `now` when neither is given.
    static func period(_ arguments: Arguments, now: Date, offset: Int) throws(UsageError) -> ReportPeriod {
        let month = arguments.value("--month")
        let from = arguments.value("--from")
        let to = arguments.value("--to")
        do {
            switch (month, from, to) {
            case (let month?, nil, nil): return try ReportPeriod.month(month, offset: offset)
            case (nil, let from?, let to?): return try ReportPeriod.range(from: from, to: to, offset: offset)
            case (nil, nil, nil): return ReportPeriod.month(containing: now, offset: offset)
            case (_?, _, _): throw UsageError("give either --month or --from and --to, not both")
            default: throw UsageError("--from and --to go together")
            }
        } catch let error as ReportError {
            throw UsageError(error.message)
        } catch {
            throw error as! UsageError
        }
    }
}

/// A progress line on stderr, rewritten in place, only when stderr is a terminal.
final class ProgressLine: @unchecked Sendable {
    // Unchecked: `update` is called only from the builder's one transcript thread, `clear` after it ended.
    private let enabled: Bool
    private let console: Console
    private var last = -1
    private var shown = false

    init(enabled: Bool, console: Console) {
        self.enabled = enabled
        self.console = console
    }

    func update(_ p: ReportProgress) {
        guard enabled else { return }
        let text: String
        if let total = p.total, total > 0 {
            let percent = p.done * 100 / total
            guard percent != last else { return }
            last = percent
            text = "\(p.phase): \(percent)%"
        } else {
            text = "\(p.phase): \(p.done)"
        }
        shown = true
        console.err("\r\u{1B}[K" + text)
    }

    func clear() {
        if shown { console.err("\r\u{1B}[K") }
        shown = false
    }
}
