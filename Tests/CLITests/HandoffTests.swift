import Foundation
import FrontDeskModel
import FrontDeskNet
import FrontDeskTestSupport
import Testing

/// SPEC 8.3 over real loopback sockets: `frontdesk serve` with an operator port, residents and
/// operators as separate clients, the lines on both sides asserted.
@Suite("Live hand-off to a person", .serialized)
struct HandoffTests {
    static let session = "s-000000000001"

    @Test func askTakeTalkReleaseAndTheBotResumesTheRepair() throws {
        let server = try HandoffServer()
        let clerk = try server.clerk()
        let resident = try server.resident()
        try resident.send("我家厨房水管漏水，3栋2单元501")
        #expect(try resident.line()?.contains("联系电话") == true)  // the repair asks for a phone
        try resident.send("转人工")
        let queued = try #require(try resident.line())
        #expect(queued.hasPrefix("正在为您转接人工客服，请稍候"))
        #expect(queued.contains("第1位"))
        let waiting = try #require(try clerk.event())
        #expect(waiting["event"]?.string == "waiting")
        #expect(waiting["session"]?.string == Self.session)
        #expect(waiting["unit"]?.string == "3-2-501")
        #expect(waiting["lang"]?.string == "zh-Hans")
        #expect(waiting["reason"]?.string == "asked")
        #expect(waiting["summary"]?.array?.first?.string == "resident: 我家厨房水管漏水，3栋2单元501")
        // A line while waiting reaches the operators, and the bot stays silent.
        try resident.send("你好，有人吗")
        let early = try #require(try clerk.event())
        #expect(early["event"]?.string == "message")
        #expect(early["text"]?.string == "你好，有人吗")

        try clerk.send(["take": .string(Self.session)])
        let taken = try #require(try clerk.event())
        #expect(taken["event"]?.string == "taken")
        #expect(taken["by"]?.string == "xiaowang")
        #expect(try resident.line() == "客服xiaowang已为您接入，请直接说明您的需要。")

        // Both ways, in order.
        try clerk.send(["say": "您好，我是客服小王", "session": .string(Self.session)])
        try clerk.send(["say": "请问漏水严重吗？", "session": .string(Self.session)])
        #expect(try resident.line() == "【客服 xiaowang】您好，我是客服小王")
        #expect(try resident.line() == "【客服 xiaowang】请问漏水严重吗？")
        try resident.send("滴得挺快的")
        try resident.send("电话是13812345678")
        #expect(try clerk.event()?["text"]?.string == "滴得挺快的")
        #expect(try clerk.event()?["text"]?.string == "电话是138****5678")  // masked for the operator too
        #expect(resident.quiet())  // the bot does not answer while a person holds the session

        try clerk.send(["release": .string(Self.session), "note": "已告知住户先关总阀"])
        #expect(try clerk.event()?["event"]?.string == "released")
        let back = try #require(try resident.line())
        #expect(back.hasPrefix("您好，人工客服已为您服务完毕"))
        #expect(back.contains("刚才的报修还没有提交，需要继续吗？"))
        try resident.send("好的")
        #expect(try resident.line()?.contains("联系电话") == true)  // the repair goes on where it stopped
        try resident.send("13812345678")
        #expect(try resident.line()?.contains("请您核对") == true)
        try resident.send("确认")
        #expect(try resident.line()?.contains("REP-20261122-0001") == true)
        resident.close()
        clerk.close()
        server.stop()

        let events = try server.transcript()
        let spoken = events.filter { $0["role"]?.string == "operator" }
        #expect(spoken.map { $0["text"]?.string } == ["您好，我是客服小王", "请问漏水严重吗？", "已告知住户先关总阀"])
        #expect(spoken.allSatisfy { $0["operator"]?.string == "xiaowang" })
        let toPerson = events.filter { $0["handoff"]?.string == "held" }.map { $0["text"]?.string }
        #expect(toPerson == ["滴得挺快的", "电话是138****5678"])
        // replay shows the operator's lines; replay --check compares only the bot's turns.
        let files = try FileManager.default.contentsOfDirectory(
            atPath: server.directory.appendingPathComponent("var/transcripts").path)
        let path = server.directory.appendingPathComponent("var/transcripts/" + files[0]).path
        let replay = try FrontDeskBinary.run(["replay", path])
        #expect(replay.out.contains("operator  [xiaowang] 您好，我是客服小王"))
        let check = try FrontDeskBinary.run(["replay", "--check", path])
        #expect(check.status == 0, "\(check.out)\(check.err)")
        #expect(check.out.contains("0 differ") || check.out.contains("0 failed"), "\(check.out)")
        #expect(try server.records().map { $0["type"]?.string } == ["repair"])
        let figures = try #require(try server.handoffFigures())
        #expect(figures["taken_live"]?.int == 1)
        #expect(figures["wait_p50"]?.int == 0)  // the clock is fixed by --now
    }

