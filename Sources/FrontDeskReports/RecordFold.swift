public import FrontDeskJournal
public import FrontDeskModel

/// How long an office allows to resolve a record, counted from its creation: the resolution
/// deadline the report measures against (a record's `due_at` is its first-response deadline).
public struct ResolutionTargets: Sendable, Equatable {
    /// Hours per record type; repairs per priority below.
    public var hoursByType: [RecordType: Int]
    /// Hours for a repair per priority (`urgent`, `high`, `normal`, `low`).
    public var repairHoursByPriority: [String: Int]

    /// Emergencies 24 h; complaints 72 h (answered within 3 days); callbacks 24 h; permits
    /// reviewed within 72 h; repairs urgent 24 h, high 48 h, normal 72 h, low 168 h.
    public static let standard = ResolutionTargets(
        hoursByType: [.emergency: 24, .complaint: 72, .callback: 24, .decorationPermit: 72, .repair: 72],
        repairHoursByPriority: ["urgent": 24, "high": 48, "normal": 72, "low": 168])

    /// Targets with these hours.
    public init(hoursByType: [RecordType: Int], repairHoursByPriority: [String: Int]) {
        self.hoursByType = hoursByType
        self.repairHoursByPriority = repairHoursByPriority
    }

    /// The resolution deadline of a record, seconds since 1970.
    public func deadline(of record: RecordState) -> Int {
        var hours = hoursByType[record.type] ?? 72
        if record.type == .repair, let priority = record.priority, let h = repairHoursByPriority[priority] { hours = h }
        return record.created + hours * 3600
    }
}

/// Folds journal events into per-record compact state and audit counters, for the records
/// created in a period. Memory grows with the records of the period, never with the journal.
public struct RecordFold: Sendable {
    /// The days whose records are counted (by creation time).
    public let period: ReportPeriod
    /// Updates after this instant are ignored, so a report `--now` in the past is reproducible.
    public let now: Int
    private(set) var records: [RecordState] = []
    private var index: [String: Int] = [:]
    /// Audit counters of the period.
    public private(set) var verifications = VerificationFigures()
    /// The stored names of the satisfaction levels (`intents/journal.json`), by which return-visit answers are read.
    public let names: SatisfactionNames

    /// An empty fold for `period`, measuring lateness up to `now` (seconds since 1970), reading return-visit answers
    /// by `names`.
    public init(period: ReportPeriod, now: Int, names: SatisfactionNames) {
        self.period = period
        self.now = now
        self.names = names
    }

    /// Folds in one journal event.
    public mutating func add(_ event: JournalEvent) {
        switch event {
        case .create(let record):
            let state = RecordState(record: record, defaultOffset: period.offset, names: names)
            guard period.contains(state.created), state.created <= now, index[state.id] == nil else { return }
            index[state.id] = records.count
            records.append(state)
        case .update(let update):
            guard let i = index[update.id] else { return }
            if let at = Timestamp.seconds(update.at, defaultOffset: period.offset), at > now { return }
            records[i].apply(update, defaultOffset: period.offset, names: names)
        case .audit(let audit):
            guard let at = Timestamp.seconds(audit.at, defaultOffset: period.offset), period.contains(at), at <= now
            else { return }
            switch audit.kind {
            case "verify_succeeded": verifications.succeeded += 1
            case "verify_failed": verifications.failed += 1
            case "lockout": verifications.lockouts += 1
            case "session_lockout": verifications.sessionLockouts += 1
            case "fee_disclosure": verifications.feeDisclosures += 1
            case "record_disclosure": verifications.recordDisclosures += 1
            default: break
            }
        }
    }

    /// The number of records folded.
    public var count: Int { records.count }
}
