import Foundation
import FrontDeskContent
import FrontDeskModel

// OWNER: matcher helper. Stub with the agreed signature; see docs/ARCHITECTURE.md.

/// The compiled matcher: normalizer tables and one keyword automaton over every intent,
/// category and dialogue act of a catalog. Immutable and shareable across threads.
public struct Matcher: Sendable {
    /// Compiles the catalog's keywords once.
    public init(catalog: Catalog) {}

    /// Classifies one message; dates in its entities are resolved against `now` at `utcOffset`.
    public func classify(_ text: String, now: Date, utcOffset: Int) -> Classification {
        Classification(text: text, normalized: text, language: .zhHans, intent: "fallback", confidence: 0)
    }
}
