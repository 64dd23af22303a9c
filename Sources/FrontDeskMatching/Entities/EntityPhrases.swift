/// The Chinese words the recognizers look for, as `StaticString`s matched in place (see `EntityScan.chars`).
enum Phrases {
    /// 今天 今日 今晚 今早: choices 2 and 3 also name a part of the day.
    static let todayWords: [StaticString] = ["今天", "今日", "今晚", "今早"]
    /// 明天 明日 明晚 明早, as `todayWords`.
    static let tomorrowWords: [StaticString] = ["明天", "明日", "明晚", "明早"]
    /// What comes before a weekday number: 周一, 星期三, 礼拜天.
    static let weekWords: [StaticString] = ["周", "星期", "礼拜"]
    /// Weeks as a span: 三个星期, 两个礼拜.
    static let weekNouns: [StaticString] = ["星期", "礼拜"]
    /// Who a count counts, longest first.
    static let workerNouns: [StaticString] = ["装修工人", "施工人员", "工人", "师傅", "员工", "人员", "人"]
    /// After an hour: 3点钟, 3点, 15时 (choice 0 is the full 点钟, choice 2 the formal 时).
    static let hourWords: [StaticString] = ["点钟", "点", "时"]
    /// After a building number: choices 4 (号) and 5 (楼) alone do not name a building without a 单元.
    static let buildingMarkers: [StaticString] = ["号楼", "栋", "幢", "座", "号", "楼", "#"]
}
