/// The kinds of durable record, with their ID prefixes (SPEC 5).
public enum RecordType: String, Sendable, CaseIterable, Hashable {
    case repair
    case complaint
    case decorationPermit = "decoration_permit"
    case emergency
    case callback

    /// The ID prefix: `REP`, `CMP`, `DEC`, `EMG`, `CB`.
    public var prefix: String {
        switch self {
        case .repair: "REP"
        case .complaint: "CMP"
        case .decorationPermit: "DEC"
        case .emergency: "EMG"
        case .callback: "CB"
        }
    }

    /// The type whose prefix begins `id`, e.g. `REP-20261122-0001` → `.repair`.
    public init?(recordID id: String) {
        guard let dash = id.firstIndex(of: "-") else { return nil }
        let prefix = id[..<dash].uppercased()
        guard let type = RecordType.allCases.first(where: { $0.prefix == prefix }) else { return nil }
        self = type
    }

    /// The status a new record of this type starts in.
    public var initial: RecordStatus { self == .decorationPermit ? .pendingReview : .open }

    /// Every status a record of this type may have, in lifecycle order.
    public var lifecycle: [RecordStatus] {
        self == .decorationPermit
            ? [.pendingReview, .approved, .rejected, .inspected, .closed]
            : [.open, .dispatched, .inProgress, .resolved, .closed]
    }

    /// `initial` as stored in `Record.status`.
    public var initialStatus: String { initial.rawValue }

    /// `lifecycle` as stored in `Record.status`.
    public var statuses: [String] { lifecycle.map(\.rawValue) }
}

/// The statuses of SPEC 5, as the journal stores them (`Record.status`, `RecordUpdate.status`).
public enum RecordStatus: String, Sendable, CaseIterable, Hashable {
    // Work orders, complaints, emergencies and callbacks.
    case open
    case dispatched
    case inProgress = "in_progress"
    case resolved
    // Decoration permits.
    case pendingReview = "pending_review"
    case approved
    case rejected
    case inspected
    // Both.
    case closed
}

/// The five-level satisfaction scale of return visits (回访).
///
/// What the journal stores for a level is `SatisfactionNames.stored(_:)`, read from `intents/journal.json`; the raw
/// values are the levels' keys, the keys of that file and of `dialogue.json`'s satisfaction words.
public enum Satisfaction: String, Sendable, CaseIterable, Hashable {
    case verySatisfied = "very_satisfied"
    case satisfied
    case neutral
    case dissatisfied
    case veryDissatisfied = "very_dissatisfied"

    /// 5 (非常满意) down to 1 (非常不满意).
    public var score: Int {
        switch self {
        case .verySatisfied: 5
        case .satisfied: 4
        case .neutral: 3
        case .dissatisfied: 2
        case .veryDissatisfied: 1
        }
    }

    /// The level's key: `very_satisfied`, `satisfied`, `neutral`, `dissatisfied`, `very_dissatisfied` (the keys of
    /// `intents/journal.json`'s stored names and of `dialogue.json`'s satisfaction words).
    public var key: String { rawValue }

    /// The level a key names; nil for any other text.
    public init?(key: String) { self.init(rawValue: key) }

    /// The level of a score from 5 (very satisfied) down to 1; nil outside 1...5.
    public init?(score: Int) {
        guard let level = Self.allCases.first(where: { $0.score == score }) else { return nil }
        self = level
    }
}

/// What the journal stores for each satisfaction level (SPEC 5's five words, a contract of `records list --json`),
/// read from `intents/journal.json` by the content loader; every level has one name and no two levels share one.
public struct SatisfactionNames: Sendable, Equatable {
    /// The stored names in the scale's order (`Satisfaction.allCases`: 5 down to 1).
    public let all: [String]

    /// Names by level key; nil unless every level has a name and the names differ.
    public init?(byKey names: [String: String]) {
        let all = Satisfaction.allCases.compactMap { names[$0.key] }
        guard all.count == Satisfaction.allCases.count, Set(all).count == all.count, !all.contains("") else {
            return nil
        }
        self.all = all
    }

    /// The name stored for `level`.
    public func stored(_ level: Satisfaction) -> String { all[Satisfaction.allCases.firstIndex(of: level)!] }

    /// The level whose stored name is `name`; nil for any other text.
    public func level(stored name: String) -> Satisfaction? {
        all.firstIndex(of: name).map { Satisfaction.allCases[$0] }
    }

