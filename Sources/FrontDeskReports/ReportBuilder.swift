import Foundation
import FrontDeskJournal
import FrontDeskModel

/// How far a report run has got, for a progress line.
public struct ReportProgress: Sendable, Equatable {
    /// `records` or `transcripts`.
    public var phase: String
    /// Units done (journal events, or transcript bytes).
    public var done: Int
    /// Units in all, when known.
    public var total: Int?
}

/// Makes both reports from a data directory in one streaming pass over `records.jsonl` and the
/// transcript files of the period.
public struct ReportBuilder: Sendable {
    public var dataDirectory: String
    public var estateName: String
    public var period: ReportPeriod
    /// "Now" in seconds since 1970: lateness is measured up to it; later events are ignored.
    public var now: Int
    public var targets = ResolutionTargets.standard
    /// Distinct unrecognized messages kept (see `MessageGrouper`).
    public var groupingCapacity = 4000

    /// A builder for one data directory, estate and period.
    public init(dataDirectory: String, estateName: String, period: ReportPeriod, now: Int) {
        self.dataDirectory = dataDirectory
        self.estateName = estateName
        self.period = period
        self.now = now
    }

    /// The transcript files whose date (from the name `YYYY-MM-DD.jsonl`) can hold events of the
    /// period (a day of slack each side for files written at another offset), in date order.
    public func transcriptFiles() -> [String] {
        let directory = (dataDirectory as NSString).appendingPathComponent("transcripts")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        let lower = period.first.dayNumber - 1
        let upper = period.last.dayNumber + 1
        return names.filter { name in
            guard name.hasSuffix(".jsonl"), name.utf8.count == 16,
                let day = CivilTime.parse(String(name.prefix(10)), defaultOffset: 0)
            else { return false }
            return day.dayNumber >= lower && day.dayNumber <= upper
        }.sorted().map { (directory as NSString).appendingPathComponent($0) }
    }

    /// Streams the journal and the transcripts and returns both reports.
    ///
    /// - Throws: `ReportError` when a file exists but cannot be read.
    public func build(progress: (ReportProgress) -> Void = { _ in }) throws(ReportError)
        -> (monthly: MonthlyReport, understanding: UnderstandingReport)
    {
        var records = RecordFold(period: period, now: now)
        var skipped = 0
        let journal = (dataDirectory as NSString).appendingPathComponent("records.jsonl")
        if FileManager.default.fileExists(atPath: journal) {
            var events = 0
            do {
                skipped += try JournalReader.forEachEvent(path: journal) { event in
                    records.add(event)
                    events += 1
                    if events % 50_000 == 0 { progress(ReportProgress(phase: "records", done: events, total: nil)) }
                }
            } catch {
                throw ReportError("cannot read \(journal): \(error)")
            }
        }
        var conversations = ConversationFold(period: period, now: now, capacity: groupingCapacity)
        let files = transcriptFiles()
        let sizes = files.map { ((try? FileManager.default.attributesOfItem(atPath: $0))?[.size] as? Int) ?? 0 }
        let totalBytes = sizes.reduce(0, +)
        var doneBytes = 0
        for (file, size) in zip(files, sizes) {
            do {
                skipped += try TranscriptReader.forEachEvent(paths: [file]) { conversations.add($0) }
            } catch {
                throw ReportError("cannot read \(file): \(error)")
            }
            doneBytes += size
            progress(ReportProgress(phase: "transcripts", done: doneBytes, total: totalBytes))
        }
        var monthly = MonthlyReport(estate: estateName, period: period, generated: now)
        monthly.fill(from: records, targets: targets)
        monthly.messages = conversations.messages
        monthly.skippedLines = skipped
        return (monthly, conversations.understandingReport())
    }
}
