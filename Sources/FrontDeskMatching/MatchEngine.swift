import FrontDeskContent
import FrontDeskModel

/// Normalizer + compiled rules: one pass over the text, then scoring. Shared by every path of
/// the matcher (full classification and the label-only fast path). A class, so that a copy of a
/// `Matcher` is one reference, not a retain of every table.
final class MatchEngine: Sendable {
    let normalizer: Normalizer
    let rules: CompiledRules
    let hot: HotTables
    let intentCount: Int
    let categoryCount: Int
    /// Keyword weights learned from `intents/examples/` (nil: the rules decide alone).
    let learned: LearnedModel?
    let learning: LearningSettings
    /// Bit `i`: intent `i` is picked by the blend only with rule evidence (`ScanSummary.ruleEvidence`).
    let needsRule: UInt64
    /// Per intent: from this rule score on, when it leads, the rules decide alone.
    let authoritative: [Double]
    /// A keyword of this weight is an explicit request the learned layer does not overturn (`hold_score`).
    let strongWeight: Float
    /// A keyword of this weight names the desk outright ("我要投诉"): its intent, leading the rules, is held (`hold_lead`).
    let explicitWeight: Float
    /// The act bit of a correction ("不对，是…").
    let correctionBit: UInt8
    /// The entity extractor, its words compiled once.
    let entities: EntityExtractor

    init(
        normalizer: Normalizer, rules: CompiledRules, examples: [LabeledExample] = [], learning: LearningSettings,
        entities: EntityWords, dialogue: DialogueLexicon = DialogueLexicon(lists: [:])
    ) {
        self.normalizer = normalizer
        self.entities = EntityExtractor(words: entities, dialogue: dialogue)
        self.rules = rules
        hot = HotTables(normalizer: normalizer, rules: rules)
        intentCount = rules.intentNames.count
        categoryCount = rules.categoryName.count
        self.learning = learning
        var index: [String: Int] = [:]
        for (i, name) in rules.intentNames.enumerated() { index[name] = i }
        // One SIMD16 lane per intent: the 13 canonical intents fit.
        let learnable = learning.enabled && !examples.isEmpty && intentCount <= 16
        learned =
            learnable
            ? LearnedModel(
                examples: examples, intentIndex: index, classCount: intentCount, alpha: learning.alpha,
                minimumCount: learning.minimumCount, normalizer: normalizer) : nil
        var needsRule: UInt64 = 0
        for name in learning.needsRule { if let i = index[name], i < 64 { needsRule |= 1 << UInt64(i) } }
        self.needsRule = needsRule
        authoritative = rules.intentNames.map { learning.authoritative[$0] ?? .infinity }
        strongWeight = Float(learning.holdScore)
        explicitWeight = Float(learning.explicitScore)
        correctionBit = rules.actNames.firstIndex(of: .correction).map { UInt8(1) << UInt8($0) } ?? 0
    }

