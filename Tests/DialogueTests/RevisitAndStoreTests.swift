import Foundation
import FrontDeskDialogue
import FrontDeskModel
import Testing

@Suite("Return visits")
struct RevisitTests {
    /// A repair for 3-2-501 made yesterday and resolved by an operator this morning.
    static func resolvedRepair(_ store: InMemoryRecordStore) throws -> Record {
        let draft = Record(
            type: .repair, createdAt: "2026-11-21T09:00:00+08:00", unit: "3-2-501", name: "张伟", phone: "13812345678",
            category: "plumbing", description: "厨房水管漏水")
        let record = try store.create(draft)
        return try store.update(
            RecordUpdate(
                id: record.id, at: "2026-11-22T08:00:00+08:00", actor: "王师傅", status: "resolved", note: "已更换接头"))
    }

    @Test("after fee verification the resident is thanked and asked; 满意 is stored, then suggestions are asked")
    func satisfiedAfterVerification() throws {
        let desk = Desk()
        let record = try Self.resolvedRepair(desk.store)
        desk.send("查物业费")
        desk.send("3-2-501")
        var out = desk.send("5678")
        #expect(out.reply.contains("250.60"))
        #expect(out.reply.contains("感谢您2026-11-22使用我们的服务"))
        #expect(out.reply.contains("非常满意") && out.reply.contains("非常不满意"))
        out = desk.send("满意")
        #expect(out.reply.contains("建议"))
        #expect(desk.store.record(id: record.id)?.satisfaction == "满意")
        #expect(desk.store.record(id: record.id)?.revisitedAt == "2026-11-22T10:00:00+08:00")
        out = desk.send("师傅很专业，没有其他建议")
        #expect(out.reply.contains("谢谢"))
        #expect(desk.state.revisit == nil)
    }

    @Test(
        "not satisfied: thanks for the feedback, not good enough, will improve",
        arguments: ["不满意", "1", "very dissatisfied"])
    func dissatisfied(answer: String) throws {
        let desk = Desk()
        let record = try Self.resolvedRepair(desk.store)
        desk.send("查物业费")
        desk.send("3-2-501")
        desk.send("5678")
        let out = desk.send(answer)
        let stored = desk.store.record(id: record.id)?.satisfaction
        #expect(stored == "不满意" || stored == "非常不满意")
        #expect(out.reply.contains("感谢您的反馈") || out.reply.contains("Thank you for the feedback"))
        #expect(out.reply.contains("不够好") || out.reply.contains("not good enough"))
        #expect(out.reply.contains("改进") || out.reply.contains("improve"))
    }

    @Test("a phone given in a flow that matches the record identifies the resident")
    func identifiedByPhone() throws {
        let desk = Desk()
        let record = try Self.resolvedRepair(desk.store)
        desk.send("3栋2单元501卫生间灯不亮了，电话13812345678")
        let out = desk.send("确认")
        #expect(out.record?.type == "repair")
        #expect(out.reply.contains("请问您对这次服务满意吗"))
        desk.send("5")
        #expect(desk.store.record(id: record.id)?.satisfaction == "非常满意")
    }

    @Test("no revisit for a stranger's phone, or when resolved more than 3 days ago")
    func notDue() throws {
        let desk = Desk()
        _ = try Self.resolvedRepair(desk.store)
        desk.send("3栋2单元501卫生间灯不亮了，电话13900001111")
        #expect(!desk.send("确认").reply.contains("满意"))
        let later = Desk(store: InMemoryRecordStore(), clock: ManualClock(Fixture.start.addingTimeInterval(4 * 86_400)))
        _ = try Self.resolvedRepair(later.store)
        later.send("查物业费")
        later.send("3-2-501")
        #expect(!later.send("5678").reply.contains("满意吗"))
    }
}

