import Foundation
import FrontDeskModel

/// The words a reply must never contain (SPEC 4.1), read from the `forbidden` section of a phrase
/// file (`intents/phrases/etiquette.json`, beside the service standards' phrases). The one rule that
/// lint, the engine's polite echo, `frontdesk test` and the QA checks all apply.
public struct ForbiddenWords: Sendable, Equatable {
    /// Chinese words, matched anywhere in the text in any script (不行, 不知道, 不可以).
    public let chinese: [String]
    /// English phrases, matched anywhere, ASCII case-insensitively ("cannot", "i don't know").
    public let english: [String]
    /// English words matched only as whole words ("no"): a neighbour that is a letter, a digit,
    /// `_`, `'` or `’` joins it to a longer word.
    public let englishWords: [String]

    /// No forbidden word at all (a phrase book without the section).
    public static let none = ForbiddenWords(chinese: [], english: [], englishWords: [])

    /// The lists as given; the English ones are matched lower-cased.
    public init(chinese: [String], english: [String], englishWords: [String]) {
        self.chinese = chinese
        self.english = english.map { $0.lowercased() }
        self.englishWords = englishWords.map { $0.lowercased() }
        func withBytes(_ word: String) -> (String, [UInt8], ByteSet) {
            let bytes = Array(word.utf8)
            return (word, bytes, bytes.withUnsafeBufferPointer { ByteSet($0) })
        }
        chineseUTF8 = self.chinese.map(withBytes)
        englishUTF8 = self.english.map(withBytes)
        wordsUTF8 = self.englishWords.map(withBytes)
    }

    /// Each word with its UTF-8 and the set of its bytes (a word with a byte the text lacks is not searched for).
    private let chineseUTF8: [(String, [UInt8], ByteSet)]
    private let englishUTF8: [(String, [UInt8], ByteSet)]
    private let wordsUTF8: [(String, [UInt8], ByteSet)]

    public static func == (a: ForbiddenWords, b: ForbiddenWords) -> Bool {
        a.chinese == b.chinese && a.english == b.english && a.englishWords == b.englishWords
    }

    /// The first forbidden word `text` contains, in the order of the lists (Chinese, English
    /// phrases, English words), or `nil` when it is polite.
    public func first(in text: String) -> String? {
        var copy = text
        if let answer = copy.withUTF8({ quickFirst(in: $0) }) { return answer }
        for word in chinese where text.contains(word) { return word }
        let lower = text.lowercased()
        for word in english where lower.contains(word) { return word }
        for word in englishWords where Self.containsWord(word, in: lower) { return word }
        return nil
    }

    /// Every forbidden word in `text`, in the order of the lists; empty when it is polite. The same
    /// rule as `first(in:)`, for checks that name every word found: a reply passes them exactly
    /// when lint would pass it.
    public func all(in text: String) -> [String] {
        guard first(in: text) != nil else { return [] }
        var found: [String] = []
        for word in chinese where text.contains(word) { found.append(word) }
        let lower = text.lowercased()
        for word in english where lower.contains(word) { found.append(word) }
        for word in englishWords where Self.containsWord(word, in: lower) { found.append(word) }
        return found
    }

