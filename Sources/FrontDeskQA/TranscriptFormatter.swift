public import FrontDeskModel

/// Turns transcript events into a readable conversation: a header per session, then
/// `time  who  text`, and under each bot line the intent, what it waits for and the record.
public struct TranscriptFormatter: Sendable {
    /// Whether to use ANSI colours (only when stdout is a terminal).
    public var colour: Bool
    private var lastSession: String?
    private var lastDate: String?
    private var lastSeq = 0

    /// A formatter.
    public init(colour: Bool) { self.colour = colour }

    /// The lines for one event (with a session header first when the session changes), each
    /// ending in a newline.
    public mutating func format(_ event: TranscriptEvent) -> String {
        var out = ""
        let date = String(event.time.prefix(10))
        // A new header also when the sequence restarts: another run reused the session ID.
        if event.session != lastSession || date != lastDate || event.seq <= lastSeq {
            if lastSession != nil { out += "\n" }
            let where_ = [event.channel, event.peer].filter { !$0.isEmpty }.joined(separator: " ")
            out += paint("── session \(event.session) · \(where_) · \(date) ──", "1") + "\n"
            lastSession = event.session
            lastDate = date
        }
        lastSeq = event.seq
        let time = event.time.count >= 19 ? String(event.time.dropFirst(11).prefix(8)) : event.time
        let who: String
        switch event.role {
        case .resident: who = paint("resident", "36")
        case .bot: who = paint("desk    ", "32")
        case .operator: who = paint("operator", "35")
        }
        let speaker = event.operatorName.map { "[\($0)] " } ?? ""
        out += "\(time)  \(who)  \(speaker)\(event.text)\n"
        var meta: [String] = []
        if let handoff = event.handoff { meta.append("hand-off \(handoff)") }
        if event.role == .bot {
            if let intent = event.intent { meta.append("intent \(intent)") }
            if let awaiting = event.awaiting { meta.append("awaiting \(awaiting)") }
            if let record = event.record { meta.append("record \(record.id) (\(record.type), \(record.status))") }
            if !event.choices.isEmpty { meta.append("choices \(event.choices.joined(separator: "/"))") }
        } else if let confidence = event.confidence, let intent = event.intent {
            meta.append("matched \(intent) \(formatConfidence(confidence))")
        }
        if !meta.isEmpty { out += "                    " + paint("↳ " + meta.joined(separator: " · "), "2") + "\n" }
        return out
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func formatConfidence(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
