/// A seeded generator of resident-like messages (5–120 characters; 60% zh-Hans, 20% zh-Hant, 20% English).
enum MessageCorpus {
    static let zhOpeners = ["", "", "", "你好，", "您好 ", "师傅，", "麻烦问下，", "物业你好，", "在吗？"]
    static let zhBodies = [
        "厨房水龙头一直滴水", "卫生间马桶堵了冲不下去", "客厅灯不亮了，空开跳了", "楼上天天晚上吵得睡不着", "我要投诉保安态度太差",
        "物业费多少钱一平米", "这个月水费怎么这么高", "想申请装修，需要什么手续", "装修押金要交多少", "我的报修单到哪一步了",
        "师傅怎么还没来", "快递驿站在哪里", "门禁卡丢了怎么补办", "明天是不是要停水", "厨房好大一股煤气味", "电梯卡住了我被困在里面",
        "转人工", "谢谢你们", "好的再见", "取消报修", "不用来了", "今天天气怎么样", "车位被别人占了", "垃圾好几天没人清",
        "楼道感应灯坏了", "热水器打不着火", "不是投诉，是想报修门锁", "不紧急，水管漏水", "停车费在哪里交",
    ]
    static let zhFillers = ["", "", "3栋2单元501", "12号楼1单元1802", "电话13812345678", "明天上午", "麻烦尽快", "谢谢", "急！", "😭"]
    static let hantBodies = [
        "廚房漏水，可唔可以派師傅嚟睇下", "冷氣機壞咗", "樓上好嘈，瞓唔著", "請問管理費幾多錢", "我想申請裝修", "電梯困人！",
        "管理處幾點開門", "唔該晒", "我想同真人講", "算了，不用麻煩了", "報修嘅冷氣處理成點", "煤氣味好濃",
    ]
    static let enBodies = [
        "the kitchen tap is leaking, can you send a plumber", "my toilet is blocked", "the stairwell light is out",
        "the people upstairs play loud music every night", "how much is the management fee",
        "I want to renovate my kitchen",
        "any update on REP-20261121-0002", "where can I pick up my parcel", "strong gas smell in the hallway",
        "can I talk to a real person", "thanks a lot", "bye, have a good day", "never mind, cancel that",
        "what's the weather like tomorrow", "not a complaint, just want to report a broken light", "hi there",
    ]
    static let enFillers = [
        "", "", " please", " Building 6 Unit 1 Room 1502", " call me on 15167110234", " asap", " thanks",
    ]

    /// `count` messages from a linear congruential generator seeded with `seed`.
    static func generate(count: Int, seed: UInt64) -> [String] {
        var state = seed &* 6_364_136_223_846_793_005 &+ 1
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var result: [String] = []
        result.reserveCapacity(count)
        while result.count < count {
            let roll = next(10)
            var text: String
            if roll < 6 {
                text = zhOpeners[next(zhOpeners.count)] + zhBodies[next(zhBodies.count)]
                for _ in 0..<next(3) { text += zhFillers[next(zhFillers.count)] }
            } else if roll < 8 {
                text = hantBodies[next(hantBodies.count)]
                if next(2) == 0 { text += "，" + hantBodies[next(hantBodies.count)] }
            } else {
                text = enBodies[next(enBodies.count)]
                for _ in 0..<next(3) { text += enFillers[next(enFillers.count)] }
                if next(3) == 0 { text = text.uppercased() }
            }
            if next(8) == 0 { text = String(repeating: text + " ", count: 1 + next(3)) }
            if text.count > 120 { text = String(text.prefix(120)) }
            if text.count >= 5 { result.append(text) }
        }
        return result
    }
}
