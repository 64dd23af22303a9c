/// One recorded bot turn that today's engine answers differently.
public struct ReplayDifference: Sendable, Equatable, CustomStringConvertible {
    /// The session.
    public var session: String
    /// The sequence number of the recorded bot event.
    public var seq: Int
    /// What differs: `reply`, `intent`, `awaiting`, `record type`, `greeting`.
    public var field: String
    /// What the transcript says.
    public var recorded: String
    /// What the engine says now.
    public var now: String
    /// Whether the resident's line held a masked phone number, replayed with stand-in digits.
    public var maskedInput: Bool

    /// A difference.
    public init(session: String, seq: Int, field: String, recorded: String, now: String, maskedInput: Bool = false) {
        self.session = session
        self.seq = seq
        self.field = field
        self.recorded = recorded
        self.now = now
        self.maskedInput = maskedInput
    }

    /// `session s-1 seq 4: intent differs` then `recorded:` and `now:` lines.
    public var description: String {
        "session \(session) seq \(seq): \(field) differs"
            + (maskedInput ? " (masked phone replayed with stand-in digits)" : "")
            + "\n    recorded: \(recorded)\n    now:      \(now)"
    }
}

/// The outcome of `replay --check`, counted per bot turn (the greeting is a turn).
public struct ReplayCheckResult: Sendable, Equatable {
    /// Turns whose reply, intent, awaiting and record type all match.
    public var passed = 0
    /// Every difference, in file order (a turn may have several).
    public var differences: [ReplayDifference] = []
    /// Turns that differ.
    public var failed = 0
    /// Turns whose resident line held a masked phone (replayed with stand-in digits).
    public var maskedTurns = 0
    /// Transcript lines that were not events.
    public var skippedLines = 0

    /// An empty result.
    public init() {}

    /// Every difference, a note about masked turns, and the last line `N passed, N failed`.
    public var report: String {
        var out = differences.map { $0.description + "\n" }.joined()
        if maskedTurns > 0 {
            out +=
                "note: \(maskedTurns) resident turn(s) held masked phone numbers and were replayed with stand-in digits\n"
        }
        if skippedLines > 0 { out += "note: \(skippedLines) line(s) that are not transcript events were skipped\n" }
        out += "\(passed) passed, \(failed) failed\n"
        return out
    }
}
