import Foundation
import FrontDeskModel
import FrontDeskTestSupport
import Testing

/// `frontdesk classify` and `frontdesk lint` as a user runs them: bad flags, missing folders,
/// hostile stdin, and each kind of content mistake `lint` must catch.
@Suite struct ClassifyLintBinaryTests {
    @Test func misspelledFlagIsAUsageErrorWithAHint() throws {
        let result = try FrontDeskBinary.run(["classify", "--jsn"])
        #expect(result.status == 2)
        #expect(
            result.err.hasPrefix(
                "frontdesk classify: unknown option '--jsn' (did you mean '--json'?)\nusage: frontdesk classify"))
        #expect(result.stdout.isEmpty)
    }

    @Test func missingIntentsFolderIsAFailure() throws {
        let result = try FrontDeskBinary.run(
            ["classify", "--intents", "/nonexistent/intents"], stdin: Data("你好\n".utf8))
        #expect(result.status == 1)
        #expect(
            result.err == "frontdesk classify: intents folder '/nonexistent/intents' not found (use --intents DIR)\n")
    }

    @Test func hostileStdinGetsOneAnswerPerLine() throws {
        var input = Data()
        input.append(Data("3栋2单元501 卫生间马桶堵了\n".utf8))
        input.append(Data("\n".utf8))  // empty line
        input.append(Data([0xE6, 0xBC, 0x0A]))  // a truncated UTF-8 sequence
        input.append(Data((String(repeating: "漏水", count: 50_000) + "\n").utf8))  // 300 KB line
        input.append(Data("不是投诉，是想报修门锁".utf8))  // unterminated last line
        let result = try FrontDeskBinary.run(["classify", "--json"], stdin: input)
        #expect(result.status == 0)
        let lines = result.out.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 5)
        let objects = try lines.map { try JSON.parse(String($0)) }
        #expect(objects[0]["intent"]?.string == "repair")
        #expect(objects[0]["entities"]?["unit"]?.string == "3-2-501")
        #expect(objects[1]["intent"]?.string == "fallback")
        #expect(objects[2]["error"]?.string == "invalid UTF-8 on input line 3")
        #expect(objects[3]["intent"]?.string == "repair")
        #expect(objects[4]["intent"]?.string == "repair")
    }

    @Test func lintPassesOnTheBundledContent() throws {
        let result = try FrontDeskBinary.run(["lint"])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("OK: 13 intents"))
    }

    /// A copy of `intents/` with one phrase changed, linted.
    private func lint(changing key: String, language: String, to text: String?) throws -> FrontDeskBinary.Result {
        let dir = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let intents = dir.appendingPathComponent("intents")
        try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("intents"), to: intents)
        let file = intents.appendingPathComponent("phrases/etiquette.json")
        var json = try JSON.parse(Data(contentsOf: file))
        guard case .object(var root) = json, case .object(var phrases)? = root["phrases"],
            case .object(var phrase)? = phrases[key]
        else {
            Issue.record("etiquette.json has no phrase \(key)")
            return try FrontDeskBinary.run(["lint"])
        }
        phrase[language] = text.map(JSON.string)
        phrases[key] = .object(phrase)
        root["phrases"] = .object(phrases)
        json = .object(root)
        try Data(json.serialized.utf8).write(to: file)
        return try FrontDeskBinary.run(["lint", "--intents", intents.path])
    }

    @Test func lintFailsOnAForbiddenWord() throws {
        let result = try lint(changing: "greeting.reply", language: "zh-Hans", to: "您好，这个我不知道。")
        #expect(result.status == 1)
        #expect(
            result.out.contains("phrases/etiquette.json: phrases.greeting.reply.zh-Hans: contains the forbidden word"))
        #expect(result.out.contains("不知道"))
    }

    @Test func lintFailsOnAForbiddenEnglishWord() throws {
        let result = try lint(changing: "greeting.reply", language: "en", to: "Sorry, I can't help with that.")
        #expect(result.status == 1)
        #expect(result.out.contains("phrases.greeting.reply.en: contains the forbidden word \"can't\""))
    }

    @Test func lintFailsOnAnUnknownPlaceholder() throws {
        let result = try lint(changing: "greeting.reply", language: "en", to: "Hello from {no_such_thing}.")
        #expect(result.status == 1)
        #expect(result.out.contains("phrases.greeting.reply.en: unknown placeholder {no_such_thing}"))
    }

    @Test func lintFailsOnAMissingLanguageVariant() throws {
        let result = try lint(changing: "greeting.reply", language: "en", to: nil)
        #expect(result.status == 1)
        #expect(result.out.contains("phrases/etiquette.json: phrases.greeting.reply.en: missing"))
    }
}
