import FrontDeskDialogue
import FrontDeskModel
import Testing

@Suite("Decoration permit flow")
struct DecorationFlowTests {
    /// Fills every slot one answer at a time and returns the restatement turn.
    static func fillAll(_ desk: Desk) -> TurnOutput {
        desk.send("我要办理装修申请")
        desk.send("3栋2单元501")
        desk.send("张伟")
        desk.send("厨房和卫生间翻新，更换地板")
        desk.send("杭州好家装饰工程有限公司")
        desk.send("2026-12-01")
        desk.send("30")
        return desk.send("5")
    }

    @Test("happy path: DEC pending review with documents, deposit and working hours")
    func happyPath() throws {
        let desk = Desk()
        var out = desk.send("我要办理装修申请")
        #expect(out.intent == .decorationPermit)
        #expect(out.awaiting == .unit)
        let awaited = ["name", "scope", "contractor", "start_date", "duration_days", "workers", "confirm"]
        let answers = ["3栋2单元501", "张伟", "厨房和卫生间翻新，更换地板", "杭州好家装饰工程有限公司", "2026-12-01", "30", "5"]
        for (answer, next) in zip(answers, awaited) {
            out = desk.send(answer)
            #expect(out.awaiting?.rawValue == next, "after \(answer)")
        }
        #expect(out.reply.contains("2026-12-01") && out.reply.contains("30天") && out.reply.contains("5人"))
        out = desk.send("确认")
        let reference = try #require(out.record)
        #expect(reference.id == "DEC-20261122-0001")
        #expect(reference.status == "pending_review")
        #expect(out.reply.contains("3000.00"))
        #expect(out.reply.contains("08:00-12:00"))
        #expect(out.reply.contains("施工图纸"))
        let record = try #require(desk.store.record(id: reference.id))
        #expect(record.startDate == "2026-12-01" && record.durationDays == 30 && record.workers == 5)
        #expect(record.name == "张伟" && record.contractor == "杭州好家装饰工程有限公司")
        #expect(out.slots["duration_days"] == .number(30))
    }

    /// The documents of an estate file that names none come from the content (the phrase
    /// `decoration.documents`), in the reply's script, as they did from the Swift list before.
    @Test(arguments: [
        ("我要办理装修申请", "办理时请携带：装修申请表、施工图纸、施工单位资质证书复印件、施工人员身份证复印件、业主身份证明、装修押金。"),
        ("我要辦理裝修申請", "辦理時請攜帶：裝修申請表、施工圖紙、施工單位資質證書復印件、施工人員身份證復印件、業主身份證明、裝修押金。"),
    ])
    func documentsOfTheUsualListInEachScript(opening: String, documents: String) throws {
        let desk = Desk()
        desk.send(opening)
        for answer in ["3栋2单元501", "张伟", "厨房和卫生间翻新，更换地板", "杭州好家装饰工程有限公司", "2026-12-01", "30", "5"] {
            desk.send(answer)
        }
        let out = desk.send(opening.contains("辦") ? "確認" : "确认")
        #expect(out.record != nil)
        #expect(out.reply.contains(documents), "\(out.reply)")
    }

    @Test(
        "structural or load-bearing works are refused politely with the reason, and no record",
        arguments: ["我要装修，想拆承重墙", "装修申请：打通剪力墙", "I want to remove a load-bearing wall in my flat"])
    func structuralRefused(text: String) {
        let desk = Desk()
        let out = desk.send(text)
        #expect(out.intent == .decorationPermit)
        // No flow stays open, but other works are invited ("如需申请其他装修项目，请直接告诉我").
        #expect(out.awaiting == .scope)
        #expect(desk.state.flow == nil)
        #expect(out.reply.contains("0571-88886666"))
        #expect(out.reply.contains("承重墙") || out.reply.contains("Load-bearing"))
        #expect(desk.store.allRecords().isEmpty)
    }

