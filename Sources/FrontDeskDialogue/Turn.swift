import Foundation
import FrontDeskContent
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
    /// The dialogue lexicon (`intents/dialogue.json`) the flows read this turn with.
    let words: DialogueLexicon
    /// Whether `lower` is (or begins with) an affirm, deny or cancel word: asked once per turn.
    let saysAffirmWord: Bool
    let saysDenyWord: Bool
    let saysCancelWord: Bool
    /// The lists of `words` with their plain words as bytes (`Engine.plainLexicon`).
    let plainWords: DialogueLexicon.Table<TextMatch.PlainWords>
    /// The lists of `words` in `TextMatch.longestFirst` order (`Engine.longestFirstLexicon`).
    let longestFirstWords: DialogueLexicon.Table<[String]>
    /// The lists of `words` as `TextMatch.PrefixWords` (`Engine.prefixLexicon`).
    let prefixWords: DialogueLexicon.Table<TextMatch.PrefixWords>
    /// `TextMatch.trimmed(lower)`, and whether `lower` is plain text (`TextMatch.isPlain`): asked once per turn.
    let trimmedLower: String
    let lowerIsPlain: Bool

    init(
        text: String, classification: Classification, now: Date, civil: CivilTime, language: Language, lower: String,
        words: DialogueLexicon, plainWords: DialogueLexicon.Table<TextMatch.PlainWords>,
        longestFirst: DialogueLexicon.Table<[String]>, prefixWords: DialogueLexicon.Table<TextMatch.PrefixWords>
    ) {
        self.text = text
        self.classification = classification
        self.now = now
        self.civil = civil
        self.language = language
        self.lower = lower
        self.words = words
        self.plainWords = plainWords
        self.longestFirstWords = longestFirst
        self.prefixWords = prefixWords
        var copy = lower
        let plain = copy.withUTF8 { TextMatch.isPlain($0) }
        lowerIsPlain = plain
        lowerBytes = copy.withUTF8 { ByteSet($0) }
        let trimmed = TextMatch.trimmed(lower)
        trimmedLower = trimmed
        func leads(_ list: DialogueLexicon.List) -> Bool {
            Turn.says(list, trimmed: trimmed, plain: plain, words, plainWords)
        }
        saysAffirmWord = leads(.affirm)
        saysDenyWord = leads(.deny)
        var cancel = leads(.cancel)
        if !cancel, trimmed.count <= 8 {
            cancel = Turn.has(.cancelInside, in: trimmed, plain: plain, present: nil, words, plainWords)
        }
        saysCancelWord = cancel
    }

    /// Whether a yes stands as a word of its own in some clause: a clause that is or begins with an affirm word ("电话对，
    /// 确认"), a Chinese affirm word of two or more characters anywhere ("地址电话都没问题"), or an English one in a short
    /// message ("all correct"). The 是 of "还是1602" or "那是我妈家" is not a yes.
    static func affirmStands(_ trimmed: String, _ affirm: [String]) -> Bool {
        let clauses = trimmed.split { Engine.isClauseBreak($0) }
            .map { TextMatch.trimmed(String($0)) }
        if clauses.contains(where: { TextMatch.matches(trimmed: $0, affirm) || spelled($0, by: affirm) }) { return true }
        let englishWords = trimmed.split { !$0.isLetter && $0 != "'" }.map(String.init)
        for word in affirm {
            if word.count >= 2, !word.unicodeScalars.allSatisfy(\.isASCII), trimmed.contains(word) { return true }
            if word.unicodeScalars.allSatisfy(\.isASCII), englishWords.count <= 5 {
                let parts = word.split(separator: " ").map(String.init)
                if parts.count == 1, englishWords.contains(word) { return true }
                if parts.count > 1, trimmed.contains(word) { return true }
            }
        }
        return false
    }

    /// Whether `clause` is written with words of `words` alone, one after another ("嗯对", "好的好的", "对对对").
    static func spelled(_ clause: String, by words: [String]) -> Bool {
        var rest = Substring(clause)
        while !rest.isEmpty {
            guard let word = words.filter({ !$0.isEmpty && rest.hasPrefix($0) }).max(by: { $0.count < $1.count })
            else { return false }
            rest = rest.dropFirst(word.count).drop { $0 == " " }
        }
        return !clause.isEmpty
    }

    /// `TextMatch.removing(words[list], from: text)`, with the list sorted once per engine.
    func removing(_ list: DialogueLexicon.List, from text: String) -> String {
        TextMatch.removing(longestFirst: longestFirstWords[list], from: text)
    }

    /// The answers of `has(_:)` found so far in this turn.
    let answers = ListAnswers()
    /// The bytes of `lower` (`TextMatch.PlainWords.anyOccurs` rules out the words with others without a search).
    let lowerBytes: ByteSet

    /// `EntityExtractor.digitRuns(text)`, read once per turn (the slots ask it several times).
    var textDigitRuns: [String] { answers.digitRuns { EntityExtractor.digitRuns(text) } }

    /// Whether the message has any word of `list` (each list searched once per turn).
    func has(_ list: DialogueLexicon.List) -> Bool {
        answers.answer(list.ordinal) {
            Turn.has(list, in: lower, plain: lowerIsPlain, present: lowerBytes, words, plainWords)
        }
    }

    /// Whether the message is (or begins with) a word of `list`.
    func says(_ list: DialogueLexicon.List) -> Bool {
        Turn.says(list, trimmed: trimmedLower, plain: lowerIsPlain, words, plainWords)
    }

    /// `TextMatch.containsAny(text, words[list])`, from the bytes when `text` (plain: `plain`) and the list are plain.
    /// `present`: the bytes of `text`, when known.
    private static func has(
        _ list: DialogueLexicon.List, in text: String, plain: Bool, present: ByteSet?, _ words: DialogueLexicon,
        _ plainWords: DialogueLexicon.Table<TextMatch.PlainWords>
    ) -> Bool {
        if plain { return plainWords[list].anyOccurs(in: text, present: present) }
        return TextMatch.containsAny(text, words[list])
    }

    /// `TextMatch.matches(trimmed: trimmed, words[list])`, from the bytes when `trimmed` (a part of plain text when
    /// `plain`) and the list are plain.
    private static func says(
        _ list: DialogueLexicon.List, trimmed: String, plain: Bool, _ words: DialogueLexicon,
        _ plainWords: DialogueLexicon.Table<TextMatch.PlainWords>
    ) -> Bool {
        if plain { return plainWords[list].anyLeads(trimmed) }
        return TextMatch.matches(trimmed: trimmed, words[list])
    }

    var intent: Intent { Intent(rawValue: classification.intent) }
    var entities: Entities { classification.entities }
    var today: String { civil.isoDate }

    /// Whether the message confirms (对 / 是的 / 确认 / 没问题 / 好的 / yes).
    var isAffirm: Bool {
        if isDeny { return false }
        return saysAffirmWord || (classification.contains(act: .affirm) && Turn.affirmStands(trimmedLower, words[.affirm]))
    }

    /// A thanks the matcher is sure of, with no word that takes an offer ("好 謝謝", "ok thanks"; not "好的，麻烦安排"): it
    /// thanks for what was said, and takes no offer.
    var isThanksOnly: Bool {
        classification.intent == "thanks" && classification.confidence >= 0.5 && !has(.acceptWords)
    }

    /// Whether the message says no (不对 / 不是 / no).
    /// "得唔得？", "行不行", "是不是": a question asked both ways is not a no.
    var isDeny: Bool { (classification.contains(act: .deny) && !asksEitherWay) || saysDenyWord }

    /// Whether the message asks a question both ways: a character, 不 or 唔, and the same character again ("好不好",
    /// "得唔得"), or 可不可以.
    var asksEitherWay: Bool {
        let scalars = Array(lower.unicodeScalars)
        guard scalars.count >= 3 else { return false }
        let joiners = Set(words[.eitherWayJoiners].compactMap { $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first : nil })
        for i in 1..<(scalars.count - 1) where joiners.contains(scalars[i]) {
            if scalars[i - 1] == scalars[i + 1], Han.isIdeograph(scalars[i - 1].value) { return true }
        }
        return false
    }

    /// Whether the message abandons the flow (算了 / 取消 / cancel / 不用了).
    /// A cancel the matcher only guessed ("yes that number is fine" at 0.3) is not one: it would drop the flow.
    var isCancel: Bool { (intent == .cancel && classification.confidence >= 0.5) || saysCancelWord }

    /// Whether the message is only a yes or a no ("对", "yes please", "no"): an affirm or deny word with at most a
    /// word or two after it. "No company, I hire the workers myself" begins with "no" but is an answer.
    var isBareAct: Bool {
        guard saysAffirmWord || saysDenyWord else { return false }
        guard let word = openingWord([.affirm, .deny]) else { return true }
        let rest = trimmedLower.dropFirst(word.count)
        let han = rest.unicodeScalars.filter { Han.isIdeograph($0.value) }.count
        let englishWords = rest.split { !$0.isLetter }.filter { $0.unicodeScalars.allSatisfy(\.isASCII) }.count
        return han <= 3 && englishWords <= 1
    }

    /// Whether the message opens with a yes word ("好，窗户开了…", "係呀，快啲派人上嚟", "yes, please hurry"): an answer to
    /// what the bot just said before anything else.
    var opensWithAffirm: Bool { saysAffirmWord && openingWord([.affirm]) != nil }

    /// The longest word of `lists` the message begins with, standing on its own (the whole message, or followed by no
    /// letter); of as long ones the first listed.
    func openingWord(_ lists: [DialogueLexicon.List]) -> String? {
        let trimmed = trimmedLower  // TextMatch.trimmed(lower), asked once per turn
        var longest: (word: String, count: Int)?
        for list in lists {
            let prefixes = prefixWords[list]
            for index in prefixes.words.indices where prefixes.hasPrefix(trimmed, index, textIsPlain: lowerIsPlain ? true : nil) {
                let word = prefixes.words[index]
                let count = word.count
                guard trimmed == word || trimmed.dropFirst(count).first.map({ !$0.isLetter }) == true else { continue }
                if longest == nil || count > longest!.count { longest = (word, count) }
            }
        }
        return longest?.word
    }

    /// Whether the message carries a correction act or marker ("说错了", "改成", "sorry I meant").
    var isCorrection: Bool { classification.contains(act: .correction) || has(.correctionMarkers) }

    /// Whether the message takes leave ("再见", "先这样吧", "bye") rather than answering.
    var isLeaving: Bool {
        if (intent == .goodbye && classification.confidence >= 0.5) || says(.leave) { return true }
        // "我先接个电话，回头再找你们哈": leaving to come back later, however long the line.
        if intent != .emergency, has(.deferWords) { return true }
        // "我手机号换过…我找找看，先不聊了，拜拜": a long line that ends by taking leave.
        if intent == .goodbye, words[.leave].contains(where: { $0.count >= 2 && trimmedLower.hasSuffix($0) }) { return true }
        // A short line that takes leave ("let's talk another time", "ok byebye"): a leave word anywhere in it.
        if lowerIsPlain {
            // Plain text: one scalar per character.
            return lower.unicodeScalars.count <= 12
                && plainWords[.leave].anyOccurs(in: lower, minimumCharacters: 2, present: lowerBytes)
        }
        return lower.count <= 12 && words[.leave].contains { TextMatch.contains(lower, $0) && $0.count >= 2 }
    }
}

