import Foundation
import FrontDeskContent
import FrontDeskModel

/// The compiled matcher: normalizer tables and one keyword automaton over every intent,
/// category and dialogue act of a catalog. Immutable and shareable across threads.
public struct Matcher: Sendable {
    let engine: MatchEngine

    /// Compiles the catalog's keywords once.
    public init(catalog: Catalog) {
        self.init(
            intents: catalog.intents, faq: catalog.faq, acts: catalog.acts, settings: catalog.settings,
            han: catalog.han)
    }

    /// Compiles rules given as values (tests, and the peer benchmark's neutral rule set).
    public init(
        intents: [IntentDefinition], faq: [FAQTopic] = [], acts: [ActDefinition] = [], settings: MatchSettings,
        han: HanConversion
    ) {
        let normalizer = Normalizer(han: han, traditionalMarkers: settings.traditionalMarkers)
        let rules = CompiledRules(intents: intents, faq: faq, acts: acts, settings: settings, normalizer: normalizer)
        engine = MatchEngine(normalizer: normalizer, rules: rules)
    }

    /// The normalizer the matcher uses (the same tables as for the keywords).
    public var normalizer: Normalizer { engine.normalizer }

    /// The number of distinct keyword texts and automaton states (for benchmarks and `lint`).
    public var size: (patterns: Int, states: Int) { (engine.rules.patternText.count, engine.rules.automaton.stateCount) }

    /// Classifies one message; dates in its entities are resolved against `now` at `utcOffset`.
    public func classify(_ text: String, now: Date, utcOffset: Int) -> Classification {
        classify(text, now: now, utcOffset: utcOffset, extractingEntities: true)
    }

    /// `classify` with or without entity extraction (the benchmark measures the matcher's own cost).
    package func classify(_ text: String, now: Date, utcOffset: Int, extractingEntities: Bool) -> Classification {
        var text = text
        return text.withUTF8 { utf8 in
            ScanBuffers.with(utf8Count: utf8.count, intents: engine.intentCount, categories: engine.categoryCount) { buffers in
                var summary = ScanSummary()
                engine.scan(utf8, &buffers, &summary)
                engine.score(&buffers, &summary)
                var result = build(text: String(decoding: utf8, as: UTF8.self), buffers, summary)
                if extractingEntities {
                    result.entities = EntityExtractor().extract(from: result.normalized, now: now, utcOffset: utcOffset)
                }
                return result
            }
        }
    }

    /// The intent label only: the fast path for throughput benchmarks (no hits, entities or strings).
    public func intentLabel(_ text: String) -> String {
        var text = text
        return text.withUTF8 { utf8 in
            ScanBuffers.with(utf8Count: utf8.count, intents: engine.intentCount, categories: engine.categoryCount) { buffers in
                var summary = ScanSummary()
                engine.scan(utf8, &buffers, &summary)
                engine.score(&buffers, &summary)
                if summary.best < 0 || summary.bestScore < engine.rules.threshold { return "fallback" }
                return engine.rules.intentNames[summary.best]
            }
        }
    }

    private func build(
        text: String, _ buffers: ScanBuffers, _ summary: ScanSummary) -> Classification {
        let rules = engine.rules
        var scalars = String.UnicodeScalarView()
        for i in 0..<summary.normalizedCount {
            scalars.append(Unicode.Scalar(buffers.normalized[i]) ?? "\u{FFFD}")
        }
        let normalized = String(scalars)
        let language: Language = !summary.han ? .en : (summary.traditional ? .zhHant : .zhHans)
        var result = Classification(
            text: text, normalized: normalized, language: language, intent: "fallback", confidence: 0)
        var scores: [(intent: String, score: Double)] = []
        for i in 0..<rules.intentNames.count where buffers.scores[i] > 0 && i != rules.fallbackIndex {
            scores.append((rules.intentNames[i], (buffers.scores[i] * 1000).rounded() / 1000))
        }
        result.scores = scores.sorted { $0.score > $1.score }
        let threshold = rules.threshold
        if summary.best >= 0, summary.bestScore >= threshold {
            result.intent = rules.intentNames[summary.best]
            let s1 = summary.bestScore
            let s2 = max(0, summary.secondScore)
            let strength = min(1, s1 / (3 * threshold))
            result.confidence = ((0.5 * strength + 0.5 * s1 / (s1 + s2)) * 100).rounded() / 100
            if summary.second >= 0, s2 >= threshold, s1 - s2 <= rules.margin * s1,
                !rules.intentSmallTalk[summary.best], !rules.intentSmallTalk[summary.second]
            {
                result.ambiguous = [rules.intentNames[summary.best], rules.intentNames[summary.second]]
            }
        }
        for (index, act) in rules.actNames.enumerated() where summary.acts & (1 << UInt8(index)) != 0 {
            result.acts.insert(act)
        }
        if result.acts.contains(.correction) { result.acts.remove(.deny) }
        for i in 0..<rules.intentNames.count {
            var bestSlot = -1
            for slot in rules.categoryStart[i]..<rules.categoryStart[i + 1] where buffers.categoryScores[slot] > 0 {
                if bestSlot < 0 || buffers.categoryScores[slot] > buffers.categoryScores[bestSlot] { bestSlot = slot }
            }
            if bestSlot >= 0 { result.categories[rules.intentNames[i]] = rules.categoryName[bestSlot] }
        }
        result.hits = hits(buffers, summary)
        return result
    }

    /// The hits that counted, with their meaning, for `--explain`.
    private func hits(_ buffers: ScanBuffers, _ summary: ScanSummary) -> [KeywordHit] {
        let rules = engine.rules
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
                let suppressed = output.kind == .act
                    ? hit.flags & ScanHit.actSuppressed != 0 : hit.flags & ScanHit.contentSuppressed != 0
                if suppressed { continue }
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
                }
                let shown = output.kind == .penalty ? -Double(output.weight) : weight
                result.append(KeywordHit(keyword: keyword, target: target, weight: (shown * 1000).rounded() / 1000,
                                         offset: Int(hit.start)))
            }
        }
        return result
    }
}
