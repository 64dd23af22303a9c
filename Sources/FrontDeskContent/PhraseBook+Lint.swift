import FrontDeskModel

extension PhraseBook {
    /// Every placeholder the engine supplies values for. The one list both `lint()` and the engine
    /// agree on: a phrase using any other name is a lint error.
    public static let knownPlaceholders: Set<String> = [
        // the estate and the office
        "estate_name", "estate", "office_phone", "office_hours", "emergency_phone", "gas_phone",
        // slots of the flows
        "unit", "name", "phone", "description", "time", "scope", "contractor", "start_date", "duration_days",
        "workers",
        // records and routing
        "id", "type", "status", "next_step", "category", "team", "department", "priority", "due", "created",
        "details",
        // fees
        "period", "item", "amount", "paid_status", "bills", "total", "how_to_pay",
        // decoration rules
        "deposit", "working_hours", "documents", "max_days", "max_workers", "reason",
        // dialogue
        "flow", "choices", "first", "second", "example", "date", "service", "advice", "text",
    ]

    /// Words a reply must never contain (SPEC 4.1), in every script.
    public static let forbiddenChinese = ["不行", "不知道", "不可以"]
    /// English phrases a reply must never contain (matched case-insensitively); "no" is checked as a word.
    public static let forbiddenEnglish = ["i don't know", "i don’t know", "i do not know", "can't", "can’t", "cannot"]

    /// The forbidden word `text` contains, if any: 不行 / 不知道 / 不可以 (any script), "I don't know",
    /// "can't", "cannot", or the standalone word "no" (case-insensitive, at word boundaries).
    public static func forbiddenWord(in text: String) -> String? {
        for word in forbiddenChinese where text.contains(word) { return word }
        let lower = text.lowercased()
        for word in forbiddenEnglish where lower.contains(word) { return word }
        if containsWordNo(lower) { return "no" }
        return nil
    }

    private static func containsWordNo(_ lower: String) -> Bool {
        let scalars = Array(lower.unicodeScalars)
        func isWordScalar(_ s: Unicode.Scalar) -> Bool {
            (s >= "a" && s <= "z") || (s >= "0" && s <= "9") || s == "_" || s == "'" || s == "’"
        }
        var i = 0
        while i + 1 < scalars.count {
            if scalars[i] == "n", scalars[i + 1] == "o" {
                let before = i == 0 || !isWordScalar(scalars[i - 1])
                let after = i + 2 >= scalars.count || !isWordScalar(scalars[i + 2])
                if before && after { return true }
            }
            i += 1
        }
        return false
    }

    /// Problems `frontdesk lint` reports: forbidden words, unknown placeholders, missing languages,
    /// and placeholders that differ between the languages of one phrase.
    public func lint() -> [Diagnostic] {
        var found: [Diagnostic] = []
        for key in keys {
            guard let phrase = phrases[key] else { continue }
            let path = "phrases." + key
            for required in [Language.zhHans, .en] where phrase.written.contains(required) == false {
                found.append(Diagnostic(file: phrase.file, path: path + "." + required.rawValue, message: "missing"))
            }
            var reference: (Language, Set<String>)?
            for language in Language.allCases {
                guard let text = phrase.texts[language] else { continue }
                let languagePath = path + "." + language.rawValue
                if let word = PhraseBook.forbiddenWord(in: text) {
                    found.append(
                        Diagnostic(
                            file: phrase.file, path: languagePath, message: "contains the forbidden word \"\(word)\""))
                }
                let names = PhraseBook.placeholders(in: text)
                for name in names where !PhraseBook.knownPlaceholders.contains(name) {
                    found.append(
                        Diagnostic(file: phrase.file, path: languagePath, message: "unknown placeholder {\(name)}"))
                }
                if let (firstLanguage, firstNames) = reference {
                    if Set(names) != firstNames {
                        let mine = names.sorted().map { "{\($0)}" }.joined(separator: " ")
                        let theirs = firstNames.sorted().map { "{\($0)}" }.joined(separator: " ")
                        found.append(
                            Diagnostic(
                                file: phrase.file, path: languagePath,
                                message: "placeholders differ from \(firstLanguage.rawValue): [\(mine)] vs [\(theirs)]")
                        )
                    }
                } else {
                    reference = (language, Set(names))
                }
            }
        }
        return found
    }
}
