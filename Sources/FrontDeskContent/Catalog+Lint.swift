import FrontDeskModel

extension Catalog {
    /// Problems beyond the format that `frontdesk lint` reports: forbidden words and unknown
    /// placeholders in FAQ answers and phrases (the phrase book's own rules), missing language
    /// variants of phrases, and a keyword listed under two intents.
    public func lint() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let faqFile = directory.hasSuffix("/") ? directory + "faq.json" : directory + "/faq.json"
        let placeholders: Set<String> = ["office_phone", "office_hours", "estate", "emergency_phone"]
        for (index, topic) in faq.enumerated() {
            for language in Language.allCases {
                guard let answer = topic.answers[language] else { continue }
                let path = "topics[\(index)].answer.\(language.rawValue)"
                if let word = PhraseBook.forbiddenWord(in: answer) {
                    diagnostics.append(
                        Diagnostic(file: faqFile, path: path, message: "contains the forbidden word '\(word)'"))
                }
                for name in PhraseBook.placeholders(in: answer) where !placeholders.contains(name) {
                    diagnostics.append(Diagnostic(file: faqFile, path: path, message: "unknown placeholder {\(name)}"))
                }
            }
        }
        diagnostics += duplicateKeywords()
        diagnostics += phrases.lint()
        return diagnostics
    }

    /// A keyword (after case folding and Traditional → Simplified) listed as an intent keyword of two intents.
    private func duplicateKeywords() -> [Diagnostic] {
        var owner: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for intent in intents {
            var seen: Set<String> = []
            for keyword in intent.keywords where keyword.concept == nil {
                let key = han.simplify(keyword.text.lowercased())
                guard seen.insert(key).inserted else { continue }
                if let other = owner[key], other != intent.name {
                    let file =
                        directory.hasSuffix("/")
                        ? "\(directory)\(intent.name).json" : "\(directory)/\(intent.name).json"
                    diagnostics.append(
                        Diagnostic(
                            file: file, path: "keywords",
                            message: "the keyword '\(keyword.text)' is also a keyword of '\(other)'"))
                } else {
                    owner[key] = intent.name
                }
            }
        }
        return diagnostics
    }
}
