import Foundation
import FrontDeskModel
import FrontDeskTestSupport
import Synchronization
import Testing

@testable import FrontDeskCLI

/// `frontdesk lint` on broken copies of `intents/`: every problem, each once.
@Suite struct LintTests {
    let dir: String
    var intents: String { dir + "/intents" }

    init() throws {
        dir = NSTemporaryDirectory() + "frontdesk-lint-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.root.path + "/intents", toPath: intents)
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: dir) }

    func lint() -> (status: Int32, out: String, err: String) {
        let out = Mutex("")
        let err = Mutex("")
        let console = Console(out: { t in out.withLock { $0 += t } }, err: { t in err.withLock { $0 += t } })
        let estate = Repository.root.path + "/estate/sample.json"
        let status = FrontDesk.main(["lint", "--intents", intents, "--estate", estate], console: console)
        return (status, out.withLock { $0 }, err.withLock { $0 })
    }

    /// Rewrites one JSON file of the copy.
    func edit(_ name: String, _ change: (inout JSON) -> Void) throws {
        let path = intents + "/" + name
        var json = try JSON.parse(Array(FileManager.default.contents(atPath: path)!))
        change(&json)
        _ = FileManager.default.createFile(atPath: path, contents: Data(json.serialized.utf8))
    }

    func setPhrase(_ key: String, _ language: String, _ text: String?) throws {
        try edit("phrases/progress.json") { json in
            guard case .object(var root) = json, case .object(var phrases)? = root["phrases"],
                case .object(var phrase)? = phrases[key]
            else { return }
            phrase[language] = text.map(JSON.string)
            phrases[key] = .object(phrase)
            root["phrases"] = .object(phrases)
            json = .object(root)
        }
    }

    func addKeyword(_ word: String, intent: String, group: Int) throws {
        try edit(intent + ".json") { json in
            guard case .object(var root) = json, case .array(var groups)? = root["keywords"],
                case .object(var chosen) = groups[group], case .array(var words)? = chosen["words"]
            else { return }
            words.append(.string(word))
            chosen["words"] = .array(words)
            groups[group] = .object(chosen)
            root["keywords"] = .array(groups)
            json = .object(root)
        }
    }

    @Test func twoForbiddenWordsAndAMissingVariantAreThreeLines() throws {
        defer { cleanUp() }
        try setPhrase("progress.verify_declined", "zh-Hans", "好的，不行也没关系。")
        try setPhrase("progress.list", "zh-Hans", "{unit}的记录我不知道：{details}。")
        try setPhrase("progress.line", "en", nil)
        let result = lint()
        #expect(result.status == 1)
        let file = intents + "/phrases/progress.json"
        #expect(
            result.out.split(separator: "\n").sorted() == [
                "\(file): phrases.progress.line.en: missing",
                "\(file): phrases.progress.list.zh-Hans: contains the forbidden word \"不知道\"",
                "\(file): phrases.progress.verify_declined.zh-Hans: contains the forbidden word \"不行\"",
            ])
        #expect(result.err.hasSuffix("frontdesk lint: 3 problems\n"))
    }

    @Test func aLoneForbiddenWordIsOneLine() throws {
        defer { cleanUp() }
        try setPhrase("progress.verify_declined", "zh-Hans", "好的，不行也没关系。")
        let result = lint()
        #expect(result.status == 1)
        #expect(
            result.out
                == "\(intents)/phrases/progress.json: phrases.progress.verify_declined.zh-Hans: contains the forbidden word \"不行\"\n"
        )
    }

    @Test func aKeywordOfTwoIntentsOrListedTwiceInAnIntentFails() throws {
        defer { cleanUp() }
        let before = lint()
        #expect(before.status == 0)
        try addKeyword("报修", intent: "complaint", group: 0)
        try addKeyword("报修", intent: "repair", group: 1)
        let result = lint()
        #expect(result.status == 1)
        let repairWords =
            try JSON.parse(Array(FileManager.default.contents(atPath: intents + "/repair.json")!))[
                "keywords"]?.array?[1]["words"]?.array?.count ?? 0
        let added =
            "\(intents)/repair.json: keywords[1].words[\(repairWords - 1)]: the keyword '报修' is listed twice (also at keywords[0].words[0])\n"
        #expect(
            result.out
                == added + "\(intents)/complaint.json: keywords: the keyword '报修' is also a keyword of 'repair'\n"
                || result.out
                    == "\(intents)/complaint.json: keywords: the keyword '报修' is also a keyword of 'repair'\n" + added,
            "\(result.out)")
        #expect(!before.out.contains("报修"))
    }
}

extension LintTests {
    @Test func aForbiddenWordInAnFAQAnswerIsReportedOnceNotForItsDerivedTraditional() throws {
        defer { cleanUp() }
        try edit("faq.json") { json in
            guard case .object(var root) = json, case .array(var topics)? = root["topics"],
                case .object(var topic) = topics[0], case .object(var answer)? = topic["answer"]
            else { return }
            answer["zh-Hans"] = .string("这个我们不知道。")
            topic["answer"] = .object(answer)
            topics[0] = .object(topic)
            root["topics"] = .array(topics)
            json = .object(root)
        }
        let result = lint()
        #expect(result.status == 1)
        #expect(result.out == "\(intents)/faq.json: topics[0].answer.zh-Hans: contains the forbidden word '不知道'\n")
    }
}
