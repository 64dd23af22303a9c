import Foundation
import FrontDeskContent
import FrontDeskMatching
import FrontDeskModel

/// Typical normalized messages: the entity benchmark's corpus.
let entityBenchMessages = [
    "3栋2单元501 卫生间马桶堵了 冲不下去 麻烦尽快",
    "你好,我家厨房水龙头一直滴水,关不紧,能派个师傅来看看吗",
    "您好,我是12号楼1单元1802的业主,主卧天花板渗水,麻烦安排人看一下,电话13757120836",
    "帮我查一下报修进度,单号rep-20261119-0011",
    "8栋3单元602想申请装修,下周一开工,5个工人,大概两个月",
    "明天下午3点可以上门吗",
    "hi, the kitchen sink is blocked. building 6 unit 1 room 1502, call me at 151 6711 0234",
    "谢谢",
    "楼上天天晚上十一点还在蹦迪一样,吵死了,你们管不管",
    "请问物业费怎么交",
]

/// `entities [SECONDS] [--passes N] [--each]`: entity extraction over typical normalized messages, messages
/// per second on one core (median of 5 rounds). `--passes N` runs exactly N passes over the corpus and
/// prints nothing timed (for callgrind); `--each` also reports nanoseconds per corpus message.
func benchEntities(_ args: [String]) -> Int32 {
    let messages = entityBenchMessages
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
