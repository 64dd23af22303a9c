import FrontDeskModel

/// A mistake in a dialogue file, with its line.
public struct DialogueSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, as given.
    public var path: String
    /// Every mistake found: `(line, message)`.
    public var problems: [(line: Int, message: String)]

    /// An error listing `problems`.
    public init(path: String, problems: [(line: Int, message: String)]) {
        self.path = path
        self.problems = problems
    }

    /// One `file:line: message` per problem.
    public var description: String {
        problems.map { "\(path):\($0.line): \($0.message)" }.joined(separator: "\n")
    }

    /// Equal when the paths and every problem's line and message are.
    public static func == (a: DialogueSyntaxError, b: DialogueSyntaxError) -> Bool {
        a.path == b.path && a.problems.map(\.line) == b.problems.map(\.line)
            && a.problems.map(\.message) == b.problems.map(\.message)
    }
}

/// Reads the scripted-dialogue format (README.md, `## Scripted dialogues (QA)`).
public enum DialogueParser {
    /// The clock of a dialogue without `@now`.
    public static let defaultNow = "2026-11-22T10:00:00+08:00"

    /// The expectation keys a bot turn accepts, for "did you mean" hints.
    static let turnKeys = [
        "intent", "awaiting", "contains", "not-contains", "matches", "reply", "lang", "slot", "choices", "record",
        "no-record", "stored",
    ]
    static let directives = ["now", "estate", "lang", "record", "update", "wait", "session"]

    /// Parses a dialogue.
    ///
    /// - Throws: `DialogueSyntaxError` listing every mistake with its line.
    public static func parse(_ text: String, path: String) throws(DialogueSyntaxError) -> Dialogue {
        var dialogue = Dialogue(path: path)
        var problems: [(line: Int, message: String)] = []
        var greeting: [Expectation] = []
        var sessionLine = 1
        var turn: ResidentTurn?
        var sawContent = false
        var sessionHasTurn = false

        func closeTurn() {
            if let current = turn { dialogue.steps.append(.turn(current)) }
            turn = nil
        }
        func closeSession() {
            closeTurn()
            // The greeting checks belong to the session step, which goes before its turns.
            if let index = dialogue.steps.lastIndex(where: { if case .session = $0 { true } else { false } }) {
                dialogue.steps[index] = .session(line: sessionLine, greeting: greeting)
            }
        }
        dialogue.steps.append(.session(line: 1, greeting: []))

        // Files saved on Windows: a byte order mark is dropped, and `\r\n` (one Character) ends a line too.
        let body =
            text.unicodeScalars.first == "\u{FEFF}" ? Substring(text.unicodeScalars.dropFirst()) : Substring(text)
        let lines = body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (index, rawLine) in lines.enumerated() {
            let number = index + 1
            var line = String(rawLine)
            if line.hasSuffix("\r") { line.removeLast() }
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty { continue }

            if trimmed.hasPrefix(">") {
                closeTurn()
                var said = trimmed.dropFirst()
                if said.first == " " { said = said.dropFirst() }
                turn = ResidentTurn(line: number, text: String(said))
                sessionHasTurn = true
                sawContent = true
            } else if trimmed.hasPrefix("#") {
                if !sawContent, dialogue.title.isEmpty {
                    dialogue.title = String(trimmed.dropFirst()).trimmingSpaces()
                }
            } else if trimmed.hasPrefix("@") {
                sawContent = true
                let (name, rest) = splitWord(String(trimmed.dropFirst()))
                switch name {
                case "now":
                    if CivilTime.parse(rest, defaultOffset: 28_800) == nil {
                        problems.append((number, "@now expects an ISO 8601 time such as \(defaultNow), got '\(rest)'"))
                    } else if turn != nil || dialogue.steps.count > 1 {
                        problems.append(
                            (number, "@now belongs in the header, before any turn (use @wait to move the clock)"))
                    } else {
                        dialogue.now = rest
                    }
                case "estate":
                    if rest.isEmpty { problems.append((number, "@estate expects a file path")) }
                    dialogue.estatePath = rest
                case "lang":
                    if let language = Language(rawValue: rest) {
                        dialogue.language = language
                    } else {
                        problems.append((number, "@lang expects zh-Hans, zh-Hant or en, got '\(rest)'"))
                    }
                case "record":
                    closeTurn()
                    let (type, fieldText) = splitWord(rest)
                    if RecordType(rawValue: type) == nil {
                        problems.append((number, "@record expects a record type (\(recordTypes)), got '\(type)'"))
                    }
                    switch parseFields(fieldText) {
                    case .success(let fields):
                        dialogue.steps.append(.seed(SeedRecord(line: number, type: type, fields: fields)))
                    case .failure(let message): problems.append((number, message.text))
                    }
                case "update":
                    closeTurn()
                    let (id, fieldText) = splitWord(rest)
                    if id.isEmpty {
                        problems.append((number, "@update expects a record ID (or 'last') and key=value fields"))
                    }
                    switch parseFields(fieldText) {
                    case .success(let fields):
                        dialogue.steps.append(.update(OperatorUpdate(line: number, recordID: id, fields: fields)))
                    case .failure(let message): problems.append((number, message.text))
                    }
                case "wait":
                    closeTurn()
                    if let seconds = parseDuration(rest) {
                        dialogue.steps.append(.wait(line: number, seconds: seconds))
                    } else {
                        problems.append((number, "@wait expects a duration such as 30s, 6m, 2h or 1d, got '\(rest)'"))
                    }
                case "session":
                    closeSession()
                    greeting = []
                    sessionHasTurn = false
                    sessionLine = number
                    dialogue.steps.append(.session(line: number, greeting: []))
                default:
                    problems.append(
                        (number, "unknown directive '@\(name)'" + hint(name, directives.map { "@" + $0 }, prefix: "@")))
                }
            } else if trimmed.hasPrefix("greeting") {
                sawContent = true
                let body = String(trimmed.dropFirst("greeting".count)).trimmingSpaces()
                let asTurnLine = body.hasPrefix(":") ? "reply" + body : body
                switch parseExpectation(asTurnLine, line: number) {
                case .success(let expectation):
                    if sessionHasTurn {
                        problems.append((number, "greeting checks go before the session's first '>' line"))
                    } else {
                        greeting.append(expectation)
                    }
                case .failure(let message): problems.append((number, message.text))
                }
            } else {
                sawContent = true
                switch parseExpectation(trimmed, line: number) {
                case .success(let expectation):
                    if turn == nil {
                        problems.append((number, "an expectation needs a resident line ('> …') before it"))
                    } else {
                        turn!.expectations.append(expectation)
                    }
                case .failure(let message): problems.append((number, message.text))
                }
            }
        }
        closeSession()
        if dialogue.turns.isEmpty, problems.isEmpty { problems.append((1, "no resident lines ('> …')")) }
        if !problems.isEmpty { throw DialogueSyntaxError(path: path, problems: problems) }
        return dialogue
    }

    static let recordTypes = RecordType.allCases.map(\.rawValue).joined(separator: ", ")
}
