import Dispatch
import Foundation
import FrontDeskModel
import FrontDeskNet
import Synchronization

/// The operators' tokens, `name<TAB>token` per line (blank lines and `#` comments skipped), from a
/// file only its owner may read (SPEC 8.3).
struct OperatorTokens: Sendable {
    /// Names by token.
    let names: [String: String]

    /// Reads and checks the token file.
    ///
    /// - Throws: `CommandFailure` when the file is missing, readable by others, or has a bad line.
    static func load(path: String) throws(CommandFailure) -> OperatorTokens {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw CommandFailure("operator token file '\(path)' not found")
        }
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o777
        guard mode & 0o077 == 0 else {
            throw CommandFailure(
                "operator token file '\(path)' is readable by others (mode \(String(mode, radix: 8))): "
                    + "run 'chmod 600 \(path)' (it must be readable by its owner only)")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(validating: data, as: UTF8.self)
        else { throw CommandFailure("operator token file '\(path)' cannot be read as UTF-8") }
        var names: [String: String] = [:]
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw[...]
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].count >= 8 else {
                throw CommandFailure(
                    "\(path): line \(index + 1): expected 'name<TAB>token' (a token of at least 8 characters)")
            }
            guard names[String(parts[1])] == nil else {
                throw CommandFailure("\(path): line \(index + 1): this token is already given to another operator")
            }
            names[String(parts[1])] = String(parts[0])
        }
        guard !names.isEmpty else { throw CommandFailure("operator token file '\(path)' holds no token") }
        return OperatorTokens(names: names)
    }

    /// The operator a token belongs to; compares every token in full (no early exit on a prefix).
    func name(for token: String) -> String? {
        let given = Array(token.utf8)
        var found: String?
        for (candidate, name) in names {
            let bytes = Array(candidate.utf8)
            var difference = bytes.count ^ given.count
            for i in 0..<bytes.count { difference |= Int(bytes[i] ^ (i < given.count ? given[i] : 0)) }
            if difference == 0 { found = name }
        }
        return found
    }
}

/// Failed sign-ins per address, to slow repeated guessing down.
final class SignInThrottle: Sendable {
    /// Guards failures and the time of the last one, by host.
    private let failures = Mutex<[String: (count: Int, last: Double)]>([:])

    /// Counts a failure from `host`; returns how long to wait before answering it, in seconds:
    /// none for the first two, then 1, 2, 4, up to 8; forgotten after 10 quiet minutes.
    func fail(_ host: String, now: Double) -> Double {
        failures.withLock { map in
            var entry = map[host] ?? (0, now)
            if now - entry.last > 600 { entry.count = 0 }
            entry.count += 1
            entry.last = now
            map[host] = entry
            return entry.count <= 2 ? 0 : min(8, Double(1 << min(3, entry.count - 3)))
        }
    }
}

/// Text a person sends a resident: the same rules as a resident's line (UTF-8 already checked
/// by the JSON parser; no control characters but tab; at most `maxBytes`; not blank).
enum OperatorText {
    static func isValid(_ text: String, maxBytes: Int) -> Bool {
        guard text.utf8.count <= maxBytes, text.contains(where: { !$0.isWhitespace }) else { return false }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (v < 0x20 && v != 0x09) || (v >= 0x7F && v <= 0x9F) || v == 0x2028 || v == 0x2029 { return false }
        }
        return true
    }
}

/// Makes the operator port's sessions.
struct OperatorFactory: LineHandlerFactory {
    let desk: HandoffDesk
    let tokens: OperatorTokens
    let store: any RecordStore
    let clock: any WallClock
    let utcOffset: Int
    let maxTextBytes: Int
    let throttle = SignInThrottle()

    func makeSession(peer: String) -> any LineSession {
        preconditionFailure("operator sessions need an outlet")
    }

