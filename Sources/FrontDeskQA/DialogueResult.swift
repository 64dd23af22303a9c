/// One unmet expectation of a dialogue, located at its line.
public struct DialogueFailure: Sendable, Equatable, CustomStringConvertible {
    /// The dialogue file.
    public var path: String
    /// The line of the expectation (or of the resident line, for a central check).
    public var line: Int
    /// What was expected, in the dialogue's own words.
    public var expected: String
    /// What happened: the whole bot turn (intent, awaiting, record, reply).
    public var actual: String

    /// A failure.
    public init(path: String, line: Int, expected: String, actual: String) {
        self.path = path
        self.line = line
        self.expected = expected
        self.actual = actual
    }

    /// `file:line: expected …` then the actual turn, indented.
    public var description: String {
        var text = "\(path):\(line): expected \(expected)"
        for actualLine in actual.split(separator: "\n", omittingEmptySubsequences: false) {
            text += "\n    " + actualLine
        }
        return text
    }
}

/// The outcome of one dialogue file.
public struct DialogueResult: Sendable, Equatable {
    /// The dialogue file.
    public var path: String
    /// Its `# title`.
    public var title: String
    /// How many resident turns ran.
    public var turns: Int
    /// Every unmet expectation; empty when it passed.
    public var failures: [DialogueFailure]

    /// A result.
    public init(path: String, title: String, turns: Int, failures: [DialogueFailure]) {
        self.path = path
        self.title = title
        self.turns = turns
        self.failures = failures
    }

    /// Whether every expectation held.
    public var passed: Bool { failures.isEmpty }
}

/// The text `frontdesk test` prints for a suite run.
public enum DialogueReport {
    /// Every failure (`file:line: expected …` / actual), an `ok` line per passing dialogue when
    /// `verbose`, and the last line `N passed, N failed` (counting dialogue files).
    public static func text(_ results: [DialogueResult], verbose: Bool = false) -> String {
        results.map { details($0, verbose: verbose) }.joined() + summary(results) + "\n"
    }

    /// What one dialogue's run prints: its failures (or, when `verbose`, an `ok` line).
    public static func details(_ result: DialogueResult, verbose: Bool = false) -> String {
        if result.passed { return verbose ? "ok    \(result.path) (\(result.turns) turns)\n" : "" }
        var out = "FAIL  \(result.path)" + (result.title.isEmpty ? "" : " — \(result.title)") + "\n"
        for failure in result.failures { out += failure.description + "\n" }
        return out + "\n"
    }

    /// `N passed, N failed`.
    public static func summary(_ results: [DialogueResult]) -> String {
        let failed = results.filter { !$0.passed }.count
        return "\(results.count - failed) passed, \(failed) failed"
    }
}
