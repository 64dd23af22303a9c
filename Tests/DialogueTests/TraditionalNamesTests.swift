import FrontDeskModel
import Testing

/// Names written in Simplified in intents/ (teams, departments) reach a Traditional reply in Traditional.
@Suite("Traditional replies name teams in Traditional")
struct TraditionalNamesTests {
    @Test("a Traditional repair is routed to 水電維修班, not 水电维修班")
    func teamName() throws {
        let desk = Desk()
        var out = desk.send("我家廚房水龍頭漏水，3座2單元501室，電話13812345678")
        #expect(out.awaiting == .confirm)
        out = desk.send("對")
        #expect(out.record?.type == "repair")
        #expect(out.reply.contains("水電維修班"))
        #expect(!out.reply.contains("水电维修班"))
        let id = try #require(out.record?.id)
        #expect(desk.store.record(id: id)?.team == "水电维修班")  // the record keeps the office's own name
    }
}
