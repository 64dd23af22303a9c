import Foundation
import FrontDeskMatching
import FrontDeskModel

/// One resident message as the flows see it: the classification plus the clock and language.
struct Turn {
    /// The message, trimmed.
    let text: String
    let classification: Classification
    let now: Date
    /// `now` in the estate's time zone.
    let civil: CivilTime
    /// The language the reply is written in.
    let language: Language
    /// Normalized (Simplified, half-width) and lower-cased: what keyword checks look at.
    let lower: String
    /// Whether `lower` is (or begins with) an affirm, deny or cancel word: asked once per turn.
    let saysAffirmWord: Bool
    let saysDenyWord: Bool
    let saysCancelWord: Bool

    init(text: String, classification: Classification, now: Date, civil: CivilTime, language: Language, lower: String) {
        self.text = text
        self.classification = classification
        self.now = now
        self.civil = civil
        self.language = language
        self.lower = lower
        let trimmed = Lexicon.trimmed(lower)
        saysAffirmWord = Lexicon.matches(trimmed: trimmed, Lexicon.affirm)
        saysDenyWord = Lexicon.matches(trimmed: trimmed, Lexicon.deny)
        saysCancelWord = Lexicon.matches(trimmed: trimmed, Lexicon.cancel)
    }

    var intent: String { classification.intent }
    var entities: Entities { classification.entities }
    var today: String { civil.isoDate }

    /// Whether the message confirms (对 / 是的 / 确认 / 没问题 / 好的 / yes).
    var isAffirm: Bool {
        if isDeny { return false }
        return classification.acts.contains(.affirm) || saysAffirmWord
    }

    /// Whether the message says no (不对 / 不是 / no).
    var isDeny: Bool { classification.acts.contains(.deny) || saysDenyWord }

    /// Whether the message abandons the flow (算了 / 取消 / cancel / 不用了).
    var isCancel: Bool { intent == "cancel" || saysCancelWord }

    /// Whether the message carries a correction act.
    var isCorrection: Bool { classification.acts.contains(.correction) }
}

/// What a handler decided to say and report for one turn.
struct Reply {
    var parts: [String] = []
    var intent: String?
    var awaiting: String?
    var record: RecordReference?
    var choices: [String] = []
    /// Slots to report when the flow just ended (the record's); `nil` → the active flow's.
    var slots: JSONObject?

    init(_ parts: [String] = [], intent: String?, awaiting: String? = nil) {
        self.parts = parts
        self.intent = intent
        self.awaiting = awaiting
    }

    mutating func add(_ part: String) { parts.append(part) }
}

extension Language {
    /// How the parts of a reply are joined: Chinese sentences end in full-width punctuation.
    var partSeparator: String { self == .en ? " " : "" }
}
