import Foundation
public import FrontDeskContent
import FrontDeskJournal
public import FrontDeskModel
import Synchronization

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
    /// The directory holding `records.jsonl` and `transcripts/`.
    public var dataDirectory: String
    /// The estate's name, shown in the reports' titles.
    public var estateName: String
    /// The days the report covers.
    public var period: ReportPeriod
    /// "Now" in seconds since 1970: lateness is measured up to it; later events are ignored.
    public var now: Int
    /// The resolution deadlines late records are measured against.
    public var targets = ResolutionTargets.standard
    /// The Traditional → Simplified table unrecognized messages are grouped with.
    public var han: HanConversion
    /// The stop words and corrections of the understanding report (`GroupingText.loadWords`).
    public var words: ReportWords
    /// The stored names of the satisfaction levels (`SatisfactionNames.load(intentsDirectory:)`).
    public var satisfaction: SatisfactionNames
    /// Distinct unrecognized messages kept (see `MessageGrouper`).
    public var groupingCapacity = 4000

    /// A builder for one data directory, estate and period, grouping with the `han` table
    /// (`GroupingText.loadTable(intentsDirectory:)`) and reading return-visit answers by `satisfaction`.
    public init(
        dataDirectory: String, estateName: String, period: ReportPeriod, now: Int, han: HanConversion,
        words: ReportWords, satisfaction: SatisfactionNames
    ) {
        self.han = han
        self.words = words
        self.satisfaction = satisfaction
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

    /// Which readers stream the files.
    public enum Readers: Sendable {
        /// `JournalReader` and `TranscriptReader`: every field decoded.
        case standard
        /// The report's own skimming readers: the same rules, only the fields it needs decoded.
        case fast
    }

    /// Which readers to use (the fast ones unless a test compares them).
    public var readers = Readers.fast

    /// Streams the journal and the transcripts (the two at once, on two threads) and returns both reports.
    ///
    /// - Throws: `ReportError` when a file exists but cannot be read.
    public func build(progress: @escaping @Sendable (ReportProgress) -> Void = { _ in }) throws(ReportError)
        -> (monthly: MonthlyReport, understanding: UnderstandingReport)
    {
        let journal = Mutex<Result<(RecordFold, Int), ReportError>?>(nil)
        let chats = Mutex<Result<(ConversationFold, Int), ReportError>?>(nil)
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                let result = Result { () throws(ReportError) in try foldJournal() }
                journal.withLock { $0 = result }
            } else {
                let result = Result { () throws(ReportError) in try foldTranscripts(progress: progress) }
                chats.withLock { $0 = result }
            }
        }
        let (records, damaged) = try journal.withLock { $0! }.get()
        let (conversations, skipped) = try chats.withLock { $0! }.get()
        var monthly = MonthlyReport(estate: estateName, period: period, generated: now)
        monthly.fill(from: records, targets: targets)
        monthly.satisfaction.names = satisfaction
        monthly.messages = conversations.messages
        monthly.skippedLines = damaged + skipped
        return (monthly, conversations.understandingReport())
    }

    func foldJournal() throws(ReportError) -> (RecordFold, Int) {
        var fold = RecordFold(period: period, now: now, names: satisfaction)
        let path = (dataDirectory as NSString).appendingPathComponent("records.jsonl")
        guard FileManager.default.fileExists(atPath: path) else { return (fold, 0) }
        if readers == .fast {
            let damaged = try FastReaders.journal(path: path, into: &fold)
            return (fold, damaged)
        }
        do {
            let damaged = try JournalReader.forEachEvent(path: path) { fold.add($0) }
            return (fold, damaged)
        } catch {
            throw ReportError("cannot read \(path): \(error)")
        }
    }

    func foldTranscripts(progress: (ReportProgress) -> Void) throws(ReportError) -> (ConversationFold, Int) {
        var fold = ConversationFold(period: period, now: now, han: han, words: words, capacity: groupingCapacity)
        var skipped = 0
        let files = transcriptFiles()
        let sizes = files.map { ((try? FileManager.default.attributesOfItem(atPath: $0))?[.size] as? Int) ?? 0 }
        let totalBytes = sizes.reduce(0, +)
        var doneBytes = 0
        for (file, size) in zip(files, sizes) {
            if readers == .fast {
                skipped += try FastReaders.transcript(path: file, into: &fold)
            } else {
                do {
                    skipped += try TranscriptReader.forEachEvent(paths: [file]) { fold.add($0) }
                } catch {
                    throw ReportError("cannot read \(file): \(error)")
                }
            }
            doneBytes += size
            progress(ReportProgress(phase: "transcripts", done: doneBytes, total: totalBytes))
        }
        return (fold, skipped)
    }
}
