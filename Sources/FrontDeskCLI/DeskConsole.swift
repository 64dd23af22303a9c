import FrontDeskContent
import FrontDeskModel

/// The operator console's state and screen (SPEC 8.3 `frontdesk desk` on a terminal), free of I/O:
/// server events and typed lines in, lines to print and protocol lines to send out.
struct DeskConsole {
    /// A resident in the waiting queue.
    struct Waiting {
        var session: String
        var language: String
        var unit: String?
        var reason: String
        var lines: [String]
        /// When it began waiting, on the console's monotonic clock.
        var since: Double
    }

    /// A session this operator holds.
    struct Held {
        var session: String
        var language: String
        var unit: String?
    }

    let phrases: PhraseBook
    let colour: Bool
    private(set) var me = ""
    private(set) var queue: [Waiting] = []
    private(set) var held: [Held] = []
    /// The session typed lines go to.
    private(set) var current: String?

    init(phrases: PhraseBook, colour: Bool) {
        self.phrases = phrases
        self.colour = colour
    }

    // MARK: server → screen

    /// The lines to print for one line from the server.
    mutating func received(_ line: String, now: Double) -> [String] {
        guard let event = try? JSON.parse(line), let kind = event["event"]?.string else { return [dim(line)] }
        let session = event["session"]?.string ?? ""
        switch kind {
        case "welcome":
            me = event["operator"]?.string ?? ""
            return [bold(label("desk.signed_in", ["name": me])), dim(label("desk.help"))] + queueLines(now: now)
        case "waiting":
            let waited = event["waited"]?.number ?? 0
            let entry = Waiting(
                session: session, language: event["lang"]?.string ?? "", unit: event["unit"]?.string,
                reason: event["reason"]?.string ?? "", lines: event["summary"]?.array?.compactMap(\.string) ?? [],
                since: now - waited)
            queue.removeAll { $0.session == session }
            queue.append(entry)
            return [yellow("+ ") + row(queue.count, entry, now: now)] + entry.lines.suffix(3).map { "      " + dim($0) }
        case "message":
            let text = event["text"]?.string ?? ""
            var out: [String] = []
            if let index = queue.firstIndex(where: { $0.session == session }) {
                queue[index].lines.append(label("desk.summary_resident") + text)
                out.append("[\(index + 1)] \(short(session)) " + cyan(label("desk.from_resident")) + text)
            } else {
                let tag = session == current ? "" : "(\(short(session))) "
                out.append(tag + cyan(label("desk.from_resident")) + text)
            }
            if event["alert"]?.string == "emergency" {
                out.append(red(bold("!! " + label("desk.alert"))))
                if let reply = event["reply"]?.string { out.append(red("   " + label("desk.from_bot") + reply)) }
            }
            return out
        case "taken":
            let by = event["by"]?.string ?? ""
            let entry = queue.first { $0.session == session }
            queue.removeAll { $0.session == session }
            guard by == me else { return [dim("\(short(session)) " + label("desk.taken_by", ["name": by]))] }
            if !held.contains(where: { $0.session == session }) {
                held.append(Held(session: session, language: entry?.language ?? "", unit: entry?.unit))
            }
            current = session
            var out = [green(bold("== \(session) · \(entry?.language ?? "") · \(entry?.unit ?? "-") =="))]
            out += (entry?.lines ?? []).map { "   " + dim($0) }
            return out
        case "left":
            queue.removeAll { $0.session == session }
            let wasHeld = held.contains { $0.session == session }
            dropHeld(session)
            return [(wasHeld ? yellow : dim)("\(short(session)) " + label("desk.left"))]
        case "released", "closed":
            dropHeld(session)
            return [dim("\(short(session)) " + label("desk." + kind)) + (current.map { " · → \(short($0))" } ?? "")]
        case "error":
            let reason = event["error"]?.string ?? "?"
            return [red(label("desk.error", ["reason": reason]))]
        default:
            return [dim(line)]
        }
    }

    // MARK: keyboard → server

    /// What to send and print for one typed line; `stop` for `/quit`.
    mutating func typed(_ line: String, now: Double) -> (send: [String], print: [String], stop: Bool) {
        let text = line.trimmingPrefix(" ")
        let words = text.split(separator: " ", maxSplits: 1).map(String.init)
        let command = words.first ?? ""
        let rest = words.count > 1 ? words[1] : ""
        func send(_ members: [(String, JSON)]) -> String { JSON.object(JSONObject(members)).serialized }
        switch command {
        case "":
            return ([], [], false)
        case "take":
            guard let n = Int(rest), queue.indices.contains(n - 1) else { return ([], queueLines(now: now), false) }
            return ([send([("take", .string(queue[n - 1].session))])], [], false)
        case "/queue":
            return ([], queueLines(now: now) + heldLines(), false)
        case "/switch":
            guard let n = Int(rest), held.indices.contains(n - 1) else { return ([], heldLines(), false) }
            current = held[n - 1].session
            return ([], [green("→ \(held[n - 1].session)")], false)
        case "/release", "/close":
            guard let current else { return ([], [yellow(label("desk.no_session"))], false) }
            if command == "/close" { return ([send([("close", .string(current))])], [], false) }
            return ([send([("release", .string(current)), ("note", .string(rest))])], [], false)
        case "/quit":
            return ([], [], true)
        case "/help":
            return ([], [dim(label("desk.help"))], false)
        default:
            guard let current else { return ([], [yellow(label("desk.no_session"))], false) }
            return ([send([("say", .string(String(text))), ("session", .string(current))])], [], false)
        }
    }

    // MARK: screen pieces

    /// The waiting queue: number, wait, language, unit, reason and the last line.
    func queueLines(now: Double) -> [String] {
        guard !queue.isEmpty else { return [dim(label("desk.queue_empty"))] }
        var out = [bold(label("desk.queue_title"))]
        for (index, entry) in queue.enumerated() {
            out.append(row(index + 1, entry, now: now))
            if let last = entry.lines.last { out.append("      " + dim(last)) }
        }
        return out
    }

    private func heldLines() -> [String] {
        held.enumerated().map { index, entry in
            let mark = entry.session == current ? "*" : " "
            return "\(mark)(\(index + 1)) \(entry.session) \(entry.language) \(entry.unit ?? "-")"
        }
    }

    private func row(_ number: Int, _ entry: Waiting, now: Double) -> String {
        let seconds = max(0, Int(now - entry.since))
        let wait = "\(seconds / 60):" + (seconds % 60 < 10 ? "0" : "") + "\(seconds % 60)"
        return "[\(number)] \(wait)  \(entry.language)  \(entry.unit ?? "-")  \(entry.reason)  \(short(entry.session))"
    }

    private mutating func dropHeld(_ session: String) {
        held.removeAll { $0.session == session }
        if current == session { current = held.last?.session }
    }

    private func short(_ session: String) -> String {
        guard session.hasPrefix("s-") else { return session }
        let digits = session.dropFirst(2)
        let trimmed = digits.drop { $0 == "0" }
        return "s-" + (trimmed.isEmpty ? "0" : trimmed)
    }

    private func label(_ key: String, _ values: [String: String] = [:]) -> String {
        phrases.render(key, .zhHans, values)
    }

    private func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    private func bold(_ text: String) -> String { paint(text, "1") }
    private func dim(_ text: String) -> String { paint(text, "2") }
    private func red(_ text: String) -> String { paint(text, "31") }
    private func green(_ text: String) -> String { paint(text, "32") }
    private func yellow(_ text: String) -> String { paint(text, "33") }
    private func cyan(_ text: String) -> String { paint(text, "36") }
}
