import Foundation
import FrontDeskModel

/// One labelled resident message from `intents/examples/*.jsonl`: what the learned layer is trained on
/// and what `frontdesk-bench accuracy` cross-validates.
public struct LabeledExample: Sendable, Equatable {
    /// The message as the resident wrote it.
    public var text: String
    /// The canonical intent it was labelled with.
    public var intent: String
    /// `zh-Hans`, `zh-Hant`, `en` or `mixed`, when the writer said.
    public var lang: String?
    /// Marked as a hard case (negation, contrast, near-misses…).
    public var hard: Bool
    /// The expected unit entity (`3-2-501`), when the message names one.
    public var unit: String?
    /// The file (`intents/examples/dev.jsonl`) and 1-based line it came from.
    public var file: String
    /// The 1-based line in `file`.
    public var line: Int

    /// An example; `file` and `line` say where it was read.
    public init(
        text: String, intent: String, lang: String? = nil, hard: Bool = false, unit: String? = nil,
        file: String = "", line: Int = 0
    ) {
        self.text = text
        self.intent = intent
        self.lang = lang
        self.hard = hard
        self.unit = unit
        self.file = file
        self.line = line
    }
}

/// How the learned layer is trained and blended with the rules (`intents/learning.json`).
public struct LearningSettings: Sendable, Equatable {
    /// Additive smoothing of the naive-Bayes counts.
    public var alpha: Double = 0.1
    /// A rule score counts as `min(score, ruleCap) / ruleScale` in the blend.
    public var ruleScale: Double = 5
    /// The largest rule score that still counts more.
    public var ruleCap: Double = 15
    /// The weight of the learned posterior (0…1) in the blend.
    public var weight: Double = 1
    /// The summed log-likelihoods are divided by this before the posteriors are formed (naive Bayes is
    /// overconfident: its features are not independent).
    public var temperature: Double = 1
    /// Features seen fewer times than this in all the examples are not learned.
    public var minimumCount = 2
    /// The learned layer speaks only when at least this many features of the message were seen in the examples.
    public var minimumFeatures = 2
    /// Below this blended value the message is not understood (fallback).
    public var threshold: Double = 0.35
    /// A rules' winner that leads the second by this many points decides alone (the learned layer is not asked;
    /// from `rule_scale × weight` on it could not change the decision anyway).
    public var clearLead: Double = 5
    /// The posterior the learned layer needs to overturn a rules' winner for an intent no rule spoke for.
    public var overturn: Double = 0
    /// A rules' winner with at least this score is not overturned by an intent no rule spoke for.
    public var holdScore: Double = 3
    /// A rules' winner named by such a word ("我要投诉") that leads the rules' second by at least this many points is not
    /// overturned by the examples for another intent the rules read too (an intent in `needs_rule` still can be).
    public var holdLead: Double = 100
    /// The weight of a keyword that names the desk outright ("我要投诉"): see `holdLead`.
    public var explicitScore: Double = 100
    /// The same when no rule spoke at all: the examples alone must be surer.
    public var silentThreshold: Double = 0.6
    /// Intents the learned layer never picks unless a rule gave them a positive score (emergency: a hazard
    /// must have been named).
    public var needsRule: [String] = ["emergency"]
    /// The rule score (penalties included) an intent in `needsRule` needs before the learned layer may pick it: a
    /// hazard word its near-miss words all but cancel ("油漆味…天那水味很浓" from a neighbour's renovation) is not enough.
    public var needsRuleScore: Double = 0
    /// Intents whose rules decide alone once their score reaches the value and leads (a hazard rule that fired:
    /// safety is not left to statistics).
    public var authoritative: [String: Double] = ["emergency": 4]
    /// Off: the rules decide alone (for measuring what the learned layer adds).
    public var enabled = true

    /// The defaults.
    public init() {}
}

extension CatalogLoader {
    static let exampleKeys = ["text", "intent", "lang", "hard", "unit", "phone", "note"]
    static let exampleLanguages = ["zh-Hans", "zh-Hant", "en", "mixed"]
    static let learningKeys = [
        "version", "description", "alpha", "rule_scale", "rule_cap", "weight", "temperature", "threshold",
        "silent_threshold", "clear_lead", "hold_score", "explicit_score", "hold_lead", "overturn", "needs_rule",
        "needs_rule_score",
        "authoritative", "minimum_features", "minimum_count", "enabled",
    ]

    /// Reads every `examples/*.jsonl` file (sorted by name); every bad line is reported with its line number.
    mutating func loadExamples() -> [LabeledExample] {
        let folder = displayName("examples")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var result: [LabeledExample] = []
        for name in names.sorted() {
            let path = folder + "/" + name
            guard name.hasSuffix(".jsonl") else {
                diagnostics.append(Diagnostic(file: path, path: "", message: "unknown file: examples are .jsonl files"))
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                diagnostics.append(Diagnostic(file: path, path: "", message: "file not readable"))
                continue
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                diagnostics.append(Diagnostic(file: path, path: "", message: "not valid UTF-8"))
                continue
            }
            result += parseExamples(text, file: path)
        }
        return result
    }

