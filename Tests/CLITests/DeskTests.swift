import Foundation
import FrontDeskContent
import FrontDeskModel
import FrontDeskTestSupport
import Testing

@testable import FrontDeskCLI

@Suite("frontdesk desk")
struct DeskTests {
    static let phrases: PhraseBook = {
        var diagnostics: [Diagnostic] = []
        return PhraseBook.load(
            directory: Repository.root.appendingPathComponent("intents/phrases").path, diagnostics: &diagnostics)
    }()

    @Test func pipedItSignsInAndPassesTheJSONLinesUnchanged() throws {
        let server = try HandoffServer()
        let clerk = try server.clerk()  // someone on duty, so the request is queued
        let resident = try server.resident()
        try resident.send("转人工")
        _ = try resident.line()
        let tokenFile = server.directory.appendingPathComponent("me.token").path
        _ = FileManager.default.createFile(
            atPath: tokenFile, contents: Data("xiaoli\ttoken-li-0002\n".utf8), attributes: [.posixPermissions: 0o600])
        let input = #"{"take":"s-000000000001"}"# + "\n" + #"{"say":"您好，我是小李","session":"s-000000000001"}"# + "\n"
        let result = try FrontDeskBinary.run(
            ["desk", "--port", String(server.operatorPort), "--token-file", tokenFile], stdin: Data(input.utf8))
        #expect(result.status == 0, "\(result.err)")
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.first == #"{"event":"welcome","operator":"xiaoli"}"#)
        #expect(lines.count == 3)
        #expect(lines.dropFirst().first?.hasPrefix(#"{"event":"waiting","session":"s-000000000001","#) == true)
        #expect(lines.last == #"{"event":"taken","session":"s-000000000001","by":"xiaoli"}"#)
        #expect(try resident.line() == "客服xiaoli已为您接入，请直接说明您的需要。")
        #expect(try resident.line() == "【客服 xiaoli】您好，我是小李")
        #expect(try clerk.event()?["event"]?.string == "waiting")
        #expect(try clerk.event()?["by"]?.string == "xiaoli")
    }

    @Test func aTokenFileReadableByOthersIsRefused() throws {
        let directory = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tokenFile = directory.appendingPathComponent("me.token").path
        _ = FileManager.default.createFile(
            atPath: tokenFile, contents: Data("token-li-0002\n".utf8), attributes: [.posixPermissions: 0o644])
        let result = try FrontDeskBinary.run(["desk", "--port", "1", "--token-file", tokenFile])
        #expect(result.status == 1)
        #expect(result.err.contains("is readable by others (mode 644)"))
    }

