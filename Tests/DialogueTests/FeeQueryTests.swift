import FrontDeskModel
import Testing

@Suite("Fee query and verification")
struct FeeQueryTests {
    @Test("verified: bills by period and item, paid/unpaid, arrears, how to pay; one audit event first")
    func success() {
        let desk = Desk()
        var out = desk.send("查一下物业费")
        #expect(out.intent == .feeQuery)
        #expect(out.awaiting == .unit)
        #expect(!showsAmount(out.reply))
        out = desk.send("3栋2单元501")
        #expect(out.awaiting == .verify)
        #expect(!showsAmount(out.reply))
        out = desk.send("5678")
        #expect(out.awaiting == nil)
        #expect(out.reply.contains("2026-10 物业费 250.60元（未缴）"))
        #expect(out.reply.contains("2026-10 水费 50.34元（已缴）"))
        #expect(out.reply.contains("欠费合计250.60元"))
        #expect(out.reply.contains("缴费方式"))
        let disclosures = desk.store.auditEvents(since: "2026-01-01").filter { $0.kind == "fee_disclosure" }
        #expect(disclosures.count == 1)
        #expect(disclosures.first?.unit == "3-2-501" && disclosures.first?.session == "s-1")
        out = desk.send("再查一下费用")
        #expect(out.reply.contains("250.60"))
        #expect(desk.store.auditEvents(since: "2026-01-01").filter { $0.kind == "fee_disclosure" }.count == 2)
    }

    @Test("unit and tail in one message")
    func oneMessage() {
        let desk = Desk()
        let out = desk.send("查询3-2-501的物业费，手机尾号5678")
        #expect(out.reply.contains("250.60"))
    }

    @Test("failures read the same for an unknown unit, a wrong tail and a locked unit; no amounts")
    func identicalFailures() {
        let store = InMemoryRecordStore()
        let clock = ManualClock(Fixture.start)
        func failure(_ unit: String, _ tail: String, session: String) -> String {
            let desk = Desk(store: store, clock: clock, session: session)
            desk.send("查物业费")
            desk.send(unit)
            let out = desk.send(tail)
            // The tail is asked again (the flat may be corrected too): the same question whatever was wrong.
            #expect(out.awaiting == .verify)
            #expect(!showsAmount(out.reply))
            return out.reply
        }
        let unknownUnit = failure("3-2-999", "5678", session: "a")
        let wrongTail = failure("3-2-501", "0000", session: "b")
        for i in 0..<5 { _ = failure("12-1-1802", "0000", session: "lock-\(i)") }
        let locked = failure("12-1-1802", "0836", session: "c")
        #expect(unknownUnit == wrongTail)
        #expect(wrongTail == locked)
        #expect(!unknownUnit.contains("3-2-999"))
    }

    @Test("3 failures in a session end fee queries in that session, politely, with the office phone")
    func sessionLockout() {
        let desk = Desk()
        desk.send("查物业费")
        for _ in 0..<2 {
            desk.send("3-2-501")
            desk.send("0000")
        }
        desk.send("3-2-501")
        var out = desk.send("1111")
        #expect(out.awaiting == nil)
        #expect(out.reply.contains("0571-88886666"))
        out = desk.send("查物业费")
        #expect(out.reply.contains("0571-88886666"))
        #expect(out.awaiting == nil)
        out = desk.send("3-2-501")
        out = desk.send("5678")
        for reply in desk.replies { #expect(!showsAmount(reply), "\(reply)") }
    }

    @Test("5 failures for a unit within 24 hours lock it across sessions and raise a lockout alert")
    func unitLockout() {
        let store = InMemoryRecordStore()
        let clock = ManualClock(Fixture.start)
        for i in 0..<5 {
            let desk = Desk(store: store, clock: clock, session: "try-\(i)")
            desk.send("查物业费")
            desk.send("3-2-501")
            desk.send("9999")
        }
        let lockouts = store.auditEvents(since: "2026-01-01").filter { $0.kind == "lockout" }
        #expect(lockouts.count == 1)
        #expect(lockouts.first?.unit == "3-2-501")
        let desk = Desk(store: store, clock: clock, session: "owner")
        desk.send("查物业费")
        desk.send("3-2-501")
        let out = desk.send("5678")
        #expect(!showsAmount(out.reply))
        #expect(out.reply.contains("核对未通过"))
        clock.advance(by: 25 * 3600)
        let later = Desk(store: store, clock: clock, session: "next-day")
        later.send("查物业费")
        later.send("3-2-501")
        #expect(later.send("5678").reply.contains("250.60"))
    }

    @Test("verification lapses after 5 idle minutes")
    func expiry() {
        let desk = Desk()
        desk.send("查物业费")
        desk.send("3-2-501")
        #expect(desk.send("5678").reply.contains("250.60"))
        desk.clock.advance(by: 4 * 60)
        #expect(desk.send("再查一次物业费").reply.contains("250.60"))
        desk.clock.advance(by: 5 * 60 + 1)
        let out = desk.send("再查一次物业费")
        #expect(!showsAmount(out.reply))
        // The flat is remembered; only the phone tail is checked again before any amount.
        #expect(out.awaiting == .verify)
        #expect(desk.send("5678").reply.contains("250.60"))
    }

    @Test("if the disclosure cannot be audited, nothing is shown")
    func auditFailure() {
        let desk = Desk()
        desk.send("查物业费")
        desk.send("3-2-501")
        desk.store.failWrites("ENOSPC")
        let out = desk.send("5678")
        #expect(!showsAmount(out.reply))
        #expect(out.reply.contains("抱歉"))
    }

    @Test("English and Traditional fee queries")
    func languages() {
        let english = Desk()
        english.send("How much is my property fee?")
        english.send("3-2-501")
        let en = english.send("5678")
        #expect(en.language == .en)
        #expect(en.reply.contains("2026-10 property management fee 250.60 yuan (unpaid)"))
        let hant = Desk()
        hant.send("我想查詢管理費")
        hant.send("3座2單元501室")
        let zh = hant.send("5678")
        #expect(zh.language == .zhHant)
        #expect(zh.reply.contains("250.60元（未繳）"))
    }

    @Test("digression: a repair in the middle of a fee query, then back")
    func digression() {
        let desk = Desk()
        desk.send("查物业费")
        var out = desk.send("家里灯坏了要报修")
        #expect(out.intent == .repair)
        out = desk.send("算了")
        #expect(out.reply.contains("缴费查询"))
        #expect(out.awaiting == .confirm)
        out = desk.send("好")
        #expect(out.intent == .feeQuery)
        #expect(out.awaiting == .unit)
    }
}