    func makeSession(peer: String, outlet: LineOutlet) -> any LineSession {
        OperatorSession(factory: self, peer: peer, outlet: outlet)
    }
}

/// A signed-in operator as the desk sees it: a name and where its events go.
final class OperatorHandle: HandoffOperator {
    let name: String
    private let outlet: LineOutlet

    init(name: String, outlet: LineOutlet) {
        self.name = name
        self.outlet = outlet
    }

    func send(_ event: JSON) { outlet.send(event.serialized) }
}

/// One operator connection: `{"auth":TOKEN}` first, then commands (SPEC 8.3), JSON lines both ways.
final class OperatorSession: LineSession {
    private let factory: OperatorFactory
    private let peer: String
    private let outlet: LineOutlet
    private var handle: OperatorHandle?
    private var refused = false

    init(factory: OperatorFactory, peer: String, outlet: LineOutlet) {
        self.factory = factory
        self.peer = peer
        self.outlet = outlet
    }

    func greeting() -> String? { nil }

    func handle(line: String) -> String? {
        if refused { return nil }
        let json = try? JSON.parse(line)
        guard let handle else { return signIn(json) }
        guard let json, case .object = json else { return Self.error("bad_json") }
        let desk = factory.desk
        do throws(HandoffRefusal) {
            if let session = json["take"]?.string {
                try desk.take(session, by: handle)
                return nil
            }
            if let text = json["say"]?.string, let session = json["session"]?.string {
                guard OperatorText.isValid(text, maxBytes: factory.maxTextBytes) else { throw .invalidText }
                try desk.say(text, to: session, by: handle)
                return nil
            }
            if let session = json["release"]?.string {
                let note = json["note"]?.string ?? ""
                guard note.isEmpty || OperatorText.isValid(note, maxBytes: factory.maxTextBytes) else {
                    throw .invalidText
                }
                try desk.release(session, note: note, by: handle)
                return Self.event("released", session)
            }
            if let session = json["close"]?.string {
                try desk.close(session, by: handle)
                return Self.event("closed", session)
            }
        } catch {
            var o = JSONObject([("event", "error"), ("error", .string(error.rawValue))])
            if let session = json["take"] ?? json["session"] ?? json["release"] ?? json["close"] {
                o.append("session", session)
            }
            return JSON.object(o).serialized
        }
        return Self.error("unknown_command")
    }

    private func signIn(_ json: JSON?) -> String? {
        if let token = json?["auth"]?.string, let name = factory.tokens.name(for: token) {
            let handle = OperatorHandle(name: name, outlet: outlet)
            self.handle = handle
            factory.desk.join(
                handle, welcome: .object(JSONObject([("event", "welcome"), ("operator", .string(name))])))
            return nil
        }
        refused = true
        let host = Self.host(of: peer)
        let at = CivilTime(factory.clock.now(), offset: factory.utcOffset).iso8601
        do {
            try factory.store.audit(AuditEvent(kind: .operatorAuthFailed, at: at, session: "", detail: peer))
        } catch {
            // The sign-in is refused all the same; the store reports its own write failures.
        }
        let delay = factory.throttle.fail(host, now: factory.desk.monotonic())
        let answer = Self.error("auth_failed")
        if delay == 0 {
            outlet.close(after: answer)
        } else {
            let outlet = self.outlet
            DispatchQueue.global().asyncAfter(deadline: .now() + delay) { outlet.close(after: answer) }
        }
        return nil
    }

    func close() {
        if let handle { factory.desk.leave(handle) }
    }

    static func host(of peer: String) -> String {
        guard let colon = peer.lastIndex(of: ":") else { return peer }
        var host = String(peer[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host
    }

    static func error(_ code: String) -> String {
        JSON.object(JSONObject([("event", "error"), ("error", .string(code))])).serialized
    }

    static func event(_ name: String, _ session: String) -> String {
        JSON.object(JSONObject([("event", .string(name)), ("session", .string(session))])).serialized
    }
}
