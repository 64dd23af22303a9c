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
        /// The Chinese text.
        public let zh: String
        /// The English text.
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
    /// Heading of the monthly report.
    public static let title = p("月度服务报告", "Monthly service report")
    /// Heading of the report on what the bot did not understand.
    public static let understandingTitle = p("未识别消息报告", "What the bot did not understand")
    /// Label before the report's first and last day.
    public static let period = p("统计期间", "Period")
    /// Label before the time the report was made.
    public static let generated = p("生成时间", "Generated")
    /// Heading of the records section.
    public static let records = p("工单", "Records")
    /// Label before a total count.
    public static let total = p("合计", "Total")
    /// Heading of the counts per record type.
    public static let byType = p("按类型", "By type")
    /// Heading of the counts per status.
    public static let byStatus = p("按状态", "By status")
    /// Heading of the counts per category of one record type.
    public static let byCategory = p("按类别", "By category")
    /// Heading of the chart of records created per day.
    public static let perDay = p("每日新增工单", "Records per day")
    /// Heading of the first-response and resolution deadlines section.
    public static let deadlines = p("时效", "Deadlines")
    /// Row for the first-response deadline.
    public static let firstResponse = p("首次响应", "First response")
    /// Row for the resolution deadline.
    public static let resolution = p("解决", "Resolution")
    /// Column: done by the deadline.
    public static let onTime = p("按时", "On time")
    /// Column: done after the deadline (the records still not done past it are `overdue`).
    public static let late = p("超时", "Late")
    /// Column: records without this deadline.
    public static let noDeadline = p("无时限", "No deadline")
    /// Column: past the deadline and not done.
    public static let overdue = p("超时未办", "Overdue, not done")
    /// Column: not done and not yet due.
    public static let pending = p("未到期", "Not yet due")
    /// Column: share of records done on time.
    public static let onTimeShare = p("按时率", "On-time share")
    /// Column: median time taken.
    public static let median = p("中位用时", "Median time")
    /// Column: 90th-percentile time taken.
    public static let p90 = p("90% 用时", "90th percentile")
    /// Heading of the list of late records.
    public static let lateList = p("超时清单", "Late records")
    /// Column: when it was due.
    public static let due = p("应完成", "Due")
    /// Column: when it was done.
    public static let done = p("完成", "Done")
    /// Column: how late it was.
    public static let lateBy = p("超时时长", "Late by")
    /// Cell for a late record that is still not done.
    public static let notDone = p("未完成", "not done")
    /// Note under a truncated list; `%d` is replaced by the number left out.
    public static let andMore = p("另有 %d 条", "and %d more")
    /// Heading of the complaints-by-category section.
    public static let complaints = p("投诉分类统计", "Complaints by category")
    /// Heading of the return-visits section.
    public static let returnVisits = p("回访", "Return visits")
    /// Row: records resolved.
    public static let resolved = p("已解决", "Resolved")
    /// Row: return visits made within 3 days of resolution.
    public static let withinThreeDays = p("3 天内回访", "Visited within 3 days")
    /// Row: return visits made more than 3 days after resolution.
    public static let visitedLate = p("超过 3 天回访", "Visited after 3 days")
    /// Row: return visits more than 3 days overdue and not made.
    public static let visitOverdue = p("逾期未回访", "Overdue, not visited")
    /// Row: return visits not made and not yet due.
    public static let visitPending = p("待回访", "Not yet due")
    /// Heading of the return-visit satisfaction section.
    public static let satisfaction = p("满意度", "Satisfaction")
    /// Label before the number of satisfaction answers.
    public static let answers = p("回答数", "Answers")
    /// Label before the share answering satisfied or very satisfied.
    public static let satisfied = p("满意率", "Satisfied")
    /// Label before the average satisfaction score (1–5).
    public static let average = p("平均分", "Average score")
    /// Heading of the emergencies section.
    public static let emergencies = p("紧急事件", "Emergencies")
    /// Heading of the fee-query verification section.
    public static let verifications = p("费用查询验证", "Fee-query verifications")
    /// Row: verifications that succeeded.
    public static let succeeded = p("验证成功", "Succeeded")
    /// Row: verifications that failed.
    public static let failed = p("验证失败", "Failed")
    /// Row: units locked after repeated failed verifications.
    public static let lockouts = p("房号锁定", "Unit lockouts")
    /// Row: sessions locked after repeated failed verifications.
    public static let sessionLockouts = p("会话锁定", "Session lockouts")
    /// Row: times a unit's bills were shown.
    public static let feeDisclosures = p("账单查看", "Bills disclosed")
    /// Row: times a record's details were shown.
    public static let recordDisclosures = p("工单详情查看", "Record details disclosed")
    /// Heading of the messages section.
    public static let messages = p("消息", "Messages")
    /// Label before the number of resident messages.
    public static let residentMessages = p("住户消息", "Resident messages")
    /// Label before the number of bot replies.
    public static let botTurns = p("机器人回复", "Bot replies")
    /// Label before the number of sessions.
    public static let sessions = p("会话", "Sessions")
    /// Heading of the chart of resident messages per hour of day.
    public static let perHour = p("每小时住户消息", "Resident messages per hour")
    /// Suffix after an hour of day.
    public static let hour = p("时", "h")
    /// Column: a count.
    public static let count = p("数量", "Count")
    /// Column: a share of the total.
    public static let share = p("占比", "Share")
    /// Label before the number of damaged journal or transcript lines skipped.
    public static let skipped = p("跳过的损坏行", "Damaged lines skipped")
    /// Label before the number of messages the bot did not recognize.
    public static let unrecognized = p("未识别", "Unrecognized")
    /// Label: messages answered with the fallback reply.
    public static let fallback = p("未理解", "Not understood")
    /// Label: messages answered by asking which of two intents was meant.
    public static let clarify = p("反问“您是指”", "Asked “which did you mean”")
    /// Heading of the groups of similar unrecognized messages.
    public static let groups = p("相似消息分组", "Groups of similar messages")
    /// Column: a group of similar messages.
    public static let group = p("分组", "Group")
    /// Column: example messages.
    public static let examples = p("示例", "Examples")
    /// Label before the intents offered in a "which did you mean" question.
    public static let offered = p("提供的选项", "Offered")
    /// Label before the number of unrecognized messages not in a shown group.
    public static let otherGroups = p("其余分组的消息", "Messages in other groups")
    /// Note that rare messages were dropped, so the counts are lower bounds.
    public static let approximate = p(
        "（罕见消息已舍去以控制内存，计数为下限）", "(rare messages dropped to bound memory: counts are lower bounds)")
    /// Heading of the corrections residents made to what the bot understood.
    public static let corrections = p("住户纠正", "Corrections by residents")
    /// Column: the intent the bot first understood.
    public static let understoodAs = p("机器人理解为", "Bot understood")
    /// Column: the intent after the resident's correction.
    public static let thenAs = p("纠正后", "After the correction")
    /// Shown where a section has nothing to list.
    public static let none = p("无", "none")
    /// Heading of the chart of the largest unrecognized groups.
    public static let topUnrecognized = p("未识别消息（前几组）", "Top unrecognized groups")
    /// Column: record type.
    public static let type = p("类型", "Type")
    /// Column: which deadline (first response, resolution).
    public static let kind = p("项目", "Deadline")
    /// Column: category.
    public static let category = p("类别", "Category")
    /// Column: status.
    public static let status = p("状态", "Status")
}