    /// Normalizes `utf8`, runs the automaton and records every hit into `buffers`.
    func scan(_ utf8: UnsafeBufferPointer<UInt8>, _ buffers: inout ScanBuffers, _ summary: inout ScanSummary) {
        let hot = self.hot
        let table = hot.normalization
        let normalized = buffers.normalized
        let hits = buffers.hits
        let hitCapacity = hits.count
        var count = 0
        var hitCount = 0
        var state = 0
        var hanCount = 0
        var traditional = false
        var changed = false
        var i = 0
        let n = utf8.count
        @inline(__always) func feed(_ value: UInt32) {
            normalized[count] = value
            count += 1
            state = hot.step(state, value)
            if state != 0 {
                let row = hot.states[state]
                var o = Int(row.outputStart)
                let end = o + Int(row.outputCount)
                while o < end, hitCount < hitCapacity {
                    let output = hot.stateOutputs[o]
                    hits[hitCount] = ScanHit(
                        pattern: output.pattern, start: Int32(count) - output.length, end: Int32(count), flags: 0)
                    hitCount += 1
                    o += 1
                }
            }
        }
        while i < n {
            let b0 = UInt32(utf8[i])
            var value: UInt32
            if b0 < 0x80 {
                value = b0
                i += 1
            } else if b0 < 0xE0, i + 1 < n {
                value = (b0 & 0x1F) << 6 | (UInt32(utf8[i + 1]) & 0x3F)
                i += 2
            } else if b0 < 0xF0, i + 2 < n {
                value = (b0 & 0x0F) << 12 | (UInt32(utf8[i + 1]) & 0x3F) << 6 | (UInt32(utf8[i + 2]) & 0x3F)
                i += 3
            } else if i + 3 < n {
                value =
                    (b0 & 0x07) << 18 | (UInt32(utf8[i + 1]) & 0x3F) << 12 | (UInt32(utf8[i + 2]) & 0x3F) << 6
                    | (UInt32(utf8[i + 3]) & 0x3F)
                i += 4
            } else {
                value = 0xFFFD
                i = n
            }
            if value < 65_536 {
                let entry = table[Int(value)]
                if entry & Normalizer.traditionalFlag != 0 { traditional = true }
                if entry & Normalizer.expansionFlag == 0 {
                    let mapped = entry & Normalizer.valueMask
                    changed = changed || mapped != value
                    if mapped >= 0x3400, Normalizer.isHan(mapped) { hanCount += 1 }
                    feed(mapped)
                } else {
                    changed = true
                    let index = Int(entry & Normalizer.valueMask)
                    for e in Int(hot.expansionStarts[index])..<Int(hot.expansionStarts[index + 1]) {
                        feed(hot.expansionScalars[e])
                    }
                }
            } else {
                if Normalizer.isHan(value) { hanCount += 1 }
                feed(value)
            }
        }
        summary.normalizedCount = count
        summary.hitCount = hitCount
        summary.hanCount = hanCount
        summary.traditional = traditional
        summary.changed = changed
    }

    /// The rules' scores, then the blend with the learned layer; `summary.accepted` says whether the best
    /// intent is understood well enough.
    @inline(__always)
    func score(_ buffers: inout ScanBuffers, _ summary: inout ScanSummary) {
        scoreRules(&buffers, &summary)
        blend(&buffers, &summary)
    }

