import FrontDeskModel
import Testing

/// A restatement repeats the resident's words; it must still never contain a forbidden word,
/// while the record keeps exactly what the resident said.
@Suite("Restating the resident's words politely")
struct PoliteEchoTests {
    @Test("门锁不行了 is restated as 门锁有问题了; the record keeps the resident's words")
    func chineseDescription() throws {
        let desk = Desk()
        var out = desk.send("3栋2单元501 门锁不行了，电话13812345678")
        #expect(out.awaiting == .confirm)
        #expect(out.reply.contains("门锁有问题了"))
        out = desk.send("确认")
        let id = try #require(out.record?.id)
        #expect(desk.store.record(id: id)?.description?.contains("门锁不行了") == true)
    }

    @Test("'no hot water, I can't shower' is restated without forbidden words")
    func englishDescription() {
        let desk = Desk()
        let out = desk.send("Building 3 Unit 2 Room 501, no hot water and I can't shower, phone 13812345678")
        #expect(out.intent == .repair)
        #expect(out.awaiting == .confirm)
        #expect(out.reply.lowercased().contains("without hot water"))
        #expect(out.reply.lowercased().contains("unable to shower"))
    }
}
