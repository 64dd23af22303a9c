import Foundation
import FrontDeskContent
import FrontDeskModel

/// Keyword weights learned from the labelled examples of `intents/examples/`: a naive-Bayes model over
/// character features of the normalized text (Han 1–3-grams, ASCII words, word pairs and the 4-grams inside
/// words), trained when the catalog is compiled. It speaks where the rules are silent or close; the blend
/// (`MatchEngine.blend`) keeps the rules authoritative where they fire clearly.
///
/// Features are 64-bit hashes in an open-addressing table; each slot holds one log-likelihood per intent.
final class LearnedModel: Sendable {
    /// Slot keys (0: empty); the capacity is a power of two.
    let keys: [UInt64]
    /// `weights[slot]`: log P(feature | intent) for each intent (lanes past `classCount` are 0), smoothed.
    let weights: [SIMD16<Float>]
    let mask: Int
    let classCount: Int
    /// The number of distinct features and of examples it was trained on (for `lint` and benchmarks).
    let featureCount: Int
    let exampleCount: Int

    /// Trains on `examples`; `intentIndex` maps an intent name to its index in the compiled rules.
    init(
        examples: [LabeledExample], intentIndex: [String: Int], classCount: Int, alpha: Double, minimumCount: Int,
        normalizer: Normalizer
    ) {
        var index: [UInt64: Int] = [:]
        var counts: [Int32] = []
        var totals = [Double](repeating: 0, count: classCount)
        var scalars: [UInt32] = []
        var features: [UInt64] = []
        var used = 0
        for example in examples {
            guard let label = intentIndex[example.intent] else { continue }
            used += 1
            scalars.removeAll(keepingCapacity: true)
            for scalar in example.text.unicodeScalars {
                normalizer.forEachMapped(scalar.value) { value, _ in scalars.append(value) }
            }
            features.removeAll(keepingCapacity: true)
            scalars.withUnsafeBufferPointer { buffer in
                Self.forEachFeature(buffer, count: buffer.count) { features.append($0) }
            }
            for feature in features {
                let row: Int
                if let known = index[feature] {
                    row = known
                } else {
                    row = index.count
                    index[feature] = row
                    counts.append(contentsOf: repeatElement(0, count: classCount))
                }
                counts[row * classCount + label] += 1
                totals[label] += 1
            }
        }
        // Features seen fewer than `minimumCount` times are dropped (their counts leave the totals too): a one-off
        // n-gram of one example is noise that makes the posteriors overconfident.
        var kept: [(feature: UInt64, row: Int)] = []
        for (feature, row) in index {
            var total: Int32 = 0
            for c in 0..<classCount { total += counts[row * classCount + c] }
            if Int(total) >= minimumCount {
                kept.append((feature, row))
            } else {
                for c in 0..<classCount { totals[c] -= Double(counts[row * classCount + c]) }
            }
        }
        let vocabulary = Double(kept.count)
        var capacity = 16
        while capacity < 2 * kept.count + 16 { capacity <<= 1 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var weights = [SIMD16<Float>](repeating: SIMD16(repeating: 0), count: capacity)
        let denominators = totals.map { Foundation.log(max($0 + alpha * vocabulary, 1)) }
        for (feature, row) in kept {
            var slot = Int(truncatingIfNeeded: feature) & (capacity - 1)
            while keys[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = feature
            for c in 0..<classCount {
                let count = Double(counts[row * classCount + c])
                weights[slot][c] = Float(Foundation.log(count + alpha) - denominators[c])
            }
        }
        self.keys = keys
        self.weights = weights
        mask = capacity - 1
        self.classCount = classCount
        featureCount = kept.count
        exampleCount = used
    }

    /// Adds each known feature's log-likelihoods of `text[0..<count]` into `logs` (one per class) and returns
    /// how many features were known.
    @inline(__always)
    func accumulate(_ text: UnsafeBufferPointer<UInt32>, count: Int, into logs: UnsafeMutableBufferPointer<Double>)
        -> Int
    {
        var sum = SIMD16<Float>(repeating: 0)
        var known = 0
        let mask = self.mask
        keys.withUnsafeBufferPointer { keys in
            weights.withUnsafeBufferPointer { weights in
                Self.forEachFeature(text, count: count) { feature in
                    var slot = Int(truncatingIfNeeded: feature) & mask
                    while true {
                        let key = keys[slot]
                        if key == feature {
                            known += 1
                            sum += weights[slot]
                            return
                        }
                        if key == 0 { return }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        for c in 0..<classCount { logs[c] = Double(sum[c]) }
        return known
    }

    /// Turns summed log-likelihoods into posteriors in place (uniform when no feature was known).
    @inline(__always)
    static func softmax(_ logs: UnsafeMutableBufferPointer<Double>, count: Int, known: Int, temperature: Double) {
        if known == 0 {
            for c in 0..<count { logs[c] = 1 / Double(count) }
            return
        }
        var top = -Double.infinity
        for c in 0..<count { top = max(top, logs[c]) }
        var sum = 0.0
        let scale = 1 / temperature
        for c in 0..<count {
            logs[c] = Foundation.exp((logs[c] - top) * scale)
            sum += logs[c]
        }
        for c in 0..<count { logs[c] /= sum }
    }

    /// The log-likelihoods of one feature, or nil when it was never seen (for `--explain`).
    func weights(of feature: UInt64) -> [Double]? {
        var slot = Int(truncatingIfNeeded: feature) & mask
        while keys[slot] != 0 {
            if keys[slot] == feature {
                return (0..<classCount).map { Double(weights[slot][$0]) }
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    // MARK: Features

    /// Feature kinds, mixed into the hash so that a Han bigram never equals an ASCII word.
    enum Kind: UInt64 {
        case han1 = 1, han2, han3, word, wordPair, wordGram, symbol
    }

    /// Calls `body` with the hash of every feature of `text[0..<count]`, in text order.
    @inline(__always)
    static func forEachFeature(_ text: UnsafeBufferPointer<UInt32>, count: Int, _ body: (UInt64) -> Void) {
        forEachFeature(text, count: count) { hash, _, _, _ in body(hash) }
    }

    /// Calls `body(hash, kind, start, end)` for every feature; `start..<end` is its span in `text` (for a word
    /// pair, from the first word's start to the second's end).
    @inline(__always)
    static func forEachFeature(
        _ text: UnsafeBufferPointer<UInt32>, count: Int, _ body: (UInt64, Kind, Int, Int) -> Void
    ) {
        var i = 0
        var previousWord: UInt64 = 0
        var previousStart = 0
        while i < count {
            let value = text[i]
            if Normalizer.isHan(value) {
                // One Han run: its 1-, 2- and 3-grams.
                var j = i
                while j < count, Normalizer.isHan(text[j]) {
                    let a = UInt64(text[j])
                    body(mix(a, .han1), .han1, j, j + 1)
                    if j >= i + 1 {
                        body(mix(UInt64(text[j - 1]) | a << 21, .han2), .han2, j - 1, j + 1)
                    }
                    if j >= i + 2 {
                        body(mix(UInt64(text[j - 2]) | UInt64(text[j - 1]) << 21 | a << 42, .han3), .han3, j - 2, j + 1)
                    }
                    j += 1
                }
                i = j
            } else if Normalizer.isWordCharacter(value) {
                var j = i
                var word: UInt64 = 0xcbf2_9ce4_8422_2325
                var letters = false
                while j < count, Normalizer.isWordCharacter(text[j]) {
                    word = (word ^ UInt64(folded(text[j]))) &* 0x0000_0100_0000_01B3
                    letters = letters || text[j] >= 0x61
                    j += 1
                }
                // A number alone says nothing about the intent (a phone, a flat, a date): only words with letters.
                guard letters else {
                    i = j
                    continue
                }
                let hash = mix(word, .word)
                body(hash, .word, i, j)
                if previousWord != 0 { body(mix(previousWord &* 31 ^ word, .wordPair), .wordPair, previousStart, j) }
                previousWord = word
                previousStart = i
                if j - i > 3 {
                    // 4-grams of "^word$": typos and inflections still share most of them.
                    let length = j - i + 2
                    @inline(__always) func at(_ k: Int) -> UInt64 {
                        k == 0 ? 0x5E : (k == length - 1 ? 0x24 : UInt64(folded(text[i + k - 1])))
                    }
                    for k in 0...(length - 4) {
                        let gram = at(k) | at(k + 1) << 16 | at(k + 2) << 32 | at(k + 3) << 48
                        body(mix(gram, .wordGram), .wordGram, max(i, i + k - 1), min(j, i + k + 3))
                    }
                }
                i = j
            } else {
                if value > 0x20, value != 0x3000 { body(mix(UInt64(value), .symbol), .symbol, i, i + 1) }
                i += 1
            }
        }
    }

    /// Digits count as one digit: "REP-20261120-0003" and "REP-20261201-0042" share their features.
    @inline(__always)
    static func folded(_ value: UInt32) -> UInt32 { (0x30...0x39).contains(value) ? 0x30 : value }

    /// SplitMix64 finalizer over `value` and `kind`; never 0 (0 marks an empty slot).
    @inline(__always)
    static func mix(_ value: UInt64, _ kind: Kind) -> UInt64 {
        var z = value &+ kind.rawValue &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return z == 0 ? 1 : z
    }
}
