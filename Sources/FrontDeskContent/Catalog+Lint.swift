import FrontDeskModel

extension Catalog {
    /// Words the office never says to a resident (SPEC 4.1), checked in FAQ answers.
    public static let forbiddenWords: [Language: [String]] = [
        .zhHans: ["不行", "不知道", "不可以"],
        .zhHant: ["不行", "不知道", "不可以"],
        .en: ["i don't know", "i do not know", "can't", "cannot"],
    ]

    /// Problems beyond the format that `frontdesk lint` reports: forbidden words in FAQ answers,
    /// unknown placeholders, and a keyword listed under two intents.
    public func lint() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let faqFile = directory.hasSuffix("/") ? directory + "faq.json" : directory + "/faq.json"
        let placeholders: Set<String> = ["office_phone", "office_hours", "estate", "emergency_phone"]
        for (index, topic) in faq.enumerated() {
            for language in Language.allCases {
                guard let answer = topic.answers[language] else { continue }
                let path = "topics[\(index)].answer.\(language.rawValue)"
                let lowered = answer.lowercased()
                for word in Self.forbiddenWords[language] ?? [] where lowered.contains(word) {
                    diagnostics.append(Diagnostic(file: faqFile, path: path, message: "contains the forbidden word '\(word)'"))
                }
                for name in Self.placeholders(in: answer) where !placeholders.contains(name) {
                    diagnostics.append(Diagnostic(file: faqFile, path: path, message: "unknown placeholder {\(name)}"))
                }
            }
        }
        diagnostics += duplicateKeywords()
        return diagnostics
    }

    /// `{name}` placeholders in `text`.
    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var current: String?
        for character in text {
            if character == "{" {
                current = ""
            } else if character == "}", let name = current {
                names.append(name)
                current = nil
            } else if current != nil {
                current?.append(character)
            }
        }
        return names
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
                    let file = directory.hasSuffix("/") ? "\(directory)\(intent.name).json" : "\(directory)/\(intent.name).json"
                    diagnostics.append(Diagnostic(
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
