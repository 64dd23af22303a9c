import Foundation
import FrontDeskContent
import FrontDeskMatching
import FrontDeskModel

/// Paths and shared values for the matching tests (the repository's own `intents/`).
enum Support {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let intents = repository.appendingPathComponent("intents").path
    /// The labelled sets: `intents/examples/` (the learned layer trains on them too).
    static let fixtures = repository.appendingPathComponent("intents").appendingPathComponent("examples")

    /// The real catalog, loaded once.
    static let catalog: Catalog = {
        do { return try Catalog.load(directory: intents) } catch { fatalError("intents/ does not load:\n\(error)") }
    }()

    static let matcher = Matcher(catalog: catalog)
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func classify(_ text: String) -> Classification {
        matcher.classify(text, now: now, utcOffset: 28_800)
    }

    /// A fresh copy of `intents/` in a temporary directory, for breaking files on purpose.
    static func copyOfIntents() throws -> String {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("fd-intents-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: intents, toPath: target.path)
        return target.path
    }
}