    /// The answer of `first(in:)` straight from the UTF-8 bytes, for text made only of characters
    /// where a byte match is exactly a character match (ASCII, CJK ideographs, CJK and general
    /// punctuation, full-width forms: no combining marks, no case beyond ASCII); `nil` for any
    /// other text, which takes the Foundation path.
    private func quickFirst(in bytes: UnsafeBufferPointer<UInt8>) -> String?? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            guard lead >= 0xE0, lead < 0xF0, index + 2 < bytes.count else { return nil }
            let scalar =
                (UInt32(lead & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6)
                | UInt32(bytes[index + 2] & 0x3F)
            guard Han.isPlainWide(scalar) else { return nil }
            index += 3
        }
        // The bytes the text holds, as they are and with A–Z lower-cased: a word with a byte the text lacks is not in it.
        var present = ByteSet()
        var folded = ByteSet()
        for byte in bytes {
            present.insert(byte)
            folded.insert(byte >= 65 && byte <= 90 ? byte + 32 : byte)
        }
        for (word, needle, needed) in chineseUTF8
        where present.contains(all: needed) && Self.occurrence(of: needle, in: bytes, from: 0, foldingCase: false) != nil {
            return .some(word)
        }
        for (word, needle, needed) in englishUTF8
        where folded.contains(all: needed) && Self.occurrence(of: needle, in: bytes, from: 0, foldingCase: true) != nil {
            return .some(word)
        }
        // A whole word of the lower-cased text: neighbours that are letters, digits, _, ' or ’ join it.
        func joins(_ byte: UInt8) -> Bool {
            let b = byte >= 65 && byte <= 90 ? byte + 32 : byte
            return (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b == 95 || b == 39
        }
        func isCurlyApostrophe(at start: Int) -> Bool {
            start >= 0 && start + 2 < bytes.count && bytes[start] == 0xE2 && bytes[start + 1] == 0x80
                && bytes[start + 2] == 0x99
        }
        for (word, needle, needed) in wordsUTF8 where folded.contains(all: needed) {
            var from = 0
            while let i = Self.occurrence(of: needle, in: bytes, from: from, foldingCase: true) {
                let end = i + needle.count
                let before = i == 0 || (bytes[i - 1] < 0x80 ? !joins(bytes[i - 1]) : !isCurlyApostrophe(at: i - 3))
                let after = end >= bytes.count || (bytes[end] < 0x80 ? !joins(bytes[end]) : !isCurlyApostrophe(at: end))
                if before && after { return .some(word) }
                from = i + 1
            }
        }
        return .some(nil)
    }

    /// Where `needle` first occurs in `bytes` at or after `from` (ASCII letters of `bytes` lower-cased
    /// first when `foldingCase`), or `nil`.
    private static func occurrence(
        of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int, foldingCase: Bool
    ) -> Int? {
        guard !needle.isEmpty else { return from <= bytes.count ? from : nil }
        if !foldingCase {
            // memchr for the needle's last byte (a continuation byte in Chinese text: rarer than a lead byte), memcmp for
            // the rest: the candidates come in order, so the first match is the first occurrence.
            guard let base = bytes.baseAddress, from + needle.count <= bytes.count else { return nil }
            let count = needle.count
            return needle.withUnsafeBufferPointer { pattern -> Int? in
                let last = Int32(pattern[count - 1])
                var cursor = base + from + count - 1
                let end = base + bytes.count
                while cursor < end {
                    guard let hit = memchr(cursor, last, end - cursor) else { return nil }
                    let found = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
                    let start = found - (count - 1)
                    if count == 1 || memcmp(start, pattern.baseAddress!, count - 1) == 0 { return start - base }
                    cursor = found + 1
                }
                return nil
            }
        }
        var start = from
        while start + needle.count <= bytes.count {
            var k = 0
            while k < needle.count {
                var b = bytes[start + k]
                if foldingCase, b >= 65, b <= 90 { b += 32 }
                if b != needle[k] { break }
                k += 1
            }
            if k == needle.count { return start }
            start += 1
        }
        return nil
    }

    /// Whether `word` occurs in `lower` as a whole word.
    private static func containsWord(_ word: String, in lower: String) -> Bool {
        let scalars = Array(lower.unicodeScalars)
        let needle = Array(word.unicodeScalars)
        guard !needle.isEmpty else { return false }
        func isWordScalar(_ s: Unicode.Scalar) -> Bool {
            (s >= "a" && s <= "z") || (s >= "0" && s <= "9") || s == "_" || s == "'" || s == "’"
        }
        var i = 0
        while i + needle.count <= scalars.count {
            if (0..<needle.count).allSatisfy({ scalars[i + $0] == needle[$0] }) {
                let before = i == 0 || !isWordScalar(scalars[i - 1])
                let after = i + needle.count >= scalars.count || !isWordScalar(scalars[i + needle.count])
                if before && after { return true }
            }
            i += 1
        }
        return false
    }
}

