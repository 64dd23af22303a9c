import FrontDeskModel

/// One keyword occurrence during a scan.
struct ScanHit {
    var pattern: Int32
    /// Scalar offsets into the normalized text, `start..<end`.
    var start: Int32
    var end: Int32
    /// `…Suppressed` (inside a longer hit of that layer), `negated`, `boosted`, `paired`.
    var flags: UInt16

    static let keywordSuppressed: UInt16 = 1
    static let actSuppressed: UInt16 = 2
    static let negated: UInt16 = 4
    static let boosted: UInt16 = 8
    static let invalid: UInt16 = 16
    static let categorySuppressed: UInt16 = 32
    static let extraSuppressed: UInt16 = 64
    /// A negator or contrast word inside a longer keyword or category word ("是不是").
    static let modifierSuppressed: UInt16 = 128
    /// A co-occurrence word that found its partner.
    static let paired: UInt16 = 256
    /// `negated` and `boosted` have been worked out.
    static let checked: UInt16 = 512
    /// A category word whose weight went into the category scores (live, not a repeat, not negated).
    static let categoryCounted: UInt16 = 1024
}

/// One live co-occurrence word or intensifier during scoring.
struct CooccurrenceEvent {
    var rule: Int32
    var hit: Int32
    var start: Int32
    var end: Int32
    /// 0: `with`, 1: `and` (`rule`: the rule); 2: an intensifier (`rule`: its output index).
    var side: Int32
    /// The next event of the same rule, in event order (-1: none); set by `settleEvents` for the rules it pairs.
    var next: Int32 = -1
}

/// What one scan found, before it is turned into a `Classification`.
struct ScanSummary {
    /// The scan is for `--explain`: mark every pair of co-occurrence words (`ScanHit.paired`), not only those
    /// that can weigh in a category.
    var detailed = false
    var normalizedCount = 0
    var hitCount = 0
    /// Han characters in the normalized text.
    var hanCount = 0
    var han: Bool { hanCount > 0 }
    var traditional = false
    /// Normalization changed some character (else the normalized text is the text itself).
    var changed = false
    var acts: UInt8 = 0
    /// Bit `i`: some category keyword of intent `i` counted.
    var categoryIntents: UInt64 = 0
    var best = -1
    var second = -1
    var bestScore = 0.0
    var secondScore = 0.0
    /// Bit `i`: an intensifier of intent `i` occurred (factor in `ScanBuffers.factors`).
    var intensified: UInt64 = 0
    /// Bit `i`: a veto of intent `i` counted.
    var vetoed: UInt64 = 0
    /// Bit `i`: a keyword of intent `i` stood negated ("不是投诉").
    var negatedIntents: UInt64 = 0
    /// Bit `i`: a keyword of intent `i` of at least `learning.holdScore` weight counted (an explicit request:
    /// 报修, complaint).
    var strongIntents: UInt64 = 0
    /// Intents named by a keyword of at least `explicit_score` ("我要投诉", "I want to complain").
    var explicitIntents: UInt64 = 0
    /// Bit `i`: a keyword or co-occurrence rule of intent `i` scored (category words not counted).
    var ruleEvidence: UInt64 = 0
    /// The best intent is understood well enough (else: fallback).
    var accepted = false
    /// The best and second intents are too close to tell apart: the bot asks which one was meant.
    var ambiguous = false
    /// The learned layer chose an intent the rules did not (silent, or another winner): the decision is a guess
    /// from the examples, and its confidence stays below 0.5.
    var learnedOnly = false
    /// The posterior of the learned winner (when `learnedOnly`).
    var learnedPosterior = 0.0
    /// The learned layer took part in the decision (`bestScore`/`secondScore` are blended values then).
    var blended = false
}

