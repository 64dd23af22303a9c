import FrontDeskMatching
import Testing

/// Units (`B-U-R`), record IDs and phones: every written form, and what must not be taken for one.
@Suite struct EntitiesUnitTests {
    @Test(arguments: [
        ("3栋2单元501", "3-2-501"),
        ("3号楼2单元501室", "3-2-501"),
        ("3幢2单元501", "3-2-501"),
        ("3座2单元501室", "3-2-501"),
        ("3-2-501", "3-2-501"),
        ("3栋2单元501室", "3-2-501"),
        ("3栋 2单元 501室漏水", "3-2-501"),
        ("三栋二单元五零一", "3-2-501"),
        ("三号楼二单元五零一室", "3-2-501"),
        ("三栋二单元五〇一", "3-2-501"),
        ("十二栋一单元一八零二", "12-1-1802"),
        ("十二号楼一单元一千八百零二室", "12-1-1802"),
        ("building 3 unit 2 room 501", "3-2-501"),
        ("bldg 3, unit 2, rm 501", "3-2-501"),
        ("block 3 unit 2 flat 501", "3-2-501"),
        ("blk 9 unit 2 #1102, phone 151 6711 0234", "9-2-1102"),
        // The entrance and room as one pair after the block, the way Hong Kong addresses are written.
        ("blk 7 flat 2-1203 here, the lift is out", "7-2-1203"),
        ("block 11, 1-902", "11-1-902"),
        // From the room up, the way some residents write it.
        ("the doorbell at flat 1101, unit 3, building 6 is dead", "6-3-1101"),
        ("room 702 unit 1 block 9", "9-1-702"),
        ("Blk 12 Unit 1 #08-02", "12-1-802"),
        ("parking fee for December? Blk 7 unit 2 #13-02", "7-2-1302"),
        ("10号楼2-1201", "10-2-1201"),
        ("漏的水算我头上了？10号楼2-1201", "10-2-1201"),
        ("do i have any outstanding bills? building 9, unit 2, room 1102", "9-2-1102"),
        ("3/2/501", "3-2-501"),
        ("您好,我是12号楼1单元1802的业主,电话13757120836", "12-1-1802"),
        ("请问我家物业费交到几月份了?3-2-501", "3-2-501"),
        ("热水器打不着火 10栋3单元1402", "10-3-1402"),
        ("麻烦管理处派人,2座1单元1102室个厕所冲唔到水", "2-1-1102"),
    ])
    func unit(text: String, expected: String) {
        #expect(EntityClock.extract(text).unit == expected)
    }

    @Test(arguments: [
        ("楼道里的感应灯坏了,6号楼1单元12楼那层", 6),
        ("5号楼801", 5),
        ("电梯按钮不灵,7号楼2单元那部", 7),
    ])
    func buildingWithoutUnit(text: String, building: Int) {
        let found = EntityClock.extract(text)
        #expect(found.unit == nil)
        #expect(found.building == building)
    }

    @Test(arguments: [
        "电话13812345678",
        "138-1234-5678",
        "2026-11-25上门",
        "rep-20261122-0001",
        "11/25/2026",
        "0571-8888-6666",
        "我家3楼",
        "25号下午",
        "block 3 has 2-3 guards at night",
        "room 12 unit 2 building 4",
    ])
    func noFalseUnit(text: String) {
        #expect(EntityClock.extract(text).unit == nil)
    }

    @Test(arguments: [
        ("电话13812345678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("手机 138 1234 5678 谢谢", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("打我电话 9123 4567", "91234567"),
        ("+852 9123 4567", "91234567"),
        ("hk 61234567", "61234567"),
        ("座机0571-88886666", "057188886666"),
        ("057188886666", "057188886666"),
        ("(0571)88886666", "057188886666"),
        // A slash after the area code, and the local number in two groups: one parser, one stored form (issue 10).
        ("电话是0571/88886666", "057188886666"),
        ("座机 0571 8888 6666", "057188886666"),
        ("010-12345678", "01012345678"),
        ("12号楼1单元1802,电话13757120836", "13757120836"),
        ("blk 9 unit 2 #1102, phone 151 6711 0234", "15167110234"),
    ])
    func phone(text: String, expected: String) {
        #expect(EntityClock.extract(text).phone == expected)
    }

    @Test(arguments: [
        "3栋2单元501",
        "rep-20261122-0001",
        "rep202611220001",
        "20261125",
        "2026-11-25",
        "尾号5678",
        "88886666",
        "12345678901",
        "12/05开工",
        "1202/1203 两户",
    ])
    func noFalsePhone(text: String) {
        #expect(EntityClock.extract(text).phone == nil)
    }

    @Test(arguments: [
        ("rep-20261122-0001", "REP-20261122-0001"),
        ("我的单号是cmp-20261122-0003,进度如何", "CMP-20261122-0003"),
        ("rep202611220001", "REP-20261122-0001"),
        ("dec 20261201 0002", "DEC-20261201-0002"),
        ("emg-20261122-0010", "EMG-20261122-0010"),
        ("cb-20261122-0001", "CB-20261122-0001"),
    ])
    func recordID(text: String, expected: String) {
        let found = EntityClock.extract(text)
        #expect(found.recordID == expected)
        #expect(found.phone == nil)
        #expect(found.date == nil)
    }

    @Test(arguments: ["rep-2026-0001", "xrep-20261122-0001", "dec 25", "rep-20261122-001"])
    func noFalseRecordID(text: String) {
        #expect(EntityClock.extract(text).recordID == nil)
    }
}
