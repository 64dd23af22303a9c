import FrontDeskModel
import FrontDeskQA
import Testing

@Suite("Scripted-dialogue parser")
struct DialogueParserTests {
    @Test("a dialogue with header, set-up, greeting checks and turns")
    func parsesEverything() throws {
        let text = """
            # Kitchen leak
            @now 2026-11-23T09:00:00+08:00
            @lang zh-Hans
            @record repair unit=3-2-501 status=resolved description="厨房 漏水"
            greeting contains: 物业客服中心
            > 3栋2单元501厨房漏水
            intent: repair
            awaiting: phone
            contains: 请
            not-contains: 不行
            matches: REP-\\d{8}
            slot: unit=3-2-501
            # a comment
            > 对
            record: repair category=plumbing unit=3-2-501
            @wait 6m
            @update last status=resolved
            @session
            greeting: 您好
            > 谢谢
            no-record
            intent: none
            """
        let dialogue = try DialogueParser.parse(text, path: "t.dialogue")
        #expect(dialogue.title == "Kitchen leak")
        #expect(dialogue.now == "2026-11-23T09:00:00+08:00")
        #expect(dialogue.language == .zhHans)
        #expect(dialogue.turns.map(\.text) == ["3栋2单元501厨房漏水", "对", "谢谢"])
        #expect(
            dialogue.turns[0].expectations.map(\.check) == [
                .intent("repair"), .awaiting("phone"), .contains("请"), .notContains("不行"), .matches("REP-\\d{8}"),
                .slot("unit", "3-2-501"),
            ])
        #expect(
            dialogue.turns[1].expectations[0].check
                == .record(type: "repair", fields: [.init("category", "plumbing"), .init("unit", "3-2-501")]))
        #expect(dialogue.turns[2].expectations.map(\.check) == [.noRecord, .intent(nil)])
        guard case .seed(let seed) = dialogue.steps[1] else {
            Issue.record("expected the seed second, got \(dialogue.steps[1])")
            return
        }
        #expect(seed.fields == [.init("unit", "3-2-501"), .init("status", "resolved"), .init("description", "厨房 漏水")])
        #expect(dialogue.steps.first == .session(line: 1, greeting: [Expectation(line: 5, check: .contains("物业客服中心"))]))
        #expect(dialogue.steps.contains(.wait(line: 16, seconds: 360)))
        #expect(dialogue.steps.contains(.session(line: 18, greeting: [Expectation(line: 19, check: .reply("您好"))])))
    }

    @Test("every mistake is reported with its line and a hint")
    func reportsMistakes() {
        let text = """
            # Broken
            intent: repair
            > hello
            intnet: greeting
            @lang fr
            record: invoice
            matches: (
            @waitt 5m
            """
        #expect(throws: DialogueSyntaxError.self) { try DialogueParser.parse(text, path: "b.dialogue") }
        do {
            _ = try DialogueParser.parse(text, path: "b.dialogue")
        } catch {
            #expect(
                error.description == """
                    b.dialogue:2: an expectation needs a resident line ('> …') before it
                    b.dialogue:4: unknown expectation 'intnet:' (did you mean 'intent'?)
                    b.dialogue:5: @lang expects zh-Hans, zh-Hant or en, got 'fr'
                    b.dialogue:6: 'record:' expects a record type (repair, complaint, decoration_permit, emergency, callback), got 'invoice'
                    b.dialogue:7: 'matches:' is not a valid regular expression: (
                    b.dialogue:8: unknown directive '@waitt' (did you mean '@wait'?)
                    """)
        }
    }

    @Test("a file without resident lines is an error")
    func needsTurns() {
        #expect(throws: DialogueSyntaxError.self) { try DialogueParser.parse("# nothing\n", path: "e.dialogue") }
    }
}