    @Test func twoOperatorsRaceToTakeAndExactlyOneHoldsIt() throws {
        let server = try HandoffServer()
        let wang = try server.clerk("token-wang-0001")
        let li = try server.clerk("token-li-0002")
        let resident = try server.resident()
        try resident.send("我要找人工客服")
        #expect(try resident.line()?.hasPrefix("正在为您转接人工客服") == true)
        #expect(try wang.event()?["event"]?.string == "waiting")
        #expect(try li.event()?["event"]?.string == "waiting")
        try wang.send(["take": .string(Self.session)])
        try li.send(["take": .string(Self.session)])
        // Each gets the broadcast; the loser also gets its own `taken` answer. All name one winner.
        let wangSees = try #require(try wang.event())
        let liSees = try #require(try li.event())
        #expect(wangSees["event"]?.string == "taken" && liSees["event"]?.string == "taken")
        let winner = try #require(wangSees["by"]?.string)
        #expect(liSees["by"]?.string == winner)
        let loser = winner == "xiaowang" ? li : wang
        #expect(try loser.event()?["by"]?.string == winner)
        #expect(try resident.line() == "客服\(winner)已为您接入，请直接说明您的需要。")
        #expect(resident.quiet())  // joined once
        // Only the holder may speak.
        try loser.send(["say": "我来吧", "session": .string(Self.session)])
        #expect(try loser.event()?["error"]?.string == "not_holder")
        #expect(resident.quiet())
    }

    @Test func noOperatorSignedInGivesTheCallbackFlow() throws {
        let server = try HandoffServer()
        let resident = try server.resident()
        try callbackFlow(resident)
        server.stop()
        #expect(try server.records().map { $0["type"]?.string } == ["callback"])
    }

    @Test func outsideOfficeHoursGivesTheCallbackFlowEvenWithAnOperator() throws {
        let server = try HandoffServer(now: HandoffServer.evening)
        let clerk = try server.clerk()
        let resident = try server.resident()
        try callbackFlow(resident)
        #expect(clerk.quiet())  // nobody was queued
        server.stop()
        #expect(try server.records().map { $0["type"]?.string } == ["callback"])
    }

    @Test func nobodyTakesWithinTheWaitThenTheCallbackFlow() throws {
        let server = try HandoffServer(wait: 1)
        let clerk = try server.clerk()
        let resident = try server.resident()
        try resident.send("转人工")
        #expect(try resident.line()?.hasPrefix("正在为您转接人工客服") == true)
        #expect(try clerk.event()?["event"]?.string == "waiting")
        let timeout = try #require(try resident.line(timeout: 10))
        #expect(timeout.hasPrefix("抱歉让您久等了"))
        #expect(timeout.contains("联系电话"))
        let left = try #require(try clerk.event())
        #expect(left["event"]?.string == "left")
        #expect(left["reason"]?.string == "timeout")
        try resident.send("13812345678")
        #expect(try resident.line()?.contains("回电至13812345678") == true)
        try resident.send("确认")
        #expect(try resident.line()?.contains("CB-20261122-0001") == true)
        server.stop()
        #expect(try server.records().map { $0["type"]?.string } == ["callback"])
        let figures = try #require(try server.handoffFigures())
        #expect(figures["asked"]?.int == 1)
        #expect(figures["callbacks"]?.int == 1)
        #expect(figures["taken_live"]?.int == 0)
    }

