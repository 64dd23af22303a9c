import Foundation
import FrontDeskContent
import FrontDeskQA
import Testing

@Suite("QA dialogues in transcripts/")
struct DialogueSuiteTests {
    @Test("every dialogue in transcripts/ passes")
    func wholeSuite() throws {
        let files = try DialogueSuite.files(under: [Repo.transcripts])
        #expect(files.count >= 40, "the QA suite holds at least 40 dialogues, found \(files.count)")
        // Run from the repository root so relative @estate paths resolve as `frontdesk test` does.
        let results = DialogueSuite.run(files: files, runner: try Repo.runner())
        let failed = results.filter { !$0.passed }
        if !failed.isEmpty {
            Issue.record(Comment(rawValue: DialogueReport.text(failed) + "(of \(results.count) dialogues)"))
        }
    }

    @Test("a wrong expectation fails with file:line, the expectation and the whole actual turn")
    func wrongExpectationFails() throws {
        let text = """
            # Deliberately wrong
            greeting contains: 这句话不在问候里
            > 您好
            intent: complaint
            contains: 绝对不会出现的文字
            """
        let dialogue = try DialogueParser.parse(text, path: "wrong.dialogue")
        let result = try Repo.runner().run(dialogue)
        #expect(!result.passed)
        let lines = result.failures.map(\.description)
        #expect(result.failures.map(\.line) == [2, 4, 5])
        #expect(lines[0].hasPrefix("wrong.dialogue:2: expected greeting contains: 这句话不在问候里\n    greeting: 您好"))
        #expect(
            lines[1].hasPrefix(
                "wrong.dialogue:4: expected intent: complaint\n    actual intent: greeting, awaiting: none"))
        #expect(lines[2].hasPrefix("wrong.dialogue:5: expected contains: 绝对不会出现的文字\n    actual intent: greeting"))
        #expect(lines[2].contains("\n    reply: "))
        #expect(DialogueReport.text([result]).hasSuffix("0 passed, 1 failed\n"))
    }

    @Test("a record expectation names the field that differs")
    func wrongRecordField() throws {
        let text = """
            # Wrong record field
            > 3栋2单元501厨房水管漏水了，电话13812345678，尽快来修
            > 对
            record: repair unit=9-9-909
            """
        let result = try Repo.runner().run(try DialogueParser.parse(text, path: "field.dialogue"))
        #expect(result.failures.count >= 1)
        let message = result.failures.last?.description ?? ""
        #expect(message.contains("field.dialogue:4: expected record: repair unit=9-9-909"), "\(message)")
    }

    @Test("a forbidden word in a reply fails every dialogue centrally")
    func forbiddenWordIsCentral() {
        #expect(Repo.forbidden.all(in: "抱歉，这个不行。") == ["不行"])
    }

    @Test("syntax errors fail the file with their lines")
    func syntaxErrorFails() throws {
        let scratch = try ScratchDirectory(label: "qa-test")
        defer { scratch.remove() }
        let path = scratch.path + "/bad.dialogue"
        try "# bad\n> hi\nintnet: greeting\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try Repo.runner().run(file: path)
        #expect(
            result.failures.map(\.description) == [
                "\(path):3: expected a well-formed dialogue line\n    unknown expectation 'intnet:' (did you mean 'intent'?)"
            ])
    }
}
