import FrontDeskModel

/// Reads one parsed content file, collecting every mistake as `file: key path: message`.
///
/// The getters never throw: a missing or mistyped value is recorded and a neutral value
/// returned, so that loading goes on and reports all mistakes, not just the first.
struct ContentReader {
    /// The file name shown in diagnostics, e.g. `intents/repair.json`.
    let file: String
    /// Every mistake found so far.
    var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    /// Records a mistake at `path`.
    mutating func report(_ path: String, _ message: String) {
        diagnostics.append(Diagnostic(file: file, path: path, message: message))
    }

    /// The members of `value` when it is an object; reports unknown keys (with a "did you mean").
    mutating func object(_ value: JSON, at path: String, allowed: [String]) -> JSONObject? {
        guard let object = value.object else {
            report(path, "expected an object, got \(value.kindDescription)")
            return nil
        }
        for key in object.keys where !allowed.contains(key) {
            let keyPath = path.isEmpty ? key : "\(path).\(key)"
            report(keyPath, ContentMessages.unknownKey(key, allowed: allowed))
        }
        return object
    }

    /// A required or optional string member.
    mutating func string(_ object: JSONObject, _ key: String, at path: String, required: Bool = true) -> String? {
        member(object, key, at: path, required: required, "a string", \.string)
    }

    /// A required or optional number member.
    mutating func number(_ object: JSONObject, _ key: String, at path: String, required: Bool = true) -> Double? {
        member(object, key, at: path, required: required, "a number", \.number)
    }

    /// A member read by `read`: a missing one is reported when `required`, one `read` refuses always, as
    /// "expected `what`".
    private mutating func member<T>(
        _ object: JSONObject, _ key: String, at path: String, required: Bool, _ what: String,
        _ read: (JSON) -> T?
    ) -> T? {
        guard let value = object[key] else {
            if required { report(join(path, key), ContentMessages.missing) }
            return nil
        }
        guard let result = read(value) else {
            report(join(path, key), ContentMessages.expected(what, value))
            return nil
        }
        return result
    }

    /// An optional Boolean member.
    mutating func bool(_ object: JSONObject, _ key: String, at path: String) -> Bool? {
        guard let value = object[key] else { return nil }
        guard let flag = value.bool else {
            report(join(path, key), ContentMessages.expected("a Boolean", value))
            return nil
        }
        return flag
    }

    /// A list of strings; each non-string element is reported with its index.
    mutating func strings(_ value: JSON, at path: String) -> [String] {
        guard let array = value.array else {
            report(path, ContentMessages.expected("an array of strings", value))
            return []
        }
        var result: [String] = []
        for (index, element) in array.enumerated() {
            guard let text = element.string else {
                report("\(path)[\(index)]", ContentMessages.expected("a string", element))
                continue
            }
            if text.isEmpty {
                report("\(path)[\(index)]", "empty string")
                continue
            }
            result.append(text)
        }
        return result
    }

    /// Checks the `version` member against the newest supported one.
    mutating func version(_ object: JSONObject, supported: Int) {
        guard let value = object["version"] else {
            report("version", ContentMessages.missing)
            return
        }
        guard let version = value.int, version >= 1 else {
            report("version", ContentMessages.expected("a whole number from 1", value))
            return
        }
        if version > supported {
            report("version", ContentMessages.newerVersion(version, supported: supported))
        }
    }

    /// `path.key`, or `key` at the top level.
    func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}

/// The text of every content diagnostic, declared in one place so tests can compare it exactly.
enum ContentMessages {
    static let missing = "missing required key"

    static func expected(_ what: String, _ value: JSON) -> String {
        "expected \(what), got \(value.kindDescription)"
    }

    static func newerVersion(_ version: Int, supported: Int) -> String {
        "version \(version) is newer than this program supports (\(supported)); upgrade FrontDesk"
    }

    static func unknownKey(_ key: String, allowed: [String]) -> String {
        if let best = Suggestion.closest(to: key, among: allowed) {
            return "unknown key '\(key)' (did you mean '\(best)'?)"
        }
        return "unknown key '\(key)'"
    }

    static func unknownValue(_ value: String, allowed: [String]) -> String {
        if let best = Suggestion.closest(to: value, among: allowed) {
            return "unknown value '\(value)' (did you mean '\(best)'?)"
        }
        return "unknown value '\(value)'"
    }

    static func unknownConcept(_ name: String, known: [String]) -> String {
        if let best = Suggestion.closest(to: name, among: known) {
            return "unknown concept '@\(name)' (did you mean '@\(best)'?)"
        }
        return "unknown concept '@\(name)'"
    }
}
