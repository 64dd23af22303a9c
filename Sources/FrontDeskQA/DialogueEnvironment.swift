public import FrontDeskContent

/// What every dialogue of a run shares: the content, the default estate, and where relative
/// `@estate` paths are resolved.
public struct DialogueEnvironment: Sendable {
    /// The loaded `intents/`.
    public var catalog: Catalog
    /// The estate used when a dialogue has no `@estate`.
    public var estate: Estate
    /// Relative `@estate` paths are resolved against this directory (the repository root).
    public var baseDirectory: String
    /// Whether an explicit `--estate` overrides every dialogue's `@estate`.
    public var estateOverridesDialogues: Bool

    /// An environment.
    public init(catalog: Catalog, estate: Estate, baseDirectory: String, estateOverridesDialogues: Bool = false) {
        self.catalog = catalog
        self.estate = estate
        self.baseDirectory = baseDirectory
        self.estateOverridesDialogues = estateOverridesDialogues
    }

    /// The estate a dialogue runs with.
    ///
    /// - Throws: `ContentError` when its `@estate` file is missing or wrong.
    func estate(for dialogue: Dialogue) throws(ContentError) -> Estate {
        guard let path = dialogue.estatePath, !estateOverridesDialogues else { return estate }
        let full = path.hasPrefix("/") ? path : baseDirectory + "/" + path
        return try Estate.load(path: full)
    }
}
