/// The state that journal events build: records by ID, the next sequence number per ID
/// prefix and day, and audit events. A pure value shared by the file journal (which replays
/// its file into one) and the in-memory store, so both assign IDs and apply updates alike.
///
/// It also keeps two small indexes, so a chat turn never scans every record or audit event: the
/// times of the audit events per kind and unit, and the records awaiting a return visit.
public struct RecordBook: Sendable {
    /// Every record, in creation order, as it now is.
    public private(set) var records: [Record] = []
    private var indexByID: [String: Int] = [:]
    /// Highest sequence used per `TYPE-YYYYMMDD` prefix.
    private var lastSequence: [String: Int] = [:]
    /// Every audit event, in the order appended.
    public private(set) var auditEvents: [AuditEvent] = []
    /// `at` of the audit events per kind and unit, sorted (appends are almost always in order).
    private var auditTimes: [AuditKey: [String]] = [:]
    /// Positions (in `records`) of the records resolved and not yet revisited.
    private var awaitingRevisit: Set<Int> = []

    private struct AuditKey: Hashable {
        var kind: String
        var unit: String?
    }

    /// An empty book.
    public init() {}

    /// The ID the next record of `type` created on `compactDate` (`20261122`) gets.
    public func nextID(type: RecordType, compactDate: String) -> String {
        let prefix = "\(type.prefix)-\(compactDate)"
        let next = (lastSequence[prefix] ?? 0) + 1
        let digits = String(next)
        return prefix + "-" + (digits.count >= 4 ? digits : String(repeating: "0", count: 4 - digits.count) + digits)
    }

    /// A draft with its ID assigned and its first history entry added; not yet stored.
    ///
    /// - Throws: `StoreError.invalid` when `createdAt` is not an ISO 8601 time.
    public func prepare(_ draft: Record) throws(StoreError) -> Record {
        guard let created = CivilTime.parse(draft.createdAt) else {
            throw .invalid("created_at '\(draft.createdAt)' is not an ISO 8601 time")
        }
        var record = draft
        record.id = nextID(type: draft.type, compactDate: created.compactDate)
        if record.history.isEmpty {
            record.history = [HistoryEntry(at: draft.createdAt, status: record.status, actor: "bot", note: "")]
        }
        return record
    }

    /// Checks an update against the current state and returns the record as it would become.
    ///
    /// - Throws: `StoreError.notFound`, or `.invalid` for a status the record's type does not have.
    public func applying(_ update: RecordUpdate) throws(StoreError) -> Record {
        guard let index = indexByID[update.id] else { throw .notFound(update.id) }
        var record = records[index]
        if let status = update.status {
            guard record.type.statuses.contains(status) else {
                throw .invalid(
                    "status '\(status)' is not one of \(record.type.statuses.joined(separator: ", ")) for \(record.type.rawValue)"
                )
            }
            record.status = status
            if status == RecordStatus.resolved.rawValue { record.resolvedAt = update.at }
        }
        if let satisfaction = update.satisfaction {
            record.satisfaction = satisfaction
            record.revisitedAt = update.at
        }
        if let assignee = update.assignee { record.assignee = assignee }
        if let phone = update.phone { record.phone = phone }
        record.history.append(
            HistoryEntry(
                at: update.at, status: record.status, actor: update.actor, note: update.note,
                tellResident: update.tellResident))
        return record
    }

    /// Adds a created record (from `prepare`, or replayed from a journal).
    public mutating func insert(_ record: Record) {
        let position: Int
        if let existing = indexByID[record.id] {
            position = existing
            records[existing] = record
        } else {
            position = records.count
            indexByID[record.id] = position
            records.append(record)
        }
        track(record, at: position)
        let parts = record.id.split(separator: "-")
        if parts.count == 3, let sequence = Int(parts[2]) {
            let prefix = "\(parts[0])-\(parts[1])"
            lastSequence[prefix] = max(lastSequence[prefix] ?? 0, sequence)
        }
    }

    /// Applies an update (checked with `applying`) and returns the record as it now is.
    ///
    /// - Throws: as `applying`.
    @discardableResult
    public mutating func apply(_ update: RecordUpdate) throws(StoreError) -> Record {
        let record = try applying(update)
        let position = indexByID[update.id]!
        records[position] = record
        track(record, at: position)
        return record
    }

    /// Adds an audit event.
    public mutating func append(_ event: AuditEvent) {
        auditEvents.append(event)
        let key = AuditKey(kind: event.kind, unit: event.unit)
        var times = auditTimes.removeValue(forKey: key) ?? []
        if let last = times.last, event.at < last {
            times.insert(event.at, at: RecordBook.firstIndex(in: times, notBefore: event.at))
        } else {
            times.append(event.at)
        }
        auditTimes[key] = times
    }

    /// How many audit events of `kind` for `unit` are at or after `since` (binary search; no scan).
    public func auditEventCount(kind: String, unit: String, since: String) -> Int {
        guard let times = auditTimes[AuditKey(kind: kind, unit: unit)] else { return 0 }
        return times.count - RecordBook.firstIndex(in: times, notBefore: since)
    }

    /// The records resolved and not yet revisited, in creation order.
    public func recordsAwaitingRevisit() -> [Record] { awaitingRevisit.sorted().map { records[$0] } }

    private mutating func track(_ record: Record, at position: Int) {
        if Record.isAwaitingRevisit(record) {
            awaitingRevisit.insert(position)
        } else {
            awaitingRevisit.remove(position)
        }
    }

    /// The first index of sorted `times` whose time is `>= bound`.
    private static func firstIndex(in times: [String], notBefore bound: String) -> Int {
        var low = 0
        var high = times.count
        while low < high {
            let middle = (low + high) / 2
            if times[middle] < bound { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The record with this ID.
    public func record(id: String) -> Record? { indexByID[id].map { records[$0] } }
}
