import FrontDeskContent
import FrontDeskModel

/// Evaluates expectations against one bot turn.
struct TurnCheck {
    let output: TurnOutput
    /// Records created on this turn, in order.
    let created: [Record]
    let store: any RecordStore
    /// The record made most recently in this dialogue (`stored: last`).
    let lastRecordID: String?

    /// The whole turn, as a failure shows it.
    func describe() -> String {
        var head =
            "intent: \(output.intent?.rawValue ?? "none"), awaiting: \(output.awaiting?.rawValue ?? "none"), lang: \(output.language.rawValue)"
        if let record = output.record {
            head += ", record: \(record.id) (\(record.type), \(record.status))"
        } else if let record = created.last {
            head += ", record created: \(record.id) (\(record.type.rawValue))"
        } else {
            head += ", record: none"
        }
        if !output.choices.isEmpty { head += ", choices: \(output.choices.map(\.rawValue).joined(separator: " "))" }
        if !output.slots.keys.isEmpty { head += "\nslots: \(JSON.object(output.slots).serialized)" }
        return "actual " + head + "\nreply: \(output.reply)"
    }

    /// What was expected, when `check` does not hold; `nil` when it does.
    func unmet(_ check: Expectation.Check) -> String? {
        switch check {
        case .intent(let intent):
            return output.intent?.rawValue == intent ? nil : "intent: \(intent ?? "none")"
        case .awaiting(let slot):
            return output.awaiting?.rawValue == slot ? nil : "awaiting: \(slot ?? "none")"
        case .language(let language):
            return output.language.rawValue == language ? nil : "lang: \(language)"
        case .slot(let key, let value):
            let actual = output.slots[key].map(TurnCheck.text)
            return actual == value ? nil : "slot: \(key)=\(value) (it is \(actual ?? "absent"))"
        case .choices(let choices):
            return output.choices.map(\.rawValue) == choices ? nil : "choices: \(choices.joined(separator: " "))"
        case .noRecord:
            guard let record = created.first else { return nil }
            return "no-record (\(record.id) was created)"
        case .record(let type, let fields):
            return unmetRecord(type: type, fields: fields)
        case .stored(let id, let fields):
            let expected = "stored: \(id)" + fields.map { " \($0.key)=\($0.value)" }.joined()
            guard let recordID = id == "last" ? lastRecordID : id, let record = store.record(id: recordID) else {
                return expected + " (there is no such record)"
            }
            let wrong = TurnCheck.wrongFields(record, fields)
            return wrong.isEmpty ? nil : expected + " (\(record.id): " + wrong.joined(separator: ", ") + ")"
        case .contains, .notContains, .matches, .reply:
            return TurnCheck.unmetText(check, output.reply)
        }
    }

    private func unmetRecord(type: String, fields: [Expectation.Field]) -> String? {
        let expected = "record: \(type)" + fields.map { " \($0.key)=\($0.value)" }.joined()
        let id = output.record?.id ?? created.last?.id
        guard let id, let record = store.record(id: id) else { return expected + " (there is no record on this turn)" }
        guard record.type.rawValue == type else { return expected + " (\(id) is a \(record.type.rawValue))" }
        let wrong = TurnCheck.wrongFields(record, fields)
        return wrong.isEmpty ? nil : expected + " (\(id): " + wrong.joined(separator: ", ") + ")"
    }

    /// `key is 'value'` for every field of `record` that does not have the expected value.
    static func wrongFields(_ record: Record, _ fields: [Expectation.Field]) -> [String] {
        let json = record.json
        var wrong: [String] = []
        for field in fields {
            let actual = json[field.key].map(TurnCheck.text)
            if actual != field.value { wrong.append("\(field.key) is \(actual.map { "'\($0)'" } ?? "absent")") }
        }
        return wrong
    }

    /// Text checks, shared with the greeting.
    static func unmetText(_ check: Expectation.Check, _ text: String) -> String? {
        switch check {
        case .contains(let part): return text.contains(part) ? nil : "contains: \(part)"
        case .notContains(let part): return text.contains(part) ? "not-contains: \(part)" : nil
        case .reply(let exact): return text == exact ? nil : "reply: \(exact)"
        case .matches(let pattern):
            guard let regex = try? Regex(pattern) else { return "matches: \(pattern) (invalid pattern)" }
            return text.contains(regex) ? nil : "matches: \(pattern)"
        default: return "a text check (contains, not-contains, matches, reply) on the greeting"
        }
    }

    /// Checks every bot line gets: not empty, one line, no forbidden word (the phrase book's rule).
    static func centralProblems(_ reply: String, forbidden: ForbiddenWords) -> [String] {
        var problems: [String] = []
        if reply.isEmpty { problems.append("a reply (it was empty)") }
        if reply.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) { problems.append("a one-line reply") }
        let words = forbidden.all(in: reply)
        if !words.isEmpty {
            problems.append("no forbidden word (SPEC 4.1), found: " + words.map { "'\($0)'" }.joined(separator: ", "))
        }
        return problems
    }

    /// A JSON value as the text a dialogue compares it with.
    static func text(_ value: JSON) -> String {
        switch value {
        case .string(let s): return s
        case .null: return "none"
        case .bool(let b): return b ? "true" : "false"
        case .number:
            if let i = value.int { return String(i) }
            return value.serialized
        default: return value.serialized
        }
    }
}
