/// A seeded generator of resident-like messages (5–120 characters; 60% zh-Hans, 20% zh-Hant, 20% English),
/// composed from the parts in `bench/corpus.json` (`BenchCorpus.Classify`).
enum MessageCorpus {
    /// `count` messages from a linear congruential generator seeded with `seed`, composed of `words`.
    static func generate(count: Int, seed: UInt64, words: BenchCorpus.Classify) -> [String] {
        var state = seed &* 6_364_136_223_846_793_005 &+ 1
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var result: [String] = []
        result.reserveCapacity(count)
        while result.count < count {
            let roll = next(10)
            var text: String
            if roll < 6 {
                text = words.zhOpeners[next(words.zhOpeners.count)] + words.zhBodies[next(words.zhBodies.count)]
                for _ in 0..<next(3) { text += words.zhFillers[next(words.zhFillers.count)] }
            } else if roll < 8 {
                text = words.hantBodies[next(words.hantBodies.count)]
                if next(2) == 0 { text += words.hantJoiner + words.hantBodies[next(words.hantBodies.count)] }
            } else {
                text = words.enBodies[next(words.enBodies.count)]
                for _ in 0..<next(3) { text += words.enFillers[next(words.enFillers.count)] }
                if next(3) == 0 { text = text.uppercased() }
            }
            if next(8) == 0 { text = String(repeating: text + " ", count: 1 + next(3)) }
            if text.count > 120 { text = String(text.prefix(120)) }
            if text.count >= 5 { result.append(text) }
        }
        return result
    }
}
