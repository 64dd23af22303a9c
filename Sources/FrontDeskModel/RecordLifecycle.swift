/// The lifecycle of SPEC 5 in one place: which status may follow which, and which steps reopen a
/// record (and so need a note saying why).
///
/// Work orders, complaints, emergencies and callbacks: `open → dispatched → in_progress → resolved →
/// closed`, a step may skip ahead (a callback is often resolved straight from `open`), and a
/// resolved or closed record is reopened to `open` or `in_progress`. Permits: `pending_review →
/// approved | rejected`, `approved → inspected`, any decided permit `→ closed`; a rejected or closed
/// permit is reopened to `pending_review`.
public enum RecordLifecycle {
    /// What moving a record from one status to another is.
    public enum Step: Sendable, Equatable {
        /// A step forward.
        case allowed
        /// Back from a finished status: allowed with a note.
        case reopen
        /// Not a step of the lifecycle (also: to the status it already has).
        case refused
    }

    /// The forward steps, by type family and status.
    static let forward: [Bool: [String: [String]]] = [
        false: [
            "open": ["dispatched", "in_progress", "resolved", "closed"],
            "dispatched": ["in_progress", "resolved", "closed"],
            "in_progress": ["resolved", "closed"],
            "resolved": ["closed"],
            "closed": [],
        ],
        true: [
            "pending_review": ["approved", "rejected"],
            "approved": ["inspected", "closed"],
            "rejected": ["closed"],
            "inspected": ["closed"],
            "closed": [],
        ],
    ]

    /// The steps back that reopen a record, by type family and status.
    static let reopening: [Bool: [String: [String]]] = [
        false: ["resolved": ["open", "in_progress"], "closed": ["open", "in_progress"]],
        true: ["rejected": ["pending_review"], "closed": ["pending_review"]],
    ]

    /// What moving a record of `type` from `from` to `to` is.
    public static func step(_ type: RecordType, from: String, to: String) -> Step {
        let permit = type == .decorationPermit
        if forward[permit]?[from]?.contains(to) == true { return .allowed }
        if reopening[permit]?[from]?.contains(to) == true { return .reopen }
        return .refused
    }

    /// The statuses a record of `type` in `status` may move to: forward steps, then reopening ones.
    public static func next(_ type: RecordType, from status: String) -> (forward: [String], reopen: [String]) {
        let permit = type == .decorationPermit
        return (forward[permit]?[status] ?? [], reopening[permit]?[status] ?? [])
    }
}
