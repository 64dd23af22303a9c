import Foundation
package import FrontDeskContent
import FrontDeskModel

/// Honest accuracy figures: k-fold cross-validation over the labelled examples (the learned layer of each
/// fold is trained without the fold it is scored on), or a held-out file scored by a matcher trained on
/// everything else. Used by `frontdesk-bench accuracy` and the corpus tests, so both count the same way.
package struct Evaluation: Sendable {
    /// One scored message.
    package struct Item: Sendable {
        package var example: LabeledExample
        package var got: String
        package var unit: String?
    }

    package var items: [Item] = []

    /// Cross-validates `examples` in `folds` folds (a fixed interleaving after a seeded shuffle).
    package static func crossValidate(
        catalog: Catalog, examples: [LabeledExample], folds: Int, learning: LearningSettings? = nil
    ) -> Evaluation {
        let order = shuffledIndices(examples.count, seed: 20_261_202)
        var fold = [Int](repeating: 0, count: examples.count)
        for (position, index) in order.enumerated() { fold[index] = position % max(1, folds) }
        var result = Evaluation()
        for k in 0..<max(1, folds) {
            let train = examples.indices.filter { fold[$0] != k }.map { examples[$0] }
            let test = examples.indices.filter { fold[$0] == k }.map { examples[$0] }
            result.items += score(catalog: catalog, train: train, test: test, learning: learning).items
        }
        return result
    }

    /// Scores `test` with a matcher whose learned layer is trained on `train`.
    package static func score(
        catalog: Catalog, train: [LabeledExample], test: [LabeledExample], learning: LearningSettings? = nil
    ) -> Evaluation {
        let matcher = Matcher(
            intents: catalog.intents, faq: catalog.faq, acts: catalog.acts, settings: catalog.settings,
            han: catalog.han, examples: train, learning: learning ?? catalog.learning, regional: catalog.regional,
            entities: catalog.entities)
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        var result = Evaluation()
        for example in test {
            let classification = matcher.classify(example.text, now: now, utcOffset: 28_800)
            result.items.append(
                Item(example: example, got: classification.intent, unit: classification.entities.unit))
        }
        return result
    }

    /// Correct / total over `items` that pass `filter`.
    package func accuracy(_ filter: (Item) -> Bool = { _ in true }) -> (correct: Int, total: Int) {
        var correct = 0
        var total = 0
        for item in items where filter(item) {
            total += 1
            if item.got == item.example.intent { correct += 1 }
        }
        return (correct, total)
    }

    /// Emergencies found, emergencies in all, and messages that were not emergencies taken for one.
    package var emergencies: (found: Int, total: Int, falseAlarms: Int, others: Int) {
        var found = 0
        var total = 0
        var falseAlarms = 0
        var others = 0
        for item in items {
            if item.example.intent == "emergency" {
                total += 1
                if item.got == "emergency" { found += 1 }
            } else {
                others += 1
                if item.got == "emergency" { falseAlarms += 1 }
            }
        }
        return (found, total, falseAlarms, others)
    }

    /// The printed report: overall, hard cases, units, emergencies, per language, per intent precision and
    /// recall, and (with `misses`) every wrong message.
    package func report(title: String, misses: Bool = false) -> String {
        func percent(_ pair: (correct: Int, total: Int)) -> String {
            "\(pair.correct)/\(pair.total) = "
                + String(format: "%.1f%%", 100 * Double(pair.correct) / Double(max(1, pair.total)))
        }
        var lines = ["\(title)"]
        lines.append("  overall            \(percent(accuracy()))")
        lines.append("  hard cases         \(percent(accuracy { $0.example.hard }))")
        var units = (correct: 0, total: 0)
        for item in items where item.example.unit != nil {
            units.total += 1
            if item.unit == item.example.unit { units.correct += 1 }
        }
        lines.append("  units              \(percent(units))")
        let e = emergencies
        lines.append("  emergency recall   \(percent((e.found, e.total)))")
        lines.append("  false emergencies  \(e.falseAlarms)/\(e.others)")
        let languages = Set(items.compactMap(\.example.lang)).sorted()
        for lang in languages {
            lines.append(
                "  lang \(lang.padding(toLength: 13, withPad: " ", startingAt: 0)) \(percent(accuracy { $0.example.lang == lang }))"
            )
        }
        lines.append("  intent              precision   recall")
        for intent in Set(items.map(\.example.intent)).union(items.map(\.got)).sorted() {
            let predicted = items.filter { $0.got == intent }
            let actual = items.filter { $0.example.intent == intent }
            let hits = actual.filter { $0.got == intent }.count
            let precision = predicted.isEmpty ? 1 : Double(hits) / Double(predicted.count)
            let recall = actual.isEmpty ? 1 : Double(hits) / Double(actual.count)
            lines.append(
                "  " + intent.padding(toLength: 18, withPad: " ", startingAt: 0)
                    + String(format: "  %6.1f%%   %6.1f%%  (%d)", 100 * precision, 100 * recall, actual.count))
        }
        if misses {
            for item in items where item.got != item.example.intent {
                lines.append("  MISS \(item.example.intent) → \(item.got): \(item.example.text)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// 0..<count in a fixed pseudo-random order (a linear congruential generator: the same on every run).
    private static func shuffledIndices(_ count: Int, seed: UInt64) -> [Int] {
        var order = Array(0..<count)
        var state = seed
        for i in stride(from: count - 1, to: 0, by: -1) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let j = Int((state >> 33) % UInt64(i + 1))
            order.swapAt(i, j)
        }
        return order
    }
}
