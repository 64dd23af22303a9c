import Foundation
public import FrontDeskContent
public import FrontDeskMatching
public import FrontDeskModel

/// The front desk: matcher, flows, phrases and a record store. No I/O of its own; immutable and
/// shareable across threads. Per-conversation state lives in `SessionState`, passed in and returned.
public struct Engine: Sendable {
    /// The intents, phrases and FAQ answers.
    public let catalog: Catalog
    /// Units, residents, bills and the office's numbers.
    public let estate: Estate
    /// The compiled matcher (built once from `catalog`).
    public let matcher: Matcher
    /// Where records and audit events go.
    public let store: any RecordStore
    /// The only source of "now".
    public let clock: any WallClock
    /// Characters written only in Simplified script (a Simplified form that is not also Traditional):
    /// a Chinese message without any of them reads the same in both scripts.
    let simplifiedOnly: Set<UInt32>
    /// Values every phrase may use (estate name, office numbers and hours), built once.
    let baseValues: [String: String]
    /// The FAQ answers with their placeholders filled, by topic and language, built once.
    let faqAnswers: [String: [Language: String]]
    /// The office's phone numbers, which transcripts show unmasked, built once.
    public let publicPhoneNumbers: Set<String>
    /// The Simplified texts a Traditional reply shows converted (team and department names, the permit's documents),
    /// with ICU's Simplified → Traditional form of each, asked once when the engine is built.
    let traditionalForms: [String: String]
    /// The dialogue lexicon's lists with their plain words as bytes (`TextMatch.PlainWords`), built once.
    let plainLexicon: DialogueLexicon.Table<TextMatch.PlainWords>
    /// The dialogue lexicon's lists in `TextMatch.longestFirst` order (what `TextMatch.removing` takes off), built once.
    let longestFirstLexicon: DialogueLexicon.Table<[String]>
    /// The dialogue lexicon's lists as `TextMatch.PrefixWords` (the prefixes `Turn.isBareAct` tries), built once.
    let prefixLexicon: DialogueLexicon.Table<TextMatch.PrefixWords>
    /// The first characters of the lexicon's unit characters (`cleanDescription`), built once.
    let unitCharacterSet: Set<Character>
    /// `unit_characters_inside`: address characters only with an address character after them.
    let unitInsideCharacterSet: Set<Character>
    /// The fillers (`stripPrefixes` of every clause of a description) as `TextMatch.PrefixWords`, built once.
    let fillerPrefixes: TextMatch.PrefixWords
    /// The answer prefixes of each prefixed slot (`DialogueLexicon.answerPrefixes`) as `TextMatch.PrefixWords`.
    let answerPrefixWords: [String: TextMatch.PrefixWords]
    /// The English words of an address-only clause (`isOnlyAddress`: request, unit and address-filler words), the
    /// English unit words, the dangling words and the English request words, as sets built once.
    let addressWordSet: Set<String>
    let unitWordEnSet: Set<String>
    let danglingWordEnSet: Set<String>
    let requestWordEnSet: Set<String>
    /// The structural words cut at their spaces (`isStructural`'s quick test), built once.
    let structuralPieces: PieceWords
    /// `catalog.han.pairs` as one table over the Basic Multilingual Plane (`simplifiedShadow`), built once.
    let simplifiedTable: SimplifiedTable

    /// An engine over a loaded catalog and estate, writing to `store`, reading time from `clock`.
    public init(catalog: Catalog, estate: Estate, store: any RecordStore, clock: any WallClock) {
        self.catalog = catalog
        self.estate = estate
        self.matcher = Matcher(catalog: catalog)
        self.store = store
        self.clock = clock
        self.simplifiedOnly = Engine.simplifiedOnlyCharacters(catalog.han)
        let base = Engine.baseValues(estate)
        self.baseValues = base
        var answers: [String: [Language: String]] = [:]
        for topic in catalog.faq where answers[topic.id] == nil {  // the first topic of an ID answers
            answers[topic.id] = topic.answers.mapValues { PhraseBook.fill($0, base) }
        }
        self.faqAnswers = answers
        self.publicPhoneNumbers = Set(
            [estate.office.phone, estate.office.emergencyPhone, estate.gasCompanyPhone].filter { !$0.isEmpty })
        self.traditionalForms = Engine.traditionalTable(catalog, estate, base)
        self.plainLexicon = DialogueLexicon.Table { TextMatch.PlainWords(catalog.dialogue[$0]) }
        self.longestFirstLexicon = DialogueLexicon.Table { TextMatch.longestFirst(catalog.dialogue[$0]) }
        self.prefixLexicon = DialogueLexicon.Table { TextMatch.PrefixWords(catalog.dialogue[$0]) }
        self.unitCharacterSet = Set(catalog.dialogue[.unitCharacters].compactMap(\.first))
        self.unitInsideCharacterSet = Set(catalog.dialogue[.unitCharactersInside].compactMap(\.first))
        self.fillerPrefixes = TextMatch.PrefixWords(catalog.dialogue[.fillers])
        self.answerPrefixWords = catalog.dialogue.answerPrefixes.mapValues { TextMatch.PrefixWords($0) }
        self.simplifiedTable = SimplifiedTable(catalog.han.pairs)
        self.structuralPieces = PieceWords(catalog.dialogue[.structural])
        let lexicon = catalog.dialogue
        self.addressWordSet = Set(lexicon[.requestWordsEn] + lexicon[.unitWordsEn] + lexicon[.addressFillers])
        self.unitWordEnSet = Set(lexicon[.unitWordsEn])
        self.danglingWordEnSet = Set(lexicon[.danglingWordsEn])
        self.requestWordEnSet = Set(lexicon[.requestWordsEn])
    }

