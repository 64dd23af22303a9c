import FrontDeskDialogue
import FrontDeskModel
import Testing

@Suite("Repair flow")
struct RepairFlowTests {
    @Test("happy path: asks unit, description, phone; restates; confirm creates REP with team and due time")
    func happyPath() throws {
        let desk = Desk()
        #expect(desk.engine.greeting(for: desk.state) == "您好，这里是翠湖花园物业客服中心，请问有什么可以帮您？")
        var out = desk.send("我要报修")
        #expect(out.intent == .repair)
        #expect(out.awaiting == .unit)
        out = desk.send("3栋2单元501")
        #expect(out.awaiting == .description)
        out = desk.send("厨房水管漏水")
        #expect(out.awaiting == .phone)
        out = desk.send("13812345678")
        #expect(out.awaiting == .confirm)
        #expect(out.reply.contains("3-2-501") && out.reply.contains("厨房水管漏水") && out.reply.contains("13812345678"))
        #expect(out.record == nil)
        #expect(desk.store.allRecords().isEmpty)
        out = desk.send("确认")
        let reference = try #require(out.record)
        #expect(reference.id == "REP-20261122-0001")
        #expect(reference.type == "repair" && reference.status == "open")
        #expect(out.reply.contains("REP-20261122-0001"))
        #expect(out.reply.contains("水电维修班"))
        #expect(out.reply.contains("2026-11-23 10:00"))
        #expect(out.awaiting == nil)
        let record = try #require(desk.store.record(id: "REP-20261122-0001"))
        #expect(record.unit == "3-2-501" && record.phone == "13812345678" && record.category == "plumbing")
        #expect(record.team == "水电维修班" && record.priority == "high")
        #expect(record.dueAt == "2026-11-23T10:00:00+08:00")
        #expect(record.time == "尽快")
    }

    @Test("all details in one message fill unit, description and phone")
    func allInOneMessage() {
        let desk = Desk()
        let out = desk.send("3栋2单元501厨房漏水，电话13812345678")
        #expect(out.intent == .repair)
        #expect(out.awaiting == .confirm)
        #expect(out.slots["unit"] == .string("3-2-501"))
        #expect(out.slots["phone"] == .string("13812345678"))
        #expect(out.slots["description"] == .string("厨房漏水"))
        #expect(out.slots["category"] == .string("plumbing"))
    }

    @Test("a correction updates the slot and restates; the record has the corrected values")
    func correction() throws {
        let desk = Desk()
        desk.send("3栋2单元501厨房漏水，电话13812345678")
        var out = desk.send("不对，是301室")
        #expect(out.awaiting == .confirm)
        #expect(out.slots["unit"] == .string("3-2-301"))
        #expect(out.slots["description"] == .string("厨房漏水"))
        #expect(out.reply.contains("3-2-301"))
        out = desk.send("电话改成13900001111")
        #expect(out.awaiting == .confirm)
        #expect(out.reply.contains("13900001111"))
        out = desk.send("对")
        let id = try #require(out.record?.id)
        let record = try #require(desk.store.record(id: id))
        #expect(record.unit == "3-2-301" && record.phone == "13900001111")
    }

    @Test("deny without a value asks what to change")
    func denyAsksWhatToChange() {
        let desk = Desk()
        desk.send("3栋2单元501厨房漏水，电话13812345678")
        let out = desk.send("不对")
        #expect(out.awaiting == .confirm)
        #expect(out.reply.contains("修改"))
        #expect(desk.store.allRecords().isEmpty)
    }

    @Test("cancel abandons with no record", arguments: ["算了", "取消", "不用了"])
    func cancel(word: String) {
        let desk = Desk()
        desk.send("3栋2单元501厨房漏水，电话13812345678")
        let out = desk.send(word)
        #expect(out.awaiting == nil)
        #expect(out.reply.contains("取消"))
        #expect(desk.store.allRecords().isEmpty)
    }