/// Scratch buffers for one scan; capacities come from the text's UTF-8 length.
struct ScanBuffers {
    var normalized: UnsafeMutableBufferPointer<UInt32>
    var hits: UnsafeMutableBufferPointer<ScanHit>
    /// Per intent: keyword sum; then the final score.
    var scores: UnsafeMutableBufferPointer<Double>
    /// Per global category slot.
    var categoryScores: UnsafeMutableBufferPointer<Double>
    /// Per intent: the largest intensifier factor seen (valid where `ScanSummary.intensified` says); then
    /// the learned posteriors when the blend ran.
    var factors: UnsafeMutableBufferPointer<Double>
    /// Per global category slot: the weight of the co-occurrence rules that fired naming it (the category when no
    /// category word occurs).
    var composedCategories: UnsafeMutableBufferPointer<Double>
    /// Co-occurrence words and intensifiers not inside a longer word of their layer, in text order.
    var events: UnsafeMutableBufferPointer<CooccurrenceEvent>
    /// The hits that are live negators or contrast words (`modifiers[0..<modifierCount]`, in hit order), the only
    /// ones `modifierFactor` reads; listed once the hits' validity and containment are known.
    var modifiers: UnsafeMutableBufferPointer<Int32>
    var modifierCount = 0

    /// The largest number of co-occurrence words recorded for one message.
    static let maxEvents = 256

    /// The largest number of hits recorded for one message; the rest are ignored (100 KB lines).
    static let maxHits = 4_096

    /// Runs `body` with buffers sized for a text of `utf8Count` bytes, in one temporary allocation
    /// (on the stack when small).
    @inline(__always)
    static func with<R>(utf8Count: Int, intents: Int, categories: Int, _ body: (inout ScanBuffers) -> R) -> R {
        let scalarCapacity = 2 * utf8Count + 8
        let hitCapacity = min(maxHits, 4 * utf8Count + 16)
        // Doubles first (8-byte alignment), then hits (4-byte fields), then scalars.
        let doubles = 2 * (intents + 1) + 2 * (categories + 1)
        let hitBytes = hitCapacity * MemoryLayout<ScanHit>.stride
        let eventBytes = maxEvents * MemoryLayout<CooccurrenceEvent>.stride
        let byteCount = doubles * 8 + hitBytes + eventBytes + scalarCapacity * 4 + hitCapacity * 4
        return withUnsafeTemporaryAllocation(byteCount: byteCount, alignment: 8) { raw in
            let base = raw.baseAddress!
            let scores = base.bindMemory(to: Double.self, capacity: doubles)
            let hits = (base + doubles * 8).bindMemory(to: ScanHit.self, capacity: hitCapacity)
            let events = (base + doubles * 8 + hitBytes).bindMemory(to: CooccurrenceEvent.self, capacity: maxEvents)
            let normalized = (base + doubles * 8 + hitBytes + eventBytes)
                .bindMemory(to: UInt32.self, capacity: scalarCapacity)
            let modifiers = (base + doubles * 8 + hitBytes + eventBytes + scalarCapacity * 4)
                .bindMemory(to: Int32.self, capacity: hitCapacity)
            var buffers = ScanBuffers(
                normalized: UnsafeMutableBufferPointer(start: normalized, count: scalarCapacity),
                hits: UnsafeMutableBufferPointer(start: hits, count: hitCapacity),
                scores: UnsafeMutableBufferPointer(start: scores, count: intents + 1),
                categoryScores: UnsafeMutableBufferPointer(start: scores + intents + 1, count: categories + 1),
                factors: UnsafeMutableBufferPointer(start: scores + intents + 1 + categories + 1, count: intents + 1),
                composedCategories: UnsafeMutableBufferPointer(
                    start: scores + 2 * (intents + 1) + categories + 1, count: categories + 1),
                events: UnsafeMutableBufferPointer(start: events, count: maxEvents),
                modifiers: UnsafeMutableBufferPointer(start: modifiers, count: hitCapacity))
            return body(&buffers)
        }
    }
}
