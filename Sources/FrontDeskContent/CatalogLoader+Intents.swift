import Foundation
import FrontDeskModel

extension CatalogLoader {
    /// Reads `<name>.json`; `fallback.json` also carries `threshold` and `margin`.
    mutating func loadIntent(_ name: String, settings: inout MatchSettings) -> IntentDefinition? {
        let file = "\(name).json"
        guard let json = parse(file) else { return nil }
        var reader = ContentReader(file: displayName(file))
        defer { diagnostics += reader.diagnostics }
        let allowed = name == "fallback" ? Self.intentKeys + ["threshold", "margin"] : Self.intentKeys
        guard let root = reader.object(json, at: "", allowed: allowed) else { return nil }
        reader.version(root, supported: Self.supportedVersion)
        if let declared = reader.string(root, "intent", at: ""), declared != name {
            reader.report("intent", "expected '\(name)' (the file name), got '\(declared)'")
        }
        var intent = IntentDefinition(name: name)
        intent.description = reader.string(root, "description", at: "", required: false) ?? ""
        intent.priority = reader.number(root, "priority", at: "", required: false).map { Int($0) } ?? 0
        intent.smallTalk = reader.bool(root, "small_talk", at: "") ?? false
        intent.categoryWeight = reader.number(root, "category_weight", at: "", required: false) ?? 0
        if let value = root["slots"] {
            intent.slots = reader.strings(value, at: "slots")
            for (index, slot) in intent.slots.enumerated() where !Self.knownSlots.contains(slot) {
                reader.report(
                    "slots[\(index)]",
                    ContentMessages.unknownKey(slot, allowed: Self.knownSlots)
                        .replacingOccurrences(of: "unknown key", with: "unknown slot"))
            }
        }
        intent.keywords = keywordGroups(root["keywords"], at: "keywords", reader: &reader)
        intent.negatives = negatives(root["negatives"], reader: &reader)
        if let value = root["categories"] {
            if let object = value.object {
                for (category, body) in object {
                    let path = "categories.\(category)"
                    guard let fields = reader.object(body, at: path, allowed: ["keywords", "attributes", "place"]) else {
                        continue
                    }
                    let keywords = keywordGroups(fields["keywords"], at: "\(path).keywords", reader: &reader)
                    let attributes = stringMap(fields["attributes"], at: "\(path).attributes", reader: &reader)
                    let place = reader.bool(fields, "place", at: path) ?? false
                    intent.categories.append(
                        CategoryDefinition(name: category, keywords: keywords, attributes: attributes, place: place))
                }
            } else {
                reader.report("categories", ContentMessages.expected("an object", value))
            }
        }
        if let category = reader.string(root, "default_category", at: "", required: false) {
            if intent.categories.contains(where: { $0.name == category }) {
                intent.defaultCategory = category
            } else {
                reader.report("default_category", "'\(category)' is not one of this intent's categories")
            }
        }
        intent.cooccurrences = cooccurrences(root["cooccur"], reader: &reader)
        for (index, rule) in intent.cooccurrences.enumerated() {
            if let category = rule.category, !intent.categories.contains(where: { $0.name == category }) {
                reader.report("cooccur[\(index)].category", "'\(category)' is not one of this intent's categories")
            }
        }
        intent.intensifiers = intensifiers(root["intensifiers"], reader: &reader)
        if name == "fallback" {
            settings.threshold = reader.number(root, "threshold", at: "") ?? settings.threshold
            settings.margin = reader.number(root, "margin", at: "") ?? settings.margin
        }
        return intent
    }

    mutating func negatives(_ value: JSON?, reader: inout ContentReader) -> [NegativeKeyword] {
        guard let value else { return [] }
        guard let array = value.array else {
            reader.report("negatives", ContentMessages.expected("an array", value))
            return []
        }
        var result: [NegativeKeyword] = []
        for (index, element) in array.enumerated() {
            let path = "negatives[\(index)]"
            guard let object = reader.object(element, at: path, allowed: ["words", "effect", "weight", "note"]) else {
                continue
            }
            let words = wordList(object["words"], at: "\(path).words", reader: &reader)
            var effect = NegativeEffect.veto
            if let text = reader.string(object, "effect", at: path, required: false) {
                if let parsed = NegativeEffect(rawValue: text) {
                    effect = parsed
                } else {
                    reader.report("\(path).effect", "expected \"veto\" or \"penalty\", got \"\(text)\"")
                }
            }
            let weight = reader.number(object, "weight", at: path, required: effect == .penalty) ?? 0
            result += words.map { NegativeKeyword(text: $0, effect: effect, weight: weight) }
        }
        return result
    }

