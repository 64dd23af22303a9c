import Foundation
import FrontDeskModel
import Testing

@Suite struct CorpusTests {
    @Test func devCorpusAccuracyIsAtLeast95Percent() throws {
        let url = Support.fixtures.appendingPathComponent("dev.jsonl")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        var total: [String: Int] = [:]
        var correct: [String: Int] = [:]
        var misses: [String] = []
        for line in lines {
            let item = try JSON.parse(String(line))
            let text = try #require(item["text"]?.string)
            let expected = try #require(item["intent"]?.string)
            let got = Support.classify(text).intent
            total[expected, default: 0] += 1
            if got == expected { correct[expected, default: 0] += 1 } else { misses.append("  \(expected) → \(got): \(text)") }
        }
        let all = total.values.reduce(0, +)
        let right = correct.values.reduce(0, +)
        print("intent accuracy on dev.jsonl:")
        for intent in total.keys.sorted() {
            let n = total[intent]!
            let c = correct[intent, default: 0]
            print("  \(intent.padding(toLength: 18, withPad: " ", startingAt: 0)) \(c)/\(n)  \(String(format: "%.1f%%", 100.0 * Double(c) / Double(n)))")
        }
        print("  overall \(right)/\(all) \(String(format: "%.1f%%", 100.0 * Double(right) / Double(all)))")
        misses.forEach { print($0) }
        #expect(all == lines.count && all > 200)
        #expect(Double(right) / Double(all) >= 0.95)
    }
}
