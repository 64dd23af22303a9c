/// "Did you mean" for every reader of names: CLI options, content keys and concepts, estate keys,
/// dialogue expectations. One edit distance, one rule for picking the closest known name.
public enum Suggestion {
    /// The known name closest to `name` by edit distance, if it is within `limit` edits
    /// (default: 2, or a third of the name's length when longer). Ties go to the first in `known`.
    public static func closest<Names: Sequence<String>>(to name: String, among known: Names, within limit: Int? = nil)
        -> String?
    {
        let limit = limit ?? max(2, name.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in known {
            let d = distance(candidate, name)
            if d <= limit, d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        return best?.name
    }

    /// Levenshtein distance over characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
