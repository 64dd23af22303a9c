/// A list of words compiled for matching in place over entity tokens: longest first (so `号楼` is tried
/// before `号`, whatever the file order), each with a tag (the list it came from, or its index in the file).
///
/// The scalars live in memory owned by the `EntityLexicon` that made the set (freed when it goes), so
/// that matching does no reference counting: a set is used only through the lexicon that holds it.
/// Never written after the lexicon's init, hence `@unchecked Sendable` (no lock needed).
struct EntityWordSet: @unchecked Sendable {
    /// Per word: its length, its tag, then its scalars; words one after another.
    private let storage: UnsafePointer<UInt32>
    /// The number of words.
    private let wordCount: Int
    /// Bit `v & 63` of the first scalar `v` of every word: most positions are refused by one test.
    private let firstBits: UInt64

    /// Words with tags, in any order; `arena` keeps the memory until the lexicon goes.
    init(_ words: [(word: String, tag: Int)], arena: inout [UnsafeMutableRawPointer]) {
        let sorted = words.enumerated().sorted {
            let (a, b) = ($0.element.word.unicodeScalars.count, $1.element.word.unicodeScalars.count)
            return a != b ? a > b : $0.offset < $1.offset
        }.map(\.element)
        var layout: [UInt32] = []
        var bits: UInt64 = 0
        for (word, tag) in sorted {
            let values = word.unicodeScalars.map(\.value)
            if let first = values.first { bits |= 1 << UInt64(first & 63) }
            layout.append(UInt32(values.count))
            layout.append(UInt32(tag))
            layout += values
        }
        let memory = UnsafeMutablePointer<UInt32>.allocate(capacity: max(1, layout.count))
        memory.initialize(from: layout, count: layout.count)
        arena.append(UnsafeMutableRawPointer(memory))
        storage = UnsafePointer(memory)
        wordCount = sorted.count
        firstBits = bits
    }

    /// The words, in match order (a plain value, so that the set itself holds no reference: copying
    /// it out of the lexicon costs no retain).
    var words: [[UInt32]] {
        var result: [[UInt32]] = []
        var p = storage
        for _ in 0..<wordCount {
            let length = Int(p[0])
            result.append(Array(UnsafeBufferPointer(start: p + 2, count: length)))
            p += 2 + length
        }
        return result
    }

    /// Every scalar of every word (for the read set).
    var allScalars: [UInt32] { words.flatMap { $0 } }

    /// The first scalar of every word (for the cues).
    var firsts: [UInt32] { words.compactMap(\.first) }

    /// One list, each word tagged with its list position.
    init(_ words: [String], arena: inout [UnsafeMutableRawPointer]) {
        self.init(words.enumerated().map { ($0.element, $0.offset) }, arena: &arena)
    }

    /// Several lists, each word tagged with the index of its list.
    init(lists: [[String]], arena: inout [UnsafeMutableRawPointer]) {
        self.init(lists.enumerated().flatMap { list in list.element.map { ($0, list.offset) } }, arena: &arena)
    }

    /// The first word (longest first) that `at` spells from `i`, `at` giving the scalar of a token or nil:
    /// its tag and the index after it.
    @inline(__always)
    func match(_ i: Int, _ at: (Int) -> UInt32?) -> (tag: Int, next: Int)? {
        guard let first = at(i), firstBits & (1 << UInt64(first & 63)) != 0 else { return nil }
        var p = storage
        for _ in 0..<wordCount {
            let length = Int(p[0])
            let tag = Int(p[1])
            let word = p + 2
            p = word + length
            guard word[0] == first else { continue }
            var k = 1
            while k < length, at(i + k) == word[k] { k += 1 }
            if k == length { return (tag, i + length) }
        }
        return nil
    }
}