    /// The Simplified forms in the Traditional → Simplified table that ICU's Simplified → Traditional
    /// transform changes (发 → 發 counts; 了 stays 了, as Traditional text writes it too, and is left
    /// out). Asked of ICU once, when the engine is built.
    static func simplifiedOnlyCharacters(_ han: HanConversion) -> Set<UInt32> {
        let candidates = Array(Set(han.pairs.values).subtracting(han.pairs.keys)).sorted()
        var text = String.UnicodeScalarView()
        for value in candidates {
            guard let scalar = Unicode.Scalar(value) else { continue }
            text.append(scalar)
            text.append("\n")
        }
        let converted = String(text).applyingTransform(StringTransform("Hans-Hant"), reverse: false) ?? ""
        let lines = converted.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= candidates.count else { return Set(candidates) }
        var result: Set<UInt32> = []
        for (value, line) in zip(candidates, lines) where line.unicodeScalars.first?.value != value {
            result.insert(value)
        }
        return result
    }

    /// A new session with this ID.
    public func startSession(id: String) -> SessionState { SessionState(id: id) }

    /// The opening line naming the office (text mode; `--json` mode prints none).
    public func greeting(for state: SessionState) -> String { say("greeting.open", state.language) }

    /// Handles one resident line and returns the reply and everything `--json` reports.
    public func respond(to text: String, state: inout SessionState) -> TurnOutput {
        let now = clock.now()
        let trimmed = Engine.trimmingWhitespace(text)
        let classification = matcher.classify(trimmed, now: now, utcOffset: estate.utcOffset)
        var classified = classification.language
        if classified == .zhHant, !looksTraditional(trimmed) { classified = .zhHans }
        if classified == .zhHans, state.language == .zhHant,
            !trimmed.unicodeScalars.contains(where: { simplifiedOnly.contains($0.value) })
        {
            classified = .zhHant  // a line that reads the same in both scripts keeps the resident's script
        }
        let awaitingName = state.flow?.awaiting == .name || state.flow?.awaiting == .contractor
        state.language = Engine.language(
            of: trimmed, classified: classified, previous: state.language, settled: state.lastSeen != nil,
            awaitingName: awaitingName)
        if state.verification != nil, let last = state.lastSeen, now.timeIntervalSince(last) > Engine.verificationIdle {
            state.lapsedUnit = state.verification?.unit
            state.verification = nil
        }
        state.lastSeen = now
        let turn = makeTurn(trimmed, classification, now: now, language: state.language)
        var reply: Reply
        if trimmed.isEmpty {
            reply = Reply([say("fallback.empty", turn.language)], intent: nil, awaiting: state.flow?.awaiting)
        } else {
            reply = dispatch(turn, &state)
            finish(&reply, turn, &state)
        }
        return output(reply, turn, state)
    }

    /// `text.trimmingCharacters(in: .whitespacesAndNewlines)`, without Foundation when neither end is
    /// white space (the common case: the text itself).
    static func trimmingWhitespace(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
            !isWhitespaceOrNewline(first), !isWhitespaceOrNewline(last)
        else { return text.trimmingCharacters(in: .whitespacesAndNewlines) }
        return text
    }

    /// Membership in `CharacterSet.whitespacesAndNewlines`: U+0009–U+000D, U+0085 and the
    /// separators (Unicode categories Zs, Zl, Zp).
    static func isWhitespaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Seconds without a message after which a verification lapses (SPEC 8.2).
    static let verificationIdle: TimeInterval = 300

