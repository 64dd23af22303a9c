import FrontDeskDialogue
import FrontDeskModel
import Testing

@Suite("Etiquette, inquiries, clarification and handoff")
struct EtiquetteTests {
    @Test("greeting names the office in every script")
    func greeting() {
        let desk = Desk()
        #expect(desk.engine.greeting(for: desk.state) == "您好，这里是翠湖花园物业客服中心，请问有什么可以帮您？")
        var english = desk.engine.startSession(id: "e")
        english.language = .en
        #expect(desk.engine.greeting(for: english).contains("翠湖花园"))
        let out = desk.send("你好")
        #expect(out.intent == .greeting)
        #expect(out.reply.contains("您好"))
    }

    @Test("thanks and goodbye: the goodbye thanks the resident")
    func thanksAndGoodbye() {
        let desk = Desk()
        #expect(desk.send("谢谢").intent == .thanks)
        let bye = desk.send("再见")
        #expect(bye.intent == .goodbye)
        #expect(bye.reply.contains("谢谢") && bye.reply.contains("再见"))
        let english = Desk().send("goodbye")
        #expect(english.reply.contains("Thank you") && english.reply.contains("goodbye"))
    }

    @Test("fallback says it did not quite understand and offers the choices")
    func fallback() {
        let desk = Desk()
        let out = desk.send("随便聊聊天气")
        #expect(out.intent == .fallback)
        for choice in ["报修", "投诉", "缴费查询", "装修申请", "进度查询", "人工服务"] {
            #expect(out.reply.contains(choice))
        }
    }

    @Test(
        "two close intents: the bot asks which one, with choices; the next message picks",
        arguments: [
            ("第一个", "repair"), ("the second one", "decoration_permit"), ("装修申请", "decoration_permit"), ("报修", "repair"),
        ])
    func clarification(answer: String, intent: String) {
        let desk = Desk()
        let out = desk.send("装修 报修")
        #expect(out.intent == .fallback)
        #expect(out.choices == [.repair, .decorationPermit])
        #expect(out.reply.contains("报修") && out.reply.contains("装修申请"))
        let picked = desk.send(answer)
        #expect(picked.intent?.rawValue == intent)
        #expect(picked.awaiting == .unit)
    }

    @Test("inquiry answers from the FAQ with the estate's values; no topic lists what the desk does")
    func inquiry() {
        let desk = Desk()
        let hours = desk.send("你们几点上班？办公时间是什么")
        #expect(hours.intent == .inquiry)
        #expect(hours.reply.contains("08:30-17:30"))
        #expect(hours.reply.contains("翠湖花园"))
        let english = Desk().send("What are your office hours?")
        #expect(english.language == .en)
        #expect(english.reply.contains("08:30-17:30"))
    }

    @Test("a message without a script signal keeps the session's language", arguments: ["5678", "ok", "3-2-501"])
    func languageKept(text: String) {
        let desk = Desk()
        desk.send("I need a repair")
        #expect(desk.send(text).language == .en)
        let chinese = Desk()
        chinese.send("我要报修")
        #expect(chinese.send(text).language == .zhHans)
    }

    @Test("cancel with nothing in progress is answered politely")
    func cancelNothing() {
        let out = Desk().send("算了")
        #expect(out.intent == .cancel)
        #expect(out.awaiting == nil)
    }
}

@Suite("Handoff")
struct HandoffTests {
    @Test("handoff: office hours and phone, phone asked, restated, callback CB record")
    func callback() throws {
        let desk = Desk()
        var out = desk.send("转人工")
        #expect(out.intent == .handoff)
        #expect(out.reply.contains("0571-88886666") && out.reply.contains("08:30-17:30"))
        #expect(out.awaiting == .phone)
        out = desk.send("13812345678")
        #expect(out.awaiting == .confirm)
        #expect(out.reply.contains("13812345678"))
        out = desk.send("确认")
        let reference = try #require(out.record)
        #expect(reference.id == "CB-20261122-0001")
        #expect(reference.type == "callback")
        #expect(desk.store.record(id: reference.id)?.phone == "13812345678")
    }

    @Test("English handoff with the phone in the first message")
    func english() {
        let desk = Desk()
        var out = desk.send("I want to talk to a person, my number is 13812345678")
        #expect(out.language == .en)
        #expect(out.awaiting == .confirm)
        out = desk.send("yes please")
        #expect(out.record?.type == "callback")
        #expect(out.reply.contains("call you back"))
    }
}

@Suite("Digressions in other languages")
struct DigressionLanguageTests {
    @Test("English: an office-hours question during a repair, then resume")
    func english() {
        let desk = Desk()
        desk.send("I need a repair in flat 3-2-501")
        var out = desk.send("What are your office hours?")
        #expect(out.intent == .inquiry)
        #expect(out.reply.contains("has not been submitted yet"))
        out = desk.send("yes")
        #expect(out.intent == .repair)
        #expect(out.awaiting == .description)
    }

    @Test("Traditional: a gas leak during a decoration application, then resume")
    func traditional() {
        let desk = Desk()
        desk.send("我想申請裝修")
        desk.send("3座2單元501室")
        var out = desk.send("有煤氣味，好像洩漏了")
        #expect(out.intent == .emergency)
        #expect(out.language == .zhHant)
        out = desk.send("3座2單元501室")
        #expect(out.record?.type == "emergency")
        #expect(out.reply.contains("裝修申請還沒有提交"))
        out = desk.send("好")
        #expect(out.awaiting == .name)
    }
}

@Suite("Transcript masking")
struct ConversationTests {
    @Test("the office's own numbers are public; residents' numbers are masked in transcripts")
    func publicNumbers() {
        let desk = Desk()
        #expect(desk.engine.publicPhoneNumbers.contains("0571-88886666"))
        #expect(desk.engine.publicPhoneNumbers.contains("0571-88886699"))
    }
}