    @Test func residentCancelsOrDisconnectsWhileWaitingAndNoRecord() throws {
        let server = try HandoffServer()
        let clerk = try server.clerk()
        let first = try server.resident()
        try first.send("转人工")
        _ = try first.line()
        #expect(try clerk.event()?["event"]?.string == "waiting")
        try first.send("算了")
        let left = try #require(try clerk.event())
        #expect(left["event"]?.string == "left")
        #expect(left["session"]?.string == Self.session)
        #expect(try first.line()?.contains("已为您取消") == true)
        let second = try server.resident()
        try second.send("转人工")
        #expect(try second.line()?.contains("第1位") == true)
        let waiting = try #require(try clerk.event())
        let id = try #require(waiting["session"]?.string)
        second.close()
        let gone = try #require(try clerk.event())
        #expect(gone["event"]?.string == "left")
        #expect(gone["session"]?.string == id)
        // Taking a session that left is refused.
        try clerk.send(["take": .string(id)])
        #expect(try clerk.event()?["error"]?.string == "unknown_session")
        server.stop()
        #expect(try server.records().isEmpty)
        let figures = try #require(try server.handoffFigures())
        #expect(figures["asked"]?.int == 2)
        #expect(figures["gave_up"]?.int == 2)
        #expect(figures["wait_p50"] == .null)
    }

    @Test func wrongTokenGetsOneErrorLineAndIsAudited() throws {
        let server = try HandoffServer()
        let intruder = Peer(try LineClient(host: "127.0.0.1", port: server.operatorPort))
        try intruder.send(["auth": "guess-0000"])
        try intruder.send(["take": .string(Self.session)])
        #expect(try intruder.rest() == [#"{"event":"error","error":"auth_failed"}"#])
        // The second failure from this address is answered at once, the third after a pause.
        var answered: [Double] = []
        for _ in 0..<2 {
            let again = Peer(try LineClient(host: "127.0.0.1", port: server.operatorPort))
            let start = ProcessInfo.processInfo.systemUptime
            try again.send(["auth": "guess-0001"])
            #expect(try again.rest() == [#"{"event":"error","error":"auth_failed"}"#])
            answered.append(ProcessInfo.processInfo.systemUptime - start)
        }
        #expect(answered[1] >= 0.9)
        #expect(answered[1] > answered[0] + 0.4)
        // The right token still signs in.
        _ = try server.clerk()
        server.stop()
        let journal = try String(
            contentsOf: server.directory.appendingPathComponent("var/records.jsonl"), encoding: .utf8)
        #expect(journal.components(separatedBy: #""kind":"operator_auth_failed""#).count - 1 == 3)
    }

