/// The words a report is written in: Chinese for an estate whose name is written in Chinese
/// characters, English otherwise.
public struct ReportLabels: Sendable {
    /// Whether the labels are Chinese.
    public let chinese: Bool

    /// Chinese or English labels.
    public init(chinese: Bool) { self.chinese = chinese }

    /// Chinese labels when `estateName` contains a Chinese character.
    public init(estateName: String) {
        chinese = estateName.unicodeScalars.contains { GroupingText.isHan($0) }
    }

    /// The label of a fixed phrase.
    public func text(_ key: Phrase) -> String { chinese ? key.zh : key.en }

    /// The label of a record type, status, category or intent name; the name itself when unknown.
    public func name(_ raw: String) -> String {
        guard chinese else { return Self.english[raw] ?? raw.replacingOccurrences(of: "_", with: " ") }
        return Self.chinese[raw] ?? raw
    }

    /// A fixed phrase in both languages.
    public struct Phrase: Sendable {
        public let zh: String
        public let en: String
    }

    static let chinese: [String: String] = [
        "repair": "报修", "complaint": "投诉", "decoration_permit": "装修申请", "emergency": "紧急事件", "callback": "回电请求",
        "open": "待处理", "dispatched": "已派工", "in_progress": "处理中", "resolved": "已解决", "closed": "已关闭",
        "pending_review": "待审核", "approved": "已批准", "rejected": "未批准", "inspected": "已验收",
        "plumbing": "水管", "electrical": "电路", "door_window": "门窗门锁", "elevator": "电梯", "public_facility": "公共设施",
        "appliance": "家电", "other": "其他", "noise": "噪音", "sanitation": "环境卫生", "parking": "停车", "staff": "服务态度",
        "pet": "宠物", "smell": "异味", "security": "安全", "service": "服务", "gas": "燃气", "fire": "火警", "flood": "水浸",
        "elevator_trapped": "电梯困人", "first_response": "首次响应", "resolution": "解决",
        "fee_query": "费用查询", "progress_query": "进度查询", "inquiry": "咨询", "handoff": "转人工", "greeting": "问候",
        "thanks": "致谢", "goodbye": "道别", "cancel": "取消", "fallback": "未识别", "none": "无",
    ]
    static let english: [String: String] = [
        "decoration_permit": "decoration permit", "in_progress": "in progress", "pending_review": "pending review",
        "door_window": "door/window/lock", "public_facility": "public facilities",
        "elevator_trapped": "trapped in lift",
        "first_response": "first response", "fee_query": "fee query", "progress_query": "progress query",
    ]
}

extension ReportLabels.Phrase {
    static func p(_ zh: String, _ en: String) -> Self { Self(zh: zh, en: en) }
    public static let title = p("月度服务报告", "Monthly service report")
    public static let understandingTitle = p("未识别消息报告", "What the bot did not understand")
    public static let period = p("统计期间", "Period")
    public static let generated = p("生成时间", "Generated")
    public static let records = p("工单", "Records")
    public static let total = p("合计", "Total")
    public static let byType = p("按类型", "By type")
    public static let byStatus = p("按状态", "By status")
    public static let byCategory = p("按类别", "By category")
    public static let perDay = p("每日新增工单", "Records per day")
    public static let deadlines = p("时效", "Deadlines")
    public static let firstResponse = p("首次响应", "First response")
    public static let resolution = p("解决", "Resolution")
    public static let onTime = p("按时", "On time")
    public static let late = p("超时", "Late")
    public static let overdue = p("超时未办", "Overdue, not done")
    public static let pending = p("未到期", "Not yet due")
    public static let onTimeShare = p("按时率", "On-time share")
    public static let median = p("中位用时", "Median time")
    public static let p90 = p("90% 用时", "90th percentile")
    public static let lateList = p("超时清单", "Late records")
    public static let due = p("应完成", "Due")
    public static let done = p("完成", "Done")
    public static let lateBy = p("超时时长", "Late by")
    public static let notDone = p("未完成", "not done")
    public static let andMore = p("另有 %d 条", "and %d more")
    public static let complaints = p("投诉分类统计", "Complaints by category")
    public static let returnVisits = p("回访", "Return visits")
    public static let resolved = p("已解决", "Resolved")
    public static let withinThreeDays = p("3 天内回访", "Visited within 3 days")
    public static let visitedLate = p("超过 3 天回访", "Visited after 3 days")
    public static let visitOverdue = p("逾期未回访", "Overdue, not visited")
    public static let visitPending = p("待回访", "Not yet due")
    public static let satisfaction = p("满意度", "Satisfaction")
    public static let answers = p("回答数", "Answers")
    public static let satisfied = p("满意率", "Satisfied")
    public static let average = p("平均分", "Average score")
    public static let emergencies = p("紧急事件", "Emergencies")
    public static let verifications = p("费用查询验证", "Fee-query verifications")
    public static let succeeded = p("验证成功", "Succeeded")
    public static let failed = p("验证失败", "Failed")
    public static let lockouts = p("房号锁定", "Unit lockouts")
    public static let sessionLockouts = p("会话锁定", "Session lockouts")
    public static let feeDisclosures = p("账单查看", "Bills disclosed")
    public static let recordDisclosures = p("工单详情查看", "Record details disclosed")
    public static let messages = p("消息", "Messages")
    public static let residentMessages = p("住户消息", "Resident messages")
    public static let botTurns = p("机器人回复", "Bot replies")
    public static let sessions = p("会话", "Sessions")
    public static let perHour = p("每小时住户消息", "Resident messages per hour")
    public static let hour = p("时", "h")
    public static let count = p("数量", "Count")
    public static let share = p("占比", "Share")
    public static let skipped = p("跳过的损坏行", "Damaged lines skipped")
    public static let unrecognized = p("未识别", "Unrecognized")
    public static let fallback = p("未理解", "Not understood")
    public static let clarify = p("反问“您是指”", "Asked “which did you mean”")
    public static let groups = p("相似消息分组", "Groups of similar messages")
    public static let group = p("分组", "Group")
    public static let examples = p("示例", "Examples")
    public static let offered = p("提供的选项", "Offered")
    public static let otherGroups = p("其余分组的消息", "Messages in other groups")
    public static let approximate = p(
        "（罕见消息已舍去以控制内存，计数为下限）", "(rare messages dropped to bound memory: counts are lower bounds)")
    public static let corrections = p("住户纠正", "Corrections by residents")
    public static let understoodAs = p("机器人理解为", "Bot understood")
    public static let thenAs = p("纠正后", "After the correction")
    public static let none = p("无", "none")
    public static let topUnrecognized = p("未识别消息（前几组）", "Top unrecognized groups")
    public static let type = p("类型", "Type")
    public static let kind = p("项目", "Deadline")
    public static let category = p("类别", "Category")
    public static let status = p("状态", "Status")
}
