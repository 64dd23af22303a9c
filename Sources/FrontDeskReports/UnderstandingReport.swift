/// Similar messages the bot did not understand, counted together.
public struct MessageGroup: Sendable, Equatable {
    /// The shared keywords or character n-grams that hold the group together, `快递 · 代收`.
    public var label: String
    /// Messages in the group.
    public var count: Int
    /// Of which the bot answered with "I did not understand".
    public var fallback: Int
    /// Of which the bot asked "which did you mean".
    public var clarify: Int
    /// A few of its messages as residents wrote them, the most frequent first, with their counts.
    public var examples: [(text: String, count: Int)]
    /// The intents offered in "which did you mean", most offered first.
    public var offered: [String]

    /// Equal when every field is, the examples compared text and count alike.
    public static func == (lhs: MessageGroup, rhs: MessageGroup) -> Bool {
        lhs.label == rhs.label && lhs.count == rhs.count && lhs.fallback == rhs.fallback && lhs.clarify == rhs.clarify
            && lhs.examples.map(\.text) == rhs.examples.map(\.text)
            && lhs.examples.map(\.count) == rhs.examples.map(\.count) && lhs.offered == rhs.offered
    }
}

/// Turns where a resident corrected the bot, by what the bot had taken the message for and
/// what it took the correction for.
public struct CorrectionGroup: Sendable, Equatable {
    /// The intent of the bot turn that was corrected.
    public var from: String
    /// The intent of the bot turn that answered the correction.
    public var to: String
    /// How many turns had this pair of intents.
    public var count: Int
    /// A few corrections as residents wrote them.
    public var examples: [String]
}

/// What residents asked that the bot did not understand (`frontdesk report --unrecognized`).
public struct UnderstandingReport: Sendable, Equatable {
    /// Resident messages in the period.
    public var residentMessages = 0
    /// Resident messages answered with "I did not understand".
    public var fallback = 0
    /// Resident messages answered with "which did you mean".
    public var clarify = 0
    /// Biggest first.
    public var groups: [MessageGroup] = []
    /// Unrecognized messages in groups beyond the ones listed.
    public var ungrouped = 0
    /// Whether counts are lower bounds because rare messages were dropped to bound memory.
    public var approximate = false
    /// Corrections in all.
    public var corrections = 0
    /// Biggest first.
    public var correctionGroups: [CorrectionGroup] = []

    /// An empty report.
    public init() {}

    /// Unrecognized messages in all (fallback + clarify).
    public var unrecognized: Int { fallback + clarify }

    /// Unrecognized messages as a share of resident messages.
    public var unrecognizedShare: Double? {
        residentMessages == 0 ? nil : Double(unrecognized) / Double(residentMessages)
    }
}