/// Whether a message has a word of each dialogue list (`Turn.has`), remembered by `DialogueLexicon.List.ordinal` as
/// the turn asks: a list is searched once per turn however many rules ask about it (and the message's digit runs are
/// read once). One per turn, owned by its
/// `Turn` (and its copies, which read the same text), never shared between turns.
final class ListAnswers {
    /// The lists asked about, and of those the ones with a word in the message: bit `ordinal` (ordinals 0–127).
    private var asked: (UInt64, UInt64) = (0, 0)
    private var found: (UInt64, UInt64) = (0, 0)
    /// The digit runs of the message (`Turn.textDigitRuns`), once read.
    private var runs: [String]?

    /// The digit runs of the message, from `read` the first time they are asked.
    func digitRuns(_ read: () -> [String]) -> [String] {
        if let runs { return runs }
        let read = read()
        runs = read
        return read
    }

    /// The answer for list `ordinal`, from `search` the first time it is asked.
    @inline(__always) func answer(_ ordinal: Int, _ search: () -> Bool) -> Bool {
        guard ordinal < 128 else { return search() }
        let bit = UInt64(1) << UInt64(ordinal & 63)
        if ordinal < 64 {
            if asked.0 & bit != 0 { return found.0 & bit != 0 }
            let answer = search()
            asked.0 |= bit
            if answer { found.0 |= bit }
            return answer
        }
        if asked.1 & bit != 0 { return found.1 & bit != 0 }
        let answer = search()
        asked.1 |= bit
        if answer { found.1 |= bit }
        return answer
    }
}

/// What a handler decided to say and report for one turn.
struct Reply {
    var parts: [String] = []
    var intent: Intent?
    var awaiting: Slot?
    var record: RecordReference?
    var choices: [Intent] = []
    /// Slots to report when the flow just ended (the record's); `nil` → the active flow's.
    var slots: JSONObject?

    init(_ parts: [String] = [], intent: Intent?, awaiting: Slot? = nil) {
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
