import Foundation
import FrontDeskModel

/// Reads and validates every file of `intents/` (except `phrases/`), collecting all mistakes.
struct CatalogLoader {
    /// The newest format version this program reads.
    static let supportedVersion = 1
    /// The 13 canonical intents of SPEC 2.3; each needs a file `intents/<name>.json`.
    static let canonicalIntents = [
        "repair", "complaint", "fee_query", "decoration_permit", "progress_query", "inquiry", "emergency",
        "handoff", "greeting", "thanks", "goodbye", "cancel", "fallback",
    ]
    /// Slot names the dialogue knows (SPEC 2.1 `awaiting`).
    static let knownSlots = [
        "unit", "phone", "description", "time", "name", "scope", "contractor", "start_date", "duration_days",
        "workers", "verify", "record_id",
    ]
    static let intentKeys = [
        "version", "intent", "description", "priority", "small_talk", "slots", "category_weight", "keywords",
        "negatives", "categories", "default_category", "cooccur", "intensifiers",
    ]

    let directory: String
    /// The name shown for files: the directory as given, plus the file name.
    var diagnostics: [Diagnostic] = []
    var concepts: [String: [String]] = [:]

    init(directory: String) { self.directory = directory }

    func displayName(_ file: String) -> String {
        directory.hasSuffix("/") ? directory + file : directory + "/" + file
    }

    /// Reads and parses one JSON file; reports a missing file or a syntax error with line and column.
    mutating func parse(_ file: String, required: Bool = true) -> JSON? {
        let path = displayName(file)
        guard let data = FileManager.default.contents(atPath: path) else {
            if required { diagnostics.append(Diagnostic(file: path, path: "", message: "file not found")) }
            return nil
        }
        do {
            return try JSON.parse(data)
        } catch {
            diagnostics.append(
                Diagnostic(file: path, path: "line \(error.line), column \(error.column)", message: error.message))
            return nil
        }
    }

    /// The preamble every content file shares: parse `file`, check its top-level keys against
    /// `allowed`, its `version`, and an optional string `description`; then `body` reads the rest
    /// with the same reader, whose mistakes join the loader's. `empty` is the result when the file
    /// is missing, not JSON or not an object (each reported).
    mutating func readFile<T>(
        _ file: String, allowed: [String], required: Bool = true, empty: @autoclosure () -> T,
        _ body: (JSONObject, inout ContentReader) -> T
    ) -> T {
        guard let json = parse(file, required: required) else { return empty() }
        var reader = ContentReader(file: displayName(file))
        defer { diagnostics += reader.diagnostics }
        guard let root = reader.object(json, at: "", allowed: allowed) else { return empty() }
        reader.version(root, supported: Self.supportedVersion)
        if allowed.contains("description") { _ = reader.string(root, "description", at: "", required: false) }
        return body(root, &reader)
    }

    /// Expands keyword groups `[{"weight": 2, "words": ["报修", "@water_pipe"]}]` at `path`.
    mutating func keywordGroups(_ value: JSON?, at path: String, reader: inout ContentReader) -> [Keyword] {
        guard let value else { return [] }
        guard let groups = value.array else {
            reader.report(path, ContentMessages.expected("an array of keyword groups", value))
            return []
        }
        var keywords: [Keyword] = []
        for (index, group) in groups.enumerated() {
            let groupPath = "\(path)[\(index)]"
            guard let object = reader.object(group, at: groupPath, allowed: ["weight", "words"]) else { continue }
            let weight = reader.number(object, "weight", at: groupPath)
            if let weight, !(weight > 0 && weight <= 100) {
                reader.report("\(groupPath).weight", "expected a weight above 0 and at most 100, got \(weight)")
            }
            guard let wordsValue = object["words"] else {
                reader.report("\(groupPath).words", ContentMessages.missing)
                continue
            }
            let words = reader.strings(wordsValue, at: "\(groupPath).words")
            for (wordIndex, word) in words.enumerated() {
                if word.hasPrefix("@") {
                    let name = String(word.dropFirst())
                    guard let members = concepts[name] else {
                        reader.report(
                            "\(groupPath).words[\(wordIndex)]",
                            ContentMessages.unknownConcept(name, known: concepts.keys.sorted()))
                        continue
                    }
                    for member in members { keywords.append(Keyword(text: member, weight: weight ?? 1, concept: word)) }
                } else {
                    keywords.append(Keyword(text: word, weight: weight ?? 1))
                }
            }
        }
        return keywords
    }

