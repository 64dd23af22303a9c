import Foundation
import FrontDeskMatching
import FrontDeskModel

/// The fixed clock of the entity tests: 2026-11-22T10:00+08:00, a Sunday.
enum EntityClock {
    static let offset = 28_800
    static let now = CivilTime(year: 2026, month: 11, day: 22, hour: 10, offset: offset).date

    /// The extractor of the real `intents/entities.json`.
    static let extractor = Support.matcher.entityExtractor
    /// Its Chinese numerals.
    static let numerals = extractor.numerals

    /// Extracts from already-normalized text at the fixed clock.
    static func extract(_ text: String) -> Entities {
        extractor.extract(from: text, now: now, utcOffset: offset)
    }
}
