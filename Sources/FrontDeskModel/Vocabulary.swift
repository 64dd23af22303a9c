/// A name of the domain's vocabulary that `intents/` declares (an intent, a slot): a string with a type, so an intent
/// is never passed where a slot is meant. Encoded, printed and compared as its name.
public protocol VocabularyName: RawRepresentable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible
where RawValue == String {
    /// The name.
    init(rawValue: String)
}

extension VocabularyName {
    /// The one named `name`.
    public init(_ name: String) { self.init(rawValue: name) }

    /// The name.
    public var description: String { rawValue }

    /// By name.
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// The name of an intent, as `intents/` declares it (`repair`, `fee_query`, …) and SPEC writes it in `intent`
/// fields. The set of intents is data, so this is a small struct, not an enum: any name the catalog loads is an
/// intent; the static members are the ones the code dispatches on. Encoded as its name (`classify --json`,
/// `chat --json` and the transcripts stay byte for byte as they were).
public struct Intent: VocabularyName {
    /// The name, e.g. `fee_query`.
    public let rawValue: String

    /// The intent named `rawValue`.
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let repair = Intent(rawValue: "repair")
    public static let complaint = Intent(rawValue: "complaint")
    public static let emergency = Intent(rawValue: "emergency")
    public static let feeQuery = Intent(rawValue: "fee_query")
    public static let decorationPermit = Intent(rawValue: "decoration_permit")
    public static let progressQuery = Intent(rawValue: "progress_query")
    public static let handoff = Intent(rawValue: "handoff")
    public static let inquiry = Intent(rawValue: "inquiry")
    public static let greeting = Intent(rawValue: "greeting")
    public static let thanks = Intent(rawValue: "thanks")
    public static let goodbye = Intent(rawValue: "goodbye")
    public static let cancel = Intent(rawValue: "cancel")
    /// No intent was recognised (SPEC 3).
    public static let fallback = Intent(rawValue: "fallback")
}

/// The name of a slot a flow fills or waits for (SPEC 2.1: `unit`, `phone`, … , and `confirm` when the flow waits
/// for a yes). Encoded as its name, as `awaiting` and the keys of `slots` are written.
public struct Slot: VocabularyName {
    /// The name, e.g. `record_id`.
    public let rawValue: String

    /// The slot named `rawValue`.
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let unit = Slot(rawValue: "unit")
    public static let description = Slot(rawValue: "description")
    public static let phone = Slot(rawValue: "phone")
    public static let category = Slot(rawValue: "category")
    public static let verify = Slot(rawValue: "verify")
    public static let recordID = Slot(rawValue: "record_id")
    public static let name = Slot(rawValue: "name")
    public static let scope = Slot(rawValue: "scope")
    public static let contractor = Slot(rawValue: "contractor")
    public static let startDate = Slot(rawValue: "start_date")
    public static let durationDays = Slot(rawValue: "duration_days")
    public static let workers = Slot(rawValue: "workers")
    public static let time = Slot(rawValue: "time")
    public static let location = Slot(rawValue: "location")
    /// Not a slot of the record: the flow waits for a yes or no to its summary.
    public static let confirm = Slot(rawValue: "confirm")

    // The flow's own notes, kept beside its slots and never stored in a record: a flat read in parts (block, entrance,
    // room), the month and item a fee question named, a resident who says they do not live here, a public place.
    public static let unitBlock = Slot(rawValue: "unit_block")
    public static let unitEntrance = Slot(rawValue: "unit_entrance")
    public static let unitRoom = Slot(rawValue: "unit_room")
    public static let feeItem = Slot(rawValue: "fee_item")
    public static let feeMonth = Slot(rawValue: "fee_month")
    public static let notResident = Slot(rawValue: "not_resident")
    public static let publicArea = Slot(rawValue: "public_area")
}

extension Dictionary where Key == Slot, Value == String {
    /// The values by slot name, as phrase templates read them (`{unit}`, `{phone}`).
    public var byName: [String: String] {
        var named: [String: String] = [:]
        named.reserveCapacity(count)
        for (slot, value) in self { named[slot.rawValue] = value }
        return named
    }
}
