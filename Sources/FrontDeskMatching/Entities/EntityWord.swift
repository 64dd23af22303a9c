/// The English words the entity extractor knows. Unknown words are kept as `.other`.
enum EntityWord: UInt8, Sendable {
    case other
    // units
    case building, block, tower, unit, room, flat, apt, no, floor
    // record types (`dec` is also December: see `month`)
    case rep, cmp, dec, emg, cb
    // days
    case today, tonight, tomorrow, day, days, after, next, this, on, coming
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday
    case jan, feb, mar, apr, may, jun, jul, aug, sep, oct, nov
    case st, nd, rd, th, of, the, at, and, a, an, half
    // times of day
    case am, pm, morning, afternoon, evening, noon, night
    // durations and counts
    case week, weeks, month, months, daysUnit
    case worker, people

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

    /// The word for a packed spelling.
    static func lookup(_ packed: UInt64) -> EntityWord { table[packed] ?? .other }

    /// Spelled-out numbers, read as numbers.
    static func numberValue(_ packed: UInt64) -> Int? { numbers[packed] }

    private static let table: [UInt64: EntityWord] = {
        let spellings: [(String, EntityWord)] = [
            ("building", .building), ("bldg", .building), ("bld", .building), ("block", .block), ("blk", .block),
            ("tower", .tower), ("unit", .unit), ("room", .room), ("rm", .room), ("flat", .flat), ("apt", .apt),
            ("apartment", .apt), ("no", .no), ("floor", .floor), ("fl", .floor), ("storey", .floor), ("rep", .rep), ("cmp", .cmp), ("dec", .dec), ("emg", .emg),
            ("cb", .cb), ("today", .today), ("tonight", .tonight), ("tomorrow", .tomorrow), ("tmr", .tomorrow),
            ("day", .day), ("after", .after), ("next", .next), ("this", .this), ("on", .on), ("coming", .coming),
            ("monday", .monday), ("mon", .monday), ("tuesday", .tuesday), ("tue", .tuesday), ("tues", .tuesday),
            ("wednesday", .wednesday), ("wed", .wednesday), ("thursday", .thursday), ("thu", .thursday),
            ("thur", .thursday), ("thurs", .thursday), ("friday", .friday), ("fri", .friday),
            ("saturday", .saturday), ("sat", .saturday), ("sunday", .sunday), ("sun", .sunday),
            ("january", .jan), ("jan", .jan), ("february", .feb), ("feb", .feb), ("march", .mar), ("mar", .mar),
            ("april", .apr), ("apr", .apr), ("may", .may), ("june", .jun), ("jun", .jun), ("july", .jul),
            ("jul", .jul), ("august", .aug), ("aug", .aug), ("september", .sep), ("sep", .sep), ("sept", .sep),
            ("october", .oct), ("oct", .oct), ("november", .nov), ("nov", .nov), ("december", .dec),
            ("st", .st), ("nd", .nd), ("rd", .rd), ("th", .th), ("of", .of), ("the", .the), ("at", .at),
            ("and", .and), ("a", .a), ("an", .an), ("half", .half), ("am", .am), ("pm", .pm),
            ("morning", .morning), ("afternoon", .afternoon), ("evening", .evening), ("noon", .noon),
            ("midday", .noon), ("night", .night), ("week", .week), ("weeks", .weeks), ("wk", .week),
            ("wks", .weeks), ("month", .month), ("months", .months), ("mo", .month), ("days", .daysUnit),
            ("worker", .worker), ("workers", .worker), ("people", .people), ("persons", .people),
            ("person", .people), ("men", .people), ("staff", .people), ("labourers", .worker),
            ("laborers", .worker), ("builders", .worker), ("decorators", .worker), ("workmen", .worker),
        ]
        var table: [UInt64: EntityWord] = [:]
        for (spelling, word) in spellings { table[pack(spelling.utf8)] = word }
        return table
    }()

    private static let numbers: [UInt64: Int] = {
        let names = [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
        ]
        var table: [UInt64: Int] = [:]
        for (value, name) in names.enumerated() { table[pack(name.utf8)] = value }
        for (name, value) in [("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("ninety", 90)] {
            table[pack(name.utf8)] = value
        }
        return table
    }()
}
