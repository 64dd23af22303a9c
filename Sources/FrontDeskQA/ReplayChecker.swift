public import FrontDeskContent
import FrontDeskDialogue
import FrontDeskJournal
import FrontDeskModel

/// `replay --check`: re-runs the resident turns of recorded sessions through today's engine,
/// at the recorded times, with a throw-away data directory, and compares turn by turn.
///
/// Compared per bot turn: the reply (both sides phone-masked, and record IDs compared by their
/// `TYPE-YYYYMMDD-` part because numbering depends on the data directory's history), the intent,
/// what the bot awaits, and the record type. The greeting is compared as a turn of its own.
/// Transcripts mask phone numbers (`138****5678`): such resident lines are replayed with the
/// stars replaced by zeros (a valid number of the same shape) and the turn is flagged.
public struct ReplayChecker: Sendable {
    /// The content of today's engine.
    public var catalog: Catalog
    /// The estate.
    public var estate: Estate

    /// A checker.
    public init(catalog: Catalog, estate: Estate) {
        self.catalog = catalog
        self.estate = estate
    }

    /// Checks every selected session in `paths`.
    ///
    /// - Throws: `JournalError` when a file cannot be read, or the scratch directory's error.
    public func check(paths: [String], filter: ReplayFilter = ReplayFilter()) throws -> ReplayCheckResult {
        let selected = try filter.selectedSessions(paths: paths, datesSelectSessions: true)
        let scratch = try ScratchDirectory(label: "replay-check")
        defer { scratch.remove() }
        let journal = try FileJournal(directory: scratch.path)
        defer { journal.close() }
        let clock = ManualClock(CivilTime(year: 2026, month: 1, day: 1, offset: estate.utcOffset).date)
        let engine = Engine(catalog: catalog, estate: estate, store: journal, clock: clock)
        var state = ReplayCheckState(engine: engine, clock: clock)
        state.result.skippedLines = try TranscriptReader.forEachEvent(paths: paths) { event in
            if let session = filter.session, event.session != session { return }
            if let selected, !selected.contains(event.session) { return }
            state.feed(event)
        }
        return state.result
    }

    /// The resident's text with masked digits (`138****5678`) replaced by zeros, and whether any were.
    public static func standIn(for text: String) -> (String, Bool) {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var changed = false
        var i = 0
        func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
        while i < scalars.count {
            if scalars[i] == "*", i > 0, isDigit(scalars[i - 1]) {
                var j = i
                while j < scalars.count, scalars[j] == "*" { j += 1 }
                if j < scalars.count, isDigit(scalars[j]) {
                    out.append(contentsOf: Array(repeating: Unicode.Scalar(48), count: j - i))
                    changed = true
                    i = j
                    continue
                }
            }
            out.append(scalars[i])
            i += 1
        }
        return (String(out), changed)
    }

    /// `REP-20261122-0007` → `REP-20261122-…`, so numbering differences do not count.
    static func normalizeIDs(_ text: String) -> String {
        text.replacing(#/\b(REP|CMP|DEC|EMG|CB)-(\d{8})-\d{4,}/#) { match in "\(match.1)-\(match.2)-…" }
    }
}
