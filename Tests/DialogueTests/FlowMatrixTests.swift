import FrontDeskDialogue
import FrontDeskModel
import Testing

/// The behaviours every flow shares, flow by flow and language by language.
@Suite("Every flow")
struct FlowMatrixTests {
    @Test(
        "cancel mid-flow abandons it with no record",
        arguments: [
            ["我要报修", "3-2-501", "算了"],
            ["我要投诉", "取消"],
            ["查物业费", "3-2-501", "不用了"],
            ["我要装修", "3-2-501", "张伟", "算了"],
            ["查询进度", "取消"],
            ["转人工", "算了"],
            ["我要報修", "3座2單元501室", "取消"],
            ["I need a repair", "cancel"],
            ["I want to apply for a renovation permit", "3-2-501", "never mind"],
        ])
    func cancel(lines: [String]) {
        let desk = Desk()
        var out = desk.send(lines[0])
        for line in lines.dropFirst() { out = desk.send(line) }
        #expect(out.intent == .cancel)
        #expect(out.awaiting == nil)
        #expect(desk.state.flow == nil)
        #expect(desk.store.allRecords().isEmpty)
    }

    @Test(
        "three invalid answers to one slot offer a human",
        arguments: [
            ["转人工", "12", "34", "56"],
            ["我要装修", "3-2-501", "张伟", "厨房翻新", "好家装饰", "2026-01-01", "2026-02-01", "2026-03-01"],
            ["I want to apply for a renovation permit", "3-2-999", "3-2-998", "3-2-997"],
        ])
    func humanAfterThreeFailures(lines: [String]) {
        let desk = Desk()
        var out = desk.send(lines[0])
        for line in lines.dropFirst() { out = desk.send(line) }
        #expect(out.intent == .handoff)
        #expect(out.awaiting == .phone || out.awaiting == .confirm)
    }

    /// Issue 11: an unknown record ID is named back each time and never leads to a callback record.
    @Test("unknown record IDs are named back; a progress query never makes a record")
    func unknownIDs() {
        let desk = Desk()
        desk.send("查询进度")
        for id in ["REP-20261122-0098", "REP-20261122-0097", "REP-20261122-0096"] {
            let out = desk.send(id)
            #expect(out.intent == .progressQuery)
            #expect(out.reply.contains(id))
            #expect(out.awaiting == .recordID)
        }
        #expect(desk.store.allRecords().isEmpty)
    }

    @Test("an unparseable unit is explained without saying whether a unit exists")
    func unitFormat() {
        let desk = Desk()
        desk.send("查物业费")
        let out = desk.send("我家")
        #expect(out.awaiting == .unit)
        #expect(out.reply.contains("3-2-501"))
    }

    @Test(
        "everything in one message",
        arguments: [
            ("我要申请装修，3栋2单元501，业主张伟", "scope"),
            ("转人工，电话13812345678", "confirm"),
            ("3-2-501的物业费，尾号5678", nil),
            ("麻烦查一下REP-20261122-0001的进度", "record_id"),
        ] as [(String, String?)])
    func oneMessage(text: String, awaiting: String?) {
        let desk = Desk()
        let out = desk.send(text)
        #expect(out.awaiting?.rawValue == awaiting, "\(out.reply)")
    }

    @Test("handoff: correction and cancel at the confirmation")
    func handoffCorrection() throws {
        let desk = Desk()
        desk.send("转人工，电话13812345678")
        var out = desk.send("不对，电话是13900001111")
        #expect(out.slots["phone"] == .string("13900001111"))
        out = desk.send("确认")
        let record = try #require(out.record.flatMap { desk.store.record(id: $0.id) })
        #expect(record.phone == "13900001111")
    }

    @Test("slots and awaiting use only SPEC 2.1 names")
    func names() {
        let allowed: Set<String> = [
            "unit", "phone", "description", "time", "name", "scope", "contractor", "start_date", "duration_days",
            "workers", "verify", "record_id", "confirm",
        ]
        let reported: Set<String> = allowed.union(["category", "record_id"])
        let desk = Desk()
        let lines = [
            "我要装修", "3-2-501", "张伟", "厨房翻新", "好家装饰", "2026-12-01", "30", "5", "确认", "查物业费", "3-2-501",
            "5678", "3栋2单元501厨房漏水，电话13812345678", "确认",
        ]
        for line in lines {
            let out = desk.send(line)
            if let awaiting = out.awaiting { #expect(allowed.contains(awaiting.rawValue)) }
            for key in out.slots.keys { #expect(reported.contains(key), "slot \(key)") }
            #expect(out.slots["verify"] == nil)
        }
    }
}

@Suite("Small talk inside a flow")
struct SmallTalkInFlowTests {
    @Test("a greeting or thanks while a slot is asked is not counted as a wrong answer")
    func notCounted() {
        let desk = Desk()
        desk.send("我要报修")
        for (text, intent) in [("你好", "greeting"), ("谢谢", "thanks"), ("您好", "greeting")] {
            let out = desk.send(text)
            #expect(out.intent?.rawValue == intent)  // the turn is small talk; the flow waits on
            #expect(out.awaiting == .unit)
        }
        #expect(desk.state.flow?.failures[.unit] == nil)
    }
}
