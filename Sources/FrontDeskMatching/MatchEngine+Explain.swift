import FrontDeskContent
import FrontDeskModel

extension MatchEngine {
    /// The `--explain` detail of `text`, worked out again from the text (only when someone reads it):
    /// every intent with a positive score (best first), the hits that counted, and the categories.
    func explain(_ text: String) -> (
        scores: [(intent: String, score: Double)], hits: [KeywordHit], categories: [String: String]
    ) {
        withScan(text, detailed: true) { _, buffers, summary in
            var scores: [(intent: String, score: Double)] = []
            for i in 0..<intentCount where buffers.scores[i] > 0 && i != rules.fallbackIndex {
                scores.append((rules.intentNames[i], (buffers.scores[i] * 1000).rounded() / 1000))
            }
            var categories: [String: String] = [:]
            for i in 0..<intentCount {
                let bestSlot = bestCategory(of: i, buffers)
                if bestSlot >= 0 { categories[rules.intentNames[i]] = rules.categoryName[bestSlot] }
            }
            return (scores.sorted { $0.score > $1.score }, hits(buffers, summary), categories)
        }
    }

    /// Whether co-occurrence word `h` (meaning `output`) has a live partner of the same rule close enough.
    private func hasPartner(_ h: Int, _ output: RuleOutput, _ buffers: ScanBuffers, _ summary: ScanSummary) -> Bool {
        let hit = buffers.hits[h]
        let other: RuleOutput.Kind = output.kind == .cooccurWith ? .cooccurAnd : .cooccurWith
        for g in 0..<summary.hitCount where g != h {
            let candidate = buffers.hits[g]
            let dead = ScanHit.invalid | ScanHit.extraSuppressed | ScanHit.negated
            if candidate.flags & dead != 0 { continue }
            let gap = MatchEngine.gap(buffers.normalized, from: min(hit.end, candidate.end), to: max(hit.start, candidate.start))
            if gap < 0 || gap > rules.cooccurWithin[Int(output.slot)] { continue }
            let pattern = Int(candidate.pattern)
            for o in Int(rules.patternOutputStart[pattern])..<Int(rules.patternOutputStart[pattern + 1]) {
                let meaning = rules.outputs[o]
                if meaning.kind == other, meaning.slot == output.slot { return true }
            }
        }
        return false
    }

    /// The hits that counted, with their meaning, for `--explain`.
    private func hits(_ buffers: ScanBuffers, _ summary: ScanSummary) -> [KeywordHit] {
        var result: [KeywordHit] = []
        for h in 0..<summary.hitCount {
            let hit = buffers.hits[h]
            if hit.flags & ScanHit.invalid != 0 { continue }
            let pattern = Int(hit.pattern)
            let keyword = rules.patternText[pattern]
            let negated = hit.flags & ScanHit.negated != 0
            let boost = hit.flags & ScanHit.boosted != 0 ? rules.contrastBoost : 1
            for o in Int(rules.patternOutputStart[pattern])..<Int(rules.patternOutputStart[pattern + 1]) {
                let output = rules.outputs[o]
                let suppressedBy: UInt16
                switch output.kind {
                case .act: suppressedBy = ScanHit.actSuppressed
                case .category: suppressedBy = ScanHit.categorySuppressed
                case .cooccurWith, .cooccurAnd, .intensifier: suppressedBy = ScanHit.extraSuppressed
                case .negator, .contrast: suppressedBy = ScanHit.modifierSuppressed
                default: suppressedBy = ScanHit.keywordSuppressed
                }
                if hit.flags & suppressedBy != 0 { continue }
                let intent = Int(output.index) < rules.intentNames.count ? rules.intentNames[Int(output.index)] : ""
                let weight = negated ? 0 : Double(output.weight) * boost
                let target: String
                switch output.kind {
                case .intentKeyword: target = intent
                case .category: target = "category:\(intent).\(rules.categoryName[Int(output.slot)])"
                case .veto: target = "veto:\(intent)"
                case .penalty: target = "penalty:\(intent)"
                case .act: target = "act:\(rules.actNames[Int(output.index)].rawValue)"
                case .negator: target = "negator"
                case .contrast: target = "contrast"
                case .neutral: continue
                case .cooccurWith, .cooccurAnd:
                    // Shown only when the word found its partner, with the rule's weight.
                    if hit.flags & ScanHit.paired == 0 || negated || !hasPartner(h, output, buffers, summary) {
                        continue
                    }
                    target = "cooccur:\(intent)"
                case .intensifier:
                    if negated { continue }
                    target = "intensifier:\(intent)"
                }
                // A negated penalty ("不是测试", "not a drill") takes nothing off: shown as 0, like a negated keyword.
                var shown = output.kind == .penalty ? (negated ? 0 : -Double(output.weight)) : weight
                if output.kind == .cooccurWith || output.kind == .cooccurAnd {
                    shown = rules.cooccurWeight[Int(output.slot)]
                } else if output.kind == .intensifier {
                    shown = Double(output.weight)
                }
                result.append(
                    KeywordHit(
                        keyword: keyword, target: target, weight: (shown * 1000).rounded() / 1000,
                        offset: Int(hit.start)))
            }
        }
        return result
    }
}

