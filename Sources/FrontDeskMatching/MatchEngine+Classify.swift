import Foundation
import FrontDeskContent
import FrontDeskModel

extension MatchEngine {
    /// Normalizes and scans `text`, scores the hits and calls `body` with the text's UTF-8 and the results.
    /// `detailed`: every hit's marks are worked out for `--explain` (which co-occurrence words paired), also
    /// where they change no score and no category.
    @inline(__always)
    func withScan<R>(
        _ text: String, detailed: Bool = false,
        _ body: (UnsafeBufferPointer<UInt8>, inout ScanBuffers, ScanSummary) -> R
    ) -> R {
        var text = text
        return text.withUTF8 { utf8 in
            ScanBuffers.with(utf8Count: utf8.count, intents: intentCount, categories: categoryCount) { buffers in
                var summary = ScanSummary()
                summary.detailed = detailed
                scan(utf8, &buffers, &summary)
                score(&buffers, &summary)
                return body(utf8, &buffers, summary)
            }
        }
    }

    /// The classification of `text`: decision, language, normalized text, entities (unless not wanted), and
    /// the compact acts and categories; scores and hits are left to be worked out again when read.
    func classify(_ text: String, now: Date, utcOffset: Int, extractingEntities: Bool) -> Classification {
        let (normalized, summary, facts, englishWords) = withScan(text) { utf8, buffers, summary in
            var facts = ScanFacts()
            facts.actBits = summary.acts
            forEachCategoryIntent(summary) { i in
                let slot = bestCategory(of: i, buffers)
                if slot >= 0 { facts.addCategory(intent: i, slot: slot) }
            }
            let words =
                summary.han && summary.hanCount <= Normalizer.nameLength
                ? Normalizer.englishWordCount(buffers.normalized.prefix(summary.normalizedCount)) : 0
            return (normalizedText(buffers, summary, original: utf8), summary, facts, words)
        }
        // An English message that names a person or place in Chinese ("The owner is 吕玉兰") is English.
        let language = Normalizer.language(
            han: summary.hanCount, englishWords: englishWords, traditional: summary.traditional)
        var intent = "fallback"
        var confidence = 0.0
        var ambiguous: [String] = []
        // Blended values live on another scale than rule scores: their own threshold.
        let threshold = summary.blended ? learning.threshold : rules.threshold
        if summary.accepted {
            intent = rules.intentNames[summary.best]
            let s1 = summary.bestScore
            let s2 = max(0, summary.secondScore)
            let strength = min(1, s1 / (3 * threshold))
            confidence = ((0.5 * strength + 0.5 * s1 / (s1 + s2)) * 100).rounded() / 100
            // A guess from the examples alone (no rule chose it) is never confident enough to interrupt a flow.
            if summary.learnedOnly { confidence = (min(0.49, 0.49 * summary.learnedPosterior) * 100).rounded() / 100 }
            if summary.ambiguous {
                ambiguous = [rules.intentNames[summary.best], rules.intentNames[summary.second]]
            }
        }
        let normalizedString = normalized ?? text
        let entities =
            extractingEntities
            ? self.entities.extract(from: normalizedString, now: now, utcOffset: utcOffset) : Entities()
        // The memberwise initializer: the value is built in place (a hand-written one copied it once more).
        return Classification(
            text: text, normalized: normalizedString, language: language, intent: intent, confidence: confidence,
            ambiguous: ambiguous, entities: entities, detail: MatchDetail(engine: self, text: text, facts: facts),
            given: nil)
    }

    /// The best category slot of intent `i` (the first of equal ones): by its category words, or when none occurs by the
    /// co-occurrence rules that name a category ("电梯卡在两层中间 … 困在里面" is `elevator_trapped`); -1 when neither.
    /// A category of places is the best only when no other category scores.
    @inline(__always)
    func bestCategory(of i: Int, _ buffers: ScanBuffers) -> Int {
        @inline(__always) func best(_ scores: UnsafeMutableBufferPointer<Double>) -> Int {
            var best = -1
            var place = -1
            for slot in hot.categoryStart[i]..<hot.categoryStart[i + 1] where scores[slot] > 0 {
                if hot.categoryPlace[slot] {
                    if place < 0 || scores[slot] > scores[place] { place = slot }
                } else if best < 0 || scores[slot] > scores[best] {
                    best = slot
                }
            }
            return best >= 0 ? best : place
        }
        let named = best(buffers.categoryScores)
        return named >= 0 ? named : best(buffers.composedCategories)
    }