    /// The level a clerk typed: its stored name or its score (`5`…`1`); nil for anything else.
    public func level(typed text: String) -> Satisfaction? {
        level(stored: text) ?? Int(text).flatMap(Satisfaction.init(score:))
    }
}

/// One step of a record's lifecycle.
public struct HistoryEntry: Sendable, Equatable, Hashable {
    /// ISO 8601 with the estate's offset.
    public var at: String
    /// The record's status after this step (one of its type's `statuses`).
    public var status: String
    /// `bot`, `resident`, or an operator's name.
    public var actor: String
    /// What was done or said at this step (may be empty).
    public var note: String
    /// Whether the note is meant for the resident (shown in progress replies), not only for staff.
    public var tellResident: Bool

    /// A history entry; the note defaults to empty and to staff-only.
    public init(at: String, status: String, actor: String, note: String = "", tellResident: Bool = false) {
        self.at = at
        self.status = status
        self.actor = actor
        self.note = note
        self.tellResident = tellResident
    }

    /// The journal form: `at`, `status`, `actor`, `note`, and `tell_resident: true` for a note meant
    /// for the resident (absent otherwise, so older entries read the same).
    public var json: JSON {
        var o = JSONObject([
            ("at", .string(at)), ("status", .string(status)), ("actor", .string(actor)), ("note", .string(note)),
        ])
        if tellResident { o.append("tell_resident", .bool(true)) }
        return .object(o)
    }

    /// An entry read back from its journal form; `nil` without `at` and `status`.
    public init?(json: JSON) {
        guard let at = json["at"]?.string, let status = json["status"]?.string else { return nil }
        self.init(
            at: at, status: status, actor: json["actor"]?.string ?? "", note: json["note"]?.string ?? "",
            tellResident: json["tell_resident"]?.bool ?? false)
    }
}

/// A work order, complaint ticket, permit application, emergency or callback request.
///
/// Field names in JSON are those of SPEC 2.1; times are ISO 8601 strings with the estate's
/// offset (`2026-11-22T10:03:00+08:00`), as written, so a record round-trips unchanged.
public struct Record: Sendable, Equatable, Hashable {
    /// `TYPE-YYYYMMDD-NNNN`, e.g. `REP-20261122-0001`; empty in a draft until the store assigns it.
    public var id: String
    /// What kind of record this is.
    public var type: RecordType
    /// The current status, one of `type.statuses`.
    public var status: String
    /// When the record was created (ISO 8601); its date is the one in the ID.
    public var createdAt: String
    /// The resident's unit ID (`B-U-R`, e.g. `3-2-501`).
    public var unit: String?
    /// The resident's name.
    public var name: String?
    /// The resident's contact phone number.
    public var phone: String?
    /// The category within the type (`plumbing`, `noise`, `gas`, …); `nil` for decoration permits.
    public var category: String?
    /// What the resident said the problem is.
    public var description: String?
    /// Preferred visit time as the resident said it ("2026-11-23 上午", "尽快").
    public var time: String?
    /// The team or department it is routed to (from the category's `team` or `department` attribute).
    public var team: String?
    /// `urgent`, `high`, `normal`, `low`.
    public var priority: String?
    /// When the first response / visit / reply is due.
    public var dueAt: String?
    /// Decoration permit: what work will be done.
    public var scope: String?
    /// Decoration permit: the contractor doing the work.
    public var contractor: String?
    /// ISO date, `2026-12-01`.
    public var startDate: String?
    /// Decoration permit: how many days the work takes.
    public var durationDays: Int?
    /// Decoration permit: how many workers will be on site.
    public var workers: Int?
    /// The session that created it.
    public var session: String?
    /// The language the resident used, so a return visit can use it too.
    public var language: String?
    /// When it became `resolved`; a return visit is due within 3 days of it.
    public var resolvedAt: String?
    /// When the return visit was made.
    public var revisitedAt: String?
    /// The return-visit answer on the five-level scale.
    public var satisfaction: String?
    /// The technician or clerk the record is assigned to (`records update --assign`).
    public var assignee: String?
    /// Every lifecycle step, oldest first; the first is the creation.
    public var history: [HistoryEntry]

