import FrontDeskModel

// OWNER: dialogue helper. Stub with the agreed signature; see docs/ARCHITECTURE.md.

/// Every phrase the bot says, by key, in zh-Hans, zh-Hant and English, with `{placeholder}`s.
public struct PhraseBook: Sendable {
    /// Loads `directory/*.json`, appending every mistake to `diagnostics`.
    public static func load(directory: String, diagnostics: inout [Diagnostic]) -> PhraseBook {
        PhraseBook()
    }

    /// The phrase `key` in `language` with its placeholders filled from `values`.
    public func render(_ key: String, _ language: Language, _ values: [String: String] = [:]) -> String {
        key
    }

    /// Problems `frontdesk lint` reports: forbidden words, unknown placeholders, missing languages.
    public func lint() -> [Diagnostic] { [] }
}