    @Test func tokenFileReadableByOthersRefusesToStart() throws {
        let directory = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tokenFile = directory.appendingPathComponent("tokens").path
        _ = FileManager.default.createFile(
            atPath: tokenFile, contents: Data(HandoffServer.tokens.utf8), attributes: [.posixPermissions: 0o644])
        let result = try FrontDeskBinary.run([
            "serve", "--port", "0", "--operator-port", "0", "--operator-token-file", tokenFile, "--data-dir",
            directory.appendingPathComponent("var").path,
        ])
        #expect(result.status == 1)
        #expect(
            result.err
                == "frontdesk serve: operator token file '\(tokenFile)' is readable by others (mode 644): "
                + "run 'chmod 600 \(tokenFile)' (it must be readable by its owner only)\n")
    }

    @Test func operatorCommandsOnTheResidentPortAreJustText() throws {
        let server = try HandoffServer()
        let clerk = try server.clerk()
        let resident = try server.resident()
        try resident.send(#"{"auth":"token-wang-0001"}"#)
        let reply = try #require(try resident.line())
        #expect(!reply.contains("welcome"))
        try resident.send(#"{"take":"s-000000000001"}"#)
        #expect(try resident.line() != nil)  // the bot answers it as a message
        #expect(clerk.quiet())  // no operator event: nothing was taken or queued
    }

    @Test func anEmergencyWhileHeldGetsTheSafetyAdviceAtOnceAndAlertsTheOperator() throws {
        let server = try HandoffServer()
        let clerk = try server.clerk()
        let resident = try server.resident()
        try resident.send("转人工")
        _ = try resident.line()
        _ = try clerk.event()
        try clerk.send(["take": .string(Self.session)])
        _ = try clerk.event()
        _ = try resident.line()
        try resident.send("家里有很大的煤气味")
        let advice = try #require(try resident.line())
        #expect(advice.contains("不要开关任何电器"))
        let alert = try #require(try clerk.event())
        #expect(alert["event"]?.string == "message")
        #expect(alert["alert"]?.string == "emergency")
        #expect(alert["reply"]?.string == advice)
        // The resident hangs up while held: the holder is told.
        resident.close()
        let left = try #require(try clerk.event())
        #expect(left["event"]?.string == "left")
        #expect(left["session"]?.string == Self.session)
    }

    @Test func afterRepeatedInvalidAnswersThePersonIsQueuedWithTheReason() throws {
        let server = try HandoffServer()
        let clerk = try server.clerk()
        let resident = try server.resident()
        try resident.send("我要报修，厨房水管漏水")
        #expect(try resident.line()?.contains("房号") == true)
        for _ in 0..<2 {
            try resident.send("不记得了")
            #expect(try resident.line()?.contains("房号") == true)
        }
        try resident.send("不记得了")
        #expect(try resident.line()?.hasPrefix("正在为您转接人工客服") == true)
        let waiting = try #require(try clerk.event())
        #expect(waiting["reason"]?.string == "failures")
    }

    @Test func anOperatorWhoDisconnectsHandsTheSessionBackToTheBot() throws {
        let server = try HandoffServer()
        let clerk = try server.clerk()
        let resident = try server.resident()
        try resident.send("转人工")
        _ = try resident.line()
        _ = try clerk.event()
        try clerk.send(["take": .string(Self.session)])
        _ = try clerk.event()
        _ = try resident.line()
        clerk.close()
        #expect(try resident.line()?.hasPrefix("您好，人工客服已为您服务完毕") == true)
        try resident.send("你好")
        #expect(try resident.line() != nil)  // the bot answers again
    }

    @Test func invalidOperatorTextIsRefusedLikeAResidentsLine() throws {
        let server = try HandoffServer(extra: ["--max-line", "64"])
        let clerk = try server.clerk()
        let resident = try server.resident()
        try resident.send("转人工")
        _ = try resident.line()
        _ = try clerk.event()
        try clerk.send(["take": .string(Self.session)])
        _ = try clerk.event()
        _ = try resident.line()
        // A NUL or another control character inside the JSON string.
        try clerk.send(#"{"say":"a\u0000b","session":"s-000000000001"}"#)
        #expect(try clerk.event()?["error"]?.string == "invalid_text")
        try clerk.send(#"{"say":"a\u001bb","session":"s-000000000001"}"#)
        #expect(try clerk.event()?["error"]?.string == "invalid_text")
        // Invalid UTF-8 and an over-long line: the server's own lines, as to a resident.
        try clerk.client.sendRaw(
            Array(#"{"say":""#.utf8) + [0xC3, 0x28] + Array(#"","session":"s-000000000001"}"#.utf8) + [0x0A])
        #expect(try clerk.line()?.contains("无效字符") == true)
        try clerk.send(["say": .string(String(repeating: "长", count: 40)), "session": .string(Self.session)])
        #expect(try clerk.line()?.contains("太长") == true)
        #expect(resident.quiet())  // none of it reached the resident
        try clerk.send(["say": "好的", "session": .string(Self.session)])
        #expect(try resident.line() == "【客服 xiaowang】好的")
    }

    @Test func jsonModeMarksOperatorLines() throws {
        let server = try HandoffServer(extra: ["--json"])
        let clerk = try server.clerk()
        let resident = try server.resident(greeting: false)
        try resident.send("转人工")
        let queued = try #require(try resident.event())
        #expect(queued["handoff"]?.string == "queued")
        #expect(queued["place"]?.int == 1)
        _ = try clerk.event()
        try clerk.send(["take": .string(Self.session)])
        _ = try clerk.event()
        #expect(try resident.event()?["handoff"]?.string == "taken")
        try clerk.send(["say": "您好", "session": .string(Self.session)])
        let line = try #require(try resident.event())
        #expect(line["role"]?.string == "operator")
        #expect(line["operator"]?.string == "xiaowang")
        #expect(line["reply"]?.string == "您好")
        try clerk.send(["close": .string(Self.session)])
        #expect(try clerk.event()?["event"]?.string == "closed")
        let goodbye = try resident.rest()
        #expect(goodbye.count == 1)
        #expect(goodbye.first?.contains("再见") == true)
    }

    /// 转人工 → the callback question at once, then a phone and a confirmation make one `CB-…`.
    private func callbackFlow(_ resident: Peer) throws {
        try resident.send("转人工")
        let reply = try #require(try resident.line())
        #expect(!reply.contains("正在为您转接"))
        #expect(reply.contains("联系电话"))
        try resident.send("13812345678")
        #expect(try resident.line()?.contains("回电至13812345678") == true)
        try resident.send("确认")
        #expect(try resident.line()?.contains("CB-20261122-0001") == true)
    }
}
