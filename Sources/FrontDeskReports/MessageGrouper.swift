import Foundation
public import FrontDeskContent

/// Counts unrecognized messages by their grouping key in bounded memory, then groups similar
/// keys by shared n-grams.
///
/// At most `2 × capacity` distinct keys are held: when that is reached the rarest half is
/// dropped (their messages are still counted in the totals, and `approximate` becomes true),
/// so a year of transcripts needs no more memory than a day of them.
public struct MessageGrouper: Sendable {
    struct Entry: Sendable {
        var count = 0
        var fallback = 0
        var clarify = 0
        var example: String
        var offered: [String: Int] = [:]
    }

    /// Distinct keys kept after a prune.
    public let capacity: Int
    private var entries: [String: Entry] = [:]
    /// Messages whose key was dropped by a prune.
    public private(set) var dropped = 0

    /// The Traditional → Simplified table messages are folded with.
    let han: HanConversion

    /// The stop characters and words of the n-grams (`intents/grouping.json`).
    let words: ReportWords

    /// A grouper keeping about `capacity` distinct messages, folding them with `han`.
    public init(capacity: Int = 4000, han: HanConversion, words: ReportWords) {
        self.capacity = max(16, capacity)
        self.han = han
        self.words = words
    }

    /// Counts one unrecognized message; `offered` are the intents of a "which did you mean".
    public mutating func add(_ text: String, offered: [String]) {
        let key = GroupingText.key(text, han: han)
        guard !key.isEmpty else { return }
        entries[key, default: Entry(example: text)].count += 1
        if offered.isEmpty {
            entries[key]!.fallback += 1
        } else {
            entries[key]!.clarify += 1
            entries[key]!.offered[offered.sorted().joined(separator: "/"), default: 0] += 1
        }
        if entries.count >= capacity * 2 { prune() }
    }

    private mutating func prune() {
        let kept = entries.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.prefix(capacity)
        let keptCount = kept.reduce(0) { $0 + $1.value.count }
        dropped += entries.values.reduce(0) { $0 + $1.count } - keptCount
        entries = Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
    }

    /// The groups, biggest first, at most `limit`, with up to `examples` examples each; and
    /// the number of messages in the groups left out.
    public func groups(limit: Int = 20, examples: Int = 3) -> (groups: [MessageGroup], rest: Int) {
        let keys = entries.keys.sorted { (entries[$0]!.count, $1) > (entries[$1]!.count, $0) }
        let grams = keys.map { key -> [String] in
            let g = GroupingText.grams(key, words: words)
            return g.isEmpty ? [key] : g
        }
        var postings: [String: [Int]] = [:]
        var weight: [String: Int] = [:]
        for (i, list) in grams.enumerated() {
            for gram in list {
                postings[gram, default: []].append(i)
                weight[gram, default: 0] += entries[keys[i]]!.count
            }
        }
        let seeds = weight.keys.sorted { (weight[$0]!, $1) > (weight[$1]!, $0) }
        var assigned = [Bool](repeating: false, count: keys.count)
        var result: [MessageGroup] = []
        for seed in seeds {
            let members = postings[seed]!.filter { !assigned[$0] }
            guard !members.isEmpty else { continue }
            for m in members { assigned[m] = true }
            result.append(group(seed: seed, members: members, keys: keys, grams: grams, examples: examples))
        }
        result.sort { ($0.count, $1.label) > ($1.count, $0.label) }
        let rest = result.dropFirst(limit).reduce(0) { $0 + $1.count }
        return (Array(result.prefix(limit)), rest)
    }

    private func group(seed: String, members: [Int], keys: [String], grams: [[String]], examples: Int) -> MessageGroup {
        var g = MessageGroup(label: seed, count: 0, fallback: 0, clarify: 0, examples: [], offered: [])
        var offered: [String: Int] = [:]
        for m in members {
            let e = entries[keys[m]]!
            g.count += e.count
            g.fallback += e.fallback
            g.clarify += e.clarify
            if g.examples.count < examples { g.examples.append((e.example, e.count)) }
            for (pair, n) in e.offered { offered[pair, default: 0] += n }
        }
        g.label = Self.widen(seed, in: members.prefix(200).map { (keys[$0], entries[keys[$0]]!.count) }, total: g.count)
        g.offered = offered.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
        return g
    }

    /// The seed grown, a character at a time, while more than half of the group's messages still
    /// contain it: bigrams `快递` in a group of "代收快递…" messages become the label `代收快递`.
    static func widen(_ seed: String, in members: [(key: String, count: Int)], total: Int) -> String {
        guard let base = members.first?.key, let range = base.range(of: seed) else { return seed }
        let chars = Array(base)
        var lower = base.distance(from: base.startIndex, to: range.lowerBound)
        var upper = base.distance(from: base.startIndex, to: range.upperBound)
        func share(_ l: Int, _ u: Int) -> Bool {
            let candidate = String(chars[l..<u])
            return members.reduce(0) { $0 + ($1.key.contains(candidate) ? $1.count : 0) } * 2 > total
        }
        while upper - lower < 16 {
            if lower > 0, share(lower - 1, upper) {
                lower -= 1
            } else if upper < chars.count, share(lower, upper + 1) {
                upper += 1
            } else {
                break
            }
        }
        return String(chars[lower..<upper]).trimmingCharacters(in: .whitespaces)
    }

    /// Distinct messages held now.
    public var distinct: Int { entries.count }
}
