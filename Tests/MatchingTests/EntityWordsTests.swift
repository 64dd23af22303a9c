import Foundation
import FrontDeskContent
import FrontDeskModel
import Testing

@testable import FrontDeskMatching

/// `intents/entities.json`: compiled into the extractor's sets, and checked with located messages.
@Suite struct EntityWordsTests {
    /// The characters the recognizers compared against when they were Swift literals: the words moved to
    /// `entities.json` compile to the same read and trigger sets, plus 道 and 梯 (of 楼道, 楼梯), which the
    /// hand-kept list lacked, so that "501楼道" read a floor once the run of unread characters was collapsed; and
    /// the characters of the words added to the file since: Cantonese days and parts of the day (听日, 朝早, 晏昼,
    /// 挨晚), the aspect words before a span of days (成, 咗, 了, 过, 足, 整, 等, 几, 好, 连) and the words between a
    /// worker noun and its number (大概, 大约, 一共, 总共, 有, 是), and the work words before a span of days told with 日
    /// (做, 搞: "做20日"); and the words after which a second duration or head count replaces the first (改成, 延长到:
    /// "40天怕不够 改成45天").
    @Test func theFileCompilesToTheSetsTheLiteralsHad() {
        let readBefore =
            "\u{3000}、〇一七万三上下两个中九二五人今位修傅傍元八六凌分刻十千午半单口号名后员周四夜大天室层工师幢年幺床库座房拜施日早时明星晚晨月期本机柜栋桩楼点百码礼窗箱线装车这里钟铺门间院零" + "道梯"
            + "了共几听咗好总成挨整是昼晏有朝概等约足过连" + "做搞"
            + "改为换返应该变到延长加减缩要更正"
        let triggerBefore = "人凌午号员周夜天师幢座日早时星晚月栋楼点礼" + "朝昼"
        let extractor = EntityClock.extractor
        #expect(Set(extractor.readChars.unicodeScalars) == Set(readBefore.unicodeScalars))
        #expect(Set(extractor.triggerChars.unicodeScalars) == Set(triggerBefore.unicodeScalars))
    }

    /// Every English role the extractor knows is a key of `english_words`, and no other.
    @Test func englishRolesAreTheExtractorsWords() {
        #expect(Set(EntityWord.named.keys) == Set(EntityWords.englishRoles))
        #expect(Set(EntityWords.englishPartsOfDay).isSubset(of: Set(EntityWords.englishRoles)))
    }

    /// A word added to the file is read without a rebuild (a new worker noun, a new English spelling).
    @Test func aWordAddedToTheFileIsRead() throws {
        let directory = try Support.copyOfIntents()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/entities.json"
        var text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(EntityClock.extract("3个水电师傅").count == nil)
        text = text.replacingOccurrences(of: #""装修工人", "#, with: #""水电师傅", "装修工人", "#)
        text = text.replacingOccurrences(of: #""workmen"]"#, with: #""workmen", "plumbers"]"#)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let extractor = Matcher(catalog: try Catalog.load(directory: directory)).entityExtractor
        let now = EntityClock.now
        #expect(extractor.extract(from: "3个水电师傅", now: now, utcOffset: EntityClock.offset).count == 3)
        #expect(extractor.extract(from: "two plumbers", now: now, utcOffset: EntityClock.offset).count == 2)
    }

    static let mistakes: [(find: String, replace: String, expected: String)] = [
        (#""hours_formal": ["时"]"#, #""hours_formal": ["时", "钟头"]"#,
         "entities.json: words.hours_formal[1]: '钟头' holds no character of 'triggers'; add one of its characters there"),
        (#""shift": "noon"}"#, #""shift": "lunch"}"#,
         "entities.json: parts_of_day[4].shift: unknown value 'lunch'"),
        (#""十": 10"#, #""十": 12"#, "entities.json: numerals.multipliers.十: expected 10, 100, 1000 or 10000, got 12"),
        (#""tmr"]"#, #""tmr", "Tmrw"]"#, "entities.json: english_words.tomorrow[2]: expected 1 to 12 letters a–z, got 'Tmrw'"),
        (#""mo"]"#, #""mo", "sun"]"#, "entities.json: english_words.month[2]: 'sun' is also english_words.sunday"),
        (#""year": ["年"],"#, "", "entities.json: words.year: missing required key"),
        (#""quarter": ["刻"]"#, #""quartre": ["刻"]"#,
         "entities.json: words.quartre: unknown key 'quartre' (did you mean 'quarter'?)"),
    ]

    @Test(arguments: mistakes.indices)
    func eachMistakeIsLocated(index: Int) throws {
        let mistake = Self.mistakes[index]
        let directory = try Support.copyOfIntents()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/entities.json"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains(mistake.find))
        try text.replacingOccurrences(of: mistake.find, with: mistake.replace).write(
            toFile: file, atomically: true, encoding: .utf8)
        var lines: [String] = []
        do { _ = try Catalog.load(directory: directory) } catch { lines = error.diagnostics.map(\.description) }
        #expect(lines.contains { $0.contains(mistake.expected) }, "\(lines)")
    }
}

/// 楼道 / 楼梯 after a room name a place, not a floor, also on the fast path (the old read list lacked 道 and 梯).
@Test func aRoomBeforeTheCorridorIsStillARoom() {
    #expect(EntityClock.extract("3栋2单元501楼道灯坏了").unit == "3-2-501")
    #expect(EntityClock.extract("3栋2单元501楼梯").unit == "3-2-501")
    #expect(EntityClock.extract("3栋2单元501楼").unit == nil)
}
