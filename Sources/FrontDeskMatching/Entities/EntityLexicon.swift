import FrontDeskContent

/// The words of `intents/entities.json` compiled for the recognizers: word sets matched in place over
/// tokens, a numeral table, the cue of each character, and the bit sets of the two shortcuts.
///
/// A final class of constants so that a scan holds all of it with one reference. The tables the
/// recognizers read per character and per word are plain memory it owns (no reference counting in the
/// scan); nothing is written after init, hence `@unchecked Sendable` (no lock needed).
final class EntityLexicon: @unchecked Sendable {
    let numerals: ChineseNumerals
    /// Characters some recognizer reads, and trigger characters, as bit sets over U+3000–U+9FFF.
    let read: [UInt64]
    let trigger: [UInt64]
    /// The read and trigger characters as text, in scalar order (tests walk them).
    let readChars: String
    let triggerChars: String
    /// The cues (`EntityCues` raw values) of each character of U+3000–U+9FFF.
    let cueTable: UnsafePointer<UInt16>
    /// The numeral code (`ChineseNumerals.code`) of each character of U+3000–U+9FFF.
    let numeralTable: UnsafePointer<UInt8>
    /// Packed ASCII spellings in an open-addressing table of `asciiMask + 1` places (0: empty; a packed spelling
    /// is never 0), and for each a word's raw value or a number `n` stored as `-(n + 1)`.
    private let asciiKeys: UnsafePointer<UInt64>
    private let asciiValues: UnsafePointer<Int32>
    private let asciiMask: Int
    /// The memory of the tables and word sets, freed with the lexicon.
    private let arena: [UnsafeMutableRawPointer]
    /// What an English part of the day reports, by `EntityWord` raw value.
    let englishSaid: [String?]

    let relativeDays: EntityWordSet
    let relativeDayOffsets: [Int]
    let relativeDayTimes: [String?]
    let partsOfDay: EntityWordSet
    let partSaid: [String]
    let partShift: [EntityScan.Shift]
    let partAfter: [[UInt32]]

    let year, month, dayMarks, notADayAfter, notADayBefore, nextWeek, lastWeek, thisWeek, classifiers: EntityWordSet
    let weekWords, sunday: EntityWordSet
    /// Tags 0 (`点钟`, spoken), 1 (`点`) and 2 (`时`, formal).
    let hourWords: EntityWordSet
    let halfHour, quarter, minutes: EntityWordSet
    /// Tags 0 (a building word) and 1 (bare `号` / `楼`, a building only with a 单元 after it).
    let buildingMarkers: EntityWordSet
    let unit, floorMarkers, placesNotFloors, roomSuffixes: EntityWordSet
    let halfMonth, half, days, spanDays, weeks, notWeeks, weekNouns, countClassifiers, countJoiners, workerNouns, valueChangers: EntityWordSet

    static let base: UInt32 = 0x3000
    static let limit: UInt32 = 0xA000

