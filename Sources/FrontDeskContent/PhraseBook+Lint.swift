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
        // live hand-off (SPEC 8.3)
        "place",
        // a note staff left for the resident
        "note",
        // the dialogue manager: a block-flat address, corrections
        "block", "room", "changes", "field", "value",
    ]

    /// Words a reply must never contain (SPEC 4.1), in every script.
    public static let forbiddenChinese = ["不行", "不知道", "不可以"]
    /// English phrases a reply must never contain (matched case-insensitively); "no" is checked as a word.
    public static let forbiddenEnglish = ["i don't know", "i don’t know", "i do not know", "can't", "can’t", "cannot"]

    /// The forbidden word `text` contains, if any: 不行 / 不知道 / 不可以 (any script), "I don't know",
    /// "can't", "cannot", or the standalone word "no" (case-insensitive, at word boundaries).
    public static func forbiddenWord(in text: String) -> String? {
        var copy = text
        if let answer = copy.withUTF8({ quickForbiddenWord(in: $0) }) { return answer }
        for word in forbiddenChinese where text.contains(word) { return word }
        let lower = text.lowercased()
        for word in forbiddenEnglish where lower.contains(word) { return word }
        if containsWordNo(lower) { return "no" }
        return nil
    }

    /// Every forbidden word in `text`, in the order of the lists (Chinese, English, then "no"); empty when
    /// it is polite. The same rule as `forbiddenWord(in:)`, for checks that name every word found
    /// (`frontdesk test`, the QA dialogues): a reply passes them exactly when lint would pass it.
    public static func forbiddenWords(in text: String) -> [String] {
        guard forbiddenWord(in: text) != nil else { return [] }
        var found: [String] = []
        for word in forbiddenChinese where text.contains(word) { found.append(word) }
        let lower = text.lowercased()
        for word in forbiddenEnglish where lower.contains(word) { found.append(word) }
        if containsWordNo(lower) { found.append("no") }
        return found
    }

    private static let forbiddenChineseUTF8 = forbiddenChinese.map { ($0, Array($0.utf8)) }
    private static let forbiddenEnglishUTF8 = forbiddenEnglish.map { ($0, Array($0.utf8)) }

    /// The answer of `forbiddenWord(in:)` straight from the UTF-8 bytes, for text made only of
    /// characters where a byte match is exactly a character match (ASCII, CJK ideographs, CJK and
    /// general punctuation, full-width forms: no combining marks, no case beyond ASCII);
    /// `nil` for any other text, which takes the Foundation path.
    private static func quickForbiddenWord(in bytes: UnsafeBufferPointer<UInt8>) -> String?? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            guard lead >= 0xE0, lead < 0xF0, index + 2 < bytes.count else { return nil }
            let scalar =
                (UInt32(lead & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6)
                | UInt32(bytes[index + 2] & 0x3F)
            let safe =
                (0x4E00...0x9FFF).contains(scalar) || (0x3000...0x3029).contains(scalar)
                || (0x3030...0x303F).contains(scalar) || (0x2010...0x2027).contains(scalar)
                || (0x2030...0x205E).contains(scalar) || (0xFF01...0xFF9D).contains(scalar)
                || (0xFFA0...0xFFEF).contains(scalar)
            guard safe else { return nil }
            index += 3
        }
        for (word, needle) in forbiddenChineseUTF8 where contains(bytes, needle, foldingCase: false) {
            return .some(word)
        }
        for (word, needle) in forbiddenEnglishUTF8 where contains(bytes, needle, foldingCase: true) {
            return .some(word)
        }
        // "no" as a word of the lower-cased text: neighbours that are letters, digits, _, ' or ’ join it.
        func joins(_ byte: UInt8) -> Bool {
            let b = byte >= 65 && byte <= 90 ? byte + 32 : byte
            return (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b == 95 || b == 39
        }
        func isCurlyApostrophe(at start: Int) -> Bool {
            start >= 0 && start + 2 < bytes.count && bytes[start] == 0xE2 && bytes[start + 1] == 0x80
                && bytes[start + 2] == 0x99
        }
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] | 0x20 == 0x6E, bytes[i + 1] | 0x20 == 0x6F {
                let before = i == 0 || (bytes[i - 1] < 0x80 ? !joins(bytes[i - 1]) : !isCurlyApostrophe(at: i - 3))
                let after =
                    i + 2 >= bytes.count || (bytes[i + 2] < 0x80 ? !joins(bytes[i + 2]) : !isCurlyApostrophe(at: i + 2))
                if before && after { return .some("no") }
            }
            i += 1
        }
        return .some(nil)
    }

    /// Whether `needle` occurs in `bytes` (ASCII letters of `bytes` lower-cased first when `foldingCase`).
    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], foldingCase: Bool) -> Bool {
        guard !needle.isEmpty, needle.count <= bytes.count else { return needle.isEmpty }
        var start = 0
        while start + needle.count <= bytes.count {
            var k = 0
            while k < needle.count {
                var b = bytes[start + k]
                if foldingCase, b >= 65, b <= 90 { b += 32 }
                if b != needle[k] { break }
                k += 1
            }
            if k == needle.count { return true }
            start += 1
        }
        return false
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
            // Only the variants as written: a derived zh-Hant repeats its zh-Hans text's problems.
            for language in Language.allCases where phrase.written.contains(language) {
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
