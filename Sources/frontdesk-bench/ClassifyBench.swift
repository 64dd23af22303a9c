import Foundation
import FrontDeskContent
import FrontDeskMatching
import FrontDeskModel

/// `frontdesk-bench classify [--n 100000] [--passes 5] [--intents DIR] [--only label|full|bare]`: classification
/// throughput over a seeded corpus of resident-like messages (zh-Hans, zh-Hant, English), median of the passes:
/// the label-only fast path, the full `classify()` (hits, categories, acts, language, normalized text and
/// entities), and the full path without entity extraction (`bare`; entities are measured by `entities`).
func classifyBenchmark(_ argv: [String]) -> Int32 {
    let options = BenchOptions(argv)
    let n = options.int("--n", 100_000)
    let passes = options.int("--passes", 5)
    let directory = options.string("--intents", "intents")
    let only = options.string("--only", "all")
    let loadStart = DispatchTime.now()
    let catalog: Catalog
    do { catalog = try Catalog.load(directory: directory) } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        return 1
    }
    let loaded = DispatchTime.now()
    let matcher = Matcher(catalog: catalog)
    let compiled = DispatchTime.now()
    guard let words = BenchCorpus.loadOrReport("classify") else { return 1 }
    let corpus = MessageCorpus.generate(count: n, seed: 42, words: words.classify)
    let chars = corpus.reduce(0) { $0 + $1.count }
    print(
        "corpus: \(corpus.count) messages, mean \(String(format: "%.1f", Double(chars) / Double(corpus.count))) chars")
    print(
        "load intents: \(ms(loadStart, loaded)) ms, compile matcher: \(ms(loaded, compiled)) ms (\(matcher.size.patterns) keywords, \(matcher.size.states) states)"
    )
    var counts: [String: Int] = [:]
    var blended = 0
    for message in corpus.prefix(2_000) {
        counts[matcher.intentLabel(message), default: 0] += 1
        if matcher.classify(message, now: Date(timeIntervalSince1970: 0), utcOffset: 0).learned?.decided == true {
            blended += 1
        }
    }
    print("the learned layer was asked for \(blended) of the first 2000")
    print(
        "labels on the first 2000: "
            + counts.sorted { $0.value > $1.value }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let variants: [(name: String, title: String, run: (String) -> Int)] = [
        ("label", "label only (intentLabel)", { matcher.intentLabel($0).utf8.count }),
        (
            "full", "full classify()",
            {
                let result = matcher.classify($0, now: now, utcOffset: 28_800)
                return result.intent.utf8.count &+ (result.entities.unit?.utf8.count ?? 0)
            }
        ),
        (
            "bare", "full classify() without entities",
            {
                matcher.classify($0, now: now, utcOffset: 28_800, extractingEntities: false).intent.utf8.count
            }
        ),
    ]
    var medians: [(String, Int, Int)] = []
    for variant in variants where only == "all" || only == variant.name {
        var rates: [Double] = []
        var cpuRates: [Double] = []
        for pass in 1...passes {
            let start = DispatchTime.now()
            let cpuStart = cpuSeconds()
            var checksum = 0
            for message in corpus { checksum &+= variant.run(message) }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            let cpu = cpuSeconds() - cpuStart
            rates.append(Double(corpus.count) / seconds)
            cpuRates.append(Double(corpus.count) / max(cpu, 1e-9))
            print(
                "\(variant.name) pass \(pass): \(String(format: "%.3f", seconds)) s, \(Int(rates.last!)) messages/s, \(Int(cpuRates.last!)) messages/CPU-s (checksum \(checksum))"
            )
        }
        medians.append(
            (variant.title, Int(rates.sorted()[rates.count / 2]), Int(cpuRates.sorted()[cpuRates.count / 2])))
    }
    for (title, median, _) in medians {
        print("classify, \(title), median of \(passes) passes: \(median) messages/s")
    }
    // CPU time (getrusage, the whole process: one thread here) leaves out the time another job held the core.
    for (title, _, cpuMedian) in medians {
        print("classify, \(title), median of \(passes) passes by CPU time: \(cpuMedian) messages/CPU-s")
    }
    return 0
}

func ms(_ a: DispatchTime, _ b: DispatchTime) -> String {
    String(format: "%.1f", Double(b.uptimeNanoseconds - a.uptimeNanoseconds) / 1e6)
}

/// `--name value` options of a benchmark.
struct BenchOptions {
    var values: [String: String] = [:]
    init(_ argv: [String]) {
        var i = 0
        while i < argv.count {
            if argv[i].hasPrefix("--"), i + 1 < argv.count {
                values[argv[i]] = argv[i + 1]
                i += 2
            } else {
                i += 1
            }
        }
    }
    func int(_ name: String, _ fallback: Int) -> Int { values[name].flatMap { Int($0) } ?? fallback }
    func string(_ name: String, _ fallback: String) -> String { values[name] ?? fallback }
}

/// `frontdesk-bench gen-hant-hans`: prints the Traditional → Simplified table for `intents/hant-hans.txt`.
func generateHanTable(_ argv: [String]) -> Int32 {
    print(HanConversion.fromICU().tableText(), terminator: "")
    return 0
}