    init(_ words: EntityWords) {
        let numerals = ChineseNumerals(words: words)
        self.numerals = numerals
        var arena: [UnsafeMutableRawPointer] = []
        func set(_ list: EntityWords.List) -> EntityWordSet { EntityWordSet(words[list], arena: &arena) }
        relativeDays = EntityWordSet(words.relativeDays.map(\.word), arena: &arena)
        relativeDayOffsets = words.relativeDays.map(\.days)
        relativeDayTimes = words.relativeDays.map(\.time)
        partsOfDay = EntityWordSet(words.partsOfDay.map(\.word), arena: &arena)
        partSaid = words.partsOfDay.map(\.said)
        partShift = words.partsOfDay.map { EntityScan.Shift(named: $0.shift) }
        partAfter = words.partsOfDay.map { $0.after.compactMap { $0.unicodeScalars.first?.value } }
        year = set(.year)
        month = set(.month)
        dayMarks = set(.dayMarks)
        notADayAfter = set(.notADayAfter)
        notADayBefore = set(.notADayBefore)
        nextWeek = set(.nextWeek)
        lastWeek = set(.lastWeek)
        thisWeek = set(.thisWeek)
        classifiers = set(.classifiers)
        weekWords = set(.weekWords)
        sunday = set(.sunday)
        hourWords = EntityWordSet(lists: [words[.hoursSpoken], words[.hours], words[.hoursFormal]], arena: &arena)
        halfHour = set(.halfHour)
        quarter = set(.quarter)
        minutes = set(.minutes)
        buildingMarkers = EntityWordSet(
            lists: [words[.buildingMarkers], words[.bareBuildingMarkers]], arena: &arena)
        unit = set(.unit)
        floorMarkers = set(.floorMarkers)
        placesNotFloors = set(.placesNotFloors)
        roomSuffixes = set(.roomSuffixes)
        halfMonth = set(.halfMonth)
        half = set(.half)
        days = set(.days)
        spanDays = set(.spanDays)
        weeks = set(.weeks)
        notWeeks = set(.notWeeks)
        weekNouns = set(.weekNouns)
        countClassifiers = set(.countClassifiers)
        countJoiners = set(.countJoiners)
        workerNouns = set(.workerNouns)
        valueChangers = set(.valueChangers)

        // A character's cues: the first characters of the words each recognizer starts a match with.
        var cues = [UInt16](repeating: 0, count: Int(Self.limit - Self.base))
        func mark(_ sets: [EntityWordSet], _ cue: EntityCues) {
            for s in sets {
                for v in s.firsts where v >= Self.base && v < Self.limit { cues[Int(v - Self.base)] |= UInt16(cue.rawValue) }
            }
        }
        mark([buildingMarkers, unit], .unitMark)
        mark([relativeDays, nextWeek, lastWeek, thisWeek, weekWords, month, dayMarks], .dateMark)
        mark([partsOfDay, hourWords], .timeMark)
        mark([halfMonth, half, days, spanDays, weeks, weekNouns, month], .spanMark)
        mark([workerNouns], .countMark)
        cueTable = Self.freeze(cues, &arena)
        numeralTable = Self.freeze(
            (Self.base..<Self.limit).map { numerals.code($0) }, &arena)

        // Every character a recognizer compares against is read; so are the numerals and list punctuation.
        var readScalars = Set<UInt32>([0x3000, 0x3001])
        let all: [EntityWordSet] = [
            relativeDays, partsOfDay, year, month, dayMarks, notADayAfter, notADayBefore, nextWeek, lastWeek, thisWeek, classifiers,
            weekWords, sunday, hourWords, halfHour, quarter, minutes, buildingMarkers, unit, floorMarkers,
            placesNotFloors, roomSuffixes, halfMonth, half, days, spanDays, weeks, notWeeks, weekNouns, countClassifiers,
            countJoiners, workerNouns, valueChangers,
        ]
        for s in all { readScalars.formUnion(s.allScalars.filter { $0 >= 0x80 }) }
        for after in partAfter { readScalars.formUnion(after) }
        for (character, _) in words.digits + words.multipliers {
            if let v = character.unicodeScalars.first?.value { readScalars.insert(v) }
        }
        let readSorted = readScalars.filter { $0 >= Self.base && $0 < Self.limit }.sorted()
        let triggerSorted = Set(words.triggers.unicodeScalars.map(\.value)).filter { $0 >= Self.base && $0 < Self.limit }
            .sorted()
        read = Self.bits(readSorted)
        trigger = Self.bits(triggerSorted)
        readChars = String(String.UnicodeScalarView(readSorted.compactMap(Unicode.Scalar.init)))
        triggerChars = String(String.UnicodeScalarView(triggerSorted.compactMap(Unicode.Scalar.init)))

        var ascii: [UInt64: Int32] = [:]
        var said = [String?](repeating: nil, count: Int(EntityWord.allCases.count))
        for (word, value) in words.englishNumbers { ascii[EntityWord.pack(word.utf8)] = Int32(-(value + 1)) }
        for (role, spellings) in words.englishWords {
            guard let word = EntityWord.named[role] else { continue }
            for spelling in spellings where spelling.utf8.count <= 12 {
                ascii[EntityWord.pack(spelling.utf8)] = Int32(word.rawValue)
            }
            said[Int(word.rawValue)] = words.englishSaid[role]
        }
        // At most a quarter full, so that a lookup probes one or two places.
        var places = 16
        while places < 4 * ascii.count { places *= 2 }
        var keys = [UInt64](repeating: 0, count: places)
        var values = [Int32](repeating: 0, count: places)
        for (key, value) in ascii where key != 0 {
            var slot = Self.asciiSlot(key, mask: places - 1)
            while keys[slot] != 0 { slot = (slot + 1) & (places - 1) }
            keys[slot] = key
            values[slot] = value
        }
        asciiKeys = Self.freeze(keys, &arena)
        asciiValues = Self.freeze(values, &arena)
        asciiMask = places - 1
        englishSaid = said
        self.arena = arena
    }

    deinit { for memory in arena { memory.deallocate() } }

    /// A copy of `values` in memory kept in `arena`.
    private static func freeze<T>(_ values: [T], _ arena: inout [UnsafeMutableRawPointer]) -> UnsafePointer<T> {
        let memory = UnsafeMutablePointer<T>.allocate(capacity: max(1, values.count))
        memory.initialize(from: values, count: values.count)
        arena.append(UnsafeMutableRawPointer(memory))
        return UnsafePointer(memory)
    }

    private static func bits(_ scalars: [UInt32]) -> [UInt64] {
        var words = [UInt64](repeating: 0, count: Int(limit - base) / 64)
        for v in scalars {
            let d = v - base
            words[Int(d >> 6)] |= 1 << UInt64(d & 63)
        }
        return words
    }

    /// The cues a character gives (ASCII notation: `#`, `-`, `/`, `:`; everything else from the words).
    @inline(__always)
    func cues(_ v: UInt32) -> EntityCues {
        switch v {
        case 0x23: return .unitMark  // #
        case 0x2D, 0x2F: return [.unitMark, .dateMark]  // - /
        case 0x3A: return .timeMark  // :
        default:
            let d = v &- Self.base
            return d < Self.limit - Self.base ? EntityCues(rawValue: UInt32(cueTable[Int(d)])) : []
        }
    }

    /// The numeral code of a scalar (`ChineseNumerals.code`): 0 when it is not a numeral.
    @inline(__always)
    func numeral(_ v: UInt32) -> UInt8 {
        let d = v &- Self.base
        return d < Self.limit - Self.base ? numeralTable[Int(d)] : 0
    }

    /// The first place of a packed spelling in the ASCII table (Fibonacci hashing: the top bits of the product).
    @inline(__always)
    private static func asciiSlot(_ packed: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (packed &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// A packed ASCII word (`EntityWord.pack`): a number, or a word (`.other` when unknown).
    @inline(__always)
    func asciiWord(_ packed: UInt64) -> (number: Int?, word: EntityWord) {
        guard packed != 0 else { return (nil, .other) }
        var slot = Self.asciiSlot(packed, mask: asciiMask)
        while asciiKeys[slot] != packed {
            if asciiKeys[slot] == 0 { return (nil, .other) }
            slot = (slot + 1) & asciiMask
        }
        let value = Int(asciiValues[slot])
        if value < 0 { return (-value - 1, .other) }
        return (nil, EntityWord(rawValue: UInt8(value)) ?? .other)
    }
}
