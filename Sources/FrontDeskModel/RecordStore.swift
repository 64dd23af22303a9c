public import Foundation

/// Why a store could not do what was asked. A failed write is never acknowledged as saved.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The write or fsync failed (ENOSPC, EIO, …): nothing was acknowledged.
    case writeFailed(String)
    /// No record has this ID.
    case notFound(String)
    /// The request makes no sense for the record (unknown status, …).
    case invalid(String)

    /// The message shown to the resident or operator: `could not save: …`, `no record …`, or the reason.
    public var description: String {
        switch self {
        case .writeFailed(let why): "could not save: \(why)"
        case .notFound(let id): "no record \(id)"
        case .invalid(let why): why
        }
    }
}

/// A change to an existing record: a status step with a note, and/or a return-visit answer.
public struct RecordUpdate: Sendable, Equatable {
    /// The ID of the record to change (`TYPE-YYYYMMDD-NNNN`).
    public var id: String
    /// ISO 8601 with the estate's offset.
    public var at: String
    /// Who made the change: `resident`, `qa`, or a staff member's name (the history entry's actor).
    public var actor: String
    /// The new status, or `nil` to keep it (a note or a satisfaction answer alone).
    public var status: String?
    /// The history note: what was done or what the resident said (may be empty).
    public var note: String
    /// A return-visit answer as the journal stores it (`SatisfactionNames.stored(_:)`, from `intents/journal.json`);
    /// sets `revisited_at` to `at`.
    public var satisfaction: String?
    /// Assigns the record to this technician or clerk (`nil`: keep the assignment).
    public var assignee: String?
    /// Whether `note` is meant for the resident (shown in progress replies).
    public var tellResident: Bool
    /// A contact phone given after the record was made (an emergency's caller), digits only.
    public var phone: String?

    /// An update; with only the defaults it just adds a history entry with an empty note.
    public init(
        id: String, at: String, actor: String, status: String? = nil, note: String = "", satisfaction: String? = nil,
        assignee: String? = nil, tellResident: Bool = false, phone: String? = nil
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.status = status
        self.note = note
        self.satisfaction = satisfaction
        self.assignee = assignee
        self.tellResident = tellResident
        self.phone = phone
    }

    /// The journal form: `id`, `at`, `actor`, then `status`, `note`, `satisfaction`, `assignee` (absent
    /// when `nil`), `tell_resident` (only when true) and `phone` (absent when `nil`).
    public var json: JSON {
        var o = JSONObject([("id", .string(id)), ("at", .string(at)), ("actor", .string(actor))])
        if let status { o.append("status", .string(status)) }
        o.append("note", .string(note))
        if let satisfaction { o.append("satisfaction", .string(satisfaction)) }
        if let assignee { o.append("assignee", .string(assignee)) }
        if tellResident { o.append("tell_resident", .bool(true)) }
        if let phone { o.append("phone", .string(phone)) }
        return .object(o)
    }

    /// An update read back from its journal form; `nil` without `id` and `at`.
    public init?(json: JSON) {
        guard let id = json["id"]?.string, let at = json["at"]?.string else { return nil }
        self.init(
            id: id, at: at, actor: json["actor"]?.string ?? "", status: json["status"]?.string,
            note: json["note"]?.string ?? "", satisfaction: json["satisfaction"]?.string,
            assignee: json["assignee"]?.string, tellResident: json["tell_resident"]?.bool ?? false,
            phone: json["phone"]?.string)
    }
}

/// The kinds of audit event, with the journal's raw values.
public enum AuditKind: String, Sendable, CaseIterable, Hashable {
    case feeDisclosure = "fee_disclosure"
    case verifyFailed = "verify_failed"
    case verifySucceeded = "verify_succeeded"
    case lockout
    case sessionLockout = "session_lockout"
    case recordDisclosure = "record_disclosure"
    case operatorAuthFailed = "operator_auth_failed"
}

/// Something the office must be able to audit that is not a record: a fee disclosure,
/// a failed verification, a lockout alert (SPEC 4, 8.2).
public struct AuditEvent: Sendable, Equatable, Hashable {
    /// `fee_disclosure`, `verify_failed`, `verify_succeeded`, `lockout`, `session_lockout`, `record_disclosure`.
    public var kind: String
    /// ISO 8601 with the estate's offset.
    public var at: String
    /// The ID of the session the event happened in.
    public var session: String
    /// The unit (`B-U-R`) it concerns, when known.
    public var unit: String?
    /// Free text: the bills disclosed, the record ID shown, or why a lockout was raised (may be empty).
    public var detail: String

    /// An event; `unit` and `detail` are optional.
    public init(kind: String, at: String, session: String, unit: String? = nil, detail: String = "") {
        self.kind = kind
        self.at = at
        self.session = session
        self.unit = unit
        self.detail = detail
    }

