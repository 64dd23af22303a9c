import Foundation
package import FrontDeskModel

/// Matching the dialogue lexicon's words (`intents/dialogue.json`) against normalized, lower-cased
/// text: whole-message and prefix matches, substring tests, trimming. No words of its own.
package enum TextMatch {
    /// `text.lowercased()`; `text` itself when it is plain (`isPlain`) without A–Z or Ａ–Ｚ, the only plain characters
    /// that lower-casing changes. The dialogue's lower-cased text (`Turn.lower`) and the block-and-flat reader's.
    package static func lowercased(_ text: String) -> String {
        var copy = text
        let unchanged = copy.withUTF8 { bytes in
            guard isPlain(bytes) else { return false }
            for (index, byte) in bytes.enumerated() {
                if byte >= 0x41 && byte <= 0x5A { return false }
                // Ａ–Ｚ: EF BC A1 … EF BC BA.
                if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBC, (0xA1...0xBA).contains(bytes[index + 2]) {
                    return false
                }
            }
            return true
        }
        return unchanged ? text : text.lowercased()
    }

    /// Whether `lower` is one of `words`, or begins with one followed by punctuation or a space.
    package static func matches(_ lower: String, _ words: [String]) -> Bool {
        matches(trimmed: trimmed(lower), words)
    }

    /// `matches` on text already `trimmed`.
    package static func matches(trimmed text: String, _ words: [String]) -> Bool {
        if text.isEmpty { return false }
        var plain = text
        if let answer = plain.withUTF8({ bytes in isPlain(bytes) ? plainMatches(bytes, words) : nil }) { return answer }
        return words.contains { leads(text, $0) }
    }

    /// `matches` on plain text (`isPlain`), where characters are scalars and equality is byte
    /// equality; `nil` when a word is not plain itself.
    private static func plainMatches(_ bytes: UnsafeBufferPointer<UInt8>, _ words: [String]) -> Bool? {
        for word in words {
            var word = word
            let found: Bool? = word.withUTF8 { pattern in
                guard isPlain(pattern) else { return nil }
                guard pattern.count <= bytes.count,
                    pattern.isEmpty || memcmp(bytes.baseAddress!, pattern.baseAddress!, pattern.count) == 0
                else { return false }
                if pattern.count == bytes.count { return true }
                // The character right after the word: one scalar of 1 or 3 bytes in plain text.
                let lead = bytes[pattern.count]
                let next: Unicode.Scalar
                if lead < 0x80 {
                    next = Unicode.Scalar(lead)
                } else {
                    let value =
                        (UInt32(lead & 0x0F) << 12) | (UInt32(bytes[pattern.count + 1] & 0x3F) << 6)
                        | UInt32(bytes[pattern.count + 2] & 0x3F)
                    guard let scalar = Unicode.Scalar(value) else { return false }
                    next = scalar
                }
                return separators.contains(Character(next))
            }
            guard let found else { return nil }
            if found { return true }
        }
        return false
    }

    /// Whether any of `words` occurs anywhere in `lower`. On plain text (`isPlain`, checked once for all the words) a
    /// byte search (`memmem`) per word; Foundation's `contains` otherwise.
    package static func containsAny(_ lower: String, _ words: [String]) -> Bool {
        var haystack = lower
        let answer: Bool? = haystack.withUTF8 { bytes in
            guard isPlain(bytes) else { return nil }
            for word in words {
                var needle = word
                let found: Bool? = needle.withUTF8 { pattern in isPlain(pattern) ? occurs(pattern, in: bytes) : nil }
                if found ?? lower.contains(word) { return true }
            }
            return false
        }
        return answer ?? words.contains { lower.contains($0) }
    }

    /// Whether `word` occurs in `text`, as Foundation's `contains` answers: straight from the bytes
    /// when both are plain text (`isPlain`), where a byte match is exactly a character match.
    package static func contains(_ text: String, _ word: String) -> Bool {
        var haystack = text
        var needle = word
        let answer: Bool? = haystack.withUTF8 { bytes in
            needle.withUTF8 { pattern in
                isPlain(bytes) && isPlain(pattern) ? occurs(pattern, in: bytes) : nil
            }
        }
        return answer ?? text.contains(word)
    }

    /// Where `word` first occurs in `text` at or after `start`, as Foundation's `range(of:range:)` finds it: from the
    /// bytes when both are plain text (`isPlain`: there a byte match is a character match and byte offsets fall on
    /// character boundaries); Foundation otherwise. An empty word is never found.
    /// `textIsPlain`: whether `text` is plain, when the caller knows it (asked once for many words).
    package static func range(
        of word: String, in text: String, from start: String.Index? = nil, textIsPlain: Bool? = nil
    ) -> Range<String.Index>? {
        var haystack = text
        var needle = word
        let from = start.map { text.utf8.distance(from: text.utf8.startIndex, to: $0) } ?? 0
        let found: Int?? = haystack.withUTF8 { bytes in
            needle.withUTF8 { pattern in
                guard textIsPlain ?? isPlain(bytes), isPlain(pattern) else { return .none }
                guard !pattern.isEmpty, from <= bytes.count else { return .some(nil) }
                return .some(firstIndex(of: pattern, in: bytes, from: from))
            }
        }
        switch found {
        case .some(.some(let offset)):
            let lower = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
            return lower..<text.utf8.index(lower, offsetBy: word.utf8.count)
        case .some(.none): return nil
        case .none: return text.range(of: word, range: (start ?? text.startIndex)..<text.endIndex)
        }
    }

    /// Where `word` last occurs in `text`, as Foundation's `range(of:options: .backwards)` finds it: from the bytes when
    /// both are plain text (`isPlain`) and `text`'s are contiguous; Foundation otherwise. An empty word is never found.
    package static func lastRange(of word: String, in text: Substring) -> Range<String.Index>? {
        var needle = word
        let found: Int?? = text.utf8.withContiguousStorageIfAvailable { bytes -> Int?? in
            needle.withUTF8 { pattern -> Int?? in
                guard isPlain(bytes), isPlain(pattern) else { return .none }
                guard !pattern.isEmpty else { return .some(nil) }
                var last: Int?
                var from = 0
                while let hit = firstIndex(of: pattern, in: bytes, from: from) {
                    last = hit
                    from = hit + 1
                }
                return .some(last)
            }
        } ?? .none
        switch found {
        case .some(.some(let offset)):
            let lower = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
            return lower..<text.utf8.index(lower, offsetBy: word.utf8.count)
        case .some(.none): return nil
        case .none: return text.range(of: word, options: .backwards)
        }
    }

    /// `text.hasPrefix(prefix)`, from the bytes when both are plain text (`isPlain`), where characters are scalars and
    /// equality is byte equality.
    package static func hasPrefix(_ text: String, _ prefix: String) -> Bool { hasPrefix(text, prefix, textIsPlain: nil) }

    /// `hasPrefix(text, prefix)` where the caller may already know whether `text` is plain (`isPlain`), asked once for
    /// many prefixes.
    package static func hasPrefix(_ text: String, _ prefix: String, textIsPlain: Bool?) -> Bool {
        var haystack = text
        var needle = prefix
        let answer: Bool? = haystack.withUTF8 { bytes in
            needle.withUTF8 { pattern in
                guard isPlain(pattern), textIsPlain ?? isPlain(bytes) else { return nil }
                guard pattern.count <= bytes.count else { return false }
                return pattern.isEmpty || memcmp(bytes.baseAddress!, pattern.baseAddress!, pattern.count) == 0
            }
        }
        return answer ?? text.hasPrefix(prefix)
    }

    /// Whether `pattern` occurs in `bytes`; an empty pattern never does (as Foundation answers).
    package static func occurs(_ pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let needle = pattern.baseAddress, !pattern.isEmpty else { return false }
        guard let base = bytes.baseAddress, pattern.count <= bytes.count else { return false }
        // memchr for the first byte, memcmp for the rest (glibc's memmem is not visible without _GNU_SOURCE).
        let first = Int32(needle.pointee)
        let last = base + (bytes.count - pattern.count)  // the last place the pattern can start
        var cursor = base
        while cursor <= last {
            guard let hit = memchr(cursor, first, last - cursor + 1) else { return false }
            let start = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
            if pattern.count == 1 || memcmp(start + 1, needle + 1, pattern.count - 1) == 0 { return true }
            cursor = start + 1
        }
        return false
    }

    /// Text made only of characters that never combine or decompose: ASCII (but CR, which pairs
    /// with LF), CJK ideographs, CJK and general punctuation, full-width forms. On such text Unicode
    /// canonical equivalence is byte equality and every character is one scalar.
    package static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { Han.isPlain(bytes) }

    /// Where `pattern` first occurs in `bytes` at or after `from`.
    package static func firstIndex(of pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from: Int)
        -> Int?
    {
        guard !pattern.isEmpty else { return from }
        guard let base = bytes.baseAddress, let needle = pattern.baseAddress, from + pattern.count <= bytes.count
        else { return nil }
        // memchr for the first byte, memcmp for the rest (as `occurs`).
        let first = Int32(needle.pointee)
        let last = base + (bytes.count - pattern.count)  // the last place the pattern can start
        var cursor = base + from
        while cursor <= last {
            guard let hit = memchr(cursor, first, last - cursor + 1) else { return nil }
            let start = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
            if pattern.count == 1 || memcmp(start + 1, needle + 1, pattern.count - 1) == 0 { return start - base }
            cursor = start + 1
        }
        return nil
    }

    /// `text` without any occurrence of `words` (the longest first), as Foundation's
    /// `replacingOccurrences(of:with: "")` gives; from the bytes when everything is plain text.
    package static func removing(_ words: [String], from text: String) -> String {
        removing(longestFirst: longestFirst(words), from: text)
    }

    /// `words` in the order `removing` takes them off: the longest first ("烟雾报警器" goes whole, not as "报警器" leaving
    /// "烟雾" behind), as listed among as long ones.
    package static func longestFirst(_ words: [String]) -> [String] { words.sorted(by: { $0.count > $1.count }) }

    /// `removing(words, from: text)` for words already in `longestFirst` order (sorted once per engine, not per call).
    package static func removing(longestFirst words: [String], from text: String) -> String {
        var result = text
        let plainText = result.withUTF8 { isPlain($0) }
        for word in words {
            var needle = word
            var current = result
            let replaced: String?? =
                plainText
                ? needle.withUTF8 { pattern in
                    guard isPlain(pattern), !pattern.isEmpty else { return nil }
                    return .some(current.withUTF8 { removingAll(pattern, from: $0) })
                } : nil
            switch replaced {
            case .some(.some(let removed)): result = removed
            case .some(.none): break  // not found: unchanged
            case .none: result = result.replacingOccurrences(of: word, with: "")
            }
        }
        return result
    }

    /// `bytes` without every non-overlapping occurrence of `pattern`, left to right; `nil` when there is none.
    private static func removingAll(_ pattern: UnsafeBufferPointer<UInt8>, from bytes: UnsafeBufferPointer<UInt8>)
        -> String?
    {
        guard var found = firstIndex(of: pattern, in: bytes, from: 0) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var copied = 0
        while true {
            out.append(contentsOf: bytes[copied..<found])
            copied = found + pattern.count
            guard let next = firstIndex(of: pattern, in: bytes, from: copied) else { break }
            found = next
        }
        out.append(contentsOf: bytes[copied...])
        return String(decoding: out, as: UTF8.self)
    }

    /// The words of one lexicon list, built once per engine: the plain ones (`isPlain`) as one byte buffer, so
    /// `containsAny` and `matches` on plain text need no per-word check or copy; the others (rare: "𨋢", "façade")
    /// kept as strings and matched as those functions match a word that is not plain. A class (immutable): a read of
    /// a list (`DialogueLexicon.Table` subscript) is one retain, not one per array.
    package final class PlainWords: Sendable {
        /// The plain words' UTF-8, one after another.
        package let bytes: [UInt8]
        /// Where each plain word ends in `bytes` (the next starts there).
        package let ends: [Int]
        /// The words that are not plain text.
        package let others: [String]
        /// Those of `others` that plain text may still hold: their canonical decomposition is plain (a compatibility
        /// ideograph such as U+F967 is U+4E0D). The rest ("façade", "𨋢") never occur in plain text, which has no
        /// combining mark, no character outside the BMP's plain ranges and is its own decomposition.
        package let othersInPlain: [String]
        /// The plain words' indices grouped by first byte: those beginning with byte `b` are
        /// `leadOrder[leadStart[b]..<leadStart[b + 1]]`, in list order.
        private let leadOrder: [Int32]
        private let leadStart: [Int32]
        /// The indices of the empty plain words.
        private let emptyWords: [Int32]
        /// The bytes of each plain word: a word is searched for only in a text that holds all of them.
        private let byteSets: [ByteSet]

        package init(_ words: [String]) {
            var bytes: [UInt8] = []
            var ends: [Int] = []
            var others: [String] = []
            for word in words {
                var copy = word
                if copy.withUTF8({ isPlain($0) }) {
                    bytes.append(contentsOf: word.utf8)
                    ends.append(bytes.count)
                } else {
                    others.append(word)
                }
            }
            self.bytes = bytes
            self.ends = ends
            self.others = others
            // The plain words by their first byte, for `anyLeads` (the empty ones apart: they lead any text).
            var order: [Int32] = []
            var start = [Int32](repeating: 0, count: 257)
            var empty: [Int32] = []
            var buckets = [[Int32]](repeating: [], count: 256)
            var begin = 0
            for (index, end) in ends.enumerated() {
                if end == begin { empty.append(Int32(index)) } else { buckets[Int(bytes[begin])].append(Int32(index)) }
                begin = end
            }
            for lead in 0..<256 {
                start[lead] = Int32(order.count)
                order += buckets[lead]
            }
            start[256] = Int32(order.count)
            leadOrder = order
            leadStart = start
            emptyWords = empty
            var sets: [ByteSet] = []
            begin = 0
            for end in ends {
                sets.append(bytes[begin..<end].withUnsafeBufferPointer { ByteSet($0) })
                begin = end
            }
            byteSets = sets
            othersInPlain = others.filter { word in
                var decomposed = word.decomposedStringWithCanonicalMapping
                return decomposed.withUTF8 { isPlain($0) }
            }
        }

        /// `containsAny(text, words)` for plain `text` (never called with other text): whether any word occurs in it; with `minimumCharacters`, any
        /// word of at least that many characters (a plain word's characters are its scalars).
        /// `present`: the bytes of `text`, when the caller has them (asked once for many lists).
        package func anyOccurs(in text: String, minimumCharacters: Int = 0, present known: ByteSet? = nil) -> Bool {
            var haystack = text
            let plainFound = haystack.withUTF8 { text in
                // A word with a byte the text lacks is not in it: most words are ruled out without a search.
                let present = known ?? ByteSet(text)
                return bytes.withUnsafeBufferPointer { all in
                    byteSets.withUnsafeBufferPointer { sets in
                        var start = 0
                        for (index, end) in ends.enumerated() {
                            defer { start = end }
                            guard present.contains(all: sets[index]) else { continue }
                            let word = UnsafeBufferPointer(rebasing: all[start..<end])
                            if minimumCharacters > 0, word.count(where: { $0 & 0xC0 != 0x80 }) < minimumCharacters {
                                continue
                            }
                            if occurs(word, in: text) { return true }
                        }
                        return false
                    }
                }
            }
            return plainFound
                || othersInPlain.contains { text.contains($0) && (minimumCharacters == 0 || $0.count >= minimumCharacters) }
        }

        /// `matches(trimmed: text, words)` for plain, trimmed `text` (never called with other text): whether it is a word, or begins with one followed
        /// by a separator.
        package func anyLeads(_ text: String) -> Bool {
            guard !text.isEmpty else { return false }
            var haystack = text
            let plainFound = haystack.withUTF8 { text in
                // Only the words that begin with the text's first byte can lead it (and the empty ones).
                anyWord(leading: text[0]) { word in
                    let count = word.count
                    guard count <= text.count,
                        count == 0 || (text[0] == word[0] && memcmp(text.baseAddress!, word.baseAddress!, count) == 0)
                    else { return false }
                    if count == text.count { return true }
                    // The character right after the word: one scalar of 1 or 3 bytes in plain text.
                    let lead = text[count]
                    let next =
                        lead < 0x80
                        ? UInt32(lead)
                        : (UInt32(lead & 0x0F) << 12) | (UInt32(text[count + 1] & 0x3F) << 6)
                            | UInt32(text[count + 2] & 0x3F)
                    return separatorScalars.contains(next)
                }
            }
            return plainFound || othersInPlain.contains { leads(text, $0) }
        }

        /// Whether `test` holds for any of the plain words that begin with `lead` or are empty, each given as its UTF-8
        /// bytes.
        private func anyWord(leading lead: UInt8, _ test: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
            bytes.withUnsafeBufferPointer { all in
                func word(_ index: Int32) -> UnsafeBufferPointer<UInt8> {
                    let index = Int(index)
                    return UnsafeBufferPointer(rebasing: all[(index == 0 ? 0 : ends[index - 1])..<ends[index]])
                }
                for index in leadOrder[Int(leadStart[Int(lead)])..<Int(leadStart[Int(lead) + 1])] where test(word(index)) {
                    return true
                }
                return emptyWords.contains { test(word($0)) }
            }
        }
    }

    /// Words asked one by one whether `text` begins with them (`hasPrefix`), built once per engine: each word's UTF-8
    /// and whether it is plain (`isPlain`), so that a test against plain text is a byte comparison with no per-word
    /// check or copy; any other pair is asked of `hasPrefix(_:_:textIsPlain:)` itself. A class (immutable), as
    /// `PlainWords`.
    package final class PrefixWords: Sendable {
        /// The words, in their order.
        package let words: [String]
        /// Every word's UTF-8, one after another.
        private let bytes: [UInt8]
        /// Where each word's UTF-8 ends in `bytes` (the next one starts there).
        private let ends: [Int]
        /// Whether each word is plain text.
        private let plain: [Bool]

        package init(_ words: [String]) {
            self.words = words
            var bytes: [UInt8] = []
            var ends: [Int] = []
            var plain: [Bool] = []
            for word in words {
                var copy = word
                plain.append(copy.withUTF8 { isPlain($0) })
                bytes.append(contentsOf: word.utf8)
                ends.append(bytes.count)
            }
            self.bytes = bytes
            self.ends = ends
            self.plain = plain
        }

        /// `hasPrefix(text, words[index], textIsPlain: textIsPlain)`.
        package func hasPrefix(_ text: String, _ index: Int, textIsPlain: Bool?) -> Bool {
            guard plain[index], textIsPlain == true else {
                return TextMatch.hasPrefix(text, words[index], textIsPlain: textIsPlain)
            }
            let start = index == 0 ? 0 : ends[index - 1]
            let count = ends[index] - start
            var haystack = text
            return haystack.withUTF8 { text in
                guard count <= text.count else { return false }
                if count == 0 { return true }
                return bytes.withUnsafeBufferPointer { all in
                    text[0] == all[start] && memcmp(text.baseAddress!, all.baseAddress! + start, count) == 0
                }
            }
        }
    }

    /// Whether `text` is `word`, or begins with it followed by a separator (`matches` for one word, on any text).
    package static func leads(_ text: String, _ word: String) -> Bool {
        if text == word { return true }
        if text.hasPrefix(word) {
            let rest = text.dropFirst(word.count)
            if let next = rest.first, separators.contains(next) { return true }
        }
        return false
    }

    /// The scalars of `separators` (each of them one scalar).
    package static let separatorScalars: Set<UInt32> = Set(separators.flatMap { $0.unicodeScalars.map(\.value) })

    package static let separators: Set<Character> = [
        " ", ",", "，", "。", ".", "!", "！", "?", "？", "、", ";", "；", ":", "：", "~", "～",
    ]

    /// `text` without leading and trailing spaces and punctuation. Plain text (`isPlain`: one scalar per character)
    /// is trimmed on its bytes; other text character by character.
    package static func trimmed(_ text: String) -> String {
        var copy = text
        let fast: String?? = copy.withUTF8 { bytes in
            guard isPlain(bytes) else { return nil }
            var start = 0
            var end = bytes.count
            while start < end {
                let length = trimmableLength(bytes, at: start)
                if length == 0 { break }
                start += length
            }
            // Plain text's characters are 1 byte (ASCII) or 3 (a lead byte 0xE0–0xEF and two continuations).
            while end > start {
                let length = bytes[end - 1] < 0x80 ? 1 : 3
                guard end - length >= start, trimmableLength(bytes, at: end - length) == length else { break }
                end -= length
            }
            if start == 0 && end == bytes.count { return .some(nil) }  // nothing to trim: the text itself
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        switch fast {
        case .some(.some(let trimmed)): return trimmed
        case .some(.none): return text
        case .none: break
        }
        var slice = Substring(text)
        while let first = slice.first, separators.contains(first) || first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, separators.contains(last) || last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }

    /// The byte length of the plain-text character at `index` when it is trimmed (a separator or white space), else 0.
    private static func trimmableLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        if lead < 0x80 {
            switch lead {
            case 0x09...0x0D, 0x20, 0x2C, 0x2E, 0x21, 0x3F, 0x3B, 0x3A, 0x7E: return 1  // space, , . ! ? ; : ~
            default: return 0
            }
        }
        guard index + 2 < bytes.count else { return 0 }
        let scalar =
            (UInt32(lead & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
        switch scalar {
        // ideographic space, 、 。 ， ！ ？ ； ： ～
        case 0x3000, 0x3001, 0x3002, 0xFF0C, 0xFF01, 0xFF1F, 0xFF1B, 0xFF1A, 0xFF5E: return 3
        default: return 0
        }
    }
}
