import Foundation
import FrontDeskContent
import FrontDeskMatching
import FrontDeskModel

/// `frontdesk-bench peers --corpus PATH --spec PATH --runs N --limit N`: the outside-engine contract of
/// the shared peer benchmark. Builds our matcher from the neutral `keywords.json` (weights, veto
/// negatives, priority, `min_score`), times `runs` passes that label every line into an array, and
/// prints `{"n","build_s","runs_s","labels"}` as the last stdout line.
func peersBenchmark(_ argv: [String]) -> Int32 {
    let options = BenchOptions(argv)
    guard let corpusPath = options.values["--corpus"], let specPath = options.values["--spec"] else {
        FileHandle.standardError.write(
            Data("usage: frontdesk-bench peers --corpus PATH --spec PATH [--runs N] [--limit N]\n".utf8))
        return 2
    }
    let runs = max(1, options.int("--runs", 3))
    let limit = options.int("--limit", 0)
    guard let corpusData = FileManager.default.contents(atPath: corpusPath),
        let corpusText = String(validating: corpusData, as: UTF8.self)
    else {
        FileHandle.standardError.write(Data("cannot read corpus \(corpusPath) as UTF-8\n".utf8))
        return 1
    }
    var lines = corpusText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    if limit > 0, lines.count > limit { lines = Array(lines.prefix(limit)) }

    let buildStart = DispatchTime.now()
    guard let data = FileManager.default.contents(atPath: specPath), let spec = try? JSON.parse(data),
        let matcher = PeerSpec.matcher(from: spec)
    else {
        FileHandle.standardError.write(Data("cannot read the spec \(specPath)\n".utf8))
        return 1
    }
    let buildSeconds = seconds(since: buildStart)
    for line in lines.prefix(1_000) { _ = matcher.intentLabel(line) }
    var times: [Double] = []
    var labels: [String] = []
    for _ in 0..<runs {
        let start = DispatchTime.now()
        var pass: [String] = []
        pass.reserveCapacity(lines.count)
        for line in lines { pass.append(matcher.intentLabel(line)) }
        times.append(seconds(since: start))
        labels = pass
    }
    var object = JSONObject()
    object.append("n", .number(Double(lines.count)))
    object.append("build_s", .number(buildSeconds))
    object.append("runs_s", .array(times.map(JSON.number)))
    object.append("labels", .array(labels.map(JSON.string)))
    print(JSON.object(object).serialized)
    return 0
}

private func seconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

/// Turns the neutral benchmark spec into our intent definitions.
enum PeerSpec {
    static func matcher(from spec: JSON) -> Matcher? {
        guard let intents = spec["intents"]?.object, let priority = spec["priority"]?.array?.compactMap(\.string)
        else { return nil }
        let fallback = spec["fallback"]?.string ?? "fallback"
        var definitions: [IntentDefinition] = []
        for (name, body) in intents {
            var definition = IntentDefinition(name: name)
            let rank = priority.firstIndex(of: name) ?? priority.count
            definition.priority = priority.count - rank
            for (_, words) in body["keywords"]?.object ?? JSONObject() {
                for (word, weight) in words.object ?? JSONObject() {
                    definition.keywords.append(Keyword(text: word, weight: weight.number ?? 1))
                }
            }
            for (_, words) in body["negative"]?.object ?? JSONObject() {
                let list = words.array?.compactMap(\.string) ?? (words.object?.keys ?? [])
                definition.negatives += list.map { NegativeKeyword(text: $0, effect: .veto, weight: 0) }
            }
            definitions.append(definition)
        }
        definitions.append(IntentDefinition(name: fallback))
        let settings = MatchSettings(threshold: spec["min_score"]?.number ?? 0.5, margin: 0)
        return Matcher(intents: definitions, settings: settings, han: hanTable())
    }

    /// `intents/hant-hans.txt` in the working directory or a parent of the binary, else ICU.
    static func hanTable() -> HanConversion {
        var candidates = ["intents"]
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(directory.appendingPathComponent("intents").path)
            directory = directory.deletingLastPathComponent()
        }
        for candidate in candidates {
            if let table = try? Catalog.loadHanTable(directory: candidate) { return table }
        }
        return HanConversion.fromICU()
    }
}
