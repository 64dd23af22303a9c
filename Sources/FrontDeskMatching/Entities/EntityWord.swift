/// The roles of the English words the entity extractor knows; their spellings are in `intents/entities.json`
/// (`english_words`, keyed by the case name). Unknown words are kept as `.other`.
enum EntityWord: UInt8, Sendable, CaseIterable {
    case other
    // units
    case building, block, tower, unit, room, flat, apt, no, floor
    // record types (`dec` is also December: see `month`)
    case rep, cmp, dec, emg, cb
    // days
    case today, tonight, tomorrow, day, after, next, this, on, coming
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday
    case jan, feb, mar, apr, may, jun, jul, aug, sep, oct, nov
    case st, nd, rd, th, of, the, at, and, a, an, half
    // times of day
    case am, pm, morning, afternoon, evening, noon, night
    // durations and counts
    case week, weeks, month, months, days
    case worker, people

    /// The roles by their name in `english_words` (the case names).
    static let named: [String: EntityWord] = Dictionary(
        uniqueKeysWithValues: allCases.filter { $0 != .other }.map { (String(describing: $0), $0) })

    /// 1–7 for Monday–Sunday.
    var weekday: Int? {
        guard rawValue >= EntityWord.monday.rawValue, rawValue <= EntityWord.sunday.rawValue else { return nil }
        return Int(rawValue - EntityWord.monday.rawValue) + 1
    }

    /// 1–12 for a month name (`dec` included).
    var month: Int? {
        if self == .dec { return 12 }
        guard rawValue >= EntityWord.jan.rawValue, rawValue <= EntityWord.nov.rawValue else { return nil }
        return Int(rawValue - EntityWord.jan.rawValue) + 1
    }

    /// Packs up to 12 lower-case ASCII letters into an integer (5 bits each); 0 for longer words.
    @inline(__always)
    static func pack<S: Sequence<UInt8>>(_ letters: S) -> UInt64 {
        var packed: UInt64 = 0
        var count = 0
        for b in letters {
            count += 1
            if count > 12 { return 0 }
            packed = packed << 5 | UInt64(b - 0x60)
        }
        return packed
    }
}