    /// A record or draft; `status` defaults to `type.initialStatus`, and the store assigns `id`.
    public init(
        id: String = "", type: RecordType, status: String? = nil, createdAt: String, unit: String? = nil,
        name: String? = nil, phone: String? = nil, category: String? = nil, description: String? = nil,
        time: String? = nil, team: String? = nil, priority: String? = nil, dueAt: String? = nil,
        scope: String? = nil, contractor: String? = nil, startDate: String? = nil, durationDays: Int? = nil,
        workers: Int? = nil, session: String? = nil, language: String? = nil, history: [HistoryEntry] = []
    ) {
        self.id = id
        self.type = type
        self.status = status ?? type.initialStatus
        self.createdAt = createdAt
        self.unit = unit
        self.name = name
        self.phone = phone
        self.category = category
        self.description = description
        self.time = time
        self.team = team
        self.priority = priority
        self.dueAt = dueAt
        self.scope = scope
        self.contractor = contractor
        self.startDate = startDate
        self.durationDays = durationDays
        self.workers = workers
        self.session = session
        self.language = language
        self.history = history
    }

    /// The SPEC 2.1 object, fields in a stable order, absent ones left out.
    public var json: JSON {
        var o = JSONObject()
        o.append("id", .string(id))
        o.append("type", .string(type.rawValue))
        o.append("status", .string(status))
        o.append("created_at", .string(createdAt))
        let strings: [(String, String?)] = [
            ("unit", unit), ("name", name), ("phone", phone), ("category", category), ("description", description),
            ("time", time), ("team", team), ("priority", priority), ("due_at", dueAt), ("scope", scope),
            ("contractor", contractor), ("start_date", startDate),
        ]
        for (key, value) in strings { if let value { o.append(key, .string(value)) } }
        if let durationDays { o.append("duration_days", .number(Double(durationDays))) }
        if let workers { o.append("workers", .number(Double(workers))) }
        let tail: [(String, String?)] = [
            ("session", session), ("language", language), ("resolved_at", resolvedAt),
            ("revisited_at", revisitedAt), ("satisfaction", satisfaction), ("assignee", assignee),
        ]
        for (key, value) in tail { if let value { o.append(key, .string(value)) } }
        o.append("history", .array(history.map(\.json)))
        return .object(o)
    }

    /// Reads a record written by `json`; `nil` when `id`, `type`, `status` or `created_at` is missing.
    public init?(json: JSON) {
        guard let id = json["id"]?.string, let typeName = json["type"]?.string,
            let type = RecordType(rawValue: typeName), let status = json["status"]?.string,
            let createdAt = json["created_at"]?.string
        else { return nil }
        self.init(id: id, type: type, status: status, createdAt: createdAt)
        unit = json["unit"]?.string
        name = json["name"]?.string
        phone = json["phone"]?.string
        category = json["category"]?.string
        description = json["description"]?.string
        time = json["time"]?.string
        team = json["team"]?.string
        priority = json["priority"]?.string
        dueAt = json["due_at"]?.string
        scope = json["scope"]?.string
        contractor = json["contractor"]?.string
        startDate = json["start_date"]?.string
        durationDays = json["duration_days"]?.int
        workers = json["workers"]?.int
        session = json["session"]?.string
        language = json["language"]?.string
        resolvedAt = json["resolved_at"]?.string
        revisitedAt = json["revisited_at"]?.string
        satisfaction = json["satisfaction"]?.string
        assignee = json["assignee"]?.string
        history = json["history"]?.array?.compactMap(HistoryEntry.init(json:)) ?? []
    }

    /// The latest history note meant for the resident (`records update --note … --tell-resident`).
    public var noteForResident: String? {
        history.last(where: { $0.tellResident && !$0.note.isEmpty })?.note
    }

    /// The short reference shown in turn output: `{"id","type","status"}`.
    public var reference: RecordReference { RecordReference(id: id, type: type.rawValue, status: status) }
}

/// `{"id":"REP-20261122-0001","type":"repair","status":"open"}` in turn output (SPEC 2.1).
public struct RecordReference: Sendable, Equatable, Hashable {
    /// `TYPE-YYYYMMDD-NNNN`.
    public var id: String
    /// The record type's raw value (`repair`, `decoration_permit`, …).
    public var type: String
    /// The record's current status.
    public var status: String

    /// A reference from its three fields.
    public init(id: String, type: String, status: String) {
        self.id = id
        self.type = type
        self.status = status
    }

    /// The turn-output form: `id`, `type`, `status`.
    public var json: JSON {
        .object(JSONObject([("id", .string(id)), ("type", .string(type)), ("status", .string(status))]))
    }

    /// A reference read back from JSON; `nil` without `id`, missing `type` or `status` read as empty.
    public init?(json: JSON) {
        guard let id = json["id"]?.string else { return nil }
        self.init(id: id, type: json["type"]?.string ?? "", status: json["status"]?.string ?? "")
    }
}
