import Foundation
public import FrontDeskModel

/// The bot's content loaded from `intents/`: validated, immutable, ready to compile.
public struct Catalog: Sendable {
    /// The etiquette and flow phrases (`intents/phrases/`).
    public var phrases: PhraseBook
    /// The folder it was read from.
    public let directory: String
    /// The 13 canonical intents, `fallback` included, in canonical order.
    public let intents: [IntentDefinition]
    /// Threshold, margin, negators, contrast words.
    public let settings: MatchSettings
    /// Dialogue acts and their words.
    public let acts: [ActDefinition]
    /// The words the dialogue manager reads inside a flow (`dialogue.json`).
    public let dialogue: DialogueLexicon
    /// FAQ topics for `inquiry`, with answers in every language.
    public let faq: [FAQTopic]
    /// The Traditional → Simplified character table.
    public let han: HanConversion
    /// The labelled messages of `intents/examples/*.jsonl` (the learned layer's training data).
    public let examples: [LabeledExample]
    /// How the learned layer is trained and blended with the rules (`intents/learning.json`).
    public let learning: LearningSettings
    /// Regional words of Taiwan, Hong Kong and Cantonese (`intents/regional.json`, `regional-opencc.tsv`).
    public let regional: RegionalWords
    /// The words the entity extractor reads (`intents/entities.json`).
    public let entities: EntityWords
    /// The words the understanding report reads (`intents/grouping.json`).
    public let reportWords: ReportWords
    /// What the journal stores for each return-visit satisfaction level (`intents/journal.json`).
    public let satisfactionNames: SatisfactionNames

    /// Loads and validates every file under `directory`.
    ///
    /// - Throws: `ContentError` listing every mistake found, each as `file: key path: message`.
    public static func load(directory: String) throws(ContentError) -> Catalog {
        var loader = CatalogLoader(directory: directory)
        var diagnostics: [Diagnostic] = []
        let han = loadHan(loader: loader, diagnostics: &diagnostics)
        var settings = loader.loadLexicon()
        var intents: [IntentDefinition] = []
        for name in CatalogLoader.canonicalIntents {
            if let intent = loader.loadIntent(name, settings: &settings) { intents.append(intent) }
        }
        let acts = loader.loadActs()
        let dialogue = loader.loadDialogue()
        var faq = loader.loadFAQ()
        let examples = loader.loadExamples()
        let learning = loader.loadLearning()
        let regional = loader.loadRegional()
        let entities = loader.loadEntities()
        let reportWords = loader.loadReportWords()
        let satisfactionNames = loader.loadSatisfactionNames()
        diagnostics += loader.diagnostics
        diagnostics += unknownFiles(directory: directory, loader: loader)
        let phrases = PhraseBook.load(directory: loader.displayName("phrases"), diagnostics: &diagnostics)
        guard diagnostics.isEmpty, let satisfactionNames else { throw ContentError(diagnostics) }
        deriveTraditionalAnswers(&faq)
        return Catalog(
            phrases: phrases, directory: directory, intents: intents, settings: settings, acts: acts,
            dialogue: dialogue, faq: faq, han: han, examples: examples, learning: learning, regional: regional,
            entities: entities, reportWords: reportWords, satisfactionNames: satisfactionNames)
    }

    /// The intent named `name`, or `nil`.
    public func intent(named name: String) -> IntentDefinition? { intents.first { $0.name == name } }

    /// The slots `intent` asks for, in order.
    public func slots(of intent: String) -> [String] { self.intent(named: intent)?.slots ?? [] }

    /// The category names of `intent` (FAQ topic ids for `inquiry`), in file order.
    public func categories(of intent: String) -> [String] {
        if intent == "inquiry" { return faq.map(\.id) }
        return self.intent(named: intent)?.categories.map(\.name) ?? []
    }

    /// The attributes of a category for the dialogue (`team`, `priority`, `due_hours`, `department`, …).
    public func categoryAttributes(intent: String, category: String) -> [String: String] {
        self.intent(named: intent)?.categories.first { $0.name == category }?.attributes ?? [:]
    }

