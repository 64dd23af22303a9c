public import FrontDeskContent
public import FrontDeskModel

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

    /// The days whose events are counted.
    public let period: ReportPeriod
    /// Events after this instant are ignored.
    public let now: Int
    /// Resident messages, bot turns, sessions and messages per hour so far.
    public private(set) var messages = MessageFigures()
    /// The unrecognized messages so far, grouped by similarity.
    public private(set) var grouper: MessageGrouper
    private var understanding = UnderstandingReport()
    /// Keyed by the FNV-1a hash of the session ID (no string kept per live session).
    private var sessions: [UInt64: Session] = [:]
    private var corrections: [String: CorrectionGroup] = [:]
    private var events = 0
    /// Sessions silent for this many events are forgotten (bounds memory over a year).
    private let horizon: Int

    /// How a correction reads (`intents/grouping.json`).
    private let correctionRule: Corrections

    /// An empty fold for `period`, ignoring events after `now`, grouping with the `han` table and `words`.
    public init(
        period: ReportPeriod, now: Int, han: HanConversion, words: ReportWords, capacity: Int = 4000,
        horizon: Int = 100_000
    ) {
        self.period = period
        self.now = now
        self.grouper = MessageGrouper(capacity: capacity, han: han, words: words)
        self.correctionRule = Corrections(words: words)
        self.horizon = horizon
    }

    /// Folds in one event.
    public mutating func add(_ event: TranscriptEvent) {
        guard let time = Timestamp.seconds(event.time, defaultOffset: period.offset) else { return }
        add(
            time: time, session: event.session, seq: event.seq, role: event.role, intent: event.intent,
            choices: event.choices, text: event.text)
    }

    /// Folds in one event given by its fields (`time` in seconds since 1970).
    public mutating func add(
        time: Int, session id: String, seq: Int, role: Role, intent: String?, choices: [String],
        text: @autoclosure () -> String
    ) {
        var id = id
        let key = id.withUTF8 { Self.hash($0) }
        add(time: time, sessionKey: key, seq: seq, role: role, intent: intent, choices: choices, text: text())
    }

    /// The 64-bit FNV-1a hash of a session ID's bytes.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return h
    }

    /// As `add(time:session:…)`, the session given by `hash` of its ID.
    mutating func add(
        time: Int, sessionKey id: UInt64, seq: Int, role: Role, intent: String?, choices: [String],
        text: @autoclosure () -> String
    ) {
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
            if session.residentTurns > 0, let from = session.lastBotIntent, correctionRule.isCorrection(text) {
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
        case .operator:
            break
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
/// Works on UTF-8 bytes (ASCII folded to lower case): it runs on every resident message of a year.
public struct Corrections: Sendable {
    /// Openings of a correction, after leading spaces and commas (`intents/grouping.json`).
    let openings: [[UInt8]]
    /// Phrases that make a correction wherever they appear.
    let anywhere: [[UInt8]]

    /// The corrections of `words` (`correction_openings`, `correction_anywhere`).
    public init(words: ReportWords) {
        openings = words.correctionOpenings.map { Array($0.utf8) }
        anywhere = words.correctionAnywhere.map { Array($0.utf8) }
    }

    static let leading: [[UInt8]] = [" ", ",", "，", "。", "、"].map { Array($0.utf8) }

    /// Whether `text` reads as a correction of what the bot understood.
    public func isCorrection(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { raw in
            var b = [UInt8](raw)
            for i in b.indices where b[i] >= 65 && b[i] <= 90 { b[i] += 32 }
            var start = 0
            var moved = true
            while moved {
                moved = false
                for p in Self.leading where Self.matches(b, p, at: start) {
                    start += p.count
                    moved = true
                }
            }
            if openings.contains(where: { Self.matches(b, $0, at: start) }) { return true }
            return anywhere.contains { p in
                guard b.count >= p.count else { return false }
                return (start...(b.count - p.count)).contains { Self.matches(b, p, at: $0) }
            }
        }
    }

    @inline(__always)
    static func matches(_ b: [UInt8], _ p: [UInt8], at i: Int) -> Bool {
        guard i >= 0, i + p.count <= b.count else { return false }
        for k in 0..<p.count where b[i + k] != p[k] { return false }
        return true
    }
}
