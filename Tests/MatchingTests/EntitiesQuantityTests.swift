import FrontDeskMatching
import Testing

/// Durations, worker counts and Chinese numerals.
@Suite struct EntitiesQuantityTests {
    @Test(arguments: [
        ("30天", 30), ("三十天", 30), ("两个月", 60), ("一个半月", 45), ("半个月", 15), ("3周", 21),
        ("三个星期", 21), ("两个礼拜", 14), ("10 days", 10), ("two weeks", 14), ("1 month", 30), ("a month", 30),
        ("half a month", 15), ("工期大概45天左右", 45), ("3个月", 90),
    ])
    func duration(text: String, expected: Int) {
        #expect(EntityClock.extract(text).durationDays == expected)
    }

    @Test(arguments: ["今天", "下周一", "3月", "3-2-501", "好几天"])
    func noFalseDuration(text: String) {
        #expect(EntityClock.extract(text).durationDays == nil)
    }

    @Test(
        arguments: [
            ("5个工人", 5), ("五个人", 5), ("三名工人", 3), ("5 workers", 5), ("five people", 5), ("大概8人", 8),
            ("施工队12个师傅", 12), ("工人3名", 3), ("师傅大概4个", 4), ("工人电话13812345678", nil), ("两位施工人员", 2),
        ] as [(String, Int?)])
    func count(text: String, expected: Int?) {
        #expect(EntityClock.extract(text).count == expected)
    }

    @Test(arguments: ["3栋2单元501", "30天", "13812345678", "两个月", "周一师傅来不了", "星期六师傅有空吗"])
    func noFalseCount(text: String) {
        #expect(EntityClock.extract(text).count == nil)
    }

    @Test(arguments: [
        ("五个", 5), ("三十天", 30), ("十二", 12), ("两百", 200), ("一千八百零二", 1802), ("五零一", 501),
        ("二〇二六", 2026), ("12人", 12), ("  7", 7), ("一万二千", 12000), ("十", 10),
    ])
    func chineseNumerals(text: String, expected: Int) {
        #expect(EntityClock.numerals.parse(text) == expected)
    }

    @Test(arguments: ["", "个", "abc", "第三", "十一二", "二三十"])
    func notANumeral(text: String) {
        #expect(EntityClock.numerals.parse(text) == nil)
    }

    @Test func everythingAtOnce() {
        let found = EntityClock.extract("3栋2单元501,明天下午3点,电话13812345678,5个工人干30天,单号rep-20261122-0001")
        #expect(
            found
                == Entities(
                    unit: "3-2-501", phone: "13812345678", date: "2026-11-23", timeOfDay: "15:00", durationDays: 30,
                    count: 5, recordID: "REP-20261122-0001", building: 3))
    }
}
