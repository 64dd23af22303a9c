import Foundation
import FrontDeskModel

/// Small word lists the flows check on normalized, lower-cased text: a safety net under the
/// matcher's dialogue acts, and the words that decide public areas, structural works and the
/// satisfaction scale. They are understanding, not wording: nothing here is ever said.
enum Lexicon {
    static let affirm = [
        "对", "对的", "是", "是的", "确认", "确定", "没问题", "好", "好的", "可以", "行", "嗯", "没错", "提交", "继续",
        "要", "需要", "ok", "okay", "yes", "y", "yep", "yeah", "sure", "correct", "right", "confirm", "confirmed",
        "go ahead", "please do", "continue",
    ]
    static let deny = [
        "不对", "不是", "错了", "不正确", "有误", "不", "不要", "不需要", "不继续", "no", "nope", "wrong", "incorrect",
        "not right", "not correct",
    ]
    static let cancel = [
        "算了", "取消", "不用了", "不要了", "不办了", "先不用了", "算了吧", "cancel", "never mind", "nevermind",
        "forget it", "stop",
    ]
    /// Short cancel words that also count inside a short message ("那算了吧").
    static let cancelInside = ["算了", "取消", "不用了", "不办了"]

    static let publicArea = [
        "小区", "楼道", "车库", "电梯", "大堂", "门口", "公共", "花园", "广场", "停车场", "楼梯", "绿化",
        "lobby", "garage", "elevator", "lift", "public", "corridor", "hallway", "entrance", "parking lot", "staircase",
        "stairwell",
        "community", "estate",
    ]
    static let structural = [
        "拆承重墙", "承重墙", "剪力墙", "梁", "柱", "主体结构", "外立面", "承重牆", "剪力牆", "主體結構",
        "load-bearing", "load bearing", "loadbearing", "structural", "shear wall", "facade", "façade",
    ]
    /// Structural words specific enough to mean a renovation question on their own.
    static let structuralWorks = structural.filter { $0.count >= 3 }
    static let asSoonAsPossible = [
        "尽快", "越快越好", "马上", "随时", "都可以", "asap", "as soon as possible", "any time", "anytime",
    ]
    static let myRecords = ["我的", "我家", "我报", "我提交", "my "]

    /// Satisfaction answers, most specific first (非常不满意 before 不满意 before 满意).
    static let satisfaction: [(String, Satisfaction)] = [
        ("非常不满意", .veryDissatisfied), ("很不满意", .veryDissatisfied), ("very dissatisfied", .veryDissatisfied),
        ("very unsatisfied", .veryDissatisfied), ("not satisfied at all", .veryDissatisfied),
        ("非常满意", .verySatisfied), ("很满意", .verySatisfied), ("very satisfied", .verySatisfied),
        ("不满意", .dissatisfied), ("不太满意", .dissatisfied), ("dissatisfied", .dissatisfied),
        ("unsatisfied", .dissatisfied), ("not satisfied", .dissatisfied),
        ("一般", .neutral), ("还行", .neutral), ("neutral", .neutral), ("average", .neutral), ("so-so", .neutral),
        ("满意", .satisfied), ("satisfied", .satisfied),
    ]

    /// Whether `lower` is one of `words`, or begins with one followed by punctuation or a space.
    static func matches(_ lower: String, _ words: [String]) -> Bool {
        matches(trimmed: trimmed(lower), words)
    }

    /// `matches` on text already `trimmed`.
    static func matches(trimmed text: String, _ words: [String]) -> Bool {
        if text.isEmpty { return false }
        var plain = text
        if let answer = plain.withUTF8({ bytes in isPlain(bytes) ? plainMatches(bytes, words) : nil }) { return answer }
        for word in words {
            if text == word { return true }
            if text.hasPrefix(word) {
                let rest = text.dropFirst(word.count)
                if let next = rest.first, separators.contains(next) { return true }
            }
        }
        return false
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

    /// Whether any of `words` occurs anywhere in `lower`.
    static func containsAny(_ lower: String, _ words: [String]) -> Bool {
        words.contains { contains(lower, $0) }
    }

    /// Whether `word` occurs in `text`, as Foundation's `contains` answers: straight from the bytes
    /// when both are plain text (`isPlain`), where a byte match is exactly a character match.
    static func contains(_ text: String, _ word: String) -> Bool {
        var haystack = text
        var needle = word
        let answer: Bool? = haystack.withUTF8 { bytes in
            needle.withUTF8 { pattern in
                isPlain(bytes) && isPlain(pattern) ? firstIndex(of: pattern, in: bytes, from: 0) != nil : nil
            }
        }
        return answer ?? text.contains(word)
    }

    /// Text made only of characters that never combine or decompose: ASCII (but CR, which pairs
    /// with LF), CJK ideographs, CJK and general punctuation, full-width forms. On such text Unicode
    /// canonical equivalence is byte equality and every character is one scalar.
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead == 0x0D { return false }
                index += 1
                continue
            }
            guard lead >= 0xE0, lead < 0xF0, index + 2 < bytes.count else { return false }
            let scalar =
                (UInt32(lead & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
            let plain =
                (0x4E00...0x9FFF).contains(scalar) || (0x3000...0x3029).contains(scalar)
                || (0x3030...0x303F).contains(scalar) || (0x2010...0x2027).contains(scalar)
                || (0x2030...0x205E).contains(scalar) || (0xFF01...0xFF9D).contains(scalar)
                || (0xFFA0...0xFFEF).contains(scalar)
            guard plain else { return false }
            index += 3
        }
        return true
    }

    /// Where `pattern` first occurs in `bytes` at or after `from`.
    static func firstIndex(of pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from: Int)
        -> Int?
    {
        guard !pattern.isEmpty else { return from }
        let first = pattern[0]
        var start = from
        while start + pattern.count <= bytes.count {
            if bytes[start] == first {
                var k = 1
                while k < pattern.count, bytes[start + k] == pattern[k] { k += 1 }
                if k == pattern.count { return start }
            }
            start += 1
        }
        return nil
    }

    /// `text` without any occurrence of `words` (each removed in turn, left to right), as Foundation's
    /// `replacingOccurrences(of:with: "")` gives; from the bytes when everything is plain text.
    static func removing(_ words: [String], from text: String) -> String {
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

    static let separators: Set<Character> = [
        " ", ",", "，", "。", ".", "!", "！", "?", "？", "、", ";", "；", ":", "：", "~", "～",
    ]

    /// `text` without leading and trailing spaces and punctuation.
    static func trimmed(_ text: String) -> String {
        var slice = Substring(text)
        while let first = slice.first, separators.contains(first) || first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, separators.contains(last) || last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
