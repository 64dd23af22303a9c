import Foundation
import FrontDeskContent
import FrontDeskModel
import Testing

@testable import FrontDeskDialogue
@testable import FrontDeskMatching

/// The byte-level fast paths answer exactly as the Foundation and Character-based code they skip:
/// each is compared with that code on ordinary text and on text made to defeat a byte comparison
/// (combining marks, compatibility ideographs, the Kelvin sign, CR LF, emoji).
@Suite("Fast paths agree with the slow ones")
struct FastPathTests {
    static let texts = [
        "", "对", "对的，就这样", "不对", "不对，是502室", "好的！", "yes", "Yes, please", "no", "No.", "nope", "cancel",
        "算了吧", "那算了吧", "no hot water", "I can't open the door", "I don’t know", "门锁不行了", "不知道", "这个不可以吗",
        "3栋2单元501厨房水管漏水了", "13812345678", "电话0571-88886666", "Unit 3-2-501", "承重墙", "load-bearing wall",
        "façade", "facade", "不\u{301}行", "\u{F967}行", "no\u{301}", "K\u{212A}no", "a\r\nno", "\r\n", "😀no", "ＮＯ",
        "对\u{3099}",
        "可以", "是", "y", "ok~", "行", "确认。", "no,", "not right", "不要了", "  ", "电梯坏了", "my records", "我的报修",
        "一下麻烦帮我报修", "我要报修一下", "需要需要", "我想我想投诉", "cannot", "CAN'T", "x no y", "no’s", "’no’",
    ]
    static let lexicon = Fixture.catalog.dialogue
    static let words =
        lexicon[.affirm] + lexicon[.deny] + lexicon[.cancel] + lexicon[.publicArea] + lexicon[.structural]
        + lexicon[.myRecords] + ["no\u{301}", "\u{F967}行", "\r", "\n", "行"]

    @Test func lexiconContainsIsFoundationContains() {
        for text in Self.texts + Self.texts.map({ $0.lowercased() }) {
            for word in Self.words {
                #expect(TextMatch.contains(text, word) == text.contains(word), "\(text.debugDescription) ∋ \(word)")
            }
        }
    }

