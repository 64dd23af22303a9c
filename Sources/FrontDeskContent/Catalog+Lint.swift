import Foundation
public import FrontDeskModel

extension Catalog {
    /// Problems beyond the format that `frontdesk lint` reports: forbidden words and unknown
    /// placeholders in FAQ answers and phrases (the phrase book's own rules), missing language
    /// variants of phrases, and a keyword listed under two intents.
    public func lint() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let faqFile = directory.hasSuffix("/") ? directory + "faq.json" : directory + "/faq.json"
        let placeholders: Set<String> = ["office_phone", "office_hours", "estate", "emergency_phone"]
        for (index, topic) in faq.enumerated() {
            // A zh-Hant answer is usually derived from the zh-Hans one: its problems are reported once, there.
            let simplified = topic.answers[.zhHans] ?? ""
            let simplifiedWord = phrases.forbidden.first(in: simplified)
            let simplifiedNames = Set(PhraseBook.placeholders(in: simplified))
            for language in Language.allCases {
                guard let answer = topic.answers[language] else { continue }
                let path = "topics[\(index)].answer.\(language.rawValue)"
                let derived = language == .zhHant
                if let word = phrases.forbidden.first(in: answer), !(derived && simplifiedWord != nil) {
                    diagnostics.append(
                        Diagnostic(file: faqFile, path: path, message: "contains the forbidden word '\(word)'"))
                }
                for name in PhraseBook.placeholders(in: answer)
                where !placeholders.contains(name) && !(derived && simplifiedNames.contains(name)) {
                    diagnostics.append(Diagnostic(file: faqFile, path: path, message: "unknown placeholder {\(name)}"))
                }
            }
        }
        let duplicates = duplicateKeywords()
        diagnostics += duplicates.withinIntent + duplicates.acrossIntents
        diagnostics += phrases.lint()
        return diagnostics
    }

    /// Keywords listed twice: in one intent's groups (its `keywords`, or one category's), or as a
    /// plain keyword of two intents (`@concept` references are shared on purpose). Read from each
    /// intent's file so that every copy is named by its position (`keywords[2].words[5]`). Within an
    /// intent the same text (case folded) twice is reported; one word written in both scripts
    /// (出入证 / 出入證) is deliberate and is not. Across intents Traditional folds to Simplified too.
    private func duplicateKeywords() -> (withinIntent: [Diagnostic], acrossIntents: [Diagnostic]) {
        var owner: [String: (intent: String, path: String)] = [:]
        var diagnostics: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        for intent in intents {
            let file = directory.hasSuffix("/") ? "\(directory)\(intent.name).json" : "\(directory)/\(intent.name).json"
            guard let bytes = FileManager.default.contents(atPath: file), let root = try? JSON.parse(bytes) else {
                continue
            }
            var lists: [(path: String, groups: [JSON])] = [("keywords", root["keywords"]?.array ?? [])]
            for (name, category) in root["categories"]?.object?.members ?? [] {
                lists.append(("categories.\(name).keywords", category["keywords"]?.array ?? []))
            }
            for (index, list) in lists.enumerated() {
                var seen: [String: String] = [:]
                for (g, group) in list.groups.enumerated() {
                    for (w, word) in (group["words"]?.array ?? []).enumerated() {
                        guard let text = word.string else { continue }
                        let folded = text.lowercased()
                        let key = han.simplify(folded)
                        let path = "\(list.path)[\(g)].words[\(w)]"
                        if let first = seen[folded] {
                            warnings.append(
                                Diagnostic(
                                    file: file, path: path,
                                    message: "the keyword '\(text)' is listed twice (also at \(first))"))
                            continue
                        }
                        seen[folded] = path
                        // Across intents: the intents' own keywords, not their categories' (shared nouns).
                        guard index == 0, !text.hasPrefix("@") else { continue }
                        if let other = owner[key], other.intent != intent.name {
                            diagnostics.append(
                                Diagnostic(
                                    file: file, path: "keywords",
                                    message: "the keyword '\(text)' is also a keyword of '\(other.intent)'"))
                        } else if owner[key] == nil {
                            owner[key] = (intent.name, path)
                        }
                    }
                }
            }
        }
        return (warnings, diagnostics)
    }
}