    @Test("structural scope given as a slot answer is refused too")
    func structuralScope() {
        let desk = Desk()
        desk.send("我要装修")
        desk.send("3-2-501")
        desk.send("张伟")
        let out = desk.send("拆掉客厅的承重墙")
        #expect(out.awaiting == .scope)
        #expect(out.reply.contains("主体结构"))
        #expect(desk.state.flow == nil)
        // The flat and the name wait for works that can be permitted.
        let revised = desk.send("那就不拆了，只铺地板")
        #expect(revised.awaiting == .contractor)
        #expect(desk.state.flow?.slots[.unit] == "3-2-501")
    }

    @Test("Traditional: structural refusal in Traditional script")
    func structuralTraditional() {
        let desk = Desk()
        let out = desk.send("我想裝修，要拆承重牆")
        #expect(out.language == .zhHant)
        #expect(out.reply.contains("主體結構"))
        #expect(desk.store.allRecords().isEmpty)
    }

    @Test("a past start date, too many days and too many workers are explained and asked again")
    func invalidAnswers() {
        let desk = Desk()
        desk.send("我要装修")
        desk.send("3-2-501")
        desk.send("张伟")
        desk.send("厨房翻新")
        desk.send("好家装饰")
        var out = desk.send("2026-11-01")
        #expect(out.awaiting == .startDate)
        #expect(out.reply.contains("已经过去"))
        out = desk.send("12月1日")
        #expect(out.awaiting == .durationDays)
        #expect(out.slots["start_date"] == .string("2026-12-01"))
        out = desk.send("200")
        #expect(out.awaiting == .durationDays)
        #expect(out.reply.contains("90"))
        out = desk.send("30天")
        #expect(out.awaiting == .workers)
        out = desk.send("50")
        #expect(out.awaiting == .workers)
        #expect(out.reply.contains("10"))
        out = desk.send("4个工人")
        #expect(out.awaiting == .confirm)
    }

    @Test("corrections at the confirmation: workers and start date")
    func correction() throws {
        let desk = Desk()
        #expect(Self.fillAll(desk).awaiting == .confirm)
        var out = desk.send("施工人数改成4个人")
        #expect(out.slots["workers"] == .number(4))
        out = desk.send("开工日期改成2026-12-05")
        #expect(out.slots["start_date"] == .string("2026-12-05"))
        out = desk.send("确认")
        let record = try #require(out.record.flatMap { desk.store.record(id: $0.id) })
        #expect(record.workers == 4 && record.startDate == "2026-12-05")
    }

    @Test("cancel at the confirmation leaves no record")
    func cancel() {
        let desk = Desk()
        _ = Self.fillAll(desk)
        let out = desk.send("取消")
        #expect(out.awaiting == nil)
        #expect(desk.store.allRecords().isEmpty)
    }

    @Test("English application")
    func english() throws {
        let desk = Desk()
        var out = desk.send("I would like to apply for a renovation permit")
        #expect(out.language == .en)
        #expect(out.awaiting == .unit)
        for answer in [
            "3-2-501", "Zhang Wei", "new kitchen and bathroom tiles", "Good Home Decoration Ltd", "2026-12-01", "30",
            "5",
        ] {
            out = desk.send(answer)
        }
        #expect(out.awaiting == .confirm)
        #expect(out.reply.contains("Please check your renovation permit application"))
        out = desk.send("yes")
        #expect(out.record?.type == "decoration_permit")
        #expect(out.reply.contains("pending review"))
        #expect(out.reply.contains("3000.00 yuan"))
    }

    @Test("a fee question mid-application is answered, then the application resumes at the pending slot")
    func digression() {
        let desk = Desk()
        desk.send("我要装修")
        desk.send("3-2-501")
        var out = desk.send("物业客服中心电话是多少")
        #expect(out.intent == .inquiry)
        #expect(out.reply.contains("装修申请还没有提交"))
        out = desk.send("继续")
        #expect(out.intent == .decorationPermit)
        #expect(out.awaiting == .name)
    }
}
