import FrontDeskModel

/// Folds transcript events into chat counters and the understanding report, keeping only a
/// little state per live session (the last resident message until the bot answers it) and a
/// bounded table of unrecognized messages — never the events themselves.
public struct ConversationFold: Sendable {
    struct Session: Sendable {
        var lastSeen = 0
        var lastBotIntent: String?
        var residentTurns = 0
        /// The resident message waiting for the bot's answer.
        var pending: String?
        /// A correction waiting for the bot's answer: its text and what the bot had understood.
        var correction: (text: String, from: String)?
    }

    public let period: ReportPeriod
    /// Events after this instant are ignored.
    public let now: Int
    public private(set) var messages = MessageFigures()
    public private(set) var grouper: MessageGrouper
    private var understanding = UnderstandingReport()
    private var sessions: [String: Session] = [:]
    private var corrections: [String: CorrectionGroup] = [:]
    private var events = 0
    /// Sessions silent for this many events are forgotten (bounds memory over a year).
    private let horizon: Int

    /// An empty fold for `period`, ignoring events after `now`.
    public init(period: ReportPeriod, now: Int, capacity: Int = 4000, horizon: Int = 100_000) {
        self.period = period
        self.now = now
        self.grouper = MessageGrouper(capacity: capacity)
        self.horizon = horizon
    }

    /// Folds in one event.
    public mutating func add(_ event: TranscriptEvent) {
        guard let time = Timestamp.seconds(event.time, defaultOffset: period.offset) else { return }
        add(time: time, session: event.session, seq: event.seq, role: event.role, intent: event.intent,
            choices: event.choices, text: event.text)
    }

    /// Folds in one event given by its fields (`time` in seconds since 1970).
    public mutating func add(time: Int, session id: String, seq: Int, role: Role, intent: String?, choices: [String],
                             text: @autoclosure () -> String) {
        guard period.contains(time), time <= now else { return }
        events += 1
        if events % horizon == 0 { forgetIdleSessions() }
        var session = sessions[id] ?? Session()
        session.lastSeen = events
        if seq == 1 { messages.sessions += 1 }
        switch role {
        case .resident:
            messages.resident += 1
            messages.perHour[period.hour(time)] += 1
            understanding.residentMessages += 1
            let text = text()
            session.pending = text
            if session.residentTurns > 0, let from = session.lastBotIntent, Corrections.isCorrection(text) {
                session.correction = (text, from)
            }
            session.residentTurns += 1
        case .bot:
            messages.bot += 1
            if let text = session.pending, intent == "fallback" || !choices.isEmpty {
                if choices.isEmpty { understanding.fallback += 1 } else { understanding.clarify += 1 }
                grouper.add(text, offered: choices)
            }
            if let correction = session.correction {
                let to = intent ?? "none"
                let key = correction.from + "\u{1}" + to
                var group = corrections[key] ?? CorrectionGroup(from: correction.from, to: to, count: 0, examples: [])
                group.count += 1
                if group.examples.count < 3, !group.examples.contains(correction.text) {
                    group.examples.append(correction.text)
                }
                corrections[key] = group
                understanding.corrections += 1
            }
            session.pending = nil
            session.correction = nil
            session.lastBotIntent = intent
        }
        sessions[id] = session
    }

    private mutating func forgetIdleSessions() {
        let cutoff = events - horizon
        sessions = sessions.filter { $0.value.lastSeen > cutoff }
    }

    /// The understanding report: groups biggest first (at most `limit`), corrections biggest first.
    public func understandingReport(limit: Int = 20, examples: Int = 3) -> UnderstandingReport {
        var report = understanding
        let (groups, rest) = grouper.groups(limit: limit, examples: examples)
        report.groups = groups
        report.ungrouped = rest + grouper.dropped
        report.approximate = grouper.dropped > 0
        report.correctionGroups = corrections.values.sorted {
            ($0.count, $1.from, $1.to) > ($1.count, $0.from, $0.to)
        }
        return report
    }

    /// Live sessions held now (for tests of the memory bound).
    public var liveSessions: Int { sessions.count }
}

/// Recognizes a resident turn that corrects the bot: "不是…", "不对，是…", "no, I meant…".
public enum Corrections {
    /// Openings of a correction (after the normalization of `GroupingText.key`, spaces kept for English).
    static let openings = ["不是", "不对", "错了", "搞错", "我是说", "我说的是", "我的意思是", "不對", "錯了", "我是說", "我說的是",
                           "no,", "no ", "nope", "not ", "wrong", "that's wrong", "thats wrong", "i meant", "i mean "]
    /// Phrases that make a correction wherever they appear.
    static let anywhere = ["i meant", "that's wrong", "that's not what", "not what i", "我的意思是", "我是说", "我是說", "不是这个"]

    /// Whether `text` reads as a correction of what the bot understood.
    public static func isCorrection(_ text: String) -> Bool {
        let lowered = text.lowercased().drop { $0 == " " || $0 == "，" || $0 == "," || $0 == "。" }
        let plain = lowered.replacingOccurrences(of: "’", with: "'")
        if openings.contains(where: { plain.hasPrefix($0) }) { return true }
        return anywhere.contains { plain.contains($0) }
    }
}
