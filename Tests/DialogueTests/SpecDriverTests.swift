import FrontDeskModel
import Testing

/// A driver that knows only SPEC 2.1: it reads `awaiting` and answers the slot asked from a table,
/// never looking at the reply text. Every flow must complete from one opening message.
@Suite("SPEC 2.1 driver")
struct SpecDriverTests {
    static let answers: [String: String] = [
        "unit": "3-2-501", "phone": "13812345678", "description": "厨房水管漏水", "time": "明天上午", "name": "张伟",
        "scope": "厨房卫生间翻新", "contractor": "好家装饰公司", "start_date": "2026-12-01", "duration_days": "30",
        "workers": "5", "verify": "5678", "confirm": "确认",
    ]
    static let englishAnswers: [String: String] = [
        "unit": "3-2-501", "phone": "13812345678", "description": "the kitchen tap is leaking", "name": "Zhang Wei",
        "scope": "new kitchen tiles", "contractor": "Good Home Ltd", "start_date": "2026-12-01", "duration_days": "30",
        "workers": "5", "verify": "5678", "confirm": "yes",
    ]
    static let allowedAwaiting: Set<String> = [
        "unit", "phone", "description", "time", "name", "scope", "contractor", "start_date", "duration_days", "workers",
        "verify", "record_id", "confirm",
    ]

    /// Runs one dialogue; returns the last output (after a record or a disclosure, or when stuck).
    static func drive(_ opening: String, _ table: [String: String], desk: Desk = Desk()) -> (TurnOutput, Int) {
        var out = desk.send(opening)
        var turns = 1
        while out.record == nil, let awaiting = out.awaiting, turns < 15 {
            #expect(allowedAwaiting.contains(awaiting.rawValue), "awaiting \(awaiting)")
            guard let answer = table[awaiting.rawValue] else { break }
            out = desk.send(answer)
            turns += 1
        }
        return (out, turns)
    }

    @Test(
        "creates the record",
        arguments: [
            ("我要报修", "repair"), ("我要投诉", "complaint"), ("我要办理装修申请", "decoration_permit"), ("转人工", "callback"),
            ("3栋2单元501卫生间灯不亮了", "repair"), ("小区门口的保安态度很差", "complaint"), ("我要办装修，下周一开工", "decoration_permit"),
        ])
    func chinese(opening: String, type: String) {
        let (out, turns) = Self.drive(opening, Self.answers)
        #expect(out.record?.type == type, "stopped after \(turns) turns: \(out.reply)")
        #expect(out.awaiting == nil || out.record != nil)
    }

    @Test(
        "creates the record in English",
        arguments: [
            ("I need a repair", "repair"), ("I want to make a complaint", "complaint"),
            ("I want to apply for a renovation permit", "decoration_permit"),
        ])
    func english(opening: String, type: String) {
        let (out, _) = Self.drive(opening, Self.englishAnswers)
        #expect(out.record?.type == type, "\(out.reply)")
        #expect(out.language == .en)
    }

    @Test("fee query ends with the bills", arguments: ["查物业费", "How much do I owe?", "我想查一下水费"])
    func feeQuery(opening: String) {
        let table = opening.hasPrefix("How") ? Self.englishAnswers : Self.answers
        let (out, _) = Self.drive(opening, table)
        #expect(out.intent == .feeQuery)
        #expect(showsAmount(out.reply), "\(out.reply)")
        #expect(out.awaiting == nil)
    }

    @Test(
        "emergency creates the urgent record once the unit is answered",
        arguments: ["厨房有很浓的煤气味", "There is smoke coming out of the socket!"])
    func emergency(opening: String) {
        let (out, _) = Self.drive(opening, opening.hasPrefix("There") ? Self.englishAnswers : Self.answers)
        #expect(out.record?.type == "emergency", "\(out.reply)")
    }

    @Test(
        "progress query looks up the record whose ID it is given",
        arguments: ["我的报修进度怎么样了", "Any update on my repair?"])
    func progress(opening: String) throws {
        let desk = Desk()
        let (created, _) = Self.drive("我要报修", Self.answers, desk: desk)
        let id = try #require(created.record?.id)
        var table = opening.hasPrefix("Any") ? Self.englishAnswers : Self.answers
        table["record_id"] = id
        let (out, _) = Self.drive(opening, table, desk: desk)
        #expect(out.intent == .progressQuery)
        #expect(out.record?.id == id, "\(out.reply)")
    }
}
