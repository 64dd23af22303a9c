public import FrontDeskModel

// OWNER: matcher helper (Classification, Matcher); entities helper (Entities). Agreed signatures.

/// One keyword occurrence that fired: the operator's "why did it match that".
public struct KeywordHit: Sendable, Equatable {
    /// The keyword as written in `intents/` (normalized).
    public var keyword: String
    /// The intent (or `act:affirm`, `category:repair.plumbing`, …) it belongs to.
    public var target: String
    /// The weight it added (negative for a penalty).
    public var weight: Double
    /// Offset in Unicode scalars into the normalized text.
    public var offset: Int

    /// A hit of `keyword` for `target` with `weight` at scalar `offset`.
    public init(keyword: String, target: String, weight: Double, offset: Int) {
        self.keyword = keyword
        self.target = target
        self.weight = weight
        self.offset = offset
    }
}

/// Dialogue acts understood inside a flow (SPEC 2.3).
public enum DialogueAct: String, Sendable, Hashable, CaseIterable {
    /// 对 / 是的 / 确认 / 没问题 / yes
    case affirm
    /// 不 / 不是 / no
    case deny
    /// 不对，是… / no, … : a correction that carries a new value
    case correction
    /// 好像 / 隐约 / 有点 / faint / not sure / I think: the resident is not sure of what they report
    case hedge
}

/// What the matcher made of one message.
///
/// The matcher fills the fields that every turn reads (intent, confidence, language, normalized text,
/// entities) directly; `acts` and `categories` are kept compactly and turned into a set and a dictionary
/// when read; `scores` and `hits` (the `--explain` detail) are worked out again from the text when read.
/// Every field reads and writes like a stored property.
public struct Classification: Sendable {
    /// The text as received.
    public var text: String
    /// After normalization (width, case, Traditional → Simplified, …).
    public var normalized: String
    /// The script/language the resident wrote in.
    public var language: Language
    /// One of the 13 canonical intents of SPEC 2.3; `fallback` below the threshold.
    public var intent: String
    /// 0…1.
    public var confidence: Double
    /// When two intents are too close to call: both, best first (the bot asks which one).
    public var ambiguous: [String]
    /// Unit, phone, date, time, duration, count and record ID found in the message.
    public var entities: Entities

    /// The matcher's compact result, when the matcher made this value.
    var detail: MatchDetail?
    /// Values set through the public initializer or a setter; they win over `detail`.
    var given: GivenValues?

    /// Every intent with a positive score, best first.
    public var scores: [(intent: String, score: Double)] {
        get { given?.scores ?? detail.map { $0.engine.explain($0.text).scores } ?? [] }
        set { given = GivenValues(given, scores: newValue) }
    }

    /// The keyword occurrences that counted, in text order.
    public var hits: [KeywordHit] {
        get { given?.hits ?? detail.map { $0.engine.explain($0.text).hits } ?? [] }
        set { given = GivenValues(given, hits: newValue) }
    }

    /// The dialogue acts (affirm, deny, correction) the message carries.
    public var acts: Set<DialogueAct> {
        get { given?.acts ?? detail.map { $0.engine.acts($0.facts.actBits) } ?? [] }
        set { given = GivenValues(given, acts: newValue) }
    }

    /// Sub-categories by intent: `repair` → `plumbing`, `complaint` → `noise`, `emergency` → `gas`,
    /// `inquiry` → an FAQ id. Present for every intent that has keywords of a category in the text.
    public var categories: [String: String] {
        get { given?.categories ?? detail.map { $0.engine.categories($0) } ?? [:] }
        set { given = GivenValues(given, categories: newValue) }
    }
}

extension Classification {
    /// A classification made by hand (tests, other front ends); every field as given.
    public init(
        text: String, normalized: String, language: Language, intent: String, confidence: Double,
        ambiguous: [String] = [], scores: [(intent: String, score: Double)] = [], hits: [KeywordHit] = [],
        acts: Set<DialogueAct> = [], categories: [String: String] = [:], entities: Entities = Entities()
    ) {
        self.init(
            text: text, normalized: normalized, language: language, intent: intent, confidence: confidence,
            ambiguous: ambiguous, entities: entities, detail: nil,
            given: GivenValues(nil, scores: scores, hits: hits, acts: acts, categories: categories))
    }
}

extension Classification {
    /// The sub-category found for `intent`: `categories[intent]` without building the dictionary
    /// (for a chat turn, which needs only the winning intent's).
    public func category(for intent: Intent) -> String? {
        if let categories = given?.categories { return categories[intent.rawValue] }
        guard let detail else { return nil }
        return detail.engine.category(for: intent.rawValue, detail)
    }

    /// Whether the message carries `act`: `acts.contains(act)` without building the set.
    public func contains(act: DialogueAct) -> Bool {
        if let acts = given?.acts { return acts.contains(act) }
        guard let detail else { return false }
        return detail.engine.hasAct(act, detail.facts.actBits)
    }
}

/// The compact part of a matcher-made `Classification`: the engine and text it came from (to work out
/// scores and hits again when asked), and the plain facts kept from the scan.
struct MatchDetail: Sendable {
    let engine: MatchEngine
    /// The text that was classified (`Classification.text` may be changed afterwards).
    let text: String
    let facts: ScanFacts
}

/// Dialogue acts as bits and the best category of up to four intents: plain values, no references.
struct ScanFacts: Sendable {
    /// Bit `i`: act `i` of the rules.
    var actBits: UInt8 = 0
    /// Up to four `(intent << 24) | (category slot + 1)`; 0 ends the list.
    var categoryPicks: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
    /// More intents had a category than `categoryPicks` holds: work them out again from the text.
    var categoryOverflow = false

    /// Records the best category slot of an intent (or the overflow when all four places are taken).
    mutating func addCategory(intent: Int, slot: Int) {
        let code = UInt32(intent) << 24 | UInt32(slot + 1)
        if categoryPicks.0 == 0 {
            categoryPicks.0 = code
        } else if categoryPicks.1 == 0 {
            categoryPicks.1 = code
        } else if categoryPicks.2 == 0 {
            categoryPicks.2 = code
        } else if categoryPicks.3 == 0 {
            categoryPicks.3 = code
        } else {
            categoryOverflow = true
        }
    }
}

/// Scores, hits, acts and categories set explicitly on a `Classification`. Immutable: a setter makes a
/// new one, so copies of a classification never share a change.
final class GivenValues: Sendable {
    let scores: [(intent: String, score: Double)]?
    let hits: [KeywordHit]?
    let acts: Set<DialogueAct>?
    let categories: [String: String]?

    /// `old`'s values with the ones passed here replacing them.
    init(
        _ old: GivenValues?, scores: [(intent: String, score: Double)]? = nil, hits: [KeywordHit]? = nil,
        acts: Set<DialogueAct>? = nil, categories: [String: String]? = nil
    ) {
        self.scores = scores ?? old?.scores
        self.hits = hits ?? old?.hits
        self.acts = acts ?? old?.acts
        self.categories = categories ?? old?.categories
    }
}
