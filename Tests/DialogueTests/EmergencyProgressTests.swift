import Foundation
import FrontDeskModel
import Testing

@Suite("Emergency flow")
struct EmergencyFlowTests {
    @Test("gas: advice and numbers come before the unit question; an urgent EMG record once the unit is known")
    func gas() throws {
        let desk = Desk()
        var out = desk.send("家里煤气泄漏了，好大的味道")
        #expect(out.intent == .emergency)
        #expect(out.awaiting == .unit)
        let advice = try #require(out.reply.range(of: "不要点火"))
        let question = try #require(out.reply.range(of: "具体位置"))
        #expect(advice.lowerBound < question.lowerBound)
        #expect(out.reply.contains("96777") && out.reply.contains("119") && out.reply.contains("0571-88886699"))
        #expect(out.reply.contains("打开门窗") && out.reply.contains("不要开关任何电器"))
        #expect(desk.store.allRecords().isEmpty)
        out = desk.send("3栋2单元501")
        let reference = try #require(out.record)
        #expect(reference.id.hasPrefix("EMG-20261122-"))
        #expect(out.reply.contains("3-2-501") && out.reply.contains("燃气泄漏"))
        let record = try #require(desk.store.record(id: reference.id))
        #expect(record.priority == "urgent" && record.category == "gas" && record.unit == "3-2-501")
    }

    @Test("with the unit in the first message the record is made at once, no confirmation step")
    func immediate() {
        let desk = Desk()
        var out = desk.send("3栋2单元501着火了！")
        #expect(out.intent == .emergency)
        #expect(out.record?.type == "emergency")
        #expect(out.reply.contains("119"))
        // Issue 11: a contact phone is asked after the record (optional): no confirmation step.
        #expect(out.awaiting == .phone)
        let id = out.record?.id ?? ""
        out = desk.send("13812345678")
        #expect(out.record?.id == id)
        #expect(desk.store.record(id: id)?.phone == "13812345678")
        #expect(out.awaiting == nil)
    }

    @Test("the contact phone after an emergency is optional: skipping it leaves the record as made")
    func contactSkipped() {
        let desk = Desk()
        var out = desk.send("3栋2单元501着火了！")
        let id = out.record?.id ?? ""
        out = desk.send("不用了")
        #expect(out.intent == .emergency)
        #expect(out.awaiting == nil)
        #expect(desk.store.record(id: id)?.phone == nil)
        #expect(desk.store.allRecords().count == 1)
    }

    @Test("Traditional: lift entrapment advice")
    func liftTraditional() {
        let desk = Desk()
        let out = desk.send("電梯裡有人被困住了")
        #expect(out.language == .zhHant)
        #expect(out.intent == .emergency)
        #expect(out.reply.contains("保持冷靜"))
        #expect(out.reply.contains("不要扒門"))
    }

    @Test("English: flooding advice, then a public location is accepted")
    func englishFlood() {
        let desk = Desk()
        var out = desk.send("Water is flooding the flat, a pipe burst!")
        #expect(out.language == .en)
        #expect(out.intent == .emergency)
        #expect(out.reply.contains("main water valve"))
        out = desk.send("Building 3 Unit 2 Room 501")
        #expect(out.record?.type == "emergency")
    }

    @Test("a store failure during an emergency still gives the emergency numbers and no ID")
    func storeFailure() {
        let desk = Desk()
        desk.store.failWrites("EIO")
        let out = desk.send("3栋2单元501煤气泄漏")
        #expect(out.record == nil)
        #expect(!out.reply.contains("EMG-"))
        #expect(out.reply.contains("0571-88886699"))
    }
}

@Suite("Progress query")
struct ProgressQueryTests {
    /// A repair created in one session, returned with its ID.
    static func repair(_ store: InMemoryRecordStore, _ clock: ManualClock) -> String {
        let desk = Desk(store: store, clock: clock, session: "maker")
        desk.send("3栋2单元501厨房漏水，电话13812345678")
        return desk.send("确认").record?.id ?? ""
    }

    @Test("by record ID: status and next step, no personal details; verification then shows them")
    func byID() throws {
        let store = InMemoryRecordStore()
        let clock = ManualClock(Fixture.start)
        let id = Self.repair(store, clock)
        let desk = Desk(store: store, clock: clock, session: "other")
        var out = desk.send("查询进度 \(id)")
        #expect(out.intent == .progressQuery)
        #expect(out.record?.id == id)
        #expect(out.reply.contains("已受理"))
        #expect(!out.reply.contains("13812345678") && !out.reply.contains("厨房漏水"))
        #expect(out.awaiting == .confirm)
        out = desk.send("是")
        #expect(out.awaiting == .unit)
        out = desk.send("3-2-501")
        #expect(out.awaiting == .verify)
        out = desk.send("5678")
        #expect(out.reply.contains("13812345678") && out.reply.contains("厨房漏水"))
    }

    @Test("asked for the ID when none is given; an unknown ID is explained")
    func askForID() {
        let desk = Desk()
        var out = desk.send("我想查一下报修进度")
        #expect(out.intent == .progressQuery)
        #expect(out.awaiting == .recordID)
        out = desk.send("REP-20261122-0099")
        #expect(out.awaiting == .recordID)
        #expect(out.reply.contains("没有查到"))
        #expect(out.language == .zhHans)
    }

    @Test("a verified session sees its unit's latest records")
    func myRecords() {
        let store = InMemoryRecordStore()
        let clock = ManualClock(Fixture.start)
        let id = Self.repair(store, clock)
        let desk = Desk(store: store, clock: clock, session: "owner")
        desk.send("查物业费")
        desk.send("3-2-501")
        desk.send("5678")
        let out = desk.send("我的报修进度怎么样了")
        #expect(out.intent == .progressQuery)
        #expect(out.reply.contains(id))
    }

    @Test("English status query")
    func english() {
        let store = InMemoryRecordStore()
        let clock = ManualClock(Fixture.start)
        let id = Self.repair(store, clock)
        let desk = Desk(store: store, clock: clock, session: "en")
        let out = desk.send("What is the status of \(id)?")
        #expect(out.language == .en)
        #expect(out.reply.contains("received"))
    }
}
