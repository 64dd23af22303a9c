import Foundation
import FrontDeskContent
import FrontDeskMatching
import FrontDeskModel

/// `frontdesk classify`: each stdin line → intent, confidence and entities (stateless).
struct ClassifyCommand: Subcommand {
    static let name = "classify"
    static let summary = "classify each input line: intent, confidence, entities"
    static let spec = ArgumentSpec([
        .json.help(#"{"text","intent","confidence","entities":{…}} per line (with --explain also "hits")"#),
        .flag("--explain", "also show each keyword that fired, its target and weight"),
        .intents, .estate,
        .now.help("fixed clock for the dates and times read from the messages"),
    ])
    static let usage = Usage.text(
        command: name, synopses: [("", nil)],
        about: """
            Reads messages from stdin, one per line, and prints one result per line: in text mode
            intent<TAB>confidence<TAB>entities.
            """,
        spec: spec)

    static func run(_ arguments: Arguments, console: Console) throws -> Int32 {
        let workspace = try Workspace(arguments)
        let catalog = try workspace.catalog()
        let matcher = Matcher(catalog: catalog)
        let utcOffset = estateOffset(workspace)
        let json = arguments.has("--json")
        let explain = arguments.has("--explain")
        var lineNumber = 0
        var output = ""
        LineReader.forEachLine(fd: 0) { bytes in
            lineNumber += 1
            guard let text = String(validating: bytes, as: UTF8.self) else {
                let message = ClassifyMessages.invalidUTF8(line: lineNumber)
                output += json ? #"{"text":null,"error":"\#(message)"}"# + "\n" : "error\t\(message)\n"
                return
            }
            let result = matcher.classify(text, now: workspace.clock.now(), utcOffset: utcOffset)
            output += json ? jsonLine(result, explain: explain) : textLine(result, explain: explain)
            if output.utf8.count > 64 * 1024 {
                console.out(output)
                output = ""
            }
        }
        console.out(output)
        return 0
    }

    /// The estate's UTC offset when its file loads, else Shanghai's (classify never fails on the estate).
    static func estateOffset(_ workspace: Workspace) -> Int {
        (try? workspace.estate())?.utcOffset ?? 28_800
    }

    static func textLine(_ result: Classification, explain: Bool) -> String {
        var line = "\(result.intent)\t\(String(format: "%.2f", result.confidence))\t\(entitiesText(result.entities))"
        if !result.ambiguous.isEmpty { line += "\tambiguous:" + result.ambiguous.joined(separator: "|") }
        if let category = result.categories[result.intent] { line += "\tcategory:\(category)" }
        line += "\n"
        if explain {
            for hit in result.hits {
                line += "  \(hit.keyword)\t\(hit.target)\t\(formatWeight(hit.weight))\n"
            }
            let scores = result.scores.map { "\($0.intent)=\(formatWeight($0.score))" }.joined(separator: " ")
            line += "  scores: \(scores.isEmpty ? "none" : scores)\n"
            if let learned = result.learned {
                for hit in learned.features {
                    line += "  \(hit.keyword)\t\(hit.target)\t\(formatWeight(hit.weight))\n"
                }
                let posteriors = learned.posteriors.prefix(4).map { "\($0.intent)=\(formatWeight($0.probability))" }
                line +=
                    "  learned\(learned.decided ? "" : " (not used: the rules decided)"): "
                    + posteriors.joined(separator: " ") + "\n"
            }
        }
        return line
    }

    static func jsonLine(_ result: Classification, explain: Bool) -> String {
        var object = JSONObject()
        object.append("text", .string(result.text))
        object.append("intent", .string(result.intent))
        object.append("confidence", .number(result.confidence))
        object.append("entities", result.entities.json)
        object.append("lang", .string(result.language.rawValue))
        if let category = result.categories[result.intent] { object.append("category", .string(category)) }
        if !result.ambiguous.isEmpty { object.append("ambiguous", .array(result.ambiguous.map(JSON.string))) }
        if !result.acts.isEmpty { object.append("acts", .array(result.acts.map(\.rawValue).sorted().map(JSON.string))) }
        if explain {
            let hits = result.hits.map { hit -> JSON in
                .object(
                    JSONObject([
                        ("keyword", .string(hit.keyword)), ("target", .string(hit.target)),
                        ("weight", .number(hit.weight)),
                    ]))
            }
            object.append("hits", .array(hits))
            let scores = result.scores.map { entry -> JSON in
                .object(JSONObject([("intent", .string(entry.intent)), ("score", .number(entry.score))]))
            }
            object.append("scores", .array(scores))
            if let learned = result.learned {
                let posteriors = learned.posteriors.map { entry -> JSON in
                    .object(JSONObject([("intent", .string(entry.intent)), ("p", .number(entry.probability))]))
                }
                let features = learned.features.map { hit -> JSON in
                    .object(
                        JSONObject([
                            ("feature", .string(hit.keyword)), ("target", .string(hit.target)),
                            ("weight", .number(hit.weight)),
                        ]))
                }
                object.append(
                    "learned",
                    .object(
                        JSONObject([
                            ("decided", .bool(learned.decided)), ("posteriors", .array(posteriors)),
                            ("features", .array(features)),
                        ])))
            }
        }
        return JSON.object(object).serialized + "\n"
    }

    static func entitiesText(_ entities: Entities) -> String {
        var parts: [String] = []
        if let unit = entities.unit { parts.append("unit=\(unit)") }
        if let phone = entities.phone { parts.append("phone=\(phone)") }
        if let date = entities.date { parts.append("date=\(date)") }
        if let time = entities.timeOfDay { parts.append("time=\(time)") }
        if let days = entities.durationDays { parts.append("duration_days=\(days)") }
        if let count = entities.count { parts.append("count=\(count)") }
        if let id = entities.recordID { parts.append("record_id=\(id)") }
        return parts.isEmpty ? "-" : parts.joined(separator: " ")
    }

    static func formatWeight(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%g", value)
    }
}

/// Messages of `classify`, declared in one place.
enum ClassifyMessages {
    static func invalidUTF8(line: Int) -> String { "invalid UTF-8 on input line \(line)" }
}
