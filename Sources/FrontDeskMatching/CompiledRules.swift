import FrontDeskContent
import FrontDeskModel

/// What one keyword occurrence means for the scorer.
struct RuleOutput: Sendable {
    enum Kind: UInt8, Sendable {
        case intentKeyword, veto, penalty, category, act, negator, contrast, neutral
        /// A word of one side of a co-occurrence rule (`slot`: the rule).
        case cooccurWith, cooccurAnd
        /// A severity word multiplying its intent's score by `weight`.
        case intensifier
    }

    var kind: Kind
    /// Intent index (keywords, negatives, categories, co-occurrences, intensifiers) or act index.
    var index: UInt8
    /// Global category slot, a co-occurrence rule, or a negator's window (`clauseWindow`: to the clause's end).
    var slot: UInt16
    var weight: Float

    /// A negator's window meaning "to the end of the clause".
    static let clauseWindow = UInt16.max
}

/// The catalog turned into flat arrays: patterns, what each pattern means, the automaton.
struct CompiledRules: Sendable {
    static let startsWord: UInt8 = 1
    static let endsWord: UInt8 = 2
    /// Layers: a hit inside a longer hit of the same layer does not count for that layer.
    /// Intent keywords, negatives and neutral words.
    static let keywordLayer: UInt8 = 4
    static let act: UInt8 = 8
    /// The pattern is a negator or a contrast word.
    static let modifier: UInt8 = 16
    static let categoryLayer: UInt8 = 32
    /// Co-occurrence sides and intensifiers.
    static let extraLayer: UInt8 = 64
    /// Any layer whose hits are scored (and so are negated or boosted).
    static let content: UInt8 = keywordLayer | categoryLayer | extraLayer

    let automaton: KeywordAutomaton
    /// Normalized text of each pattern, for `--explain`.
    let patternText: [String]
    /// `startsWord | endsWord | content | act` per pattern.
    let patternFlags: [UInt8]
    let patternOutputStart: [Int32]
    /// Per pattern and layer (keyword, category, extra): the intents its outputs of that layer speak for
    /// (negatives speak for none), the intents its vetoes and penalties count against, and whether it is a neutral
    /// word (which hides everything inside it).
    let patternIntents: [(keyword: UInt64, category: UInt64, extra: UInt64, negative: UInt64, neutral: Bool)]
    let outputs: [RuleOutput]
    let intentNames: [String]
    let intentPriority: [Int]
    let intentSmallTalk: [Bool]
    let intentCategoryWeight: [Double]
    /// Global category slots: owning intent and name.
    let categoryIntent: [Int]
    let categoryName: [String]
    /// Slots of intent `i`: `categoryStart[i]..<categoryStart[i + 1]`.
    let categoryStart: [Int]
    /// Whether each global category slot is a category of places (`CategoryDefinition.place`).
    let categoryPlace: [Bool]
    let actNames: [DialogueAct]
    let fallbackIndex: Int
    let threshold: Double
    let margin: Double
    let contrastBoost: Double
    /// Co-occurrence rules: intent, largest gap and weight of each.
    let cooccurIntent: [Int]
    let cooccurWithin: [Int]
    let cooccurWeight: [Double]
    /// The global category slot each co-occurrence rule names, or -1.
    let cooccurCategory: [Int]
    /// The longest pattern, in scalars (bounds the containment search).
    let maxPatternLength: Int