    /// The words at `path` (an array of strings), with `@concept` references expanded.
    mutating func wordList(_ value: JSON?, at path: String, reader: inout ContentReader) -> [String] {
        guard let value else {
            reader.report(path, ContentMessages.missing)
            return []
        }
        var result: [String] = []
        for (index, word) in reader.strings(value, at: path).enumerated() {
            guard word.hasPrefix("@") else {
                result.append(word)
                continue
            }
            let name = String(word.dropFirst())
            if let members = concepts[name] {
                result += members
            } else {
                reader.report("\(path)[\(index)]", ContentMessages.unknownConcept(name, known: concepts.keys.sorted()))
            }
        }
        if result.isEmpty, value.array?.isEmpty == true { reader.report(path, "expected at least one word") }
        return result
    }

    /// Reads `lexicon.json`: concepts, negators, contrast words, Traditional markers.
    mutating func loadLexicon() -> MatchSettings {
        var settings = MatchSettings()
        guard let json = parse("lexicon.json") else { return settings }
        var reader = ContentReader(file: displayName("lexicon.json"))
        defer { diagnostics += reader.diagnostics }
        let allowed = ["version", "description", "concepts", "negators", "neutral", "contrast", "traditional_markers"]
        guard let root = reader.object(json, at: "", allowed: allowed) else { return settings }
        reader.version(root, supported: Self.supportedVersion)
        _ = reader.string(root, "description", at: "", required: false)
        if let value = root["concepts"] {
            if let object = value.object {
                for (name, words) in object { concepts[name] = reader.strings(words, at: "concepts.\(name)") }
            } else {
                reader.report("concepts", ContentMessages.expected("an object", value))
            }
        }
        if let value = root["negators"] {
            for (index, element) in (value.array ?? []).enumerated() {
                let path = "negators[\(index)]"
                guard let object = reader.object(element, at: path, allowed: ["words", "window", "scope", "only"])
                else {
                    continue
                }
                let words = object["words"].map { reader.strings($0, at: "\(path).words") } ?? []
                var clauseScoped = false
                if let scope = reader.string(object, "scope", at: path, required: false) {
                    if scope == "clause" {
                        clauseScoped = true
                    } else {
                        reader.report("\(path).scope", "expected \"clause\", got \"\(scope)\"")
                    }
                }
                let window = reader.number(object, "window", at: path, required: !clauseScoped).map { Int($0) } ?? 0
                let only = reader.string(object, "only", at: path, required: false)
                if let only, !Self.canonicalIntents.contains(only) {
                    reader.report("\(path).only", ContentMessages.unknownValue(only, allowed: Self.canonicalIntents))
                }
                settings.negators.append(Negator(words: words, window: window, clauseScoped: clauseScoped, only: only))
            }
            if value.array == nil { reader.report("negators", ContentMessages.expected("an array", value)) }
        }
        if let value = root["neutral"] { settings.neutralWords = reader.strings(value, at: "neutral") }
        if let value = root["contrast"], let object = reader.object(value, at: "contrast", allowed: ["words", "boost"])
        {
            settings.contrastWords = object["words"].map { reader.strings($0, at: "contrast.words") } ?? []
            settings.contrastBoost = reader.number(object, "boost", at: "contrast", required: false) ?? 1
        }
        if let value = root["traditional_markers"] {
            settings.traditionalMarkers = reader.strings(value, at: "traditional_markers")
        }
        return settings
    }

    /// Reads `acts.json`: `{"acts": {"affirm": [...], "deny": [...], "correction": [...], "hedge": [...]}}`.
    mutating func loadActs() -> [ActDefinition] {
        readFile("acts.json", allowed: ["version", "description", "acts"], empty: []) { root, reader in
            Self.acts(root, &reader)
        }
    }

    static func acts(_ root: JSONObject, _ reader: inout ContentReader) -> [ActDefinition] {
        guard let value = root["acts"] else {
            reader.report("acts", ContentMessages.missing)
            return []
        }
        let names = ["affirm", "deny", "correction", "hedge"]
        guard let object = reader.object(value, at: "acts", allowed: names) else { return [] }
        return names.compactMap { name in
            guard let words = object[name] else {
                reader.report("acts.\(name)", ContentMessages.missing)
                return nil
            }
            return ActDefinition(name: name, words: reader.strings(words, at: "acts.\(name)"))
        }
    }
}
