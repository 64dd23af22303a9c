import FrontDeskModel
import Synchronization

/// A resident's connection as the hand-off desk sees it. The desk calls these from other threads
/// (an operator's turn, the wait timer), never while holding its own lock.
protocol HandoffResident: AnyObject, Sendable {
    /// An operator took the session.
    func operatorJoined(_ name: String)
    /// The holding operator wrote a line (already validated).
    func operatorSaid(_ name: String, _ text: String)
    /// The holding operator gave the session back to the bot, with a note for the office.
    func operatorReleased(_ name: String, note: String)
    /// The holding operator ended the conversation politely.
    func operatorClosed(_ name: String)
    /// Nobody took the session in time (or every operator left): back to the callback flow.
    func waitExpired()
}

/// An operator's connection as the hand-off desk sees it.
protocol HandoffOperator: AnyObject, Sendable {
    /// The operator's name from the token file.
    var name: String { get }
    /// Sends one protocol event (a JSON object, one line).
    func send(_ event: JSON)
}

/// What the waiting queue shows of a session (SPEC 8.3 `waiting` event).
struct HandoffTicket: Sendable {
    var session: String
    /// ISO time the resident asked (the injected clock).
    var since: String
    var language: String
    var unit: String?
    /// `asked` (the handoff intent) or `failures` (accepted after repeated invalid answers).
    var reason: String
    /// The last resident and bot lines, phones masked, oldest first: `resident: …` / `bot: …`.
    var summary: [String]
}

/// Why an operator command was not done: the protocol's error codes.
enum HandoffRefusal: String, Error {
    case unknownSession = "unknown_session"
    case notHolder = "not_holder"
    case invalidText = "invalid_text"
}

/// The live hand-off's coordination (SPEC 8.3): who is on duty, who waits in which order, who
/// holds which session, and where each line goes. Thread-safe; it calls residents and operators
/// only after releasing its lock, so their own locks never nest inside it.
final class HandoffDesk: Sendable {
    /// How long a resident waits for a take before the callback flow, in seconds.
    let waitLimit: Double
    /// Seconds on a monotonic clock (injected: the wall clock may be fixed by `--now`).
    let monotonic: @Sendable () -> Double

    private struct Waiting {
        var ticket: HandoffTicket
        var resident: any HandoffResident
        var enqueuedAt: Double
    }

    private struct Held {
        var resident: any HandoffResident
        var holder: ObjectIdentifier
        var name: String
    }

    private struct State {
        var operators: [ObjectIdentifier: any HandoffOperator] = [:]
        /// Waiting sessions in arrival order.
        var queue: [Waiting] = []
        var held: [String: Held] = [:]
    }

    /// Guards operators, the queue and the holders.
    private let state = Mutex(State())

    init(waitLimit: Double, monotonic: @escaping @Sendable () -> Double) {
        self.waitLimit = waitLimit
        self.monotonic = monotonic
    }

    /// Operators signed in right now.
    var operatorCount: Int { state.withLock { $0.operators.count } }

    // MARK: operators

    /// An operator signed in: it gets `welcome`, then the queue as `waiting` events, then what
    /// follows. It is on duty before `welcome` goes out (a resident asking once the client has read
    /// it is queued), and nothing else reaches it before `welcome` (sent under the lock: a send only
    /// posts to an event loop's inbox).
    func join(_ op: any HandoffOperator, welcome: JSON) {
        let now = monotonic()
        state.withLock { s in
            s.operators[ObjectIdentifier(op)] = op
            op.send(welcome)
            for (index, entry) in s.queue.enumerated() {
                op.send(Self.waitingEvent(entry.ticket, place: index + 1, waited: now - entry.enqueuedAt))
            }
        }
    }

    /// An operator left: the sessions it held go back to the bot; with nobody left on duty, the
    /// waiting residents go to the callback flow.
    func leave(_ op: any HandoffOperator) {
        let id = ObjectIdentifier(op)
        let (released, expired) = state.withLock { s -> ([(any HandoffResident, String)], [any HandoffResident]) in
            guard s.operators.removeValue(forKey: id) != nil else { return ([], []) }
            var released: [(any HandoffResident, String)] = []
            for (session, held) in s.held where held.holder == id {
                released.append((held.resident, held.name))
                s.held[session] = nil
            }
            var expired: [any HandoffResident] = []
            if s.operators.isEmpty {
                expired = s.queue.map(\.resident)
                s.queue.removeAll()
            }
            return (released, expired)
        }
        for (resident, name) in released { resident.operatorReleased(name, note: "") }
        for resident in expired { resident.waitExpired() }
    }

    /// `{"take":SESSION}`: the first operator wins; the others are told who has it.
    func take(_ session: String, by op: any HandoffOperator) throws(HandoffRefusal) {
        let id = ObjectIdentifier(op)
        enum Outcome {
            case took(any HandoffResident, [any HandoffOperator])
            case already(String)
            case unknown
        }
        let outcome = state.withLock { s -> Outcome in
            guard s.operators[id] != nil else { return .unknown }
            if let held = s.held[session] { return .already(held.name) }
            guard let index = s.queue.firstIndex(where: { $0.ticket.session == session }) else { return .unknown }
            let entry = s.queue.remove(at: index)
            s.held[session] = Held(resident: entry.resident, holder: id, name: op.name)
            return .took(entry.resident, Array(s.operators.values))
        }
        switch outcome {
        case .took(let resident, let everyone):
            let event = JSON.object(
                JSONObject([("event", "taken"), ("session", .string(session)), ("by", .string(op.name))]))
            for other in everyone { other.send(event) }
            resident.operatorJoined(op.name)
        case .already(let name):
            op.send(
                .object(JSONObject([("event", "taken"), ("session", .string(session)), ("by", .string(name))])))
        case .unknown:
            throw .unknownSession
        }
    }