    /// Compiles intents (with FAQ topics as the categories of `inquiry`), acts and settings.
    init(
        intents: [IntentDefinition], faq: [FAQTopic], acts: [ActDefinition], settings: MatchSettings,
        normalizer: Normalizer, regional: RegionalWords = RegionalWords()
    ) {
        var ids: [String: Int] = [:]
        var texts: [String] = []
        var scalars: [[UInt32]] = []
        var meanings: [[RuleOutput]] = []
        // Regional words by the first scalar of their mainland word, normalized like the keywords.
        var regionalByFirst: [UInt32: [(mainland: [UInt32], regional: [[UInt32]])]] = [:]
        for (mainland, words) in regional.variants {
            let key = Array(normalizer.normalize(mainland).text.unicodeScalars.map(\.value))
            let values = words.map { Array(normalizer.normalize($0).text.unicodeScalars.map(\.value)) }.filter {
                !$0.isEmpty && $0 != key
            }
            guard let first = key.first, !values.isEmpty else { continue }
            regionalByFirst[first, default: []].append((key, values))
        }
        /// The word with one mainland word replaced by one of its regional words, each way (at most 16).
        func regionalVariants(of word: [UInt32]) -> [String] {
            var result: [String] = []
            for i in word.indices {
                for entry in regionalByFirst[word[i]] ?? [] where word[i...].starts(with: entry.mainland) {
                    for value in entry.regional where result.count < 16 {
                        let replaced = Array(word[..<i]) + value + Array(word[(i + entry.mainland.count)...])
                        var view = String.UnicodeScalarView()
                        for scalar in replaced { if let s = Unicode.Scalar(scalar) { view.append(s) } }
                        result.append(String(view))
                    }
                }
            }
            return result
        }
        func add(_ word: String, _ output: RuleOutput) {
            let normalized = normalizer.normalize(word).text
            guard !normalized.isEmpty else { return }
            addNormalized(normalized, output)
            if !regionalByFirst.isEmpty {
                for variant in regionalVariants(of: normalized.unicodeScalars.map(\.value)) {
                    addNormalized(variant, output)
                }
            }
        }
        func addNormalized(_ normalized: String, _ output: RuleOutput) {
            if let id = ids[normalized] {
                // The same word twice for one target (e.g. written in both scripts) counts once, at its best weight.
                if let same = meanings[id].firstIndex(where: {
                    $0.kind == output.kind && $0.index == output.index && $0.slot == output.slot
                }) {
                    meanings[id][same].weight = max(meanings[id][same].weight, output.weight)
                } else {
                    meanings[id].append(output)
                }
            } else {
                ids[normalized] = texts.count
                texts.append(normalized)
                scalars.append(normalized.unicodeScalars.map(\.value))
                meanings.append([output])
            }
        }
        var categoryIntent: [Int] = []
        var categoryName: [String] = []
        var categoryStart: [Int] = []
        var categoryPlace: [Bool] = []
        for (index, intent) in intents.enumerated() {
            let i = UInt8(index)
            categoryStart.append(categoryIntent.count)
            for keyword in intent.keywords {
                add(keyword.text, RuleOutput(kind: .intentKeyword, index: i, slot: 0, weight: Float(keyword.weight)))
            }
            for negative in intent.negatives {
                let kind: RuleOutput.Kind = negative.effect == .veto ? .veto : .penalty
                add(negative.text, RuleOutput(kind: kind, index: i, slot: 0, weight: Float(negative.weight)))
            }
            var categories = intent.categories.map { ($0.name, $0.keywords, $0.place) }
            if intent.name == "inquiry" { categories += faq.map { ($0.id, $0.keywords, false) } }
            for (name, keywords, place) in categories {
                let slot = UInt16(categoryIntent.count)
                categoryIntent.append(index)
                categoryName.append(name)
                categoryPlace.append(place)
                for keyword in keywords {
                    add(keyword.text, RuleOutput(kind: .category, index: i, slot: slot, weight: Float(keyword.weight)))
                }
            }
        }
        categoryStart.append(categoryIntent.count)
        var cooccurIntent: [Int] = []
        var cooccurWithin: [Int] = []
        var cooccurWeight: [Double] = []
        var cooccurCategory: [Int] = []
        for (index, intent) in intents.enumerated() {
            let i = UInt8(index)
            for rule in intent.cooccurrences {
                let slot = UInt16(cooccurIntent.count)
                cooccurIntent.append(index)
                cooccurWithin.append(rule.within)
                cooccurWeight.append(rule.weight)
                let named = (categoryStart[index]..<categoryStart[index + 1]).first { categoryName[$0] == rule.category }
                cooccurCategory.append(named ?? -1)
                for word in rule.with { add(word, RuleOutput(kind: .cooccurWith, index: i, slot: slot, weight: 0)) }
                for word in rule.and { add(word, RuleOutput(kind: .cooccurAnd, index: i, slot: slot, weight: 0)) }
            }
            for group in intent.intensifiers {
                for word in group.words {
                    add(word, RuleOutput(kind: .intensifier, index: i, slot: 0, weight: Float(group.factor)))
                }
            }
        }
        var actNames: [DialogueAct] = []
        for act in acts {
            guard let dialogueAct = DialogueAct(rawValue: act.name) else { continue }
            let index = UInt8(actNames.count)
            actNames.append(dialogueAct)
            for word in act.words { add(word, RuleOutput(kind: .act, index: index, slot: 0, weight: 1)) }
        }
        for negator in settings.negators {
            // `index` 0: negates any word; i + 1: only words of intent i.
            let only =
                negator.only.flatMap { name in intents.firstIndex { $0.name == name } }.map { UInt8($0 + 1) } ?? 0
            for word in negator.words {
                let window =
                    negator.clauseScoped ? RuleOutput.clauseWindow : UInt16(min(max(0, negator.window), 65_534))
                add(word, RuleOutput(kind: .negator, index: only, slot: window, weight: 0))
            }
        }
        for word in settings.neutralWords { add(word, RuleOutput(kind: .neutral, index: 0, slot: 0, weight: 0)) }
        for word in settings.contrastWords { add(word, RuleOutput(kind: .contrast, index: 0, slot: 0, weight: 0)) }

        var flags: [UInt8] = []
        var intentMasks: [(keyword: UInt64, category: UInt64, extra: UInt64, negative: UInt64, neutral: Bool)] = []
        var starts: [Int32] = [0]
        var outputs: [RuleOutput] = []
        for (id, pattern) in scalars.enumerated() {
            var flag: UInt8 = 0
            var masks: (keyword: UInt64, category: UInt64, extra: UInt64, negative: UInt64, neutral: Bool) = (0, 0, 0, 0, false)
            if Normalizer.isWordCharacter(pattern[0]) { flag |= Self.startsWord }
            if Normalizer.isWordCharacter(pattern[pattern.count - 1]) { flag |= Self.endsWord }
            for output in meanings[id] {
                let bit: UInt64 = output.index < 64 ? 1 << UInt64(output.index) : ~0
                switch output.kind {
                case .intentKeyword:
                    flag |= Self.keywordLayer
                    masks.keyword |= bit
                case .veto, .penalty:
                    flag |= Self.keywordLayer
                    masks.negative |= bit
                case .neutral:
                    flag |= Self.keywordLayer
                    masks.neutral = true
                case .category:
                    flag |= Self.categoryLayer
                    masks.category |= bit
                case .cooccurWith, .cooccurAnd, .intensifier:
                    flag |= Self.extraLayer
                    masks.extra |= bit
                case .act: flag |= Self.act
                case .negator, .contrast: flag |= Self.modifier
                }
            }
            flags.append(flag)
            intentMasks.append(masks)
            outputs += meanings[id]
            starts.append(Int32(outputs.count))
        }
        automaton = KeywordAutomaton(patterns: scalars)
        patternText = texts
        patternFlags = flags
        patternOutputStart = starts
        patternIntents = intentMasks
        self.outputs = outputs
        intentNames = intents.map(\.name)
        intentPriority = intents.map(\.priority)
        intentSmallTalk = intents.map(\.smallTalk)
        intentCategoryWeight = intents.map(\.categoryWeight)
        self.categoryIntent = categoryIntent
        self.categoryName = categoryName
        self.categoryStart = categoryStart
        self.categoryPlace = categoryPlace
        self.actNames = actNames
        fallbackIndex = intents.firstIndex { $0.name == "fallback" } ?? intents.count
        threshold = settings.threshold
        margin = settings.margin
        contrastBoost = settings.contrastBoost
        self.cooccurIntent = cooccurIntent
        self.cooccurWithin = cooccurWithin
        self.cooccurWeight = cooccurWeight
        self.cooccurCategory = cooccurCategory
        maxPatternLength = scalars.map(\.count).max() ?? 1
    }
}