/// What the learned layer made of a message, for `--explain`: its posteriors and the features that decided.
public struct LearnedExplanation: Sendable {
    /// Every intent with a posterior of at least 1%, best first.
    public var posteriors: [(intent: String, probability: Double)]
    /// The features that speak most for the best intent against the runner-up (target `learned:<intent>`, weight
    /// the difference of their log-likelihoods).
    public var features: [KeywordHit]
    /// Whether the learned layer took part in the decision (it is skipped when the rules lead clearly).
    public var decided: Bool
}

extension Classification {
    /// The learned layer's posteriors and deciding features (nil for a matcher without examples, or a
    /// classification made by hand). Worked out again from the text when read.
    public var learned: LearnedExplanation? {
        guard let detail else { return nil }
        return detail.engine.explainLearned(detail.text)
    }
}

extension MatchEngine {
    /// The learned layer's view of `text` (see `Classification.learned`).
    func explainLearned(_ text: String) -> LearnedExplanation? {
        guard let learned else { return nil }
        return withScan(text) { _, buffers, summary in
            let count = summary.normalizedCount
            let classes = learned.classCount
            var logs = [Double](repeating: 0, count: classes)
            let known = logs.withUnsafeMutableBufferPointer { logs in
                learned.accumulate(UnsafeBufferPointer(buffers.normalized), count: count, into: logs)
            }
            var posteriors = logs
            posteriors.withUnsafeMutableBufferPointer {
                LearnedModel.softmax($0, count: classes, known: known, temperature: learning.temperature)
            }
            let ranked = (0..<classes).sorted { posteriors[$0] > posteriors[$1] }
            var features: [KeywordHit] = []
            if known > 0, ranked.count >= 2 {
                let (best, runnerUp) = (ranked[0], ranked[1])
                var seen = Set<UInt64>()
                LearnedModel.forEachFeature(UnsafeBufferPointer(buffers.normalized), count: count) {
                    hash, _, start, end in
                    guard seen.insert(hash).inserted, let weights = learned.weights(of: hash) else { return }
                    let lift = weights[best] - weights[runnerUp]
                    guard lift > 0 else { return }
                    var scalars = String.UnicodeScalarView()
                    for i in start..<end { scalars.append(Unicode.Scalar(buffers.normalized[i]) ?? "\u{FFFD}") }
                    features.append(
                        KeywordHit(
                            keyword: String(scalars), target: "learned:\(rules.intentNames[best])",
                            weight: (lift * 1000).rounded() / 1000, offset: start))
                }
                features = Array(features.sorted { $0.weight > $1.weight }.prefix(6))
            }
            return LearnedExplanation(
                posteriors: ranked.filter { posteriors[$0] >= 0.01 }.map {
                    (rules.intentNames[$0], (posteriors[$0] * 1000).rounded() / 1000)
                }, features: features, decided: summary.blended)
        }
    }
}
