import Foundation
import FrontDeskContent
import FrontDeskJournal
import FrontDeskMatching

/// `frontdesk-bench startup [--intents DIR] [--estate FILE] [--runs N]`: what a command does before
/// its first message — load and validate `intents/`, compile the matcher, load the estate, open
/// the journal — timed in process; prints the median and the slowest of N runs (target ≤ 200 ms
/// with a 5,000-unit estate: `python3 scripts/gen_estate.py --units 5000 --out /tmp/estate-5000.json`).
func startupBenchmark(_ args: [String]) -> Int32 {
    var intents = "intents"
    var estatePath = "estate/sample.json"
    var runs = 15
    var i = 0
    while i + 1 < args.count {
        switch args[i] {
        case "--intents": intents = args[i + 1]
        case "--estate": estatePath = args[i + 1]
        case "--runs": runs = Int(args[i + 1]) ?? runs
        default:
            FileHandle.standardError.write(
                Data("usage: frontdesk-bench startup [--intents DIR] [--estate FILE] [--runs N]\n".utf8))
            return 2
        }
        i += 2
    }
    var phases: [String: [Double]] = [:]
    func timed<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        phases[name, default: []].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        return value
    }
    var units = 0
    do {
        for _ in 0..<runs {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fd-startup-\(UUID().uuidString)")
                .path
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let start = DispatchTime.now().uptimeNanoseconds
            let catalog = try timed("intents") { try Catalog.load(directory: intents) }
            _ = timed("matcher") { Matcher(catalog: catalog) }
            units = try timed("estate") { try Estate.load(path: estatePath) }.units.count
            let journal = try timed("journal") { try FileJournal(directory: dir) }
            journal.close()
            phases["total", default: []].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
    } catch {
        FileHandle.standardError.write(Data("startup: \(error)\n".utf8))
        return 1
    }
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    print("startup: intents \(intents), estate \(estatePath) (\(units) units), \(runs) runs")
    for name in ["intents", "matcher", "estate", "journal", "total"] {
        let values = phases[name] ?? [0]
        print(
            String(format: "  %-8@ median %7.1f ms   max %7.1f ms", name as NSString, median(values), values.max() ?? 0)
        )
    }
    return 0
}
