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
    static let forward: [Bool: [RecordStatus: [RecordStatus]]] = [
        false: [
            .open: [.dispatched, .inProgress, .resolved, .closed],
            .dispatched: [.inProgress, .resolved, .closed],
            .inProgress: [.resolved, .closed],
            .resolved: [.closed],
            .closed: [],
        ],
        true: [
            .pendingReview: [.approved, .rejected],
            .approved: [.inspected, .closed],
            .rejected: [.closed],
            .inspected: [.closed],
            .closed: [],
        ],
    ]

    /// The steps back that reopen a record, by type family and status.
    static let reopening: [Bool: [RecordStatus: [RecordStatus]]] = [
        false: [.resolved: [.open, .inProgress], .closed: [.open, .inProgress]],
        true: [.rejected: [.pendingReview], .closed: [.pendingReview]],
    ]

    /// What moving a record of `type` from `from` to `to` is.
    public static func step(_ type: RecordType, from: RecordStatus, to: RecordStatus) -> Step {
        let permit = type == .decorationPermit
        if forward[permit]?[from]?.contains(to) == true { return .allowed }
        if reopening[permit]?[from]?.contains(to) == true { return .reopen }
        return .refused
    }

    /// `step` for statuses as stored; a status that is not one of SPEC 5's is never a step.
    public static func step(_ type: RecordType, from: String, to: String) -> Step {
        guard let from = RecordStatus(rawValue: from), let to = RecordStatus(rawValue: to) else { return .refused }
        return step(type, from: from, to: to)
    }

    /// The statuses a record of `type` in `status` may move to: forward steps, then reopening ones.
    public static func next(_ type: RecordType, from status: RecordStatus) -> (
        forward: [RecordStatus], reopen: [RecordStatus]
    ) {
        let permit = type == .decorationPermit
        return (forward[permit]?[status] ?? [], reopening[permit]?[status] ?? [])
    }

    /// `next` for a status as stored (nothing for a status that is not one of SPEC 5's).
    public static func next(_ type: RecordType, from status: String) -> (forward: [String], reopen: [String]) {
        guard let status = RecordStatus(rawValue: status) else { return ([], []) }
        let steps: (forward: [RecordStatus], reopen: [RecordStatus]) = next(type, from: status)
        return (steps.forward.map(\.rawValue), steps.reopen.map(\.rawValue))
    }
}
