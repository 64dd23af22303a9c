/// A list of words compiled for matching in place over entity tokens: longest first (so `号楼` is tried
/// before `号`, whatever the file order), each with a tag (the list it came from, or its index in the file).
struct EntityWordSet: Sendable {
    /// Every word's scalars, one after another.
    private let scalars: [UInt32]
    /// Where each word ends in `scalars` (each starts where the one before ends).
    private let ends: [Int]
    /// The tag of each word.
    private let tags: [Int]
    /// The first scalar of every word, to refuse most positions at once.
    let firsts: [UInt32]

    /// Words with tags, in any order.
    init(_ words: [(word: String, tag: Int)]) {
        let sorted = words.enumerated().sorted {
            let (a, b) = ($0.element.word.unicodeScalars.count, $1.element.word.unicodeScalars.count)
            return a != b ? a > b : $0.offset < $1.offset
        }.map(\.element)
        var scalars: [UInt32] = []
        var ends: [Int] = []
        for (word, _) in sorted {
            scalars += word.unicodeScalars.map(\.value)
            ends.append(scalars.count)
        }
        self.scalars = scalars
        self.ends = ends
        self.tags = sorted.map(\.tag)
        var firsts: [UInt32] = []
        for (word, _) in sorted {
            if let v = word.unicodeScalars.first?.value, !firsts.contains(v) { firsts.append(v) }
        }
        self.firsts = firsts
    }

    /// One list, each word tagged with its list position.
    init(_ words: [String]) { self.init(words.enumerated().map { ($0.element, $0.offset) }) }

    /// Several lists, each word tagged with the index of its list.
    init(lists: [[String]]) {
        self.init(lists.enumerated().flatMap { list in list.element.map { ($0, list.offset) } })
    }

    var isEmpty: Bool { ends.isEmpty }

    /// Every scalar of every word.
    var allScalars: [UInt32] { scalars }

    /// The words, in match order.
    var words: [[UInt32]] {
        ends.indices.map { Array(scalars[($0 == 0 ? 0 : ends[$0 - 1])..<ends[$0]]) }
    }

    /// The first word (longest first) that `at` spells from `i`, `at` giving the scalar of a token or nil:
    /// its tag and the index after it.
    @inline(__always)
    func match(_ i: Int, _ at: (Int) -> UInt32?) -> (tag: Int, next: Int)? {
        guard let first = at(i), firsts.contains(first) else { return nil }
        var start = 0
        for w in ends.indices {
            let end = ends[w]
            var j = i
            var k = start
            while k < end, at(j) == scalars[k] {
                j += 1
                k += 1
            }
            if k == end { return (tags[w], j) }
            start = end
        }
        return nil
    }
}
