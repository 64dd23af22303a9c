import Foundation
import FrontDeskContent
import FrontDeskModel

/// The light normalization and the n-grams the understanding report groups messages by:
/// compatibility forms and full-width folded, lower-cased, Traditional characters folded into
/// Simplified (by the intents folder's table), punctuation and spaces dropped; n-grams are character bigrams of Chinese
/// runs and words of Latin runs, without function words.
public enum GroupingText {
    /// The grouping key of a message: `樓上  好吵！` → `楼上好吵`.
    public static func key(_ text: String, han: HanConversion) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
        var out = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                if lastWasSpace, !out.isEmpty, isLatin(out.last!), isLatin(scalar) { out.append(" ") }
                out.append(han.pairs[scalar.value].flatMap(Unicode.Scalar.init) ?? scalar)
                lastWasSpace = false
            } else {
                lastWasSpace = true
            }
        }
        return String(out)
    }

    /// The distinct n-grams of a key, in order of first appearance.
    public static func grams(_ key: String) -> [String] {
        var grams: [String] = []
        var seen = Set<String>()
        func add(_ gram: String) { if seen.insert(gram).inserted { grams.append(gram) } }
        var han: [Unicode.Scalar] = []
        var word = String.UnicodeScalarView()
        func flushHan() {
            if han.count >= 2 {
                for i in 0..<(han.count - 1) where !stopHan.contains(han[i]) && !stopHan.contains(han[i + 1]) {
                    if weakHan.contains(han[i]) && weakHan.contains(han[i + 1]) { continue }
                    var gram = String.UnicodeScalarView()
                    gram.append(han[i])
                    gram.append(han[i + 1])
                    add(String(gram))
                }
            }
            han.removeAll(keepingCapacity: true)
        }
        func flushWord() {
            let w = String(word)
            if w.unicodeScalars.count >= 3, !stopWords.contains(w), !w.allSatisfy(\.isNumber) { add(w) }
            word = String.UnicodeScalarView()
        }
        for scalar in key.unicodeScalars {
            if Han.isIdeograph(scalar.value) {
                flushWord()
                han.append(scalar)
            } else if isLatin(scalar) {
                flushHan()
                word.append(scalar)
            } else {
                flushHan()
                flushWord()
            }
        }
        flushHan()
        flushWord()
        return grams
    }

    static func isLatin(_ s: Unicode.Scalar) -> Bool { s.value < 0x250 && CharacterSet.alphanumerics.contains(s) }

    /// Characters that make a bigram uninformative on their own (particles, pronouns).
    static let stopHan: Set<Unicode.Scalar> = Set("的了吗呢吧啊呀哦嗯么我你您他她它们是".unicodeScalars)
    /// Characters that are uninformative when both characters of a bigram are among them.
    static let weakHan: Set<Unicode.Scalar> = Set("请问一下这那个什怎样能可以要想有没在和就也都还多少几时候请帮看给到去来说".unicodeScalars)
    static let stopWords: Set<String> = [
        "the", "and", "for", "you", "your", "are", "can", "how", "what", "when", "where", "who", "why", "with",
        "this", "that", "there", "have", "has", "please", "want", "would", "could", "does", "did", "not", "but",
        "our", "from", "about", "any", "was", "were", "will", "just", "get", "got", "hello", "thanks",
    ]

    /// The Traditional → Simplified table of the intents folder (`hant-hans.txt`), the one the
    /// matcher folds messages with.
    ///
    /// - Throws: `ReportError` when the file is missing or has a malformed line.
    public static func loadTable(intentsDirectory: String) throws(ReportError) -> HanConversion {
        do {
            return try Catalog.loadHanTable(directory: intentsDirectory)
        } catch {
            throw ReportError(error.diagnostics.map(\.description).joined(separator: "\n"))
        }
    }
}
