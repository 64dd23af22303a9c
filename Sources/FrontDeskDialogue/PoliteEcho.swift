import FrontDeskContent

/// Resident words the bot restates pass through here first, so a restatement never puts a forbidden
/// word (SPEC 4.1) in the bot's mouth. The meaning is kept by the replacements of `intents/dialogue.json`
/// (`polite_echo`: a forbidden Chinese word becomes its polite equivalent, "can't" → "unable to", the
/// standalone word "no" → "without").
enum PoliteEcho {
    /// `text` with every forbidden word replaced; `text` itself when it has none (the common case).
    static func polite(_ text: String, _ words: DialogueLexicon, forbidden: ForbiddenWords) -> String {
        guard forbidden.first(in: text) != nil else { return text }
        var scalars = Array(text.unicodeScalars)
        for (word, replacement) in words.politeReplacements {
            scalars = replace(word, with: replacement, in: scalars)
        }
        if !words.politeNo.isEmpty { scalars = replace("no", with: words.politeNo, in: scalars, wholeWord: true) }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Case-insensitive replacement of every occurrence of `word` (ASCII case folding only).
    private static func replace(
        _ word: String, with replacement: String, in scalars: [Unicode.Scalar], wholeWord: Bool = false
    ) -> [Unicode.Scalar] {
        let needle = Array(word.unicodeScalars)
        let substitute = Array(replacement.unicodeScalars)
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        var i = 0
        while i < scalars.count {
            if i + needle.count <= scalars.count,
                (0..<needle.count).allSatisfy({ folded(scalars[i + $0]) == needle[$0] }),
                !wholeWord || (boundary(scalars, i - 1) && boundary(scalars, i + needle.count))
            {
                out.append(contentsOf: substitute)
                i += needle.count
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return out
    }

    private static func folded(_ s: Unicode.Scalar) -> Unicode.Scalar {
        s.value >= 65 && s.value <= 90 ? Unicode.Scalar(s.value + 32)! : s
    }

    private static func boundary(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        guard index >= 0, index < scalars.count else { return true }
        let s = folded(scalars[index])
        return !((s >= "a" && s <= "z") || (s >= "0" && s <= "9") || s == "_" || s == "'" || s == "’")
    }
}
