public import FrontDeskModel

/// How records met one kind of deadline (first response, or resolution).
public struct DeadlineFigures: Sendable, Equatable {
    /// Done by the deadline.
    public var onTime = 0
    /// Done after the deadline, or still not done past it.
    public var late = 0
    /// Not done and not yet due.
    public var pending = 0
    /// Among `late`: still not done.
    public var overdue = 0
    /// Records of the row without this deadline (e.g. no first-response due time): not measured.
    public var noDeadline = 0
    /// Median time taken among those done, in minutes.
    public var medianMinutes: Int?
    /// 90th percentile of the time taken among those done, in minutes.
    public var p90Minutes: Int?

    /// Zero everywhere.
    public init() {}

    /// Among `late`: done, after the deadline. The columns `onTime`, `lateDone`, `overdue`, `pending`
    /// and `noDeadline` do not overlap and add up to the row's records.
    public var lateDone: Int { late - overdue }

    /// `onTime / (onTime + late)`, or `nil` when nothing was due yet.
    public var onTimeShare: Double? { onTime + late == 0 ? nil : Double(onTime) / Double(onTime + late) }
}

/// One record that missed a deadline.
public struct LateItem: Sendable, Equatable {
    /// Which deadline was missed.
    public enum Kind: String, Sendable {
        case firstResponse = "first_response"
        case resolution
    }
    /// The record ID, `TYPE-YYYYMMDD-NNNN`.
    public var id: String
    /// The record's type.
    public var type: RecordType
    /// The record's category, when it has one.
    public var category: String?
    /// Which deadline it missed.
    public var kind: Kind
    /// Seconds since 1970.
    public var due: Int
    /// When it was done, or `nil` when it still is not.
    public var done: Int?
    /// How late, in minutes (up to the report's "now" when not done).
    public var lateMinutes: Int
}

/// Return visits (回访) of the records resolved in the period.
public struct ReturnVisitFigures: Sendable, Equatable {
    /// Records resolved that get a return visit.
    public var resolved = 0
    /// Visited within 3 days of resolution.
    public var withinThreeDays = 0
    /// Visited, but after the 3 days.
    public var late = 0
    /// Not visited and the 3 days are over.
    public var overdue = 0
    /// Not visited, still within the 3 days.
    public var pending = 0

    /// Zero everywhere.
    public init() {}

    /// Visits done within 3 days among those whose 3 days are over or that were visited.
    public var onTimeShare: Double? {
        let due = withinThreeDays + late + overdue
        return due == 0 ? nil : Double(withinThreeDays) / Double(due)
    }
}

/// Answers on the five-level satisfaction scale.
public struct SatisfactionFigures: Sendable, Equatable {
    /// Count per level, in scale order 非常满意 … 非常不满意.
    public var counts: [Int] = Array(repeating: 0, count: Satisfaction.allCases.count)
    /// The journal's names of the levels (the report's JSON keys); the levels' keys when not given.
    public var names: SatisfactionNames?

    /// Zero everywhere.
    public init() {}

    /// The name a level is stored and reported under.
    public func name(_ level: Satisfaction) -> String { names?.stored(level) ?? level.key }

    /// Number of answers.
    public var answers: Int { counts.reduce(0, +) }
    /// The count of one level.
    public func count(_ level: Satisfaction) -> Int { counts[Satisfaction.allCases.firstIndex(of: level)!] }
    /// 非常满意 + 满意, as a share of the answers.
    public var satisfiedShare: Double? {
        answers == 0 ? nil : Double(count(.verySatisfied) + count(.satisfied)) / Double(answers)
    }
    /// Mean score, 5 (非常满意) … 1 (非常不满意).
    public var average: Double? {
        guard answers > 0 else { return nil }
        let total = zip(Satisfaction.allCases, counts).reduce(0) { $0 + $1.0.score * $1.1 }
        return Double(total) / Double(answers)
    }
}

/// Fee-query verifications and disclosures from the audit events of the period.
public struct VerificationFigures: Sendable, Equatable {
    /// Fee-query verifications that succeeded (`verify_succeeded` events).
    public var succeeded = 0
    /// Fee-query verifications that failed (`verify_failed` events).
    public var failed = 0
    /// Units locked after 5 failures in 24 hours.
    public var lockouts = 0
    /// Sessions that stopped fee queries after 3 failures.
    public var sessionLockouts = 0
    /// Times a unit's bills were shown (`fee_disclosure` events).
    public var feeDisclosures = 0
    /// Times a record's details were shown (`record_disclosure` events).
    public var recordDisclosures = 0
    /// Zero everywhere.
    public init() {}
}

/// Chat traffic of the period.
public struct MessageFigures: Sendable, Equatable {
    /// Resident messages.
    public var resident = 0
    /// Bot turns.
    public var bot = 0
    /// Sessions started (their first event falls in the period).
    public var sessions = 0
    /// Resident messages per local hour of day, 0–23.
    public var perHour: [Int] = Array(repeating: 0, count: 24)
    /// Zero everywhere.
    public init() {}
}

/// A count per key, in a fixed display order.
public typealias Tally = [(key: String, count: Int)]

/// The office's monthly review (SPEC 5, DOMAIN "报表"): every figure of `frontdesk report`.
public struct MonthlyReport: Sendable {
    /// The estate's name, shown in the title.
    public var estate: String
    /// The days the report covers.
    public var period: ReportPeriod
    /// When the report was made (seconds since 1970): "late" is measured up to it.
    public var generated: Int
    /// Records created in the period.
    public var total = 0
    /// Records created per type, every type in `RecordType.allCases` order (zeros included).
    public var byType: Tally = []
    /// Records created per current status, in lifecycle order, statuses with no records left out.
    public var byStatus: Tally = []
    /// Per record type (repair, complaint, emergency, …): count per category.
    public var byCategory: [(type: RecordType, counts: Tally)] = []
    /// Records created per day of the period.
    public var perDay: [Int] = []
    /// First-response deadlines of the records created in the period.
    public var firstResponse = DeadlineFigures()
    /// Resolution deadlines of the records created in the period.
    public var resolution = DeadlineFigures()
    /// Every missed deadline, latest first, at most `lateLimit`.
    public var late: [LateItem] = []
    /// How many deadlines were missed in all (`late` may be cut short).
    public var lateTotal = 0
    /// Return visits of the records resolved.
    public var returnVisits = ReturnVisitFigures()
    /// Return-visit satisfaction answers.
    public var satisfaction = SatisfactionFigures()
    /// First-response deadlines of the emergencies alone.
    public var emergencyResponse = DeadlineFigures()
    /// Fee-query verifications, lockouts and disclosures (from audit events).
    public var verifications = VerificationFigures()
    /// Chat traffic (from transcripts).
    public var messages = MessageFigures()
    /// Damaged journal lines and unreadable transcript lines that were skipped.
    public var skippedLines = 0

    /// An empty report.
    public init(estate: String, period: ReportPeriod, generated: Int) {
        self.estate = estate
        self.period = period
        self.generated = generated
    }

    /// The counts for one type's categories (empty when the type has none).
    public func categories(of type: RecordType) -> Tally { byCategory.first { $0.type == type }?.counts ?? [] }

    /// The number of records of one type.
    public func count(of type: RecordType) -> Int { byType.first { $0.key == type.rawValue }?.count ?? 0 }
}
