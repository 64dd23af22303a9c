public import FrontDeskModel

/// Every phrase the bot says, by key, in zh-Hans, zh-Hant and English, with `{placeholder}`s.
///
/// Loaded once from `intents/phrases/*.json` (`{"version":1,"phrases":{"key":{"zh-Hans":…,"en":…}}}`);
/// zh-Hant is derived from zh-Hans at load unless a phrase gives its own `zh-Hant` override.
/// Templates are split into literal and placeholder segments at load, so rendering is a
/// concatenation with no scanning.
public struct PhraseBook: Sendable {
    /// One piece of a compiled template.
    enum Segment: Sendable, Equatable {
        case literal(String)
        case placeholder(String)
    }

    /// One phrase: where it came from, its source texts and their compiled templates.
    struct Phrase: Sendable {
        var file: String
        /// The texts as written (zh-Hant derived when not written).
        var texts: [Language: String]
        /// The languages the file spelled out.
        var written: Set<Language>
        let templates: [Language: [Segment]]
        /// What `render` shows in zh-Hans, zh-Hant and English (`shown(in:)`): the language's template, else zh-Hans's,
        /// else English's; resolved once here, so a turn's phrases hash no `Language` key.
        private let shown: (zhHans: [Segment]?, zhHant: [Segment]?, en: [Segment]?)

        init(file: String, texts: [Language: String], written: Set<Language>, templates: [Language: [Segment]]) {
            self.file = file
            self.texts = texts
            self.written = written
            self.templates = templates
            func resolved(_ language: Language) -> [Segment]? {
                templates[language] ?? templates[.zhHans] ?? templates[.en]
            }
            shown = (resolved(.zhHans), resolved(.zhHant), resolved(.en))
        }

        /// `templates[language] ?? templates[.zhHans] ?? templates[.en]`.
        @inline(__always) func shown(in language: Language) -> [Segment]? {
            switch language {
            case .zhHans: shown.zhHans
            case .zhHant: shown.zhHant
            case .en: shown.en
            }
        }
    }

    var phrases: [String: Phrase] = [:]
    /// The words no reply may contain, from the phrase file with a `forbidden` section.
    public internal(set) var forbidden = ForbiddenWords.none
    /// The file the forbidden words came from.
    var forbiddenFile: String?

    /// An empty phrase book (every key renders as itself), forbidding `forbidden` (tests that build
    /// a book from in-memory files give it the shipped words).
    public init(forbidden: ForbiddenWords = .none) { self.forbidden = forbidden }

    /// Every phrase key, sorted.
    public var keys: [String] { phrases.keys.sorted() }

    /// Whether the book has a phrase for `key`.
    public func contains(_ key: String) -> Bool { phrases[key] != nil }

    /// The phrase `key` in `language` with its placeholders filled from `values`.
    ///
    /// A missing language falls back to zh-Hans, then English; an unknown key renders as the key
    /// itself and a placeholder without a value stays as `{name}`, so a gap is visible, never silent.
    public func render(_ key: String, _ language: Language, _ values: [String: String] = [:]) -> String {
        guard let phrase = phrases[key] else { return key }
        guard let segments = phrase.shown(in: language) else { return key }
        var out = ""
        for segment in segments {
            switch segment {
            case .literal(let text): out += text
            case .placeholder(let name):
                if let value = values[name] { out += value } else { out += "{" + name + "}" }
            }
        }
        return out
    }

    /// The phrase `key` in `language` with each placeholder filled by `value(name)`; a name it has
    /// no value for stays as `{name}`, as with `render(_:_:_:)`. Nothing is merged or copied per call.
    public func render(_ key: String, _ language: Language, value: (String) -> String?) -> String {
        guard let phrase = phrases[key] else { return key }
        guard let segments = phrase.shown(in: language) else { return key }
        if segments.count == 1, case .literal(let text) = segments[0] { return text }
        var out = ""
        // One buffer for the whole reply: the literals' bytes and room for the values.
        var capacity = 0
        for segment in segments {
            if case .literal(let text) = segment { capacity += text.utf8.count } else { capacity += 24 }
        }
        out.reserveCapacity(capacity)
        for segment in segments {
            switch segment {
            case .literal(let text): out += text
            case .placeholder(let name):
                if let filled = value(name) { out += filled } else { out += "{" + name + "}" }
            }
        }
        return out
    }

    /// Fills `{name}` placeholders of any text (FAQ answers, …) from `values` in one pass.
    /// Unknown placeholders are left as written.
    public static func fill(_ text: String, _ values: [String: String]) -> String {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        var out = ""
        for segment in compile(text) {
            switch segment {
            case .literal(let literal): out += literal
            case .placeholder(let name): out += values[name] ?? "{" + name + "}"
            }
        }
        return out
    }

    /// Splits a template into literals and `{name}` placeholders (name: ASCII letters, digits, `_`).
    static func compile(_ text: String) -> [Segment] {
        var segments: [Segment] = []
        var literal = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "{", let close = text[index...].firstIndex(of: "}") {
                let name = text[text.index(after: index)..<close]
                if !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
                    if !literal.isEmpty { segments.append(.literal(literal)) }
                    literal = ""
                    segments.append(.placeholder(String(name)))
                    index = text.index(after: close)
                    continue
                }
            }
            literal.append(character)
            index = text.index(after: index)
        }
        if !literal.isEmpty { segments.append(.literal(literal)) }
        return segments
    }

    /// The placeholder names of a template, in order of first appearance.
    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        for case .placeholder(let name) in compile(text) where !names.contains(name) { names.append(name) }
        return names
    }
}