    /// `{"say":TEXT,"session":SESSION}` from the holder.
    func say(_ text: String, to session: String, by op: any HandoffOperator) throws(HandoffRefusal) {
        let resident = try holding(session, op)
        resident.operatorSaid(op.name, text)
    }

    /// `{"release":SESSION,"note":TEXT}` from the holder: back to the bot.
    func release(_ session: String, note: String, by op: any HandoffOperator) throws(HandoffRefusal) {
        let resident = try holding(session, op, remove: true)
        resident.operatorReleased(op.name, note: note)
    }

    /// `{"close":SESSION}` from the holder: a polite goodbye, and the resident's connection closes.
    func close(_ session: String, by op: any HandoffOperator) throws(HandoffRefusal) {
        let resident = try holding(session, op, remove: true)
        resident.operatorClosed(op.name)
    }

    private func holding(
        _ session: String, _ op: any HandoffOperator, remove: Bool = false
    ) throws(HandoffRefusal) -> any HandoffResident {
        let id = ObjectIdentifier(op)
        let found = state.withLock { s -> (any HandoffResident)?? in
            guard let held = s.held[session] else { return .some(nil) }
            guard held.holder == id else { return nil }
            if remove { s.held[session] = nil }
            return .some(held.resident)
        }
        switch found {
        case .none: throw .notHolder
        case .some(.none): throw .unknownSession
        case .some(.some(let resident)): return resident
        }
    }

    // MARK: residents

    /// Whether a resident asking now would wait for a person (at least one operator on duty; the
    /// office hours are the caller's to check).
    var isStaffed: Bool { operatorCount > 0 }

    /// Puts a session in the queue; returns its place (1 = next), or `nil` when nobody is on duty.
    func enqueue(_ ticket: HandoffTicket, _ resident: any HandoffResident) -> Int? {
        let now = monotonic()
        let result = state.withLock { s -> (Int, [any HandoffOperator])? in
            guard !s.operators.isEmpty else { return nil }
            s.queue.append(Waiting(ticket: ticket, resident: resident, enqueuedAt: now))
            return (s.queue.count, Array(s.operators.values))
        }
        guard let (place, operators) = result else { return nil }
        let event = Self.waitingEvent(ticket, place: place, waited: 0)
        for op in operators { op.send(event) }
        return place
    }

    /// A resident line while waiting (to every operator) or held (to the holder). `alert`: the bot's
    /// reply to an emergency, which the operators must see.
    func forward(_ session: String, text: String, language: String, alert: String? = nil) {
        let targets = state.withLock { s -> [any HandoffOperator] in
            if let held = s.held[session] { return s.operators[held.holder].map { [$0] } ?? [] }
            guard s.queue.contains(where: { $0.ticket.session == session }) else { return [] }
            return Array(s.operators.values)
        }
        var o = JSONObject([
            ("event", "message"), ("session", .string(session)), ("text", .string(text)), ("lang", .string(language)),
        ])
        if let alert {
            o.append("alert", "emergency")
            o.append("reply", .string(alert))
        }
        let event = JSON.object(o)
        for op in targets { op.send(event) }
    }

    /// The resident gave up waiting or is gone: out of the queue (or away from its holder), and
    /// the operators get `left`. Returns whether it was waiting.
    @discardableResult
    func withdraw(_ session: String) -> Bool {
        let (wasWaiting, targets) = state.withLock { s -> (Bool, [any HandoffOperator]) in
            if let index = s.queue.firstIndex(where: { $0.ticket.session == session }) {
                s.queue.remove(at: index)
                return (true, Array(s.operators.values))
            }
            if let held = s.held.removeValue(forKey: session) {
                return (false, s.operators[held.holder].map { [$0] } ?? [])
            }
            return (false, [])
        }
        let event = JSON.object(JSONObject([("event", "left"), ("session", .string(session))]))
        for op in targets { op.send(event) }
        return wasWaiting
    }

    /// Ends the waits older than `waitLimit` (called by a timer): the operators get `left`, the
    /// residents the callback flow.
    func expireWaits() {
        let now = monotonic()
        let (expired, operators) = state.withLock { s -> ([Waiting], [any HandoffOperator]) in
            let old = s.queue.filter { now - $0.enqueuedAt >= waitLimit }
            guard !old.isEmpty else { return ([], []) }
            s.queue.removeAll { now - $0.enqueuedAt >= waitLimit }
            return (old, Array(s.operators.values))
        }
        for entry in expired {
            let event = JSON.object(
                JSONObject([("event", "left"), ("session", .string(entry.ticket.session)), ("reason", "timeout")]))
            for op in operators { op.send(event) }
            entry.resident.waitExpired()
        }
    }

    static func waitingEvent(_ ticket: HandoffTicket, place: Int, waited: Double) -> JSON {
        .object(
            JSONObject([
                ("event", "waiting"), ("session", .string(ticket.session)), ("since", .string(ticket.since)),
                ("lang", .string(ticket.language)), ("unit", .optional(ticket.unit)),
                ("reason", .string(ticket.reason)),
                ("summary", .array(ticket.summary.map(JSON.string))), ("place", .number(Double(place))),
                ("waited", .number(Double(Int(waited)))),
            ]))
    }
}
