import Foundation
import FrontDeskContent
import FrontDeskMatching
import FrontDeskModel

/// `entities [SECONDS] [--passes N] [--each]`: entity extraction over typical normalized messages, messages
/// per second on one core (median of 5 rounds). `--passes N` runs exactly N passes over the corpus and
/// prints nothing timed (for callgrind); `--each` also reports nanoseconds per corpus message.
func benchEntities(_ args: [String]) -> Int32 {
    // Typical normalized messages: `entities` of bench/corpus.json.
    guard let messages = BenchCorpus.loadOrReport("entities")?.entities else { return 1 }
    // The words of intents/entities.json (run from the repository root).
    let catalog: Catalog
    do { catalog = try Catalog.load(directory: "intents") } catch {
        FileHandle.standardError.write(Data("frontdesk-bench: intents/ does not load:\n\(error)\n".utf8))
        return 1
    }
    let extractor = EntityExtractor(words: catalog.entities)
    let now = Date(timeIntervalSince1970: 1_795_312_800)
    var checksum = 0
    func pass(_ list: [String]) {
        for message in list {
            let found = extractor.extract(from: message, now: now, utcOffset: 28_800)
            checksum &+= found.unit?.utf8.count ?? 0
        }
    }
    if let k = args.firstIndex(of: "--passes") {
        let passes = k + 1 < args.count ? Int(args[k + 1]) ?? 1000 : 1000
        for _ in 0..<passes { pass(messages) }
        print("entities: \(passes * messages.count) messages (\(checksum))")
        return 0
    }
    let seconds = Double(args.first { !$0.hasPrefix("--") } ?? "") ?? 2
    func rate(_ list: [String], _ seconds: Double) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        var count = 0
        while Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 < seconds {
            for _ in 0..<100 { pass(list) }
            count += 100 * list.count
        }
        return Double(count) / (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    var rates = (0..<5).map { _ in rate(messages, seconds / 5) }
    rates.sort()
    let median = rates[2]
    print(
        "entities: median of 5 = \(Int(median)) msg/s, \(String(format: "%.0f", 1e9 / median)) ns/msg"
            + " (min \(Int(rates[0])), max \(Int(rates[4]))) (\(checksum))")
    if args.contains("--each") {
        for message in messages {
            let r = rate([message], 0.2)
            print(String(format: "%8.0f ns  ", 1e9 / r) + message)
        }
    }
    return 0
}

/// `estate-load FILE [RUNS]`: time to load and validate an estate file (generate one with scripts/gen_estate.py).
func benchEstateLoad(_ args: [String]) -> Int32 {
    guard let path = args.first else {
        FileHandle.standardError.write(Data("usage: frontdesk-bench estate-load FILE [RUNS]\n".utf8))
        return 2
    }
    let runs = Int(args.dropFirst().first ?? "") ?? 10
    var best = Double.infinity
    var units = 0
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            units = try Estate.load(path: path).units.count
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return 1
        }
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    print("estate-load: \(units) units, best of \(runs): \(String(format: "%.1f", best)) ms")
    return 0
}