    /// An event of a known kind.
    public init(kind: AuditKind, at: String, session: String, unit: String? = nil, detail: String = "") {
        self.init(kind: kind.rawValue, at: at, session: session, unit: unit, detail: detail)
    }

    /// The kind as a type; `nil` for a kind this build does not know (kept as read).
    public var auditKind: AuditKind? { AuditKind(rawValue: kind) }

    /// The journal form: `kind`, `at`, `session`, then `unit` (absent when `nil`) and `detail`.
    public var json: JSON {
        var o = JSONObject([("kind", .string(kind)), ("at", .string(at)), ("session", .string(session))])
        if let unit { o.append("unit", .string(unit)) }
        o.append("detail", .string(detail))
        return .object(o)
    }

    /// An event read back from its journal form; `nil` without `kind` and `at`.
    public init?(json: JSON) {
        guard let kind = json["kind"]?.string, let at = json["at"]?.string else { return nil }
        self.init(
            kind: kind, at: at, session: json["session"]?.string ?? "", unit: json["unit"]?.string,
            detail: json["detail"]?.string ?? "")
    }
}

/// Where records live. The file journal and the in-memory store both implement it, so the
/// dialogue engine is tested with the latter and run with the former.
///
/// Every method is safe to call from many threads at once. `create`, `update` and `audit`
/// return only once the change is durable (for the journal: its line fsync'ed).
public protocol RecordStore: Sendable {
    /// Assigns the next ID `TYPE-YYYYMMDD-NNNN` (the date of `draft.createdAt`, the sequence
    /// per type and day continuing across restarts), appends an `open` history entry when the
    /// draft has none, stores it durably and returns it.
    ///
    /// - Throws: `StoreError.writeFailed` when it could not be made durable: never show an ID then.
    func create(_ draft: Record) throws(StoreError) -> Record

    /// Applies an update durably and returns the record as it now is.
    ///
    /// - Throws: `StoreError.notFound`, `.invalid` (unknown status), `.writeFailed`.
    func update(_ update: RecordUpdate) throws(StoreError) -> Record

    /// The record with this ID as it now is, including changes other processes made.
    func record(id: String) -> Record?

    /// Every record, in creation order, as it now is.
    func allRecords() -> [Record]

    /// Appends an audit event durably.
    ///
    /// - Throws: `StoreError.writeFailed`.
    func audit(_ event: AuditEvent) throws(StoreError)

    /// Audit events at or after `since` (ISO 8601 strings compare correctly at one offset).
    func auditEvents(since: String) -> [AuditEvent]

    /// How many audit events of `kind` for `unit` are at or after `since` (e.g. failed
    /// verifications of a unit within 24 hours). The same count as filtering `auditEvents(since:)`.
    func auditEventCount(kind: String, unit: String, since: String) -> Int

    /// The records resolved and not yet revisited (`status == "resolved"`, no `revisitedAt`), in
    /// creation order, as they now are: the candidates for a return visit. The same records, in the
    /// same order, as filtering `allRecords()`.
    func recordsAwaitingRevisit() -> [Record]
}

extension RecordStore {
    /// Counts by filtering `auditEvents(since:)`; stores with an index answer without copying.
    public func auditEventCount(kind: String, unit: String, since: String) -> Int {
        auditEvents(since: since).reduce(0) { $0 + ($1.kind == kind && $1.unit == unit ? 1 : 0) }
    }

    /// Filters `allRecords()`; stores that track resolutions answer without scanning every record.
    public func recordsAwaitingRevisit() -> [Record] {
        allRecords().filter(Record.isAwaitingRevisit)
    }
}

extension Record {
    /// Resolved and not yet revisited: a return-visit candidate (`RecordStore.recordsAwaitingRevisit()`).
    public static func isAwaitingRevisit(_ record: Record) -> Bool {
        record.status == RecordStatus.resolved.rawValue && record.revisitedAt == nil
    }
}

/// The return-visit window of SPEC 5, in one place: a resolved record is revisited within 3 days of its resolution.
/// `records overdue`, the monthly report's return-visit figures and (after the lead's merge) the dialogue's question
/// read it from here.
public enum ReturnVisit {
    /// Whole days after the resolution within which the visit is due.
    public static let windowDays = 3
    /// The window in seconds.
    public static let window: TimeInterval = Double(windowDays) * 86_400

    /// When the return visit of a record resolved at `resolved` is due at the latest.
    public static func deadline(resolved: Date) -> Date { resolved.addingTimeInterval(window) }

    /// Whether `record`'s return visit is overdue at `now`: it awaits one (`Record.isAwaitingRevisit`: resolved, not
    /// yet revisited) and was resolved more than the window before `now`.
    public static func isOverdue(_ record: Record, now: Date) -> Bool {
        guard Record.isAwaitingRevisit(record), let resolved = record.resolvedAt.flatMap({ CivilTime.parse($0) }) else {
            return false
        }
        return deadline(resolved: resolved.date) < now
    }
}