    /// Applies word boundaries, containment, negation and contrast, then adds up the scores.
    func scoreRules(_ buffers: inout ScanBuffers, _ summary: inout ScanSummary) {
        let hits = buffers.hits
        let text = buffers.normalized
        let count = summary.normalizedCount
        let hitCount = summary.hitCount
        let hot = self.hot
        let flags = hot.patternFlags
        // ASCII keywords only on word boundaries.
        for h in 0..<hitCount {
            let f = flags[Int(hits[h].pattern)]
            let start = Int(hits[h].start)
            let end = Int(hits[h].end)
            if f & CompiledRules.startsWord != 0, start > 0, Normalizer.isWordCharacter(text[start - 1]) {
                hits[h].flags |= ScanHit.invalid
            } else if f & CompiledRules.endsWord != 0, end < count, Normalizer.isWordCharacter(text[end]) {
                hits[h].flags |= ScanHit.invalid
            }
        }
        // A hit inside a longer hit of the same layer does not count for that layer: "取消报修" hides the
        // keyword "报修", but an intent keyword ("乱停车") leaves a category word inside it ("乱停") alone.
        let reach = Int32(rules.maxPatternLength)
        for h in 0..<hitCount where hits[h].flags & ScanHit.invalid == 0 {
            let start = hits[h].start
            let end = hits[h].end
            var g = h + 1
            while g < hitCount, hits[g].end - reach <= start {
                markContainment(&hits[h], by: hits[g], start: start, end: end)
                g += 1
            }
            g = h - 1
            while g >= 0, hits[g].end == end {
                markContainment(&hits[h], by: hits[g], start: start, end: end)
                g -= 1
            }
        }
        // The negators and contrast words that can modify a later hit.
        var modifierCount = 0
        for h in 0..<hitCount
        where hits[h].flags & (ScanHit.invalid | ScanHit.modifierSuppressed) == 0
            && flags[Int(hits[h].pattern)] & CompiledRules.modifier != 0
        {
            buffers.modifiers[modifierCount] = Int32(h)
            modifierCount += 1
        }
        buffers.modifierCount = modifierCount
        let scores = buffers.scores
        let categoryScores = buffers.categoryScores
        for i in 0..<scores.count { scores[i] = 0 }
        let composedCategories = buffers.composedCategories  // as many slots as categoryScores
        for i in 0..<categoryScores.count {
            categoryScores[i] = 0
            composedCategories[i] = 0
        }
        summary.categoryIntents = 0
        summary.intensified = 0
        if hitCount == 0 {
            summary.best = -1
            summary.second = -1
            return
        }
        var vetoed: UInt64 = 0
        var negatedIntents: UInt64 = 0
        var strongIntents: UInt64 = 0
        var explicitIntents: UInt64 = 0
        var categoryIntents: UInt64 = 0
        var intensified: UInt64 = 0
        var acts: UInt8 = 0
        var eventCount = 0
        var paired = false
        // Bit `h`: hit `h` is a category word that counted (`ScanHit.categoryCounted`); past hit 63, only a flag.
        var counted: UInt64 = 0
        var countedPastMask = false
        let events = buffers.events
        for h in 0..<hitCount {
            let hit = hits[h]
            if hit.flags & ScanHit.invalid != 0 { continue }
            let pattern = Int(hit.pattern)
            let first = Int(hot.patternOutputStart[pattern])
            let last = Int(hot.patternOutputStart[pattern + 1])
            let keywordLive = hit.flags & ScanHit.keywordSuppressed == 0
            let categoryLive = hit.flags & ScanHit.categorySuppressed == 0
            let extraLive = hit.flags & ScanHit.extraSuppressed == 0
            var keywordRepeat = false
            var categoryRepeat = false
            var factor = 1.0
            let layers = flags[pattern]
            // Negation and contrast are worked out here for scored words; co-occurrence words and intensifiers
            // are only recorded, and checked when they pair up (most never do).
            let scored =
                (keywordLive && layers & CompiledRules.keywordLayer != 0)
                || (categoryLive && layers & CompiledRules.categoryLayer != 0)
            if scored {
                if keywordLive, layers & CompiledRules.keywordLayer != 0 {
                    keywordRepeat = isRepeat(h, hits, ScanHit.keywordSuppressed)
                }
                if categoryLive, layers & CompiledRules.categoryLayer != 0 {
                    categoryRepeat = isRepeat(h, hits, ScanHit.categorySuppressed)
                }
                factor = modifierFactor(h, &buffers, hitCount: hitCount)
                hits[h].flags |= ScanHit.checked
                if factor == 0 { hits[h].flags |= ScanHit.negated }
                if factor > 1 { hits[h].flags |= ScanHit.boosted }
            }
            for o in first..<last {
                let output = hot.outputs[o]
                switch output.kind {
                case .intentKeyword:
                    if keywordLive, !keywordRepeat { scores[Int(output.index)] += Double(output.weight) * factor }
                    if keywordLive, factor == 0, output.index < 64 { negatedIntents |= 1 << UInt64(output.index) }
                    if keywordLive, !keywordRepeat, factor > 0, output.weight >= strongWeight, output.index < 64 {
                        strongIntents |= 1 << UInt64(output.index)
                        if output.weight >= explicitWeight { explicitIntents |= 1 << UInt64(output.index) }
                    }
                case .category:
                    if categoryLive, !categoryRepeat {
                        categoryScores[Int(output.slot)] += Double(output.weight) * factor
                        categoryIntents |= 1 << UInt64(output.index)
                        if factor > 0 {
                            hits[h].flags |= ScanHit.categoryCounted
                            if h < 64 { counted |= 1 << UInt64(h) } else { countedPastMask = true }
                        }
                    }
                case .veto:
                    if keywordLive, factor > 0 { vetoed |= 1 << UInt64(output.index) }
                case .penalty:
                    if keywordLive, !keywordRepeat, factor > 0 { scores[Int(output.index)] -= Double(output.weight) }
                case .act:
                    if hit.flags & ScanHit.actSuppressed == 0 { acts |= 1 << output.index }
                case .cooccurWith, .cooccurAnd:
                    if extraLive, factor > 0, eventCount < events.count {
                        events[eventCount] = CooccurrenceEvent(
                            rule: Int32(output.slot), hit: Int32(h), start: hit.start, end: hit.end,
                            side: output.kind == .cooccurWith ? 0 : 1)
                        eventCount += 1
                    }
                case .intensifier:
                    if extraLive, factor > 0, eventCount < events.count {
                        events[eventCount] = CooccurrenceEvent(
                            rule: Int32(o), hit: Int32(h), start: hit.start, end: hit.end, side: 2)
                        eventCount += 1
                    }
                case .negator, .contrast, .neutral:
                    break
                }
            }
        }
        if eventCount > 0 {
            // Outside `--explain`, the pairs of a rule matter only when one of its words overlaps a category word that
            // counted (`weighObjectsOfRules`); `nil`: every rule's pairs are marked.
            let categoryHits: UInt64? = summary.detailed || countedPastMask ? nil : counted
            let settled = settleEvents(&buffers, eventCount: eventCount, hitCount: hitCount, categoryHits: categoryHits)
            intensified = settled.intensified
            categoryIntents |= settled.composed  // a rule that names a category: its intent has one to pick
            paired = settled.paired
        }
        summary.categoryIntents = categoryIntents
        summary.intensified = intensified
        summary.vetoed = vetoed
        summary.negatedIntents = negatedIntents
        summary.strongIntents = strongIntents
        summary.explicitIntents = explicitIntents
        decide(scores: scores, categoryScores: categoryScores, vetoed: vetoed, &summary, factors: buffers.factors)
        // After the intents are decided: the objects of the fired rules weigh in the choice of category only.
        if paired { weighObjectsOfRules(&buffers, hitCount: hitCount) }
        summary.acts = acts
    }

