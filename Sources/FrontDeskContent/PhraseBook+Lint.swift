public import FrontDeskModel

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
        "period", "latest", "item", "amount", "paid_status", "bills", "total", "how_to_pay",
        // decoration rules
        "deposit", "working_hours", "documents", "max_days", "max_workers", "reason",
        // dialogue
        "flow", "choices", "first", "second", "example", "date", "service", "advice", "text",
        // live hand-off (SPEC 8.3)
        "place",
        // a note staff left for the resident
        "note",
        // the dialogue manager: a block-flat address, corrections
        "block", "entrance", "room", "changes", "field", "value",
    ]

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
            // Only the variants as written: a derived zh-Hant repeats its zh-Hans text's problems.
            for language in Language.allCases where phrase.written.contains(language) {
                guard let text = phrase.texts[language] else { continue }
                let languagePath = path + "." + language.rawValue
                if let word = forbidden.first(in: text) {
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
