public import Foundation
public import FrontDeskContent
import FrontDeskModel

/// The compiled matcher: normalizer tables and one keyword automaton over every intent,
/// category and dialogue act of a catalog. Immutable and shareable across threads.
public struct Matcher: Sendable {
    let engine: MatchEngine

    /// Compiles the catalog's keywords once.
    public init(catalog: Catalog) {
        self.init(
            intents: catalog.intents, faq: catalog.faq, acts: catalog.acts, settings: catalog.settings,
            han: catalog.han, examples: catalog.examples, learning: catalog.learning, regional: catalog.regional,
            entities: catalog.entities, dialogue: catalog.dialogue)
    }

    /// Compiles rules given as values (tests, and the peer benchmark's neutral rule set); without entity
    /// words, only entities that need none are found (phones, `3-2-501`, ISO dates, record IDs need words).
    public init(
        intents: [IntentDefinition], faq: [FAQTopic] = [], acts: [ActDefinition] = [], settings: MatchSettings,
        han: HanConversion, examples: [LabeledExample] = [], learning: LearningSettings = LearningSettings(),
        regional: RegionalWords = RegionalWords(), entities: EntityWords = .empty,
        dialogue: DialogueLexicon = DialogueLexicon(lists: [:])
    ) {
        let normalizer = Normalizer(han: han, traditionalMarkers: settings.traditionalMarkers)
        let rules = CompiledRules(
            intents: intents, faq: faq, acts: acts, settings: settings, normalizer: normalizer, regional: regional)
        engine = MatchEngine(
            normalizer: normalizer, rules: rules, examples: examples, learning: learning, entities: entities,
            dialogue: dialogue)
    }

    /// The number of examples the learned layer was trained on and of the features it learned (0, 0 without).
    public var learnedSize: (examples: Int, features: Int) {
        (engine.learned?.exampleCount ?? 0, engine.learned?.featureCount ?? 0)
    }

    /// The entity extractor the matcher uses (the words of `intents/entities.json`).
    public var entityExtractor: EntityExtractor { engine.entities }

    /// The normalizer the matcher uses (the same tables as for the keywords).
    public var normalizer: Normalizer { engine.normalizer }

    /// The number of distinct keyword texts and automaton states (for benchmarks and `lint`).
    public var size: (patterns: Int, states: Int) {
        (engine.rules.patternText.count, engine.rules.automaton.stateCount)
    }

    /// Classifies one message; dates in its entities are resolved against `now` at `utcOffset`.
    public func classify(_ text: String, now: Date, utcOffset: Int) -> Classification {
        classify(text, now: now, utcOffset: utcOffset, extractingEntities: true)
    }

    /// `classify` with or without entity extraction (the benchmark measures the matcher's own cost).
    package func classify(_ text: String, now: Date, utcOffset: Int, extractingEntities: Bool) -> Classification {
        engine.classify(text, now: now, utcOffset: utcOffset, extractingEntities: extractingEntities)
    }

    /// The intent label only: the fast path for throughput benchmarks (no hits, entities or strings).
    public func intentLabel(_ text: String) -> String {
        engine.withScan(text) { _, buffers, summary in
            if !summary.accepted { return "fallback" }
            return engine.rules.intentNames[summary.best]
        }
    }
}
