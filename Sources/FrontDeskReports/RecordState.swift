import FrontDeskContent
public import FrontDeskModel

/// What a report keeps of one record while the journal streams past: its kind and the few
/// instants the figures need, never its personal details or history.
public struct RecordState: Sendable, Equatable {
    /// `REP-20261122-0001`.
    public var id: String
    /// The record's type.
    public var type: RecordType
    /// The status it now has.
    public var status: String
    /// The record's category, when it has one.
    public var category: String?
    /// The record's priority (`urgent`, `high`, `normal`, `low`), which sets a repair's resolution deadline.
    public var priority: String?
    /// Seconds since 1970.
    public var created: Int
    /// When the first response / visit / reply is due.
    public var due: Int?
    /// The first history entry after creation by a member of staff, or the first status change
    /// away from the initial status.
    public var firstResponse: Int?
    /// When it became `resolved` (a permit: approved or rejected; otherwise `closed` without `resolved`).
    public var resolved: Int?
    /// When the return visit was made.
    public var revisited: Int?
    /// The return-visit answer, when one was given.
    public var satisfaction: Satisfaction?

    /// The state of a record as created (including any history it already carries); its return-visit answer is
    /// read by the stored `names` of the levels.
    public init(record: Record, defaultOffset: Int, names: SatisfactionNames) {
        id = record.id
        type = record.type
        status = record.type.initialStatus
        category = record.category
        priority = record.priority
        created = Timestamp.seconds(record.createdAt, defaultOffset: defaultOffset) ?? 0
        due = record.dueAt.flatMap { Timestamp.seconds($0, defaultOffset: defaultOffset) }
        for (index, entry) in record.history.enumerated() {
            let at = Timestamp.seconds(entry.at, defaultOffset: defaultOffset) ?? created
            apply(at: at, actor: entry.actor, status: entry.status, creation: index == 0)
        }
        status = record.status
        if let resolvedAt = record.resolvedAt, resolved == nil {
            resolved = Timestamp.seconds(resolvedAt, defaultOffset: defaultOffset)
        }
        if let revisitedAt = record.revisitedAt {
            revisited = Timestamp.seconds(revisitedAt, defaultOffset: defaultOffset)
        }
        satisfaction = record.satisfaction.flatMap(names.level(stored:))
    }

    /// Folds in one journal update; a return-visit answer is read by the stored `names` of the levels.
    public mutating func apply(_ update: RecordUpdate, defaultOffset: Int, names: SatisfactionNames) {
        let at = Timestamp.seconds(update.at, defaultOffset: defaultOffset) ?? created
        apply(at: at, actor: update.actor, status: update.status, creation: false)
        if let status = update.status { self.status = status }
        if let answer = update.satisfaction, let level = names.level(stored: answer) {
            satisfaction = level
            revisited = revisited ?? at
        }
    }

    /// Whether `actor` is a person at the office (not the bot, not the resident).
    static func isStaff(_ actor: String) -> Bool { !actor.isEmpty && actor != "bot" && actor != "resident" }

    private mutating func apply(at: Int, actor: String, status: String?, creation: Bool) {
        if creation { return }
        if firstResponse == nil, Self.isStaff(actor) || (status != nil && status != type.initialStatus) {
            firstResponse = at
        }
        guard resolved == nil, let status else { return }
        switch (type, status) {
        case (.decorationPermit, "approved"), (.decorationPermit, "rejected"): resolved = at
        case (.decorationPermit, _): break
        case (_, "resolved"), (_, "closed"): resolved = at
        default: break
        }
    }

    /// Whether this type of record gets a return visit after it is resolved (every type but permits).
    public var getsReturnVisit: Bool { type != .decorationPermit }
}

extension SatisfactionNames {
    /// The stored names of the satisfaction levels in the intents folder (`journal.json`).
    ///
    /// - Throws: `ReportError` listing each mistake in the file.
    public static func load(intentsDirectory: String) throws(ReportError) -> SatisfactionNames {
        do {
            return try Catalog.loadSatisfactionNames(directory: intentsDirectory)
        } catch {
            throw ReportError(error.diagnostics.map(\.description).joined(separator: "\n"))
        }
    }
}