    /// The examples of one JSON-lines text; blank lines are skipped.
    mutating func parseExamples(_ text: String, file: String) -> [LabeledExample] {
        var result: [LabeledExample] = []
        var reader = ContentReader(file: file)
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let at = "line \(lineNumber)"
            let value: JSON
            do {
                value = try JSON.parse(Data(line.utf8))
            } catch {
                reader.report("\(at), column \(error.column)", error.message)
                continue
            }
            guard let object = reader.object(value, at: at, allowed: Self.exampleKeys) else { continue }
            guard let message = reader.string(object, "text", at: at),
                let intent = reader.string(object, "intent", at: at)
            else { continue }
            if message.isEmpty { reader.report("\(at).text", "empty message") }
            guard Self.canonicalIntents.contains(intent) else {
                reader.report("\(at).intent", ContentMessages.unknownValue(intent, allowed: Self.canonicalIntents))
                continue
            }
            let lang = reader.string(object, "lang", at: at, required: false)
            if let lang, !Self.exampleLanguages.contains(lang) {
                reader.report("\(at).lang", ContentMessages.unknownValue(lang, allowed: Self.exampleLanguages))
            }
            let hard = reader.bool(object, "hard", at: at) ?? false
            let unit = reader.string(object, "unit", at: at, required: false)
            _ = reader.string(object, "phone", at: at, required: false)
            _ = reader.string(object, "note", at: at, required: false)
            if message.isEmpty { continue }
            result.append(
                LabeledExample(
                    text: message, intent: intent, lang: lang, hard: hard, unit: unit, file: file, line: lineNumber))
        }
        diagnostics += reader.diagnostics
        return result
    }

    /// Reads `learning.json` (optional: the defaults when it is missing).
    mutating func loadLearning() -> LearningSettings {
        var settings = LearningSettings()
        readFile("learning.json", allowed: Self.learningKeys, required: false, empty: ()) { object, reader in
            Self.learning(object, &reader, into: &settings)
        }
        return settings
    }

    static func learning(_ object: JSONObject, _ reader: inout ContentReader, into settings: inout LearningSettings) {
        func positive(_ key: String, _ current: Double, upTo limit: Double = .infinity) -> Double {
            guard let value = reader.number(object, key, at: "", required: false) else { return current }
            guard value > 0, value <= limit else {
                reader.report(
                    key, "expected a number above 0\(limit.isFinite ? " and at most \(limit)" : ""), got \(value)")
                return current
            }
            return value
        }
        settings.alpha = positive("alpha", settings.alpha)
        settings.ruleScale = positive("rule_scale", settings.ruleScale)
        settings.ruleCap = positive("rule_cap", settings.ruleCap)
        settings.weight = positive("weight", settings.weight, upTo: 10)
        settings.threshold = positive("threshold", settings.threshold, upTo: 10)
        settings.temperature = positive("temperature", settings.temperature, upTo: 100)
        settings.silentThreshold = positive("silent_threshold", settings.silentThreshold, upTo: 10)
        settings.clearLead = positive("clear_lead", settings.clearLead, upTo: 100)
        settings.holdScore = positive("hold_score", settings.holdScore, upTo: 100)
        settings.holdLead = positive("hold_lead", settings.holdLead, upTo: 100)
        settings.explicitScore = positive("explicit_score", settings.explicitScore, upTo: 100)
        settings.needsRuleScore = positive("needs_rule_score", settings.needsRuleScore, upTo: 100)
        settings.overturn = positive("overturn", settings.overturn, upTo: 1)
        settings.enabled = reader.bool(object, "enabled", at: "") ?? true
        func whole(_ key: String, _ current: Int, from low: Int) -> Int {
            guard let value = reader.number(object, key, at: "", required: false) else { return current }
            guard value >= Double(low), value <= 1000, value == value.rounded() else {
                reader.report(key, "expected a whole number from \(low) to 1000, got \(value)")
                return current
            }
            return Int(value)
        }
        settings.minimumCount = whole("minimum_count", settings.minimumCount, from: 1)
        settings.minimumFeatures = whole("minimum_features", settings.minimumFeatures, from: 0)
        if let list = object["needs_rule"] {
            let names = reader.strings(list, at: "needs_rule")
            for (index, name) in names.enumerated() where !Self.canonicalIntents.contains(name) {
                reader.report(
                    "needs_rule[\(index)]", ContentMessages.unknownValue(name, allowed: Self.canonicalIntents))
            }
            settings.needsRule = names.filter { Self.canonicalIntents.contains($0) }
        }
        if let value = object["authoritative"] {
            if let map = value.object {
                var result: [String: Double] = [:]
                for (name, score) in map {
                    guard Self.canonicalIntents.contains(name) else {
                        reader.report(
                            "authoritative.\(name)", ContentMessages.unknownValue(name, allowed: Self.canonicalIntents))
                        continue
                    }
                    guard let number = score.number, number > 0 else {
                        reader.report("authoritative.\(name)", ContentMessages.expected("a number above 0", score))
                        continue
                    }
                    result[name] = number
                }
                settings.authoritative = result
            } else {
                reader.report("authoritative", ContentMessages.expected("an object", value))
            }
        }
    }
}
