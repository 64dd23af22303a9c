import FrontDeskModel

extension DialogueParser {
    /// Reads one expectation line (`key: value`, or `no-record`).
    static func parseExpectation(_ text: String, line: Int) -> Result<Expectation, ParseMessage> {
        if text == "no-record" { return .success(Expectation(line: line, check: .noRecord)) }
        guard let colon = text.firstIndex(of: ":") else {
            return .failure(ParseMessage("expected 'key: value' (\(turnKeys.joined(separator: ", "))), got '\(text)'"))
        }
        let key = String(text[..<colon]).trimmingSpaces()
        let value = String(text[text.index(after: colon)...]).trimmingSpaces()
        let none = value == "none" || value == "null" || value.isEmpty
        let check: Expectation.Check
        switch key {
        case "intent": check = .intent(none ? nil : value)
        case "awaiting": check = .awaiting(none ? nil : value)
        case "contains", "not-contains", "matches", "reply":
            if value.isEmpty { return .failure(ParseMessage("'\(key):' needs a value")) }
            if key == "contains" {
                check = .contains(value)
            } else if key == "not-contains" {
                check = .notContains(value)
            } else if key == "reply" {
                check = .reply(value)
            } else {
                if (try? Regex(value)) == nil {
                    return .failure(ParseMessage("'matches:' is not a valid regular expression: \(value)"))
                }
                check = .matches(value)
            }
        case "lang":
            guard Language(rawValue: value) != nil else {
                return .failure(ParseMessage("'lang:' expects zh-Hans, zh-Hant or en, got '\(value)'"))
            }
            check = .language(value)
        case "slot":
            guard case .success(let fields) = parseFields(value), fields.count == 1 else {
                return .failure(ParseMessage("'slot:' expects one key=value, got '\(value)'"))
            }
            check = .slot(fields[0].key, fields[0].value)
        case "choices":
            check = .choices(value.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init))
        case "record":
            let (type, rest) = splitWord(value)
            guard RecordType(rawValue: type) != nil else {
                return .failure(ParseMessage("'record:' expects a record type (\(recordTypes)), got '\(type)'"))
            }
            switch parseFields(rest) {
            case .success(let fields): check = .record(type: type, fields: fields)
            case .failure(let message): return .failure(message)
            }
        case "stored":
            let (id, rest) = splitWord(value)
            guard !id.isEmpty, case .success(let fields) = parseFields(rest), !fields.isEmpty else {
                return .failure(ParseMessage("'stored:' expects a record ID (or 'last') and key=value fields"))
            }
            check = .stored(id: id, fields: fields)
        default:
            return .failure(ParseMessage("unknown expectation '\(key):'" + hint(key, turnKeys, prefix: "")))
        }
        return .success(Expectation(line: line, check: check))
    }

    /// `key=value key="value with spaces"` → fields.
    static func parseFields(_ text: String) -> Result<[Expectation.Field], ParseMessage> {
        var fields: [Expectation.Field] = []
        var chars = Substring(text)
        while true {
            chars = chars.drop(while: { $0 == " " || $0 == "\t" })
            guard !chars.isEmpty else { break }
            guard let eq = chars.firstIndex(of: "="), !chars[..<eq].contains(" ") else {
                let word = chars.prefix(while: { $0 != " " })
                return .failure(ParseMessage("expected key=value, got '\(word)'"))
            }
            let key = String(chars[..<eq])
            chars = chars[chars.index(after: eq)...]
            var value = ""
            if chars.first == "\"" {
                chars = chars.dropFirst()
                guard let close = chars.firstIndex(of: "\"") else {
                    return .failure(ParseMessage("unterminated quote in the value of '\(key)'"))
                }
                value = String(chars[..<close])
                chars = chars[chars.index(after: close)...]
            } else {
                let word = chars.prefix(while: { $0 != " " && $0 != "\t" })
                value = String(word)
                chars = chars.dropFirst(word.count)
            }
            fields.append(Expectation.Field(key, value))
        }
        return .success(fields)
    }

    /// `30s`, `6m`, `2h`, `1d`, or a bare number of seconds.
    static func parseDuration(_ text: String) -> Int? {
        guard let unit = text.last else { return nil }
        let scale: Int
        var digits = Substring(text)
        switch unit {
        case "s": scale = 1
        case "m": scale = 60
        case "h": scale = 3600
        case "d": scale = 86_400
        default: scale = 1
        }
        if !unit.isNumber { digits = digits.dropLast() }
        guard let value = Int(digits), value >= 0 else { return nil }
        return value * scale
    }

    /// The first word and the rest, trimmed.
    static func splitWord(_ text: String) -> (String, String) {
        let trimmed = text.trimmingSpaces()
        guard let space = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return (trimmed, "") }
        return (String(trimmed[..<space]), String(trimmed[space...]).trimmingSpaces())
    }

    /// ` (did you mean 'x'?)` when a known word is close.
    static func hint(_ word: String, _ known: [String], prefix: String) -> String {
        let target = prefix + word
        guard let best = Suggestion.closest(to: target, among: known, within: 3) else { return "" }
        return " (did you mean '\(best)'?)"
    }
}

/// A parse problem's message (a `Result` failure).
struct ParseMessage: Error, Sendable {
    var text: String
    init(_ text: String) { self.text = text }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return String(scalars[first...last])
    }
}