    /// The normalized text as a `String`, or nil when it is the original text byte for byte.
    private func normalizedText(
        _ buffers: ScanBuffers, _ summary: ScanSummary, original: UnsafeBufferPointer<UInt8>
    ) -> String? {
        if !summary.changed { return nil }
        let count = summary.normalizedCount
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 * count + 1) { bytes in
            var n = 0
            for i in 0..<count {
                var value = buffers.normalized[i]  // U+FFFD for a surrogate or a value past U+10FFFF
                if value < 0x80 {
                    bytes[n] = UInt8(value)
                    n += 1
                } else if value < 0x800 {
                    bytes[n] = UInt8(0xC0 | value >> 6)
                    bytes[n + 1] = UInt8(0x80 | value & 0x3F)
                    n += 2
                } else if value < 0x10000 {
                    if value >= 0xD800, value < 0xE000 { value = 0xFFFD }
                    bytes[n] = UInt8(0xE0 | value >> 12)
                    bytes[n + 1] = UInt8(0x80 | value >> 6 & 0x3F)
                    bytes[n + 2] = UInt8(0x80 | value & 0x3F)
                    n += 3
                } else if value > 0x10FFFF {
                    bytes[n] = 0xEF
                    bytes[n + 1] = 0xBF
                    bytes[n + 2] = 0xBD
                    n += 3
                } else {
                    bytes[n] = UInt8(0xF0 | value >> 18)
                    bytes[n + 1] = UInt8(0x80 | value >> 12 & 0x3F)
                    bytes[n + 2] = UInt8(0x80 | value >> 6 & 0x3F)
                    bytes[n + 3] = UInt8(0x80 | value & 0x3F)
                    n += 4
                }
            }
            let encoded = UnsafeBufferPointer(rebasing: bytes[0..<n])
            if n == original.count, n == 0 || memcmp(encoded.baseAddress!, original.baseAddress!, n) == 0 {
                return nil
            }
            return String(decoding: encoded, as: UTF8.self)
        }
    }

    /// The dialogue acts of `bits`; a correction is not also a denial.
    func acts(_ bits: UInt8) -> Set<DialogueAct> {
        var result = Set<DialogueAct>()
        for (index, act) in rules.actNames.enumerated() where bits & (1 << UInt8(index)) != 0 {
            result.insert(act)
        }
        if result.contains(.correction) { result.remove(.deny) }
        return result
    }

    /// The categories dictionary of a compact detail.
    func categories(_ detail: MatchDetail) -> [String: String] {
        if detail.facts.categoryOverflow { return explain(detail.text).categories }
        var result: [String: String] = [:]
        let picks = detail.facts.categoryPicks
        for code in [picks.0, picks.1, picks.2, picks.3] where code != 0 {
            result[rules.intentNames[Int(code >> 24)]] = rules.categoryName[Int(code & 0xFF_FFFF) - 1]
        }
        return result
    }

    /// The category of the intent named `intent` in a compact detail, or nil.
    func category(for intent: String, _ detail: MatchDetail) -> String? {
        if detail.facts.categoryOverflow { return explain(detail.text).categories[intent] }
        let picks = detail.facts.categoryPicks
        for code in [picks.0, picks.1, picks.2, picks.3] where code != 0 {
            if rules.intentNames[Int(code >> 24)] == intent { return rules.categoryName[Int(code & 0xFF_FFFF) - 1] }
        }
        return nil
    }

    /// Whether `bits` carry `act` (a correction is not also a denial), as `acts(_:)` would say.
    func hasAct(_ act: DialogueAct, _ bits: UInt8) -> Bool {
        func isSet(_ act: DialogueAct) -> Bool {
            guard let index = rules.actNames.firstIndex(of: act) else { return false }
            return bits & (1 << UInt8(index)) != 0
        }
        if act == .deny, isSet(.correction) { return false }
        return isSet(act)
    }
}
