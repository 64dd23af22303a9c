import Foundation
import FrontDeskContent
import FrontDeskMatching
import FrontDeskModel

/// `entities [SECONDS]`: entity extraction over typical normalized messages, messages per second on one core.
func benchEntities(_ args: [String]) -> Int32 {
    let messages = [
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
    let seconds = Double(args.first ?? "") ?? 2
    let extractor = EntityExtractor()
    let now = Date(timeIntervalSince1970: 1_795_312_800)
    let start = DispatchTime.now().uptimeNanoseconds
    var count = 0
    var checksum = 0
    while Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 < seconds {
        for _ in 0..<1000 {
            for message in messages {
                let found = extractor.extract(from: message, now: now, utcOffset: 28_800)
                checksum &+= found.unit?.utf8.count ?? 0
                count += 1
            }
        }
    }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print("entities: \(count) messages in \(String(format: "%.2f", elapsed)) s = \(Int(Double(count) / elapsed)) msg/s (\(checksum))")
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
