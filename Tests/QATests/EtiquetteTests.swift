import Foundation
import FrontDeskContent
import FrontDeskModel
import FrontDeskQA
import Testing

/// `frontdesk test` and the QA dialogues check replies with the phrase book's rule: they reject exactly
/// what `frontdesk lint` rejects in a phrase.
@Suite("Forbidden words")
struct EtiquetteTests {
    @Test(arguments: [
        ("这个不行", ["不行"]),
        ("我们不知道", ["不知道"]),
        ("不可以在晚上施工", ["不可以"]),
        ("I don't know when.", ["i don't know"]),
        ("I do not know when.", ["i do not know"]),
        ("We can't do that.", ["can't"]),
        ("We cannot do that.", ["cannot"]),
        ("No, that is wrong.", ["no"]),
        ("There is no record.", ["no"]),
        ("NO", ["no"]),
    ])
    func flagged(reply: String, words: [String]) {
        #expect(Repo.forbidden.all(in: reply) == words)
    }

    @Test(arguments: [
        "您好，这里是翠湖花园物业客服中心，请问有什么可以帮您？",
        "I know. Nothing is missing; we will notify you.",
        "Your order is REP-20261122-0001. Please note the number.",
        "We can do that for you.",
    ])
    func polite(reply: String) {
        #expect(Repo.forbidden.all(in: reply).isEmpty)
    }

    @Test(
        "a scripted dialogue fails on 'cannot' and 'i do not know', as lint does",
        arguments: ["cannot", "i do not know"])
    func dialogueRejectsWhatLintRejects(word: String) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("qa-etiquette-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let intents = scratch.appendingPathComponent("intents").path
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repo.intents, toPath: intents)
        let file = intents + "/phrases/etiquette.json"
        let original = try String(contentsOfFile: file, encoding: .utf8)
        let polite = "\"en\": \"Hello! How may I help you?"
        #expect(original.contains(polite))
        let rude = original.replacingOccurrences(
            of: polite, with: "\"en\": \"Hello! Sorry, we \(word) say. How may I help you?")
        try rude.write(toFile: file, atomically: true, encoding: .utf8)

        let catalog = try Repo.catalog(intents)
        let lint = catalog.phrases.lint().map(\.description)
        #expect(lint == ["\(file): phrases.greeting.reply.en: contains the forbidden word \"\(word)\""])

        let runner = DialogueRunner(
            environment: DialogueEnvironment(catalog: catalog, estate: try Repo.estate(), baseDirectory: Repo.root))
        let result = runner.run(
            try DialogueParser.parse("# rude greeting\n> hello\nintent: greeting\n", path: "rude.dialogue"))
        #expect(!result.passed)
        let failures = result.failures.map(\.description)
        #expect(
            failures.contains {
                $0.hasPrefix("rude.dialogue:2: expected no forbidden word (SPEC 4.1), found: '\(word)'")
            },
            "\(failures)")
    }
}