    func makeTurn(_ text: String, _ classification: Classification, now: Date, language: Language) -> Turn {
        let base = classification.normalized.isEmpty ? text : classification.normalized
        let lower = Engine.lowercased(base)
        var classification = classification
        if classification.entities.unit == nil, classification.entities.blockAndFlat == nil {
            // A block and flat without the entrance ("5栋1101"), read by the matcher's one reader on the text the dialogue
            // reads: here, where a turn needs it, so that classifying alone never pays for it.
            classification.entities.blockAndFlat = matcher.entityExtractor.blockAndFlat(in: lower)
        }
        return Turn(
            text: text, classification: classification, now: now, civil: CivilTime(now, offset: estate.utcOffset),
            language: language, lower: lower, words: catalog.dialogue, plainWords: plainLexicon,
            longestFirst: longestFirstLexicon, prefixWords: prefixLexicon)
    }

    /// `TextMatch.lowercased` (the matcher lower-cases the same way for the block and flat it reads).
    static func lowercased(_ text: String) -> String { TextMatch.lowercased(text) }

    /// A second opinion on a zh-Hant classification: a Traditional character or a Cantonese marker
    /// word must actually occur (a multi-character marker such as 呢度 does not make 度 Traditional).
    func looksTraditional(_ text: String) -> Bool {
        let pairs = catalog.han.pairs
        if text.unicodeScalars.contains(where: { pairs[$0.value] != nil }) { return true }
        return catalog.settings.traditionalMarkers.contains { TextMatch.contains(text, $0) }
    }

    /// The reply's language: the message's script when it has one, else the session's.
    /// `settled`: the session has had a message before (a new session has no language of its own yet);
    /// `awaitingName`: the session asked for a person's or a company's name.
    static func language(
        of text: String, classified: Language, previous: Language, settled: Bool = true, awaitingName: Bool = false
    ) -> Language {
        // With Han characters the matcher's reading stands: Chinese, or English that names a person in Chinese; in an
        // English conversation a short line with a name and some English ("My name is 丁雨桐") stays English, and so
        // does the bare name given when a name was asked ("吕浩然").
        func words() -> Int { Normalizer.englishWordCount(in: text, minimumLetters: 2, lowercase: true) }
        if text.unicodeScalars.contains(where: { Han.isIdeograph($0.value) }) {
            if settled, previous == .en, classified.isChinese,
                text.unicodeScalars.lazy.filter({ Han.isIdeograph($0.value) }).count <= Normalizer.nameLength
            {
                if words() >= 1 { return .en }
                if awaitingName, text.unicodeScalars.allSatisfy({ Han.isIdeograph($0.value) || $0 == " " }) { return .en }
            }
            return classified
        }
        // Inside a Chinese conversation only an English sentence switches: "OK", a code or an emoji does not.
        if settled, previous.isChinese, words() < 2 { return previous }
        if Normalizer.englishWordCount(in: text, minimumLetters: 3, lowercase: true) > 0 { return .en }
        return previous
    }

    private func output(_ reply: Reply, _ turn: Turn, _ state: SessionState) -> TurnOutput {
        var text = reply.parts.filter { !$0.isEmpty }.joined(separator: turn.language.partSeparator)
        // CR and LF always stand alone as characters (or pair as CR LF): a byte scan finds them.
        let breaks = text.withUTF8 { bytes in
            bytes.baseAddress.map { memchr($0, 0x0A, bytes.count) != nil || memchr($0, 0x0D, bytes.count) != nil } ?? false
        }
        if breaks {
            text = String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
        }
        var out = TurnOutput(
            session: state.id, reply: text, intent: reply.intent, confidence: turn.classification.confidence,
            awaiting: reply.awaiting, slots: reply.slots ?? state.flow.map { slotsJSON($0) } ?? JSONObject(),
            record: reply.record, language: turn.language)
        out.choices = reply.choices
        return out
    }

    /// The slots of a flow as `TurnOutput.slots` reports them (SPEC 2.1 names; the phone tail never).
    func slotsJSON(_ flow: Flow) -> JSONObject {
        var object = JSONObject()
        var names = flow.kind.reportedSlots
        for name in flow.kind.slotOrder where !names.contains(name) { names.append(name) }
        for name in names where name != .verify {
            guard let value = flow.slots[name] else { continue }
            if name == .durationDays || name == .workers, let number = Int(value) {
                object.append(name.rawValue, .number(Double(number)))
            } else {
                object.append(name.rawValue, .string(value))
            }
        }
        return object
    }
}