@Suite("Store failures")
struct StoreFailureTests {
    @Test(
        "a failed save shows no record ID, apologizes and gives the office phone",
        arguments: [
            ["3栋2单元501厨房漏水，电话13812345678", "确认"],
            ["投诉3栋2单元501楼上噪音太大，电话13812345678", "确认"],
            ["转人工", "13812345678", "确认"],
        ])
    func failedSave(lines: [String]) {
        let desk = Desk()
        desk.store.failWrites("ENOSPC")
        var out = desk.send(lines[0])
        for line in lines.dropFirst() { out = desk.send(line) }
        #expect(out.record == nil)
        #expect(!out.reply.contains("REP-") && !out.reply.contains("CMP-") && !out.reply.contains("CB-"))
        #expect(out.reply.contains("抱歉"))
        #expect(out.reply.contains("0571-88886666"))
        #expect(desk.store.allRecords().isEmpty)
        desk.store.failWrites(nil)
        out = desk.send("确认")
        #expect(out.record != nil)
    }
}

/// A return visit's writes are never dropped: each failed one gets its own polite line (with the office phone) and
/// is counted in the session (`storeFailures`), as a failed audit write is counted against a verification.
@Suite("Return-visit store failures")
struct RevisitStoreFailureTests {
    /// A desk that has verified 3-2-501 and been asked about its resolved repair.
    static func askedDesk() throws -> (Desk, Record) {
        let desk = Desk()
        let record = try RevisitTests.resolvedRepair(desk.store)
        desk.send("查物业费")
        desk.send("3-2-501")
        #expect(desk.send("5678").reply.contains("请问您对这次服务满意吗"))
        return (desk, record)
    }

    @Test("the rating is stored but reopening the order fails: said so, not 'reopened'")
    func reopenFails() throws {
        let (desk, record) = try Self.askedDesk()
        desk.store.failWrites("EIO", after: 1)
        let out = desk.send("不满意，修完第二天又漏了")
        #expect(out.reply.contains("未能重新打开工单\(record.id)"), "\(out.reply)")
        #expect(out.reply.contains("0571-88886666"))
        #expect(desk.store.record(id: record.id)?.status == "resolved")
        #expect(desk.store.record(id: record.id)?.satisfaction == "不满意")
        #expect(out.record?.id == record.id)
        #expect(desk.state.storeFailures == 1)
        #expect(desk.state.revisit == nil)
    }

    @Test("the rating is stored but its reason is not: said so, not 'recorded'")
    func reasonFails() throws {
        let (desk, record) = try Self.askedDesk()
        desk.store.failWrites("EIO", after: 1)
        let out = desk.send("不满意。修是修好了，但是拖了一个礼拜才来")
        #expect(out.reply.contains("未能记下您说的情况"), "\(out.reply)")
        #expect(out.reply.contains("0571-88886666"))
        #expect(desk.store.record(id: record.id)?.satisfaction == "不满意")
        #expect(desk.store.record(id: record.id)?.history.contains { $0.note.contains("拖了") } == false)
        #expect(desk.state.storeFailures == 1)
    }

    @Test("a suggestion that cannot be stored is not thanked for as noted")
    func suggestionFails() throws {
        let (desk, record) = try Self.askedDesk()
        #expect(desk.send("满意").reply.contains("建议"))
        desk.store.failWrites("EIO")
        let out = desk.send("师傅很专业，态度也很好")
        #expect(out.reply.contains("未能记下您说的情况"), "\(out.reply)")
        #expect(!out.reply.contains("谢谢您的宝贵意见"))
        #expect(desk.store.record(id: record.id)?.history.contains { $0.note.contains("态度") } == false)
        #expect(desk.state.storeFailures == 1)
        #expect(desk.state.revisit == nil)
    }

    @Test("the rating itself fails: the rating line, counted")
    func ratingFails() throws {
        let (desk, record) = try Self.askedDesk()
        desk.store.failWrites("EIO")
        let out = desk.send("满意")
        #expect(out.reply.contains("未能记录您的评价"), "\(out.reply)")
        #expect(desk.store.record(id: record.id)?.satisfaction == nil)
        #expect(desk.state.storeFailures == 1)
    }
}
