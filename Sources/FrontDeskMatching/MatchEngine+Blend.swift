import FrontDeskContent
import FrontDeskModel

extension MatchEngine {
    /// Blends the rules' scores with the learned posteriors (`intents/learning.json`):
    /// `value(i) = min(rule(i), cap) / scale + weight × P(i | text)`, the best value understood when it reaches
    /// `threshold`. The rules stay authoritative where they fire clearly: when the best rule leads the second by
    /// `clear_lead` points (or by more than the learned layer could move), or an `authoritative` intent's rule fired,
    /// the posteriors are not even worked out. An intent that a rule vetoed or negated ("不是投诉") is never picked by
    /// the learned layer, nor one in `needs_rule` without a positive rule score (an emergency needs a hazard word that its penalties do not
    /// outweigh).
    @inline(__always)
    func blend(_ buffers: inout ScanBuffers, _ summary: inout ScanSummary) {
        summary.blended = false
        summary.learnedOnly = false
        let threshold = rules.threshold
        let ruleBest = summary.best
        let ruleSecond = summary.second
        let ruleBestScore = summary.bestScore
        let ruleSecondScore = summary.secondScore
        let ruleAmbiguous = isClose(ruleBest, ruleSecond, summary.bestScore, summary.secondScore, threshold)
        summary.ambiguous = ruleAmbiguous
        guard let learned else {
            summary.accepted = summary.best >= 0 && summary.bestScore >= threshold
            return
        }
        let scale = learning.ruleScale
        let cap = learning.ruleCap
        let weight = learning.weight
        if summary.best >= 0 {
            let lead = (min(summary.bestScore, cap) - (summary.second >= 0 ? min(summary.secondScore, cap) : 0)) / scale
            if (lead > min(weight, learning.clearLead / scale) && summary.bestScore >= threshold
                && min(summary.bestScore, cap) / scale >= learning.threshold)
                || summary.bestScore >= authoritative[summary.best]
            {
                summary.accepted = true
                return
            }
        }
        // With no intent word, a correction ("不对，是1202") or a number (a phone, a flat, "尾數係5678") is an answer for
        // the dialogue to read, not a request the examples should guess.
        if summary.best < 0, summary.acts & correctionBit != 0 || hasNumber(buffers.normalized, summary.normalizedCount)
        {
            summary.accepted = false
            return
        }
        let posteriors = buffers.factors
        let classes = learned.classCount
        let known = learned.accumulate(
            UnsafeBufferPointer(buffers.normalized), count: summary.normalizedCount, into: posteriors)
        // Too little the examples know (a number, one unknown word): the rules' word stands.
        if known < learning.minimumFeatures {
            summary.accepted = summary.best >= 0 && summary.bestScore >= threshold
            return
        }
        LearnedModel.softmax(posteriors, count: classes, known: known, temperature: learning.temperature)
        let scores = buffers.scores
        var best = -1
        var second = -1
        var bestValue = -Double.infinity
        var secondValue = -Double.infinity
        let blocked = summary.vetoed | summary.negatedIntents
        for i in 0..<intentCount where i != rules.fallbackIndex {
            let rule = max(0, scores[i])
            let bit: UInt64 = i < 64 ? 1 << UInt64(i) : 0
            if rule <= 0, blocked & bit != 0 { continue }
            // A hazard its own penalties outweigh ("快着火了，笑死") is no evidence either.
            if needsRule & bit != 0, summary.ruleEvidence & bit == 0 || rule <= 0 || rule < learning.needsRuleScore {
                continue
            }
            let value = min(rule, cap) / scale + weight * posteriors[i]
            if best < 0 || value > bestValue || (value == bestValue && hot.priority[i] > hot.priority[best]) {
                second = best
                secondValue = bestValue
                best = i
                bestValue = value
            } else if second < 0 || value > secondValue
                || (value == secondValue && hot.priority[i] > hot.priority[second])
            {
                second = i
                secondValue = value
            }
        }
        // An explicit request word that leads the rules ("我要投诉" about a broken light, "I want to complain" about a
        // bill) is the resident's own choice of desk: examples that prefer another intent the rules read too do not
        // overturn it (an emergency's hazard still does: `needs_rule`).
        if best >= 0, ruleBest >= 0, best != ruleBest, ruleBest < 64, best < 64,
            summary.explicitIntents & (1 << UInt64(ruleBest)) != 0, needsRule & (1 << UInt64(best)) == 0,
            ruleBestScore - (ruleSecond >= 0 ? ruleSecondScore : 0) >= learning.holdLead
        {
            summary.blended = true
            summary.best = ruleBest
            summary.second = best
            summary.bestScore = min(ruleBestScore, cap) / scale + weight * posteriors[ruleBest]
            summary.secondScore = bestValue
            summary.accepted = ruleBestScore >= threshold
            summary.ambiguous = false
            return
        }
        // The examples alone do not overturn a rules' winner for an intent no rule spoke for when the winner was named
        // by an explicit request word (a keyword of at least `hold_score`: "I need a repair" is not a cancel because
        // the examples saw "no need"), nor unless they are sure of theirs (`overturn`).
        if best >= 0, ruleBest >= 0, best != ruleBest, scores[best] <= 0, ruleBest < 64,
            summary.strongIntents & (1 << UInt64(ruleBest)) != 0 || posteriors[best] < learning.overturn
        {
            summary.blended = true
            summary.best = ruleBest
            summary.second = best
            summary.bestScore = min(ruleBestScore, cap) / scale + weight * posteriors[ruleBest]
            summary.secondScore = bestValue
            summary.accepted = true
            summary.ambiguous = false
            return
        }
        summary.blended = true
        summary.best = best
        summary.second = second
        summary.bestScore = best >= 0 ? bestValue : 0
        summary.secondScore = second >= 0 ? secondValue : 0
        // Understood when the blend is sure enough, or when it keeps the rules' winner and the rules alone were.
        // With no rule at all, the examples alone must be surer (`silent_threshold`).
        let bar = ruleBest < 0 ? learning.silentThreshold : learning.threshold
        summary.accepted =
            best >= 0 && (bestValue >= bar || (best == ruleBest && ruleBestScore >= threshold))
        // Two rules that tie stay a question unless the examples clearly prefer one of them ("装修 转接").
        let same = (best == ruleBest && second == ruleSecond) || (best == ruleSecond && second == ruleBest)
        if ruleAmbiguous && same && abs(posteriors[best] - posteriors[second]) < 0.5 {
            // The rules' question stands, in the rules' order.
            summary.ambiguous = true
            summary.best = ruleBest
            summary.second = ruleSecond
            summary.bestScore = max(bestValue, secondValue)
            summary.secondScore = min(bestValue, secondValue)
        } else {
            // Close values ask which one was meant only when the rules back both or neither: a guess from the examples
            // does not put a question to a resident whose request word the rules read.
            summary.ambiguous =
                isClose(best, second, bestValue, secondValue, learning.threshold)
                && (scores[best] > 0) == (second >= 0 && scores[second] > 0)
        }
        if summary.accepted, summary.best != ruleBest {
            summary.learnedOnly = true
            summary.learnedPosterior = posteriors[summary.best]
        }
    }

    /// Whether the text holds a run of three or more digits.
    @inline(__always)
    private func hasNumber(_ text: UnsafeMutableBufferPointer<UInt32>, _ count: Int) -> Bool {
        var run = 0
        for i in 0..<count {
            if (0x30...0x39).contains(text[i]) {
                run += 1
                if run >= 3 { return true }
            } else {
                run = 0
            }
        }
        return false
    }

    /// Whether `best` and `second` both reach `threshold` and lie within the margin (small talk never asks).
    @inline(__always)
    private func isClose(_ best: Int, _ second: Int, _ s1: Double, _ s2: Double, _ threshold: Double) -> Bool {
        best >= 0 && second >= 0 && s1 >= threshold && s2 >= threshold && s1 - s2 <= rules.margin * s1
            && !rules.intentSmallTalk[best] && !rules.intentSmallTalk[second]
    }
}