    @Test("an unknown unit is explained and asked again; after 3 a human is offered")
    func invalidUnitThenHuman() {
        let desk = Desk()
        desk.send("我要报修")
        var out = desk.send("3-2-999")
        #expect(out.awaiting == .unit)
        #expect(out.reply.contains("未找到该房号"))
        out = desk.send("3-2-998")
        #expect(out.awaiting == .unit)
        out = desk.send("3-2-997")
        #expect(out.intent == .handoff)
        #expect(out.awaiting == .phone)
        #expect(out.reply.contains("回电"))
        out = desk.send("13812345678")
        #expect(out.awaiting == .confirm)
        out = desk.send("好的")
        #expect(out.record?.type == "callback")
    }

    @Test("an invalid phone is explained and asked again")
    func invalidPhone() {
        let desk = Desk()
        desk.send("3栋2单元501厨房漏水")
        let out = desk.send("12345")
        #expect(out.awaiting == .phone)
        #expect(out.reply.contains("号码"))
    }

    @Test("a preferred visit time is taken from the message")
    func preferredTime() throws {
        let desk = Desk()
        desk.send("3栋2单元501卫生间马桶堵了，明天上午来，电话13812345678")
        let out = desk.send("确认")
        let record = try #require(out.record.flatMap { desk.store.record(id: $0.id) })
        #expect(record.time?.hasPrefix("2026-11-23") == true)
    }

    @Test("Traditional Chinese: replies in Traditional")
    func traditional() throws {
        let desk = Desk()
        var out = desk.send("我要報修，3座2單元501室廚房漏水")
        #expect(out.language == .zhHant)
        #expect(out.awaiting == .phone)
        #expect(out.reply.contains("電話"))
        out = desk.send("13812345678")
        #expect(out.awaiting == .confirm)
        #expect(out.language == .zhHant)
        out = desk.send("確認")
        #expect(out.record?.id == "REP-20261122-0001")
        #expect(out.reply.contains("已為您登記報修"))
    }

    @Test("English: replies in English, correction and confirm")
    func english() throws {
        let desk = Desk()
        var out = desk.send("The light in my bathroom is broken, flat 3-2-501")
        #expect(out.intent == .repair)
        #expect(out.language == .en)
        #expect(out.awaiting == .phone)
        out = desk.send("13812345678")
        #expect(out.awaiting == .confirm)
        #expect(out.reply.contains("Please check your repair request"))
        out = desk.send("no, room 301")
        #expect(out.slots["unit"] == .string("3-2-301"))
        out = desk.send("yes")
        #expect(out.record?.type == "repair")
        #expect(out.reply.contains("work order REP-20261122-0001"))
    }

    @Test("a different request mid-flow is handled, then the repair is offered again and resumed")
    func digressionAndResume() throws {
        let desk = Desk()
        desk.send("我要报修")
        desk.send("3-2-501")
        var out = desk.send("厨房水管漏水")
        #expect(out.awaiting == .phone)
        out = desk.send("办公时间是几点")
        #expect(out.intent == .inquiry)
        #expect(out.reply.contains("08:30-17:30"))
        #expect(out.reply.contains("刚才的报修还没有提交，需要继续吗？"))
        #expect(out.awaiting == .confirm)
        out = desk.send("好的")
        #expect(out.intent == .repair)
        #expect(out.awaiting == .phone)
        out = desk.send("13812345678")
        #expect(out.awaiting == .confirm)
        out = desk.send("确认")
        #expect(out.record?.type == "repair")
    }

    @Test("declining the resume offer drops the unfinished repair")
    func resumeDeclined() {
        let desk = Desk()
        desk.send("3栋2单元501厨房漏水")
        desk.send("办公时间是几点")
        let out = desk.send("不用了")
        #expect(out.awaiting == nil)
        #expect(desk.state.flow == nil && desk.state.suspended == nil)
        #expect(desk.store.allRecords().isEmpty)
    }

    @Test("a description that contains a keyword is an answer, not a digression")
    func keywordInSlotAnswer() {
        let desk = Desk()
        desk.send("我要报修")
        desk.send("3-2-501")
        let out = desk.send("厨房漏水")
        #expect(out.intent == .repair)
        #expect(out.awaiting == .phone)
        #expect(desk.state.suspended == nil)
    }
}
