import FrontDeskModel

// OWNER: matcher helper (Classification, Matcher); entities helper (Entities). Agreed signatures.

/// One keyword occurrence that fired: the operator's "why did it match that".
public struct KeywordHit: Sendable, Equatable {
    /// The keyword as written in `intents/` (normalized).
    public var keyword: String
    /// The intent (or `act:affirm`, `category:repair.plumbing`, …) it belongs to.
    public var target: String
    public var weight: Double
    /// Offset in Unicode scalars into the normalized text.
    public var offset: Int

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
}

/// What the matcher made of one message.
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
    /// Every intent with a positive score, best first.
    public var scores: [(intent: String, score: Double)]
    public var hits: [KeywordHit]
    public var acts: Set<DialogueAct>
    /// Sub-categories by intent: `repair` → `plumbing`, `complaint` → `noise`, `emergency` → `gas`,
    /// `inquiry` → an FAQ id. Present for every intent that has keywords of a category in the text.
    public var categories: [String: String]
    public var entities: Entities

    public init(
        text: String, normalized: String, language: Language, intent: String, confidence: Double,
        ambiguous: [String] = [], scores: [(intent: String, score: Double)] = [], hits: [KeywordHit] = [],
        acts: Set<DialogueAct> = [], categories: [String: String] = [:], entities: Entities = Entities()
    ) {
        self.text = text
        self.normalized = normalized
        self.language = language
        self.intent = intent
        self.confidence = confidence
        self.ambiguous = ambiguous
        self.scores = scores
        self.hits = hits
        self.acts = acts
        self.categories = categories
        self.entities = entities
    }
}
