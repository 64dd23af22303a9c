import Foundation
import FrontDeskContent
import FrontDeskModel
import Testing

@testable import FrontDeskDialogue

/// One turn inside a flow is read for everything it carries (issue 11): leaving, corrections of earlier
/// slots, a second request, the resident's language; the words come from `intents/dialogue.json`.
@Suite("Reading a turn inside a flow")
struct TurnInterpretationTests {
    @Test("a non-sentence English line inside a Chinese conversation keeps the Chinese replies")
    func languageStays() {
        let desk = Desk()
        desk.send("3栋2单元501厨房水管漏水了")
        for line in ["OK", "REP-20261122-0001", "👍", "ok"] {
            let out = desk.send(line)
            #expect(out.language == .zhHans, "\(line)")
        }
        let english = desk.send("sorry, my phone is 13812345678")
        #expect(english.language == .en)
    }

    @Test("a first English message is English even when it is one word")
    func firstEnglish() {
        #expect(Desk().send("Help!").language == .en || Desk().send("Hello").language == .en)
    }

    @Test(
        "a negated structural word is not a structural change",
        arguments: [
            "Redoing the bathroom tiles and the vanity; no load-bearing walls touched",
            "厨房翻新，更换橱柜，不动承重墙",
        ])
    func negatedStructural(scope: String) {
        let desk = Desk()
        desk.send("我想申请装修")
        desk.send("3栋2单元501")
        desk.send("张伟")
        let out = desk.send(scope)
        #expect(out.awaiting == .contractor)
        #expect(desk.state.flow?.slots[.scope] == scope)
    }

    @Test("a structural change stays refused")
    func structuralRefused() {
        let desk = Desk()
        desk.send("我想申请装修")
        desk.send("3栋2单元501")
        desk.send("张伟")
        let out = desk.send("打通客厅，拆掉承重墙")
        #expect(out.awaiting == .scope)
        #expect(desk.state.flow == nil)
        #expect(desk.store.allRecords().isEmpty)
    }

    @Test("还有… in the middle of a repair is a second repair; the first is offered again and keeps its fault")
    func secondRepairMidFlow() throws {
        let desk = Desk()
        desk.send("3栋2单元501厨房水管漏水了")
        var out = desk.send("还有，楼道灯也坏了")
        #expect(out.awaiting == .phone)
        #expect(desk.state.flow?.slots[.category] == "electrical")
        desk.send("13812345678")
        out = desk.send("对")
        #expect(out.record?.type == "repair")
        #expect(out.awaiting == .confirm)  // the leak is offered again
        out = desk.send("好的")
        #expect(out.awaiting == .confirm)  // its phone is known now: straight to the restatement
        out = desk.send("对")
        let leak = try #require(out.record.flatMap { desk.store.record(id: $0.id) })
        #expect(leak.category == "plumbing")
        #expect(leak.description == "厨房水管漏水了")
        #expect(desk.store.allRecords().count == 2)
    }

    @Test("a free-form unit correction mid-flow says what changed")
    func correctionMidFlow() throws {
        let desk = Desk()
        desk.send("3栋2单元501卫生间马桶堵了")
        var out = desk.send("哦不对，是801，刚才那个是我爸妈家")
        #expect(out.awaiting == .phone)
        #expect(out.reply.contains("3-2-801"))
        #expect(desk.state.flow?.slots[.unit] == "3-2-801")
        out = desk.send("13812345678")
        out = desk.send("对")
        let record = try #require(out.record.flatMap { desk.store.record(id: $0.id) })
        #expect(record.unit == "3-2-801")
    }

    @Test("goodbye at any prompt ends the flow with no record", arguments: ["再见", "先这样吧", "bye"])
    func leaving(word: String) {
        let desk = Desk()
        desk.send("我要报修")
        desk.send("3栋2单元501")
        let out = desk.send(word)
        #expect(out.intent == .goodbye)
        #expect(out.awaiting == nil)
        #expect(desk.state.flow == nil)
        #expect(desk.store.allRecords().isEmpty)
    }

    @Test("a permit start date in the past or today is questioned, never moved")
    func permitDates() {
        let desk = Desk()
        desk.send("我想申请装修")
        desk.send("3栋2单元501")
        desk.send("张伟")
        desk.send("厨房翻新")
        desk.send("好家装饰")
        var out = desk.send("11月20日")
        #expect(out.awaiting == .startDate)
        #expect(out.reply.contains("2026-11-20"))
        out = desk.send("今天")
        #expect(out.awaiting == .startDate)
        #expect(desk.state.flow?.slots[.startDate] == nil)
        out = desk.send("12月1日")
        #expect(out.awaiting == .durationDays)
        #expect(desk.state.flow?.slots[.startDate] == "2026-12-01")
    }
}

/// `intents/dialogue.json` is content: loaded once, every list required, mistakes located.
@Suite("The dialogue lexicon")
struct DialogueLexiconTests {
    @Test("the shipped lexicon has every list")
    func shipped() {
        let lexicon = Fixture.catalog.dialogue
        for list in DialogueLexicon.List.allCases {
            #expect(!lexicon[list].isEmpty, "\(list.rawValue)")
        }
        #expect(lexicon.satisfaction.first?.word.count ?? 0 >= lexicon.satisfaction.last?.word.count ?? 0)
        #expect(!lexicon.politeReplacements.isEmpty)
    }

    @Test("a missing list, an unknown key and a wrong type are reported as file: path: message")
    func mistakes() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("lexicon-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: Fixture.root + "/intents", toPath: scratch.path)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("dialogue.json")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"leave\":", with: "\"leaves\":")
        text = text.replacingOccurrences(of: "\"skip\": [", with: "\"skip\": [1, ")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let error = #expect(throws: ContentError.self) { try Catalog.load(directory: scratch.path) }
        let messages = error?.diagnostics.map(\.description) ?? []
        let name = scratch.path + "/dialogue.json"
        #expect(messages.contains { $0.hasPrefix(name + ": words.leaves: unknown key") })
        #expect(messages.contains(name + ": words.leave: missing required key"))
        #expect(messages.contains { $0.hasPrefix(name + ": words.skip[0]: expected a string") })
    }
}

/// A permit's confirmation makes the record and ends the flow (no phone asked after it); a phone given on the way is kept.
@Suite("The permit's contact phone")
struct PermitPhoneTests {
    @Test("the confirmation ends the flow; a phone given in a message is on the record")
    func phone() throws {
        let desk = Desk()
        for line in ["我想申请装修，电话138 1234 5678", "3栋2单元501", "张伟", "厨房翻新", "好家装饰", "12月1日", "30天", "5个工人"] {
            desk.send(line)
        }
        let out = desk.send("确认")
        let id = try #require(out.record?.id)
        #expect(out.awaiting == nil)
        #expect(desk.store.record(id: id)?.phone == "13812345678")

        let other = Desk()
        for line in ["我想申请装修", "3栋2单元501", "张伟", "厨房翻新", "好家装饰", "12月1日", "30天", "5个工人"] {
            other.send(line)
        }
        #expect(other.send("确认").awaiting == nil)
        #expect(other.store.allRecords().count == 1)
        #expect(other.store.allRecords().first?.phone == nil)
    }
}
