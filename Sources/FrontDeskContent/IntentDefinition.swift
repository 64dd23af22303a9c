public import FrontDeskModel

/// One keyword of an intent, category, act or FAQ topic, with concepts already expanded.
public struct Keyword: Sendable, Equatable, Hashable {
    /// The word as written in `intents/` (normalized by the matcher when it compiles).
    public var text: String
    /// Points added to the target's score when the word occurs.
    public var weight: Double
    /// `@water_pipe` when the word came from a concept of the lexicon, else `nil`.
    public var concept: String?

    /// A keyword.
    public init(text: String, weight: Double, concept: String? = nil) {
        self.text = text
        self.weight = weight
        self.concept = concept
    }
}

/// What a negative keyword does to its intent.
public enum NegativeEffect: String, Sendable, Equatable {
    /// The intent's score becomes zero.
    case veto
    /// The keyword's weight is subtracted from the intent's score.
    case penalty
}

/// A word that speaks against an intent ("不紧急" against `emergency`).
public struct NegativeKeyword: Sendable, Equatable {
    /// The word as written.
    public var text: String
    /// Veto or penalty.
    public var effect: NegativeEffect
    /// The penalty (unused for a veto).
    public var weight: Double

    /// A negative keyword.
    public init(text: String, effect: NegativeEffect, weight: Double) {
        self.text = text
        self.effect = effect
        self.weight = weight
    }
}

/// A sub-category of an intent (`repair` → `plumbing`), matched by the same automaton.
public struct CategoryDefinition: Sendable, Equatable {
    /// `plumbing`, `noise`, `gas`, or an FAQ topic id for `inquiry`.
    public var name: String
    /// Words that point to this category.
    public var keywords: [Keyword]
    /// String attributes for the dialogue: `team`, `priority`, `due_hours`, `department`, …
    public var attributes: [String: String]
    /// A category of places (`public_facility`): chosen only when no other category of the intent occurs, since the
    /// thing that is broken is named with the place it is in ("楼道灯坏了" is the light; "要行楼梯" names no fault).
    public var place: Bool

    /// A category.
    public init(name: String, keywords: [Keyword], attributes: [String: String], place: Bool = false) {
        self.name = name
        self.keywords = keywords
        self.attributes = attributes
        self.place = place
    }
}

/// One intent file of `intents/`, validated.
public struct IntentDefinition: Sendable, Equatable {
    /// One of the 13 canonical intents (SPEC 2.3).
    public var name: String
    /// What the intent is for (documentation only).
    public var description: String
    /// Breaks ties: the higher wins.
    public var priority: Int
    /// Greeting, thanks, goodbye: never reported as ambiguous with another intent.
    public var smallTalk: Bool
    /// The slots the dialogue asks for, in order.
    public var slots: [String]
    /// The share of the best category's score that counts for the intent itself.
    public var categoryWeight: Double
    /// Words that point to the intent.
    public var keywords: [Keyword]
    /// Words that speak against it.
    public var negatives: [NegativeKeyword]
    /// Sub-categories, in file order.
    public var categories: [CategoryDefinition]
    /// The category used when no category keyword occurs (`other`), if any.
    public var defaultCategory: String?
    /// Pairs of words that point to the intent when they occur close together.
    public var cooccurrences: [CooccurrenceRule] = []
    /// Words that multiply the intent's score when it already has one ("大量", "pouring").
    public var intensifiers: [Intensifier] = []

    /// An intent definition.
    public init(
        name: String, description: String = "", priority: Int = 0, smallTalk: Bool = false, slots: [String] = [],
        categoryWeight: Double = 0, keywords: [Keyword] = [], negatives: [NegativeKeyword] = [],
        categories: [CategoryDefinition] = [], defaultCategory: String? = nil
    ) {
        self.name = name
        self.description = description
        self.priority = priority
        self.smallTalk = smallTalk
        self.slots = slots
        self.categoryWeight = categoryWeight
        self.keywords = keywords
        self.negatives = negatives
        self.categories = categories
        self.defaultCategory = defaultCategory
    }
}

