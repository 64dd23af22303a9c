import FrontDeskModel
import Testing

/// SPEC 3: an uncertain hazard gets the safety advice and one yes/no safety question before any record.
@Suite("Uncertain hazards")
struct UncertainHazardTests {
    @Test(
        "a hedged smell or an alarm with nothing seen asks one safety question, in the resident's script, and records nothing",
        arguments: [
            ("好像闻到一点点煤气味", "是否有烟雾、明火或燃气味？"),
            ("there's a faint burning smell", "smoke, an open flame or a smell of gas?"),
            ("the smoke alarm is going off but I can't see any smoke", "smoke, an open flame or a smell of gas?"),
            ("好似聞到少少煤氣味，唔知係咪", "是否有煙霧、明火或燃氣味？"),
        ])
    func asksOnce(_ text: String, _ question: String) {
        let desk = Desk()
        let out = desk.send(text)
        #expect(out.intent == .emergency)
        #expect(out.awaiting == .confirm)
        #expect(out.reply.contains(question))
        #expect(out.reply.contains("119") || out.reply.contains("96777"))
        #expect(out.record == nil)
        #expect(desk.store.allRecords().isEmpty)
    }

    @Test(
        "a clear sign is never uncertain, hedge or not: the location is asked at once",
        arguments: ["好像有浓烟从楼道冒出来", "厨房好像有嘶嘶声，还有煤气味", "I think there are flames in the corridor", "家里煤气泄漏了，好大的味道"])
    func clearSign(_ text: String) {
        let desk = Desk()
        let out = desk.send(text)
        #expect(out.intent == .emergency)
        #expect(out.awaiting == .unit)
        #expect(!out.reply.contains("是否有烟雾、明火或燃气味"))
        #expect(!out.reply.contains("smell of gas?"))
    }

    @Test("yes makes it an emergency: the location, then the urgent record")
    func yes() throws {
        let desk = Desk()
        _ = desk.send("好像闻到一点点煤气味")
        var out = desk.send("有")
        #expect(out.awaiting == .unit)
        #expect(desk.store.allRecords().isEmpty)
        out = desk.send("3栋2单元501")
        let reference = try #require(out.record)
        #expect(reference.id.hasPrefix("EMG-"))
        let record = try #require(desk.store.record(id: reference.id))
        #expect(record.priority == "urgent" && record.category == "gas" && record.unit == "3-2-501")
    }

    @Test("yes with the flat already given records at once")
    func yesWithFlat() {
        let desk = Desk()
        let first = desk.send("3栋2单元501好像有点烧焦的味道")
        #expect(first.awaiting == .confirm)
        #expect(first.record == nil)
        let out = desk.send("是的")
        #expect(out.record?.type == "emergency")
        #expect(desk.records(.emergency).first?.unit == "3-2-501")
    }

    @Test("no: what to do and a repair offered, never an urgent record; yes to the offer files a repair")
    func no() throws {
        let desk = Desk()
        _ = desk.send("there's a faint burning smell")
        var out = desk.send("no")
        #expect(out.awaiting == .confirm)
        #expect(out.reply.contains("ventilate") && out.reply.contains("repair"))
        #expect(out.record == nil)
        out = desk.send("yes please")
        #expect(out.intent == .repair)
        #expect(out.awaiting == .unit)
        #expect(desk.records(.emergency).isEmpty)
    }

    @Test("no to the alarm: check the alarm; declining the repair ends with the emergency line")
    func alarmDeclined() {
        let desk = Desk()
        _ = desk.send("the smoke alarm is going off but I can't see any smoke")
        var out = desk.send("no, nothing like that")
        #expect(out.reply.contains("battery"))
        out = desk.send("no thanks")
        #expect(out.record == nil)
        #expect(out.awaiting == nil)
        #expect(out.reply.contains("0571-88886699"))
        #expect(desk.store.allRecords().isEmpty)
    }

    @Test("an answer that is neither asks the question again and records nothing")
    func unclear() {
        let desk = Desk()
        _ = desk.send("隐约闻到一股煤气味")
        let out = desk.send("我也说不上来")
        #expect(out.awaiting == .confirm)
        #expect(out.reply.contains("是否有烟雾、明火或燃气味"))
        #expect(desk.store.allRecords().isEmpty)
    }
}