    /// Who said a line is content a clerk reads (`desk.from_resident`, `desk.from_bot`, `desk.summary_resident`,
    /// `desk.released` in `intents/phrases/handoff.json`): an office that writes them in Chinese sees them in Chinese.
    @Test func theSpeakerMarksComeFromThePhraseBook() throws {
        let directory = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("phrases").path
        try FileManager.default.copyItem(
            atPath: Repository.root.appendingPathComponent("intents/phrases").path, toPath: copy)
        let file = copy + "/handoff.json"
        var text = try String(contentsOfFile: file, encoding: .utf8)
        for (from, to) in [
            ("resident> ", "住户> "), ("bot> ", "智能客服> "), ("resident: ", "住户："), ("\"released\"", "\"已交回\""),
        ] {
            text = text.replacingOccurrences(of: from, with: to)
        }
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        var diagnostics: [Diagnostic] = []
        let phrases = PhraseBook.load(directory: copy, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        var desk = DeskConsole(phrases: phrases, colour: false)
        _ = desk.received(#"{"event":"welcome","operator":"xiaowang"}"#, now: 0)
        let waiting = desk.received(
            #"{"event":"waiting","session":"s-000000000001","since":"2026-11-22T10:00:00+08:00","lang":"zh-Hans","unit":"3-2-501","reason":"asked","summary":["住户：转人工"],"place":1,"waited":5}"#,
            now: 100)
        #expect(waiting.count == 2)
        #expect(
            desk.received(#"{"event":"message","session":"s-000000000001","text":"在吗","lang":"zh-Hans"}"#, now: 101)
                == ["[1] s-1 住户> 在吗"])
        #expect(desk.queueLines(now: 102).last == "      住户：在吗")
        _ = desk.received(#"{"event":"taken","session":"s-000000000001","by":"xiaowang"}"#, now: 103)
        let alert = desk.received(
            #"{"event":"message","session":"s-000000000001","text":"煤气味","lang":"zh-Hans","alert":"emergency","reply":"请立即离开"}"#,
            now: 104)
        #expect(alert.first == "住户> 煤气味")
        #expect(alert.last == "   智能客服> 请立即离开")
        #expect(desk.received(#"{"event":"released","session":"s-000000000001"}"#, now: 105) == ["s-1 已交回"])
    }

    @Test func theConsoleShowsTheQueueAndTurnsTypedLinesIntoCommands() throws {
        var desk = DeskConsole(phrases: Self.phrases, colour: false)
        let welcome = desk.received(#"{"event":"welcome","operator":"xiaowang"}"#, now: 0)
        #expect(welcome.first == "已登录，客服xiaowang。")
        #expect(welcome.last == "目前没有等候的住户。")
        let waiting = desk.received(
            #"{"event":"waiting","session":"s-000000000001","since":"2026-11-22T10:00:00+08:00","lang":"zh-Hans","unit":"3-2-501","reason":"asked","summary":["resident: 厨房漏水","resident: 转人工"],"place":1,"waited":5}"#,
            now: 100)
        #expect(waiting.first == "+ [1] 0:05  zh-Hans  3-2-501  asked  s-1")
        #expect(desk.typed("你好", now: 100).print == ["请先用“take 序号”接入一位住户。"])
        #expect(desk.typed("take 2", now: 100).send.isEmpty)  // no such entry: the queue is shown
        #expect(desk.typed("/queue", now: 170).print.contains("[1] 1:15  zh-Hans  3-2-501  asked  s-1"))
        #expect(desk.typed("take 1", now: 100).send == [#"{"take":"s-000000000001"}"#])
        let taken = desk.received(#"{"event":"taken","session":"s-000000000001","by":"xiaowang"}"#, now: 101)
        #expect(taken.first == "== s-000000000001 · zh-Hans · 3-2-501 ==")
        #expect(desk.current == "s-000000000001")
        #expect(desk.typed("您好，我是客服小王", now: 102).send == [#"{"say":"您好，我是客服小王","session":"s-000000000001"}"#])
        #expect(
            desk.received(#"{"event":"message","session":"s-000000000001","text":"谢谢","lang":"zh-Hans"}"#, now: 103)
                == ["resident> 谢谢"])
        let alert = desk.received(
            #"{"event":"message","session":"s-000000000001","text":"煤气味","lang":"zh-Hans","alert":"emergency","reply":"请立即离开"}"#,
            now: 104)
        #expect(alert == ["resident> 煤气味", "!! 紧急情况！智能客服已给出安全提示", "   bot> 请立即离开"])
        #expect(
            desk.typed("/release 已安排维修", now: 105).send == [#"{"release":"s-000000000001","note":"已安排维修"}"#])
        _ = desk.received(#"{"event":"released","session":"s-000000000001"}"#, now: 106)
        #expect(desk.current == nil)
        #expect(desk.typed("/quit", now: 107).stop)
    }

    @Test func coloursOnlyWhenAskedFor() {
        var plain = DeskConsole(phrases: Self.phrases, colour: false)
        var painted = DeskConsole(phrases: Self.phrases, colour: true)
        let line = #"{"event":"welcome","operator":"xiaowang"}"#
        #expect(!plain.received(line, now: 0).joined().contains("\u{1B}["))
        #expect(painted.received(line, now: 0).joined().contains("\u{1B}[1m"))
    }
}
