import Testing

@testable import FrontDeskMatching

/// The extractor's shortcuts (the pre-scan, collapsed runs of unread characters) change no result:
/// generated messages give the same entities with and without them.
@Suite struct EntitiesShortcutTests {
    /// Messages from the entity tests and the benchmark.
    static let seeds = [
        "3栋2单元501", "3号楼2单元501室", "3-2-501", "三栋二单元五零一", "十二号楼一单元一千八百零二室", "building 3 unit 2 room 501",
        "bldg 3, unit 2, rm 501", "blk 9 unit 2 #1102, phone 151 6711 0234", "3/2/501", "6号楼1单元12楼那层", "5号楼801",
        "电话13812345678", "138-1234-5678", "+86 138 1234 5678", "打我电话 9123 4567", "+852 9123 4567", "hk 61234567",
        "座机0571-88886666", "057188886666", "(0571)88886666", "010-12345678", "尾号5678", "88886666", "12345678901",
        "20261125", "rep-20261122-0001", "cmp-20261122-0003", "rep202611220001", "dec 20261201 0002", "dec 25",
        "今天", "明天上午", "后天", "大后天", "下周一", "下个星期二", "这周五", "本周六", "星期天", "礼拜一", "11月25日",
        "十一月二十五日", "25号", "5号线", "2号车位", "2026-11-25", "2026/11/25", "2026年12月1日", "二〇二六年十二月一日",
        "11/25", "11/25/2026", "三/五", "the day after tomorrow", "next monday", "on friday", "nov 25",
        "the 25th of november",
        "the light on the 9th floor is out", "2月29日", "13月5日", "下午3点半", "上午9:30", "中午1点", "下午两点半", "三点一刻",
        "10点15分", "今晚8点", "tonight at 8", "10:30am", "12am", "晚上十一二点还在吵", "快一点", "有一点点漏水", "3小时",
        "夜里", "凌晨两点", "傍晚", "早晨", "30天", "三十天", "两个月", "一个半月", "半个月", "3周", "三个星期", "两个礼拜",
        "10 days", "two weeks", "half a month", "a month", "好几天", "5个工人", "五个人", "三名工人", "5 workers", "five people",
        "大概8人", "施工队12个师傅", "工人3名", "两位施工人员", "三#二单元五零一", "一直滴水", "一样", "十一", "两",
        "楼上天天晚上十一点还在蹦迪一样,吵死了,你们管不管", "请问物业费怎么交", "谢谢", "你好,我家厨房水龙头一直滴水,关不紧,能派个师傅来看看吗",
    ]

    static let fillers = ["", "你好,", "麻烦 ", "谢谢", "一下", "、", ",", " ", "漏水了", "上门", "。", "!"]

    /// A deterministic pseudo-random sequence (a 64-bit LCG).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// Pieces that random messages are made of: every character a recognizer reads, numerals, ASCII
    /// punctuation and digits, known English words, and characters no recognizer reads.
    static let pieces: [String] = {
        var pieces = EntityClock.extractor.readChars.map(String.init)
        pieces += "0123456789-/:#+().,_ ".map(String.init)
        pieces += ["12", "501", "2026", "13812345678", "0571", "88886666", "20261122", "0001"]
        pieces += [
            "rep", "cb", "building", "unit", "room", "no", "tomorrow", "today", "next", "monday", "am", "pm", "at",
        ]
        pieces += [
            "day", "after", "days", "week", "month", "a", "half", "workers", "people", "nov", "th", "of", "the", "two",
        ]
        pieces += ["谢", "好", "的", "漏", "水", "修", "您", "请", "吗"]
        return pieces
    }()

    static func same(_ text: String) -> Bool {
        let extractor = EntityClock.extractor
        let fast = extractor.extract(from: text, now: EntityClock.now, utcOffset: EntityClock.offset)
        let slow = extractor.extractWithoutShortcuts(from: text, now: EntityClock.now, utcOffset: EntityClock.offset)
        return fast == slow
    }

    @Test func tableMessagesWithFiller() {
        var failures: [String] = []
        for seed in Self.seeds {
            for before in Self.fillers {
                for after in Self.fillers {
                    let text = before + seed + after
                    if !Self.same(text) { failures.append(text) }
                }
            }
        }
        for (n, a) in Self.seeds.enumerated() {
            for b in Self.seeds[n...].prefix(12) {
                for filler in Self.fillers.prefix(4) {
                    let text = a + filler + b
                    if !Self.same(text) { failures.append(text) }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }

    /// Every read character after and before the starts of entities (`3号门` is not a day; `3号` is).
    @Test func everyReadCharacterInContext() {
        var failures: [String] = []
        for c in EntityClock.extractor.readChars.map(String.init) + ["谢", "漏"] {
            for before in ["3", "三", "12号", "3点", "下", "明", "3个", "十二栋", "今", "周", "a "] {
                for after in ["", "1", "一", "天", "人"] {
                    let text = before + c + after
                    if !Self.same(text) { failures.append(text) }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }

    /// Every CJK character next to a number: a character some recognizer reads but `EntityChars.readChars`
    /// lacks shows up here (`3号门` would become a day of the month).
    @Test func everyCJKCharacterNextToANumber() {
        var failures: [String] = []
        for v in UInt32(0x3000)..<0xA000 {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let c = String(Character(scalar))
            for text in ["3" + c, "3号" + c, "三" + c, c + "3"] where !Self.same(text) { failures.append(text) }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }

    @Test func randomMessages() {
        var random = Generator(state: 20_261_122)
        var failures: [String] = []
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<(1 + random.next(10)) { text += Self.pieces[random.next(Self.pieces.count)] }
            if !Self.same(text) { failures.append(text) }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }

    /// Without a trigger (no ASCII digit or letter, `#`, `/`, or trigger character), the full path finds nothing.
    @Test func noTriggerNoEntities() {
        let triggers = Set(EntityClock.extractor.triggerChars.unicodeScalars)
        var alphabet = EntityClock.extractor.readChars.unicodeScalars.filter { !triggers.contains($0) }.map(String.init)
        alphabet += "-:+().,_ !?".map(String.init)
        alphabet += ["谢", "好", "的", "漏", "水", "您", "请", "吗", "。", "，"]
        var random = Generator(state: 7)
        var failures: [String] = []
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<(1 + random.next(12)) { text += alphabet[random.next(alphabet.count)] }
            let full = EntityClock.extractor.extractWithoutShortcuts(
                from: text, now: EntityClock.now, utcOffset: EntityClock.offset)
            if full != Entities() || !Self.same(text) { failures.append(text) }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }
}