    /// Whether hit `h` stands negated (worked out once, on first need).
    @inline(__always)
    private func isNegated(_ h: Int, _ buffers: inout ScanBuffers, hitCount: Int) -> Bool {
        let hits = buffers.hits
        if hits[h].flags & ScanHit.checked == 0 {
            let factor = modifierFactor(h, &buffers, hitCount: hitCount)
            hits[h].flags |= ScanHit.checked
            if factor == 0 { hits[h].flags |= ScanHit.negated }
            if factor > 1 { hits[h].flags |= ScanHit.boosted }
        }
        return hits[h].flags & ScanHit.negated != 0
    }

    /// Applies the recorded intensifiers (returns the intents they apply to; factors in `buffers.factors`)
    /// and adds the weight of every co-occurrence rule with a `with` word and an `and` word close enough (in
    /// either order, not overlapping, neither negated), once per rule, marking the words that paired.
    /// Also returns the intents whose fired rules named a category.
    /// `categoryHits`: the counted category words (bit `h`: hit `h`), when only the pairs that can weigh in a
    /// category need marking (else nil).
    private func settleEvents(_ buffers: inout ScanBuffers, eventCount: Int, hitCount: Int, categoryHits: UInt64?)
        -> (intensified: UInt64, composed: UInt64, paired: Bool)
    {
        let events = buffers.events
        let factors = buffers.factors
        var intensified: UInt64 = 0
        var composed: UInt64 = 0
        var paired = false
        // The rules (hashed to 64 bits) that have a `with` word and an `and` word among the events: a rule with
        // words on one side only cannot fire, and its words need no search for a partner (most co-occurrence words
        // of a message are such, so this skips most of the pairwise search; a shared bit only means no skip).
        var sides: (with: UInt64, and: UInt64) = (0, 0)
        for a in 0..<eventCount {
            let side = events[a].side
            if side == 2 {
                let output = hot.outputs[Int(events[a].rule)]
                events[a].rule = -1
                if isNegated(Int(events[a].hit), &buffers, hitCount: hitCount) { continue }
                let i = Int(output.index)
                let bit: UInt64 = i < 64 ? 1 << UInt64(i) : 0
                if intensified & bit == 0 || factors[i] < Double(output.weight) { factors[i] = Double(output.weight) }
                intensified |= bit
            } else {
                let bit: UInt64 = 1 << UInt64(events[a].rule & 63)
                if side == 0 { sides.with |= bit } else { sides.and |= bit }
            }
        }
        let pairedRules = sides.with & sides.and
        if pairedRules == 0 { return (intensified, composed, false) }
        // Chain the events of each rule that may pair (`next`, in event order), so that every search below visits
        // the events of its rule only, in the same order as a walk over all events would.
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: rules.cooccurWithin.count) { last in
            for a in 0..<eventCount {
                let rule = events[a].rule
                if rule >= 0, pairedRules & (1 << UInt64(rule & 63)) != 0 { last[Int(rule)] = -1 }
            }
            var a = eventCount - 1
            while a >= 0 {
                let rule = events[a].rule
                if rule >= 0, pairedRules & (1 << UInt64(rule & 63)) != 0 {
                    events[a].next = last[Int(rule)]
                    last[Int(rule)] = Int32(a)
                }
                a -= 1
            }
        }
        for a in 0..<eventCount {
            let rule = events[a].rule
            if rule < 0 || pairedRules & (1 << UInt64(rule & 63)) == 0 { continue }
            var fired = false
            var b = Int(events[a].next)
            while b >= 0 {
                defer { b = Int(events[b].next) }
                if events[b].side == events[a].side { continue }
                let (x, y) = (events[a], events[b])
                let gap = Self.gap(buffers.normalized, from: min(x.end, y.end), to: max(x.start, y.start))
                guard gap >= 0, gap <= rules.cooccurWithin[Int(rule)] else { continue }
                if isNegated(Int(x.hit), &buffers, hitCount: hitCount) { break }
                if isNegated(Int(y.hit), &buffers, hitCount: hitCount) { continue }
                fired = true
                break
            }
            guard fired else { continue }
            // The marks of the pairs feed `weighObjectsOfRules` (a category word overlapping a paired word) and
            // `--explain`; a rule none of whose words overlaps a counted category word needs none outside it.
            if categoryHits.map({ touchesCategory(chain: a, $0, buffers) }) ?? true {
                pairNearest(rule, from: a, &buffers, eventCount: eventCount, hitCount: hitCount)
            }
            paired = true
            buffers.scores[rules.cooccurIntent[Int(rule)]] += rules.cooccurWeight[Int(rule)]
            let named = rules.cooccurCategory[Int(rule)]
            if named >= 0, rules.cooccurWeight[Int(rule)] > 0 {
                buffers.composedCategories[named] += rules.cooccurWeight[Int(rule)]
                let owner = rules.cooccurIntent[Int(rule)]
                if owner < 64 { composed |= 1 << UInt64(owner) }
            }
            // The rule counts once: later words of it are set aside.
            var c = a
            while c >= 0 {
                events[c].rule = -1
                c = Int(events[c].next)
            }
        }
        return (intensified, composed, paired)
    }

    /// Whether a word of the chain of events from `first` (`next`) overlaps one of the hits of `mask` (bit `h`: hit
    /// `h`), the overlap `weighObjectsOfRules` looks for.
    @inline(__always)
    private func touchesCategory(chain first: Int, _ mask: UInt64, _ buffers: ScanBuffers) -> Bool {
        if mask == 0 { return false }
        let events = buffers.events
        let hits = buffers.hits
        var e = first
        while e >= 0 {
            let (start, end) = (events[e].start, events[e].end)
            var pending = mask
            while pending != 0 {
                let h = pending.trailingZeroBitCount
                if hits[h].start < end, start < hits[h].end { return true }
                pending &= pending - 1
            }
            e = Int(events[e].next)
        }
        return false
    }

    /// Marks the words of fired rule `rule` that pair up: each word of its `and` side (the fault, the nuisance) with
    /// the nearest word of its `with` side in reach before it (the thing is named before what it does, in both
    /// languages: "灯不亮", "the tap drips"), or when none is, the nearest after it; neither negated. In
    /// "水龙头拧紧就好了，是卫生间的灯不亮" the light is not working, not the tap; in "冷氣機一路滴水落窗台" the
    /// air-conditioner drips, not the window sill.
    private func pairNearest(_ rule: Int32, from first: Int, _ buffers: inout ScanBuffers, eventCount: Int, hitCount: Int) {
        let events = buffers.events
        let within = rules.cooccurWithin[Int(rule)]
        // `first` heads the chain of the rule's events (`next`, in event order).
        var a = first
        while a >= 0 {
            defer { a = Int(events[a].next) }
            if events[a].side != 1 { continue }
            if isNegated(Int(events[a].hit), &buffers, hitCount: hitCount) { continue }
            var nearest = -1
            var nearestGap = Int.max
            var nearestBefore = false
            var b = first
            while b >= 0 {
                defer { b = Int(events[b].next) }
                if events[b].side != 0 { continue }
                let (x, y) = (events[a], events[b])
                let before = y.end <= x.start
                if nearestBefore, !before { continue }
                let gap = Self.gap(buffers.normalized, from: min(x.end, y.end), to: max(x.start, y.start))
                guard gap >= 0, gap <= within, gap < nearestGap || (before && !nearestBefore) else { continue }
                if isNegated(Int(y.hit), &buffers, hitCount: hitCount) { continue }
                (nearest, nearestGap, nearestBefore) = (b, gap, before)
            }
            guard nearest >= 0 else { continue }
            buffers.hits[Int(events[a].hit)].flags |= ScanHit.paired
            buffers.hits[Int(events[nearest].hit)].flags |= ScanHit.paired
        }
    }

    /// A category word that is (or overlaps) one word of a co-occurrence pair that fired counts twice: it is the
    /// object of what is happening, not a place named beside it ("𨋢成日停喺7樓唔郁 … 要行樓梯" is the lift, not the
    /// stairs; "冷氣機一路滴水落窗台" is the air-conditioner, not the window sill).
    private func weighObjectsOfRules(_ buffers: inout ScanBuffers, hitCount: Int) {
        let hits = buffers.hits
        for h in 0..<hitCount where hits[h].flags & ScanHit.categoryCounted != 0 {
            let (start, end) = (hits[h].start, hits[h].end)
            var object = false
            for p in 0..<hitCount where hits[p].flags & ScanHit.paired != 0 {
                if hits[p].start < end, start < hits[p].end {
                    object = true
                    break
                }
            }
            guard object else { continue }
            let factor = hits[h].flags & ScanHit.boosted != 0 ? modifierFactor(h, &buffers, hitCount: hitCount) : 1
            let pattern = Int(hits[h].pattern)
            for o in Int(hot.patternOutputStart[pattern])..<Int(hot.patternOutputStart[pattern + 1]) {
                let output = hot.outputs[o]
                if output.kind == .category { buffers.categoryScores[Int(output.slot)] += Double(output.weight) * factor }
            }
        }
    }

    /// The distance between two co-occurrence words, `from` the end of the first `to` the start of the second, in
    /// Chinese characters: a run of ASCII letters or digits (an English word, a number) counts as `wordWidth` of them
    /// and the spaces and marks between words count nothing, so "within 20" reaches about as far into an English
    /// sentence as into a Chinese one. Negative when the words overlap.
    @inline(__always)
    static func gap(_ text: UnsafeMutableBufferPointer<UInt32>, from: Int32, to: Int32) -> Int {
        guard from < to else { return Int(to - from) }
        var width = 0
        var inWord = false
        for i in Int(from)..<Int(to) {
            let v = text[i]
            if v >= 0x80 {
                width += 1
                inWord = false
            } else {
                let alnum = (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) || (0x41...0x5A).contains(v)
                if alnum, !inWord { width += wordWidth }
                inWord = alnum
            }
        }
        return width
    }

    /// The width of an English word (or a number) in a co-occurrence window.
    static let wordWidth = 3

    @inline(__always)
    private func markContainment(_ hit: inout ScanHit, by other: ScanHit, start: Int32, end: Int32) {
        guard other.flags & ScanHit.invalid == 0, other.start <= start, other.end >= end,
            other.end - other.start > end - start
        else { return }
        let otherFlags = hot.patternFlags[Int(other.pattern)]
        if otherFlags & CompiledRules.content != 0 {
            // Same layer: always hidden ("取消报修" hides the keyword "报修"). Another layer: hidden when the longer
            // word is neutral or speaks for other intents only ("乱停车" keeps the parking category word "乱停",
            // the repair keyword "打不着火" hides the fire word "着火"; a negative hides nothing of another layer).
            let mine = rules.patternIntents[Int(hit.pattern)]
            let theirs = rules.patternIntents[Int(other.pattern)]
            let all = theirs.keyword | theirs.category | theirs.extra
            @inline(__always) func hides(_ layer: UInt8, _ intents: UInt64) -> Bool {
                otherFlags & layer != 0 || theirs.neutral || (all != 0 && all & intents == 0)
            }
            // A negative alone ("cancel my report" against an emergency, "who pays for" against a fire) speaks only
            // against its own intent: it hides that intent's words inside it, not another intent's keyword ("cancel",
            // "who pays").
            let negativeOnly = theirs.keyword == 0 && !theirs.neutral && theirs.negative != 0
            let keywordHidden =
                negativeOnly
                ? theirs.negative & (mine.keyword | mine.negative) != 0 || (mine.keyword | mine.negative) == 0
                : hides(CompiledRules.keywordLayer, mine.keyword)
            if keywordHidden { hit.flags |= ScanHit.keywordSuppressed }
            if hides(CompiledRules.categoryLayer, mine.category) { hit.flags |= ScanHit.categorySuppressed }
            // Concept words compose: no longer concept word hides one ("裂了", a repair fault, keeps the gas leak's
            // "裂"; "水从" keeps the flood's "水": a rule counts once however many of its words occur), nor does a
            // category noun ("water tank" keeps "water"). Only a neutral word, or a longer keyword that speaks for
            // other intents alone ("打不着火" hides the fire's "着火"), hides it.
            let extraHidden = theirs.neutral || (theirs.keyword != 0 && all & mine.extra == 0)
            if extraHidden { hit.flags |= ScanHit.extraSuppressed }
            if otherFlags & (CompiledRules.keywordLayer | CompiledRules.categoryLayer) != 0 {
                hit.flags |= ScanHit.modifierSuppressed
            }
        }
        if otherFlags & CompiledRules.act != 0 { hit.flags |= ScanHit.actSuppressed }
    }

    /// Whether the same pattern already counted earlier in the text.
    @inline(__always)
    private func isRepeat(_ h: Int, _ hits: UnsafeMutableBufferPointer<ScanHit>, _ suppressed: UInt16) -> Bool {
        let pattern = hits[h].pattern
        var g = 0
        while g < h {
            if hits[g].pattern == pattern, hits[g].flags & (ScanHit.invalid | suppressed) == 0 {
                return true
            }
            g += 1
        }
        return false
    }
}
