import FrontDeskModel

/// The words the entity extractor reads (`intents/entities.json`): Chinese numerals, date, time, unit,
/// duration and head-count words, and the English words it knows. Validated here; compiled into bit sets
/// and tables by `EntityExtractor(words:)` in FrontDeskMatching. Nothing here is ever said to a resident.
public struct EntityWords: Sendable {
    /// The named lists of `words` (every one is required).
    public enum List: String, CaseIterable, Sendable {
        case year, month
        case dayMarks = "day_marks"
        case notADayAfter = "not_a_day_after"
        case notADayBefore = "not_a_day_before"
        case nextWeek = "next_week"
        case lastWeek = "last_week"
        case thisWeek = "this_week"
        case classifiers
        case weekWords = "week_words"
        case sunday
        case hoursSpoken = "hours_spoken"
        case hours
        case hoursFormal = "hours_formal"
        case halfHour = "half_hour"
        case quarter, minutes
        case buildingMarkers = "building_markers"
        case bareBuildingMarkers = "bare_building_markers"
        case unit
        case floorMarkers = "floor_markers"
        case placesNotFloors = "places_not_floors"
        case roomSuffixes = "room_suffixes"
        case halfMonth = "half_month"
        case half, days, weeks
        /// A day word that is a span only after a word of `notADayBefore` ("做20日", "滴咗成两日"), a day of the month otherwise.
        case spanDays = "span_days"
        case notWeeks = "not_weeks"
        case weekNouns = "week_nouns"
        case countClassifiers = "count_classifiers"
        case countJoiners = "count_joiners"
        case workerNouns = "worker_nouns"
        /// "改成" in "40天怕不够 改成45天": a second duration or head count after one of these replaces the first.
        case valueChangers = "value_changers"

        /// Lists whose words complete an entity written without ASCII letters or digits (a date, a time,
        /// a building, a span, a head count): each of their words must hold a trigger character, since a
        /// message with none is not read at all.
        public var completesAnEntity: Bool {
            switch self {
            case .month, .dayMarks, .weekWords, .hoursSpoken, .hours, .hoursFormal, .buildingMarkers,
                .bareBuildingMarkers, .halfMonth, .days, .spanDays, .weeks, .weekNouns, .workerNouns:
                true
            default: false
            }
        }
    }

    /// A word naming a day relative to today (`明天` is 1), and the part of the day it also names (`今晚`).
    public struct RelativeDay: Sendable, Equatable {
        public let word: String
        public let days: Int
        public let time: String?

        public init(word: String, days: Int, time: String? = nil) {
            self.word = word
            self.days = days
            self.time = time
        }
    }

    /// A word for a part of the day (`下午`): what is reported (`said`), how it shifts a following hour,
    /// and, when not empty, the characters it must follow (`晚` only after 今 or 明).
    public struct PartOfDay: Sendable, Equatable {
        public let word: String
        public let said: String
        public let shift: String
        public let after: [String]

        public init(word: String, said: String, shift: String, after: [String] = []) {
            self.word = word
            self.said = said
            self.shift = shift
            self.after = after
        }
    }

    /// How a part of the day shifts the hour after it.
    public static let shifts = ["am", "pm", "night", "noon"]
    /// The roles of the English words (`english_words` keys).
    public static let englishRoles = [
        "building", "block", "tower", "unit", "room", "flat", "apt", "no", "floor", "rep", "cmp", "dec", "emg", "cb",
        "today", "tonight", "tomorrow", "day", "after", "next", "this", "on", "coming", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "jan", "feb", "mar", "apr", "may", "jun", "jul",
        "aug", "sep", "oct", "nov", "st", "nd", "rd", "th", "of", "the", "at", "and", "a", "an", "half", "am", "pm",
        "morning", "afternoon", "evening", "noon", "night", "week", "weeks", "month", "months", "days", "worker",
        "people",
    ]
    /// The English roles that name a part of the day (`english_parts_of_day` keys).
    public static let englishPartsOfDay = ["morning", "afternoon", "evening", "night", "tonight", "noon"]
    /// The longest English word the extractor can tell apart (it packs 5 bits a letter into 64).
    public static let longestEnglishWord = 12

    /// Characters at least one of which every entity without ASCII letters or digits holds.
    public let triggers: String
    /// Chinese digits (`两` is 2) and multipliers (`十`, `百`, `千`, `万`), in file order.
    public let digits: [(character: String, value: Int)]
    public let multipliers: [(character: String, value: Int)]
    public let relativeDays: [RelativeDay]
    public let partsOfDay: [PartOfDay]
    let lists: [List: [String]]
    public let englishNumbers: [(word: String, value: Int)]
    /// Spellings by role (`"floor": ["floor", "fl", "storey"]`), in file order.
    public let englishWords: [(role: String, spellings: [String])]
    /// What is reported for an English part of the day, by role (`"night": "evening"`).
    public let englishSaid: [String: String]

    /// Entity words from their parts (the loader).
    public init(
        triggers: String, digits: [(character: String, value: Int)], multipliers: [(character: String, value: Int)],
        relativeDays: [RelativeDay], partsOfDay: [PartOfDay], lists: [List: [String]],
        englishNumbers: [(word: String, value: Int)], englishWords: [(role: String, spellings: [String])],
        englishSaid: [String: String]
    ) {
        self.triggers = triggers
        self.digits = digits
        self.multipliers = multipliers
        self.relativeDays = relativeDays
        self.partsOfDay = partsOfDay
        self.lists = lists
        self.englishNumbers = englishNumbers
        self.englishWords = englishWords
        self.englishSaid = englishSaid
    }

    /// No words at all: an extractor built from it finds only what needs no words (phones, `3-2-501`, ISO dates).
    public static let empty = EntityWords(
        triggers: "", digits: [], multipliers: [], relativeDays: [], partsOfDay: [], lists: [:], englishNumbers: [],
        englishWords: [], englishSaid: [:])

    /// The words of `list` (empty when built without it).
    public subscript(_ list: List) -> [String] { lists[list] ?? [] }
}
