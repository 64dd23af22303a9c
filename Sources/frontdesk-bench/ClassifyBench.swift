import Foundation
import FrontDeskContent
import FrontDeskMatching
import FrontDeskModel

/// `frontdesk-bench classify [--n 100000] [--passes 5] [--intents DIR]`: label-only classification
/// throughput over a seeded corpus of resident-like messages (zh-Hans, zh-Hant, English).
func classifyBenchmark(_ argv: [String]) -> Int32 {
    let options = BenchOptions(argv)
    let n = options.int("--n", 100_000)
    let passes = options.int("--passes", 5)
    let directory = options.string("--intents", "intents")
    let loadStart = DispatchTime.now()
    let catalog: Catalog
    do { catalog = try Catalog.load(directory: directory) } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        return 1
    }
    let loaded = DispatchTime.now()
    let matcher = Matcher(catalog: catalog)
    let compiled = DispatchTime.now()
    let corpus = MessageCorpus.generate(count: n, seed: 42)
    let chars = corpus.reduce(0) { $0 + $1.count }
    print("corpus: \(corpus.count) messages, mean \(String(format: "%.1f", Double(chars) / Double(corpus.count))) chars")
    print("load intents: \(ms(loadStart, loaded)) ms, compile matcher: \(ms(loaded, compiled)) ms (\(matcher.size.patterns) keywords, \(matcher.size.states) states)")
    var counts: [String: Int] = [:]
    for message in corpus.prefix(2_000) { counts[matcher.intentLabel(message), default: 0] += 1 }
    var rates: [Double] = []
    for pass in 1...passes {
        let start = DispatchTime.now()
        var checksum = 0
        for message in corpus { checksum &+= matcher.intentLabel(message).utf8.count }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        rates.append(Double(corpus.count) / seconds)
        print("pass \(pass): \(String(format: "%.3f", seconds)) s, \(Int(rates.last!)) messages/s (checksum \(checksum))")
    }
    let full = DispatchTime.now()
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    for message in corpus.prefix(20_000) { _ = matcher.classify(message, now: now, utcOffset: 28_800) }
    let fullRate = 20_000 / (Double(DispatchTime.now().uptimeNanoseconds - full.uptimeNanoseconds) / 1e9)
    let median = rates.sorted()[rates.count / 2]
    print("labels on the first 2000: " + counts.sorted { $0.value > $1.value }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
    print("full classify() with hits and entities: \(Int(fullRate)) messages/s")
    print("classify (label) median of \(passes) passes: \(Int(median)) messages/s")
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
