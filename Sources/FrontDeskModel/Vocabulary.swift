/// A name of the domain's vocabulary that `intents/` declares (an intent, a slot): a string with a type, so an intent
/// is never passed where a slot is meant. Encoded, printed and compared as its name.
public protocol VocabularyName: RawRepresentable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral where RawValue == String
{
    /// The name.
    init(rawValue: String)
}

extension VocabularyName {
    /// The one named `name`.
    public init(_ name: String) { self.init(rawValue: name) }

    /// One written as a literal, `"repair"`.
    public init(stringLiteral value: String) { self.init(rawValue: value) }

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

    public static let repair: Intent = "repair"
    public static let complaint: Intent = "complaint"
    public static let emergency: Intent = "emergency"
    public static let feeQuery: Intent = "fee_query"
    public static let decorationPermit: Intent = "decoration_permit"
    public static let progressQuery: Intent = "progress_query"
    public static let handoff: Intent = "handoff"
    public static let inquiry: Intent = "inquiry"
    public static let greeting: Intent = "greeting"
    public static let thanks: Intent = "thanks"
    public static let goodbye: Intent = "goodbye"
    public static let cancel: Intent = "cancel"
    /// No intent was recognised (SPEC 3).
    public static let fallback: Intent = "fallback"
}

/// The name of a slot a flow fills or waits for (SPEC 2.1: `unit`, `phone`, … , and `confirm` when the flow waits
/// for a yes). Encoded as its name, as `awaiting` and the keys of `slots` are written.
public struct Slot: VocabularyName {
    /// The name, e.g. `record_id`.
    public let rawValue: String

    /// The slot named `rawValue`.
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let unit: Slot = "unit"
    public static let description: Slot = "description"
    public static let phone: Slot = "phone"
    public static let category: Slot = "category"
    public static let verify: Slot = "verify"
    public static let recordID: Slot = "record_id"
    public static let name: Slot = "name"
    public static let scope: Slot = "scope"
    public static let contractor: Slot = "contractor"
    public static let startDate: Slot = "start_date"
    public static let durationDays: Slot = "duration_days"
    public static let workers: Slot = "workers"
    public static let time: Slot = "time"
    public static let location: Slot = "location"
    /// Not a slot of the record: the flow waits for a yes or no to its summary.
    public static let confirm: Slot = "confirm"
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