/// Two word lists that count for an intent only together: a word of `with` and a word of `and`
/// at most `within` characters apart ("排风扇" … "声音大" → repair), in either order.
public struct CooccurrenceRule: Sendable, Equatable {
    /// One side (concepts already expanded).
    public var with: [String]
    /// The other side.
    public var and: [String]
    /// The largest gap, in normalized characters, between the two words.
    public var within: Int
    /// Points added to the intent once when some pair occurs.
    public var weight: Double
    /// The category the pair names (a trapped person in a lift is `elevator_trapped`), taken when no category word of
    /// the intent occurs; `nil` for a pair that names none.
    public var category: String?

    /// A co-occurrence rule.
    public init(with: [String], and: [String], within: Int, weight: Double, category: String? = nil) {
        self.with = with
        self.and = and
        self.within = within
        self.weight = weight
        self.category = category
    }
}

/// Severity words: when one occurs (not negated) the intent's score is multiplied by `factor`.
public struct Intensifier: Sendable, Equatable {
    /// The words (concepts already expanded).
    public var words: [String]
    /// The factor, above 1.
    public var factor: Double

    /// An intensifier group.
    public init(words: [String], factor: Double) {
        self.words = words
        self.factor = factor
    }
}

/// A dialogue act (`affirm`, `deny`, `correction`) and the words that express it.
public struct ActDefinition: Sendable, Equatable {
    /// The act's name as in `DialogueAct`.
    public var name: String
    /// Its words.
    public var words: [String]

    /// An act definition.
    public init(name: String, words: [String]) {
        self.name = name
        self.words = words
    }
}

/// A word that cancels the intent keyword right after it ("不是投诉", "not a complaint").
public struct Negator: Sendable, Equatable {
    /// The negating words.
    public var words: [String]
    /// How many characters may stand between the negator and the keyword it negates.
    public var window: Int
    /// The negator reaches to the end of its clause (a punctuation mark or a contrast word) instead of `window`.
    public var clauseScoped: Bool
    /// Negates only words that speak for this intent ("没有漏气" for emergency, while "没有热水" stays a repair).
    public var only: String?

    /// A negator group.
    public init(words: [String], window: Int, clauseScoped: Bool = false, only: String? = nil) {
        self.words = words
        self.window = window
        self.clauseScoped = clauseScoped
        self.only = only
    }
}

/// The scoring settings: threshold and margin (from `fallback.json`), negation and contrast (lexicon).
public struct MatchSettings: Sendable, Equatable {
    /// Below this best score the intent is `fallback`.
    public var threshold: Double
    /// When the second score is within this share of the best, both are reported as ambiguous.
    public var margin: Double
    /// Negating words and their windows.
    public var negators: [Negator]
    /// Words that mean nothing themselves but hide the negator inside them ("是不是", "要不要").
    public var neutralWords: [String]
    /// Words after which keywords count more ("是想", "而是", "just").
    public var contrastWords: [String]
    /// The factor applied to keywords after a contrast word.
    public var contrastBoost: Double
    /// Characters that mark Cantonese / Traditional writing even when unchanged by conversion (嘅, 咗, 冇).
    public var traditionalMarkers: [String]

    /// Settings.
    public init(
        threshold: Double = 1.0, margin: Double = 0.15, negators: [Negator] = [], neutralWords: [String] = [],
        contrastWords: [String] = [],
        contrastBoost: Double = 1.0, traditionalMarkers: [String] = []
    ) {
        self.threshold = threshold
        self.margin = margin
        self.negators = negators
        self.neutralWords = neutralWords
        self.contrastWords = contrastWords
        self.contrastBoost = contrastBoost
        self.traditionalMarkers = traditionalMarkers
    }
}

/// One FAQ topic of `intents/faq.json`: keywords and the answer in every language.
public struct FAQTopic: Sendable, Equatable {
    /// `office_hours`, `parcels`, …
    public var id: String
    /// Words that point to the topic.
    public var keywords: [Keyword]
    /// The answer by language (zh-Hant derived from zh-Hans at load unless given).
    public var answers: [Language: String]

    /// An FAQ topic.
    public init(id: String, keywords: [Keyword], answers: [Language: String]) {
        self.id = id
        self.keywords = keywords
        self.answers = answers
    }
}