    /// The category to use when none was recognized (`other`), if the intent has one.
    public func defaultCategory(of intent: String) -> String? { self.intent(named: intent)?.defaultCategory }

    /// The FAQ answer `id` in `language`, placeholders (`{office_phone}`, …) left for the caller.
    public func faqAnswer(_ id: String, _ language: Language) -> String? {
        faq.first { $0.id == id }?.answers[language]
    }

    /// Reads the labelled messages of one JSON-lines file (a held-out set, or an examples file).
    ///
    /// - Throws: `ContentError` listing every bad line.
    public static func loadExamples(file: String) throws(ContentError) -> [LabeledExample] {
        var loader = CatalogLoader(directory: ".")
        guard let data = FileManager.default.contents(atPath: file), let text = String(validating: data, as: UTF8.self)
        else { throw ContentError([Diagnostic(file: file, path: "", message: "file not found or not UTF-8")]) }
        let examples = loader.parseExamples(text, file: file)
        if !loader.diagnostics.isEmpty { throw ContentError(loader.diagnostics) }
        return examples
    }

    /// Reads only `directory/hant-hans.txt` (for engines built from other rule files).
    ///
    /// - Throws: `ContentError` when the file is missing or has a malformed line.
    public static func loadHanTable(directory: String) throws(ContentError) -> HanConversion {
        let path = CatalogLoader(directory: directory).displayName("hant-hans.txt")
        guard let data = FileManager.default.contents(atPath: path), let text = String(validating: data, as: UTF8.self)
        else { throw ContentError([Diagnostic(file: path, path: "", message: "file not found")]) }
        var diagnostics: [Diagnostic] = []
        let table = HanConversion.parse(text, file: path, diagnostics: &diagnostics)
        if !diagnostics.isEmpty { throw ContentError(diagnostics) }
        return table
    }

    private static func loadHan(loader: CatalogLoader, diagnostics: inout [Diagnostic]) -> HanConversion {
        let path = loader.displayName("hant-hans.txt")
        guard let data = FileManager.default.contents(atPath: path) else { return HanConversion.fromICU() }
        guard let text = String(validating: data, as: UTF8.self) else {
            diagnostics.append(Diagnostic(file: path, path: "", message: "not valid UTF-8"))
            return HanConversion(pairs: [:])
        }
        return HanConversion.parse(text, file: path, diagnostics: &diagnostics)
    }

    /// JSON files in the folder that are not part of the format (a typo in a file name).
    private static func unknownFiles(directory: String, loader: CatalogLoader) -> [Diagnostic] {
        let known = Set(
            CatalogLoader.canonicalIntents.map { "\($0).json" } + [
                "lexicon.json", "acts.json", "dialogue.json", "faq.json", "learning.json", "regional.json",
                "entities.json", "grouping.json", "journal.json",
            ])
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return files.filter { $0.hasSuffix(".json") && !known.contains($0) }.sorted().map { file in
            let message = ContentMessages.unknownKey(file, allowed: known.sorted())
                .replacingOccurrences(of: "unknown key", with: "unknown content file")
            return Diagnostic(file: loader.displayName(file), path: "", message: message)
        }
    }

    /// Fills missing zh-Hant answers from zh-Hans with one ICU transform over all of them.
    private static func deriveTraditionalAnswers(_ faq: inout [FAQTopic]) {
        let missing = faq.indices.filter { faq[$0].answers[.zhHant] == nil && faq[$0].answers[.zhHans] != nil }
        guard !missing.isEmpty else { return }
        let separator = "\n\u{1E}\n"
        let joined = missing.map { faq[$0].answers[.zhHans]! }.joined(separator: separator)
        let converted = joined.applyingTransform(StringTransform("Hans-Hant"), reverse: false) ?? joined
        let parts = converted.components(separatedBy: separator)
        for (offset, index) in missing.enumerated() {
            faq[index].answers[.zhHant] = parts.count == missing.count ? parts[offset] : faq[index].answers[.zhHans]
        }
    }
}
