import FrontDeskJournal
public import FrontDeskModel

/// Which transcript events `replay` shows or checks.
///
/// `session` and `date` select events; `unit` and `grep` select whole sessions (a session is
/// shown in full when any of its events names the unit, or contains the text), which takes one
/// extra streaming pass over the files.
public struct ReplayFilter: Sendable, Equatable {
    /// Only this session.
    public var session: String?
    /// Only sessions whose slots or text name this unit (`3-2-501`).
    public var unit: String?
    /// Only events on this local date (`2026-11-22`).
    public var date: String?
    /// Only sessions where some line contains this text (case-insensitive).
    public var grep: String?

    /// A filter; `nil` fields select everything.
    public init(session: String? = nil, unit: String? = nil, date: String? = nil, grep: String? = nil) {
        self.session = session
        self.unit = unit
        self.date = date
        self.grep = grep
    }

    /// Whether one event passes the event-level filters (session, date).
    public func passes(_ event: TranscriptEvent) -> Bool {
        if let session, event.session != session { return false }
        if let date, !event.time.hasPrefix(date) { return false }
        return true
    }

    /// The sessions the session-level filters select, or `nil` when there are none (all sessions).
    ///
    /// - Throws: `JournalError` when a file cannot be read.
    public func selectedSessions(paths: [String], datesSelectSessions: Bool = false) throws -> Set<String>? {
        guard unit != nil || grep != nil || (datesSelectSessions && date != nil) else { return nil }
        var byUnit = Set<String>()
        var byGrep = Set<String>()
        var byDate = Set<String>()
        let needle = grep?.lowercased()
        try TranscriptReader.forEachEvent(paths: paths) { event in
            if let session, event.session != session { return }
            if let unit, event.slots["unit"]?.string == unit || event.text.contains(unit) {
                byUnit.insert(event.session)
            }
            if let needle, event.text.lowercased().contains(needle) { byGrep.insert(event.session) }
            if let date, event.time.hasPrefix(date) { byDate.insert(event.session) }
        }
        var selected: Set<String>?
        func narrow(_ set: Set<String>) { selected = selected.map { $0.intersection(set) } ?? set }
        if unit != nil { narrow(byUnit) }
        if grep != nil { narrow(byGrep) }
        if datesSelectSessions, date != nil { narrow(byDate) }
        return selected ?? []
    }
}
