import FrontDeskModel

extension MatchEngine {
    /// 0 when a negator stands before hit `h` within its window (or anywhere earlier in the clause, for a
    /// clause-scoped one) and no contrast word stands between them ("不是投诉", "not a complaint", but not
    /// "no one is hurt but …"); the contrast boost when a contrast word came earlier ("是想报修"), else 1.
    @inline(__always)
    func modifierFactor(_ h: Int, _ buffers: inout ScanBuffers, hitCount: Int) -> Double {
        let hits = buffers.hits
        let start = hits[h].start
        var factor = 1.0
        var negated = false
        // Hits are in order of their end, so every hit that ends before `start` comes first; only the live negators
        // and contrast words (`buffers.modifiers`, in hit order) can modify it.
        let modifiers = buffers.modifiers
        var m = 0
        while m < buffers.modifierCount {
            let other = hits[Int(modifiers[m])]
            if other.end > start { break }
            m += 1
            let first = Int(hot.patternOutputStart[Int(other.pattern)])
            let last = Int(hot.patternOutputStart[Int(other.pattern) + 1])
            for o in first..<last {
                let output = hot.outputs[o]
                if output.kind == .negator,
                    output.slot == RuleOutput.clauseWindow || Int(start - other.end) <= Int(output.slot),
                    output.index == 0 || speaksFor(hits[h].pattern, Int(output.index) - 1),
                    !hasClauseBreak(buffers.normalized, from: Int(other.end), to: Int(start))
                {
                    negated = true
                }
                if output.kind == .contrast {
                    factor = rules.contrastBoost
                    // A contrast word after a negator ends its reach: "不是投诉而是报修".
                    negated = false
                }
            }
        }
        return negated ? 0 : factor
    }

    /// Whether `pattern` speaks for intent `i` (a keyword, category or concept word of it).
    @inline(__always)
    private func speaksFor(_ pattern: Int32, _ i: Int) -> Bool {
        let masks = rules.patternIntents[Int(pattern)]
        let bit: UInt64 = i < 64 ? 1 << UInt64(i) : 0
        return (masks.keyword | masks.category | masks.extra) & bit != 0
    }

    @inline(__always)
    private func hasClauseBreak(_ text: UnsafeMutableBufferPointer<UInt32>, from: Int, to: Int) -> Bool {
        var i = from
        while i < to {
            if Normalizer.isClauseBreak(text[i]) { return true }
            // A space between two Han characters is a comma as chat writes it: "差点砸到人 上面还有一扇在晃".
            if text[i] == 0x20, i > 0, i + 1 < text.count, Han.isIdeograph(text[i - 1]), Han.isIdeograph(text[i + 1]) {
                return true
            }
            i += 1
        }
        return false
    }

    /// Final scores: keyword sums plus the intent's share of its best category, times its intensifier,
    /// vetoes applied;
    /// then the best and second-best intents (ties: higher priority).
    func decide(
        scores: UnsafeMutableBufferPointer<Double>, categoryScores: UnsafeMutableBufferPointer<Double>,
        vetoed: UInt64, _ summary: inout ScanSummary, factors: UnsafeMutableBufferPointer<Double>
    ) {
        let hot = self.hot
        // Which intents a keyword, a co-occurrence rule or a strong category word (weight 2 or more: 煤气味, 着火) spoke
        // for: a weak category word alone (燃气 in "开通燃气找谁") is no evidence of a hazard for `needs_rule`.
        var evidence: UInt64 = 0
        for i in 0..<min(intentCount, 64) where scores[i] > 0 { evidence |= 1 << UInt64(i) }
        forEachCategoryIntent(summary) { i in
            var top = 0.0
            for slot in hot.categoryStart[i]..<hot.categoryStart[i + 1] { top = max(top, categoryScores[slot]) }
            scores[i] += top * hot.categoryWeight[i]
            if top * hot.categoryWeight[i] >= 2, i < 64 { evidence |= 1 << UInt64(i) }
        }
        summary.ruleEvidence = evidence
        // Severity words multiply a score the intent already has ("大量" leaves a message with no emergency word alone).
        var pending = summary.intensified
        while pending != 0 {
            let i = pending.trailingZeroBitCount
            if scores[i] > 0 { scores[i] *= factors[i] }
            pending &= pending - 1
        }
        var best = -1
        var second = -1
        for i in 0..<intentCount {
            if vetoed & (1 << UInt64(i)) != 0 { scores[i] = 0 }
            if i == rules.fallbackIndex || scores[i] <= 0 { continue }
            if best < 0 || better(i, than: best, scores) {
                second = best
                best = i
            } else if second < 0 || better(i, than: second, scores) {
                second = i
            }
        }
        summary.best = best
        summary.second = second
        summary.bestScore = best >= 0 ? scores[best] : 0
        summary.secondScore = second >= 0 ? scores[second] : 0
    }

    @inline(__always)
    private func better(_ a: Int, than b: Int, _ scores: UnsafeMutableBufferPointer<Double>) -> Bool {
        scores[a] > scores[b] || (scores[a] == scores[b] && hot.priority[a] > hot.priority[b])
    }

    /// Calls `body` with each intent whose category keywords counted, in order (every intent past 64).
    @inline(__always)
    func forEachCategoryIntent(_ summary: ScanSummary, _ body: (Int) -> Void) {
        if intentCount > 64 {
            for i in 0..<intentCount { body(i) }
            return
        }
        var pending = summary.categoryIntents
        while pending != 0 {
            body(pending.trailingZeroBitCount)
            pending &= pending - 1
        }
    }
}
