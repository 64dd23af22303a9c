/// The words the desk never says to a resident (SPEC 4.1), checked on every bot line of every
/// scripted dialogue, greetings included.
public enum Etiquette {
    /// Chinese phrases forbidden anywhere in a reply.
    public static let forbiddenChinese = ["不行", "不知道", "不可以"]
    /// English phrases forbidden anywhere in a reply (case-insensitive).
    public static let forbiddenEnglish = ["i don't know", "i don’t know", "can't", "can’t"]

    /// Every forbidden word in `reply`, in the order of the lists; empty when it is polite.
    ///
    /// "no" counts only as a word of its own (not in "not", "know" or "No.5"-style abbreviations
    /// glued to letters), so "No, …" and "… no record" are caught.
    public static func violations(in reply: String) -> [String] {
        var found: [String] = []
        for word in forbiddenChinese where reply.contains(word) { found.append(word) }
        let lower = reply.lowercased()
        for word in forbiddenEnglish where lower.contains(word) { found.append(word) }
        if containsStandaloneNo(lower) { found.append("no") }
        return found
    }

    /// Whether `text` (lower-cased) has "no" with no letter, digit or apostrophe on either side.
    static func containsStandaloneNo(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 2 else { return false }
        func isWordScalar(_ s: Unicode.Scalar) -> Bool {
            (s.value >= 97 && s.value <= 122) || (s.value >= 65 && s.value <= 90) || (s.value >= 48 && s.value <= 57)
                || s == "'" || s == "’" || s == "-"
        }
        var i = 0
        while i + 1 < scalars.count {
            if scalars[i] == "n", scalars[i + 1] == "o" {
                let before = i == 0 || !isWordScalar(scalars[i - 1])
                let after = i + 2 >= scalars.count || !isWordScalar(scalars[i + 2])
                // "No." followed by a number is the abbreviation of "number", not a refusal.
                let abbreviation =
                    i + 2 < scalars.count && scalars[i + 2] == "."
                    && i + 3 < scalars.count
                    && (scalars[i + 3] == " "
                        ? i + 4 < scalars.count && isDigit(scalars[i + 4]) : isDigit(scalars[i + 3]))
                if before, after, !abbreviation { return true }
            }
            i += 1
        }
        return false
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
}
