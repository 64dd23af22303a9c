import Foundation
import FrontDeskMatching
import FrontDeskModel
import Testing

/// Accuracy on the blind sets: `blind.jsonl` (written and committed before the co-occurrence, layer and
/// clause-negation changes, then tuned on) and `blind2.jsonl` (written after them, committed before it was
/// measured). Each line may carry `"hard": true` (negation, contrast, cancellations, emergency vs repair,
/// progress vs repair, small talk + request, Cantonese, non-native English, typos).
@Suite struct BlindCorpusTests {
    struct Score {
        var total: [String: Int] = [:]
        var correct: [String: Int] = [:]
        var hard = 0
        var hardCorrect = 0
        var misses: [String] = []

        var all: Int { total.values.reduce(0, +) }
        var right: Int { correct.values.reduce(0, +) }
        var accuracy: Double { Double(right) / Double(max(1, all)) }
        var hardAccuracy: Double { Double(hardCorrect) / Double(max(1, hard)) }
    }

    /// Classifies every line of `file` and prints accuracy per intent, overall and on hard cases.
    static func score(_ file: String) throws -> Score {
        let url = Support.fixtures.appendingPathComponent(file)
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        var score = Score()
        for line in lines {
            let item = try JSON.parse(String(line))
            let text = try #require(item["text"]?.string)
            let expected = try #require(item["intent"]?.string)
            let hard = item["hard"]?.bool ?? false
            let got = Support.classify(text).intent
            score.total[expected, default: 0] += 1
            if hard { score.hard += 1 }
            if got == expected {
                score.correct[expected, default: 0] += 1
                if hard { score.hardCorrect += 1 }
            } else {
                score.misses.append("  \(expected) → \(got): \(text)")
            }
        }
        print("intent accuracy on \(file):")
        for intent in score.total.keys.sorted() {
            let n = score.total[intent]!
            let c = score.correct[intent, default: 0]
            let name = intent.padding(toLength: 18, withPad: " ", startingAt: 0)
            print("  \(name) \(c)/\(n)  \(String(format: "%.1f%%", 100.0 * Double(c) / Double(n)))")
        }
        print("  overall \(score.right)/\(score.all) \(String(format: "%.1f%%", 100 * score.accuracy))")
        print("  hard \(score.hardCorrect)/\(score.hard) \(String(format: "%.1f%%", 100 * score.hardAccuracy))")
        score.misses.forEach { print($0) }
        #expect(score.all == lines.count)
        return score
    }

    @Test func blindAccuracyIsAtLeast90Percent() throws {
        let score = try Self.score("blind.jsonl")
        #expect(score.all >= 250)
        #expect(score.accuracy >= 0.90)
        #expect(score.hardAccuracy >= 0.90)
    }

    @Test func secondBlindAccuracyIsAtLeast90Percent() throws {
        let score = try Self.score("blind2.jsonl")
        #expect(score.all >= 80)
        #expect(score.accuracy >= 0.90)
    }
}