    @Test func containsAnyIsFoundationContains() {
        let lists: [[String]] = [
            Self.words, Self.lexicon[.affirm], Self.lexicon[.cancel], ["漏水", "no\u{301}"], ["\u{F967}行"], [""], [],
        ]
        for text in Self.texts + Self.texts.map({ $0.lowercased() }) {
            for words in lists {
                #expect(
                    TextMatch.containsAny(text, words) == words.contains { text.contains($0) },
                    "\(text.debugDescription) ∋ any of \(words.prefix(3))")
            }
        }
    }

    /// A lexicon list's bytes (`TextMatch.PlainWords`) answer on plain text as `containsAny` and `matches` do, also for
    /// the words that are not plain: those whose decomposition is not plain ("façade", "𨋢") are skipped there, the
    /// others (a compatibility ideograph) still asked.
    @Test func plainWordsAreContainsAnyAndMatches() {
        let lists: [[String]] = [
            Self.words, Self.lexicon[.structural], Self.lexicon[.liftWords], ["façade", "fac\u{327}ade", "𨋢", "\u{F967}行"],
            ["\u{F967}"], ["", "no"], ["\r", "no\u{301}"], [],
        ]
        let texts = Self.texts + ["不行", "电梯不行", "facade", "the lift", "不", "no way", "𨋢壞咗"]
        for text in texts + texts.map({ $0.lowercased() }) {
            var copy = text
            guard copy.withUTF8({ TextMatch.isPlain($0) }) else { continue }
            let trimmed = TextMatch.trimmed(text)
            for words in lists {
                let plain = TextMatch.PlainWords(words)
                #expect(plain.anyOccurs(in: text) == TextMatch.containsAny(text, words), "\(text.debugDescription) ∋ \(words.prefix(3))")
                #expect(
                    plain.anyOccurs(in: text, minimumCharacters: 2)
                        == words.contains { TextMatch.contains(text, $0) && $0.count >= 2 }, "\(text.debugDescription) ∋ long \(words.prefix(3))")
                #expect(
                    plain.anyLeads(trimmed) == TextMatch.matches(trimmed: trimmed, words),
                    "\(trimmed.debugDescription) leads \(words.prefix(3))")
            }
        }
        #expect(TextMatch.PlainWords(["façade", "𨋢", "\u{F967}行"]).othersInPlain == ["\u{F967}行"])
    }

    /// `DialogueLexicon.List.ordinal` is the place in `allCases` (what the dense tables are indexed by).
    @Test func listOrdinalIsThePlaceInAllCases() {
        #expect(MemoryLayout<DialogueLexicon.List>.size == 1)
        for (place, list) in DialogueLexicon.List.allCases.enumerated() {
            #expect(list.ordinal == place, "\(list)")
        }
        let table = DialogueLexicon.Table { $0.rawValue }
        for list in DialogueLexicon.List.allCases { #expect(table[list] == list.rawValue) }
    }

    @Test func lastRangeIsFoundationBackwardsSearch() {
        for text in Self.texts + Self.texts.map({ $0.lowercased() }) + ["不对不对", "nonono", "对对对，对"] {
            for word in Self.words + ["不对", "no", "对", "", "no no"] {
                #expect(
                    TextMatch.lastRange(of: word, in: text[...]) == text.range(of: word, options: .backwards),
                    "\(text.debugDescription) last \(word)")
            }
            // A substring that does not start at the text's start.
            if let cut = text.indices.dropFirst().first {
                for word in Self.words + ["不对", "no"] {
                    #expect(
                        TextMatch.lastRange(of: word, in: text[cut...]) == text[cut...].range(of: word, options: .backwards),
                        "\(text.debugDescription)[1...] last \(word)")
                }
            }
        }
    }

    @Test func clauseBreakIsTheSetLookup() {
        let characters: [Character] =
            Array(Self.texts.joined()) + [",", "，", "。", ";", "；", "!", "！", "?", "？", "\n", "\r\n", "、", "\u{037E}", "a"]
        for character in characters {
            #expect(
                Engine.isClauseBreak(character) == Engine.clauseBreaks.contains(character), "\(character.debugDescription)")
        }
    }

    @Test func hanPlainIsTheScalarTest() {
        func slow(_ text: String) -> Bool {
            text.unicodeScalars.allSatisfy { scalar in
                scalar.value < 0x80 ? scalar.value != 0x0D : scalar.utf8.count == 3 && Han.isPlainWide(scalar.value)
            }
        }
        let longer = Self.texts.map { $0 + "abcdefgh" + $0 + "你好世界吗" } + ["abcdefgh\r", "abcdefghi\rjkl", "一丁丂七丄丅丆万"]
        for text in Self.texts + longer {
            var copy = text
            #expect(copy.withUTF8 { Han.isPlain($0) } == slow(text), "\(text.debugDescription)")
        }
    }

    @Test func trimmedIsTheCharacterTrim() {
        func slow(_ text: String) -> String {
            var slice = Substring(text)
            while let first = slice.first, TextMatch.separators.contains(first) || first.isWhitespace {
                slice = slice.dropFirst()
            }
            while let last = slice.last, TextMatch.separators.contains(last) || last.isWhitespace {
                slice = slice.dropLast()
            }
            return String(slice)
        }
        let edges = ["", " ", "，", "。", "！？", "、", "\u{3000}", "\t", "~～", "：；", "...", "\n", "\r\n", "😀", "\u{301}"]
        for text in Self.texts {
            for left in edges {
                for right in edges {
                    let padded = left + text + right
                    #expect(TextMatch.trimmed(padded) == slow(padded), "\(padded.debugDescription)")
                }
            }
        }
    }

    @Test func lexiconMatchesIsTheCharacterComparison() {
        func slow(_ text: String, _ words: [String]) -> Bool {
            if text.isEmpty { return false }
            for word in words {
                if text == word { return true }
                if text.hasPrefix(word), let next = text.dropFirst(word.count).first,
                    TextMatch.separators.contains(next)
                {
                    return true
                }
            }
            return false
        }
        for text in Self.texts {
            let trimmed = TextMatch.trimmed(text.lowercased())
            for words in [Self.lexicon[.affirm], Self.lexicon[.deny], Self.lexicon[.cancel], Self.words, [""]] {
                #expect(
                    TextMatch.matches(trimmed: trimmed, words) == slow(trimmed, words), "\(trimmed.debugDescription)")
            }
        }
    }

    @Test func removingIsReplacingOccurrences() {
        for text in Self.texts {
            var slow = text.lowercased()
            let requestWords = Self.lexicon[.requestWordsZh]
            for word in requestWords { slow = slow.replacingOccurrences(of: word, with: "") }
            #expect(TextMatch.removing(requestWords, from: text.lowercased()) == slow, "\(text)")
        }
    }

    @Test func forbiddenWordIsTheFoundationCheck() {
        // The slow check below hard-codes the one whole word; the content must still list just it.
        #expect(Fixture.forbidden.englishWords == ["no"])
        func slow(_ text: String) -> String? {
            for word in Fixture.forbidden.chinese where text.contains(word) { return word }
            let lower = text.lowercased()
            for word in Fixture.forbidden.english where lower.contains(word) { return word }
            let scalars = Array(lower.unicodeScalars)
            func isWord(_ s: Unicode.Scalar) -> Bool {
                (s >= "a" && s <= "z") || (s >= "0" && s <= "9") || s == "_" || s == "'" || s == "’"
            }
            var i = 0
            while i + 1 < scalars.count {
                if scalars[i] == "n", scalars[i + 1] == "o", i == 0 || !isWord(scalars[i - 1]),
                    i + 2 >= scalars.count || !isWord(scalars[i + 2])
                {
                    return "no"
                }
                i += 1
            }
            return nil
        }
        for text in Self.texts + ["No’", "’no", "no’", "snow", "NO!", "不行啊no"] {
            #expect(Fixture.forbidden.first(in: text) == slow(text), "\(text.debugDescription)")
        }
    }

    @Test func trimmingIsFoundationTrimming() {
        for text in Self.texts + [" 对 ", "\u{3000}对", "对\u{85}", "\u{A0}", "\t\n", "\u{2028}x"] {
            #expect(
                Engine.trimmingWhitespace(text) == text.trimmingCharacters(in: .whitespacesAndNewlines),
                "\(text.debugDescription)")
        }
    }

    @Test func phoneMaskingOnBytes() {
        let except: Set<String> = ["0571-88886666", "96655"]
        let cases: [(String, String)] = [
            ("13812345678", "138****5678"), ("电话13812345678谢谢", "电话138****5678谢谢"), ("91234567", "9***4567"),
            ("0571-88886666", "0571-88886666"), ("0571-88881234", "0571-****1234"),
            ("座机０571-88881234", "座机０571-****1234"),
            ("号码是0571-8888123", "号码是0571-***8123"), ("057188881234", "0571****1234"),
            ("REP-20261122-0001", "REP-20261122-0001"),
            ("A13812345678", "A13812345678"), ("138123456789", "138123456789"), ("1234567", "1234567"),
            ("😀13812345678😀", "😀138****5678😀"), ("é-88881234", "é-88881234"), ("1-88881234", "1-****1234"),
        ]
        for (text, masked) in cases {
            #expect(PhoneMask.mask(text, except: except) == masked, "\(text)")
        }
        for text in Self.texts + cases.map(\.0) + ["0571-1381234567813812345678", "x-0571-88881234", "96655-12345678"] {
            #expect(PhoneMask.mask(text, except: except) == Self.referenceMask(text, except: except), "\(text)")
        }
    }

    @Test func longDigitRunIsTheByteCount() {
        func slow(_ text: String) -> Bool {
            var run = 0
            for byte in text.utf8 {
                run = byte >= 48 && byte <= 57 ? run + 1 : 0
                if run >= 7 { return true }
            }
            return false
        }
        var texts = Self.texts
        // Every run length 5…9 at every offset 0…15 in ASCII and CJK text, and two short runs side by side.
        for length in 5...9 {
            for offset in 0...15 {
                let digits = String(repeating: "7", count: length)
                texts.append(String(repeating: "a", count: offset) + digits + "b")
                texts.append(String(repeating: "号", count: offset) + digits)
                texts.append(String(repeating: "x", count: offset) + "123456-" + digits.dropLast(3) + "y")
            }
        }
        for text in texts {
            #expect(PhoneMask.hasLongDigitRun(text) == slow(text), "\(text)")
        }
    }

    /// The scalar-array masking the byte version replaced, kept as the reference.
    static func referenceMask(_ text: String, except: Set<String> = []) -> String {
        var scalars = Array(text.unicodeScalars)
        var changed = false
        var i = 0
        while i < scalars.count {
            guard refDigit(scalars[i]) else {
                i += 1
                continue
            }
            var j = i
            while j < scalars.count, refDigit(scalars[j]) { j += 1 }
            let length = j - i
            let afterDash = i > 0 && scalars[i - 1] == "-"
            let afterLetter = i > 0 && refLetter(scalars[i - 1])
            let first = scalars[i].value - 48
            var maskFrom = -1
            if length == 11, first == 1, !afterLetter {
                maskFrom = i + 3
            } else if length == 8, !afterLetter {
                if afterDash, i >= 2, refDigit(scalars[i - 2]) {
                    maskFrom = i  // landline body after an area code
                } else if !afterDash, [2, 3, 5, 6, 7, 9].contains(first) {
                    maskFrom = i + 1
                }
            } else if length == 7, afterDash, i >= 2, refDigit(scalars[i - 2]) {
                maskFrom = i
            } else if (11...12).contains(length), first == 0, !afterLetter {
                maskFrom = i + (length - 8)  // landline written without a dash: 057188886666
            }
            if maskFrom >= 0 {
                let whole = String(String.UnicodeScalarView(scalars[(afterDash ? max(0, i - 5) : i)..<j]))
                let bare = String(String.UnicodeScalarView(scalars[i..<j]))
                if !except.contains(bare), !except.contains(where: { whole.hasSuffix($0) }) {
                    for k in maskFrom..<(j - 4) { scalars[k] = "*" }
                    changed = true
                }
            }
            i = j
        }
        guard changed else { return text }
        return String(String.UnicodeScalarView(scalars))
    }

    private static func refDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
    private static func refLetter(_ s: Unicode.Scalar) -> Bool { (s.value | 0x20) >= 97 && (s.value | 0x20) <= 122 }
}
