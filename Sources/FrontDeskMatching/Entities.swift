public import Foundation
public import FrontDeskContent
public import FrontDeskModel

// OWNER: entities helper. Agreed signature; see docs/ARCHITECTURE.md.

/// Entities found in one message (SPEC 3). All values canonical.
public struct Entities: Sendable, Equatable {
    /// `B-U-R`, e.g. `3-2-501`.
    public var unit: String?
    /// Digits only: `13812345678`, Hong Kong `91234567`, landline `057188886666`.
    public var phone: String?
    /// ISO date `2026-11-25`, resolved against the clock in the estate's time zone.
    public var date: String?
    /// Part of day or clock time as said: `上午`, `下午`, `晚上`, `morning`, `14:00`.
    public var timeOfDay: String?
    /// `30天` → 30, `两个月` → 60, `two weeks` → 14.
    public var durationDays: Int?
    /// `5个工人` → 5.
    public var count: Int?
    /// `REP-20261122-0001` (upper-cased).
    public var recordID: String?
    /// The building of a unit, also when only the building was named (`5号楼801`, `6号楼1单元12楼`).
    public var building: Int?
    /// The entrance of `building` when both were named without a room (`6栋1单元的电梯`).
    public var entrance: Int?
    /// A block and flat without the entrance (`5栋1101`), read with the dialogue lexicon's block and entrance markers
    /// on the lower-cased text (`EntityExtractor.blockAndFlat(in:)`) when a dialogue turn is made and no `unit` was
    /// found (`classify` alone leaves it `nil`, so that classifying never pays for it); not in `json`.
    public var blockAndFlat: BlockAndFlat?

    /// Entities with the given values (all absent by default).
    public init(
        unit: String? = nil, phone: String? = nil, date: String? = nil, timeOfDay: String? = nil,
        durationDays: Int? = nil, count: Int? = nil, recordID: String? = nil, building: Int? = nil
    ) {
        self.unit = unit
        self.phone = phone
        self.date = date
        self.timeOfDay = timeOfDay
        self.durationDays = durationDays
        self.count = count
        self.recordID = recordID
        self.building = building
    }

    /// `{"unit":…,"phone":…,"date":…,"record_id":…}` as in `classify --json` (absent ones null).
    public var json: JSON {
        .object(
            JSONObject([
                ("unit", .optional(unit)), ("phone", .optional(phone)), ("date", .optional(date)),
                ("time", .optional(timeOfDay)), ("duration_days", .optional(durationDays)),
                ("count", .optional(count)), ("record_id", .optional(recordID)),
            ]))
    }
}

/// Finds entities in normalized text (already half-width, lower-cased, Simplified).
///
/// One pass splits the text into tokens (numbers in Arabic digits, Chinese numerals or English words;
/// ASCII words; single characters); recognizers then read the tokens in a fixed order, each taking the
/// tokens it uses so that a unit's or a record ID's digits never become a phone or a date.
public struct EntityExtractor: Sendable {
    let lexicon: EntityLexicon
    let flats: BlockAndFlatReader

    /// An extractor reading the words of `intents/entities.json` (compiled once, here), and a block and flat with the
    /// dialogue lexicon's `block_markers` and `entrance_markers`; it holds no other state.
    public init(words: EntityWords, dialogue: DialogueLexicon = DialogueLexicon(lists: [:])) {
        lexicon = EntityLexicon(words)
        flats = BlockAndFlatReader(blockMarkers: dialogue[.blockMarkers], entranceMarkers: dialogue[.entranceMarkers])
    }

    /// A block and flat without the entrance ("5座1101", "5栋1101室", "block 5 flat 1101") in `lower`, the message as
    /// the dialogue reads it (`TextMatch.lowercased` of the normalized text): the two numbers joined by a block marker,
    /// `nil` when the text is not of that form.
    public func blockAndFlat(in lower: String) -> BlockAndFlat? { flats.read(lower) }

    /// Every entity in `normalized`, dates relative to `now` at `utcOffset` seconds east of UTC.
    public func extract(from normalized: String, now: Date, utcOffset: Int) -> Entities {
        var text = normalized
        // Most messages have no digit, no letter and no trigger character: nothing to tokenize.
        guard text.withUTF8({ EntityPrescan.mayHaveEntities($0, trigger: lexicon.trigger) }) else { return Entities() }
        var scan = EntityScan(text, lexicon: lexicon, now: now, offset: utcOffset)
        return scan.run()
    }

    /// `extract` without its shortcuts (the pre-scan and collapsed runs of unread characters), for tests
    /// that check the shortcuts change nothing.
    func extractWithoutShortcuts(from normalized: String, now: Date, utcOffset: Int) -> Entities {
        var scan = EntityScan(normalized, lexicon: lexicon, now: now, offset: utcOffset, collapsing: false)
        return scan.run()
    }

    /// The Chinese numerals the extractor reads (for slot answers such as "五个").
    public var numerals: ChineseNumerals { lexicon.numerals }

    /// Every non-ASCII character some recognizer reads, and the trigger characters, in scalar order (tests).
    var readChars: String { lexicon.readChars }
    var triggerChars: String { lexicon.triggerChars }
}
