import Foundation
public import FrontDeskContent
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
    public static func grams(_ key: String, words: ReportWords) -> [String] {
        var grams: [String] = []
        var seen = Set<String>()
        func add(_ gram: String) { if seen.insert(gram).inserted { grams.append(gram) } }
        var han: [Unicode.Scalar] = []
        var word = String.UnicodeScalarView()
        func flushHan() {
            if han.count >= 2 {
                for i in 0..<(han.count - 1) where !words.stopCharacters.contains(han[i]) && !words.stopCharacters.contains(han[i + 1]) {
                    if words.weakCharacters.contains(han[i]) && words.weakCharacters.contains(han[i + 1]) { continue }
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
            if w.unicodeScalars.count >= 3, !words.stopWords.contains(w), !w.allSatisfy(\.isNumber) { add(w) }
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

    /// The stop characters, stop words and corrections of the intents folder (`grouping.json`).
    ///
    /// - Throws: `ReportError` when the file is missing or has a mistake.
    public static func loadWords(intentsDirectory: String) throws(ReportError) -> ReportWords {
        do {
            return try Catalog.loadReportWords(directory: intentsDirectory)
        } catch {
            throw ReportError(error.diagnostics.map(\.description).joined(separator: "\n"))
        }
    }
}
