import FrontDeskModel

// OWNER: matcher helper. Stub with the agreed signature; see docs/ARCHITECTURE.md.

/// The bot's content loaded from `intents/`: validated, immutable, ready to compile.
public struct Catalog: Sendable {
    /// The etiquette and flow phrases (`intents/phrases/`).
    public var phrases: PhraseBook

    /// Loads and validates every file under `directory`.
    ///
    /// - Throws: `ContentError` listing every mistake found, each as `file: key path: message`.
    public static func load(directory: String) throws(ContentError) -> Catalog {
        var diagnostics: [Diagnostic] = []
        let phrases = PhraseBook.load(directory: directory + "/phrases", diagnostics: &diagnostics)
        if !diagnostics.isEmpty { throw ContentError(diagnostics) }
        return Catalog(phrases: phrases)
    }
}