    /// `"cooccur": [{"with": ["@appliance"], "and": ["@noise"], "within": 8, "weight": 2}]`; a negative weight counts
    /// the pair against the intent; `"category": "gas"` names the category the pair stands for. A `"note"` (here and
    /// in `negatives`) says what the rule means for the next content editor; the engine does not read it.
    mutating func cooccurrences(_ value: JSON?, reader: inout ContentReader) -> [CooccurrenceRule] {
        guard let value else { return [] }
        guard let array = value.array else {
            reader.report("cooccur", ContentMessages.expected("an array", value))
            return []
        }
        var result: [CooccurrenceRule] = []
        for (index, element) in array.enumerated() {
            let path = "cooccur[\(index)]"
            guard let object = reader.object(element, at: path, allowed: ["with", "and", "within", "weight", "category", "note"]) else {
                continue
            }
            let with = wordList(object["with"], at: "\(path).with", reader: &reader)
            let and = wordList(object["and"], at: "\(path).and", reader: &reader)
            let within = reader.number(object, "within", at: path) ?? 0
            if !(within >= 0 && within <= 200) {
                reader.report("\(path).within", "expected a distance from 0 to 200 characters, got \(within)")
            }
            let weight = reader.number(object, "weight", at: path) ?? 0
            // A negative weight is a pair that speaks against the intent: trapped, then out of the lift.
            if !(weight != 0 && abs(weight) <= 100) {
                reader.report("\(path).weight", "expected a weight from -100 to 100 other than 0, got \(weight)")
            }
            let category = reader.string(object, "category", at: path, required: false)
            result.append(CooccurrenceRule(with: with, and: and, within: Int(within), weight: weight, category: category))
        }
        return result
    }

    /// `"intensifiers": [{"words": ["大量", "pouring"], "factor": 1.5}]`.
    mutating func intensifiers(_ value: JSON?, reader: inout ContentReader) -> [Intensifier] {
        guard let value else { return [] }
        guard let array = value.array else {
            reader.report("intensifiers", ContentMessages.expected("an array", value))
            return []
        }
        var result: [Intensifier] = []
        for (index, element) in array.enumerated() {
            let path = "intensifiers[\(index)]"
            guard let object = reader.object(element, at: path, allowed: ["words", "factor"]) else { continue }
            let words = wordList(object["words"], at: "\(path).words", reader: &reader)
            let factor = reader.number(object, "factor", at: path) ?? 1
            if !(factor > 1 && factor <= 10) {
                reader.report("\(path).factor", "expected a factor above 1 and at most 10, got \(factor)")
            }
            result.append(Intensifier(words: words, factor: factor))
        }
        return result
    }

    mutating func stringMap(_ value: JSON?, at path: String, reader: inout ContentReader) -> [String: String] {
        guard let value else { return [:] }
        guard let object = value.object else {
            reader.report(path, ContentMessages.expected("an object", value))
            return [:]
        }
        var result: [String: String] = [:]
        for (key, member) in object {
            if let text = member.string {
                result[key] = text
            } else {
                reader.report("\(path).\(key)", ContentMessages.expected("a string", member))
            }
        }
        return result
    }

    /// Reads `faq.json`: topics with keywords and answers in zh-Hans and en (zh-Hant optional).
    mutating func loadFAQ() -> [FAQTopic] {
        guard let json = parse("faq.json") else { return [] }
        var reader = ContentReader(file: displayName("faq.json"))
        defer { diagnostics += reader.diagnostics }
        guard let root = reader.object(json, at: "", allowed: ["version", "description", "topics"]) else { return [] }
        reader.version(root, supported: Self.supportedVersion)
        _ = reader.string(root, "description", at: "", required: false)
        guard let topics = root["topics"]?.array else {
            reader.report(
                "topics", root["topics"].map { ContentMessages.expected("an array", $0) } ?? ContentMessages.missing)
            return []
        }
        var result: [FAQTopic] = []
        for (index, element) in topics.enumerated() {
            let path = "topics[\(index)]"
            guard let object = reader.object(element, at: path, allowed: ["id", "keywords", "answer"]) else { continue }
            let id = reader.string(object, "id", at: path) ?? "topic\(index)"
            let keywords = keywordGroups(object["keywords"], at: "\(path).keywords", reader: &reader)
            var answers: [Language: String] = [:]
            if let value = object["answer"],
                let answer = reader.object(value, at: "\(path).answer", allowed: ["zh-Hans", "zh-Hant", "en"])
            {
                for language in Language.allCases {
                    let required = language != .zhHant
                    answers[language] = reader.string(
                        answer, language.rawValue, at: "\(path).answer", required: required)
                }
            } else if object["answer"] == nil {
                reader.report("\(path).answer", ContentMessages.missing)
            }
            if result.contains(where: { $0.id == id }) { reader.report("\(path).id", "duplicate topic id '\(id)'") }
            result.append(FAQTopic(id: id, keywords: keywords, answers: answers))
        }
        return result
    }
}
