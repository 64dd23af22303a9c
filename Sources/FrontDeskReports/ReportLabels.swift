import Foundation
public import FrontDeskContent
public import FrontDeskModel

/// The words a report is written in, from the phrase book (`intents/phrases/report.json`, and the
/// bot's own `status.*` phrases for record statuses): Chinese for an estate whose name is written in
/// Chinese characters, English otherwise.
public struct ReportLabels: Sendable {
    /// Whether the labels are Chinese.
    public let chinese: Bool
    /// The phrases the labels are read from.
    let phrases: PhraseBook

    /// Chinese or English labels from `phrases`.
    public init(phrases: PhraseBook, chinese: Bool) {
        self.phrases = phrases
        self.chinese = chinese
    }

    /// Chinese labels from `phrases` when `estateName` contains a Chinese character.
    public init(phrases: PhraseBook, estateName: String) {
        self.init(phrases: phrases, chinese: estateName.unicodeScalars.contains { Han.isIdeograph($0.value) })
    }

    /// Labels read from the phrase files of `directory` (`intents/phrases`).
    ///
    /// - Throws: `ReportError` naming the first mistake when a phrase file cannot be read.
    public static func load(phraseDirectory directory: String, estateName: String) throws(ReportError) -> ReportLabels {
        var diagnostics: [Diagnostic] = []
        let phrases = PhraseBook.load(directory: directory, diagnostics: &diagnostics)
        if let first = diagnostics.first { throw ReportError("\(first)") }
        return ReportLabels(phrases: phrases, estateName: estateName)
    }

    /// The language the labels are rendered in.
    var language: Language { chinese ? .zhHans : .en }

    /// The label of a fixed phrase (`report.<key>`), its placeholders filled from `values`.
    public func text(_ key: Phrase, _ values: [String: String] = [:]) -> String {
        phrases.render("report." + key.key, language, values)
    }

    /// The label of a record type, status, category or intent name (`report.name.<raw>`, or the
    /// bot's `status.<raw>` for a status); the name itself when unknown.
    public func name(_ raw: String) -> String {
        for key in ["report.name." + raw, "status." + raw] where phrases.contains(key) {
            return phrases.render(key, language)
        }
        return chinese ? raw : raw.replacingOccurrences(of: "_", with: " ")
    }

    /// The name of a return-visit satisfaction level (`report.satisfaction.<score>`, 5 … 1).
    public func satisfaction(_ level: Satisfaction) -> String {
        phrases.render("report.satisfaction.\(level.score)", language)
    }

    /// A duration of whole days, hours and minutes (`report.duration.*`), the two largest parts given.
    func duration(days: Int, hours: Int, minutes: Int) -> String {
        func render(_ key: String, _ first: Int, _ second: Int? = nil) -> String {
            var values = ["first": String(first)]
            if let second { values["second"] = String(second) }
            return phrases.render("report.duration." + key, language, values)
        }
        if days > 0 { return hours > 0 ? render("days_hours", days, hours) : render("days", days) }
        if hours > 0 { return minutes > 0 ? render("hours_minutes", hours, minutes) : render("hours", hours) }
        return render("minutes", minutes)
    }

    /// A fixed phrase: the key of its `report.<key>` entry in the phrase book.
    public struct Phrase: Sendable {
        /// The key, without its `report.` prefix.
        public let key: String
        /// The phrase `report.<key>`.
        public init(_ key: String) { self.key = key }
    }
}

extension ReportLabels.Phrase {
    /// Heading of the monthly report.
    public static let title = Self("title")
    /// Heading of the report on what the bot did not understand.
    public static let understandingTitle = Self("understanding_title")
    /// Label before the report's first and last day.
    public static let period = Self("period")
    /// Label before the time the report was made.
    public static let generated = Self("generated")
    /// Heading of the records section.
    public static let records = Self("records")
    /// Label before a total count.
    public static let total = Self("total")
    /// Heading of the counts per record type.
    public static let byType = Self("by_type")
    /// Heading of the counts per status.
    public static let byStatus = Self("by_status")
    /// Heading of the counts per category of one record type.
    public static let byCategory = Self("by_category")
    /// Heading of the chart of records created per day.
    public static let perDay = Self("per_day")
    /// Heading of the first-response and resolution deadlines section.
    public static let deadlines = Self("deadlines")
    /// Row for the first-response deadline.
    public static let firstResponse = Self("first_response")
    /// Row for the resolution deadline.
    public static let resolution = Self("resolution")
    /// Column: done by the deadline.
    public static let onTime = Self("on_time")
    /// Column: done after the deadline (the records still not done past it are `overdue`).
    public static let late = Self("late")
    /// Column: records without this deadline.
    public static let noDeadline = Self("no_deadline")
    /// Column: past the deadline and not done.
    public static let overdue = Self("overdue")
    /// Column: not done and not yet due.
    public static let pending = Self("pending")
    /// Column: share of records done on time.
    public static let onTimeShare = Self("on_time_share")
    /// Column: median time taken.
    public static let median = Self("median")
    /// Column: 90th-percentile time taken.
    public static let p90 = Self("p90")
    /// Heading of the list of late records.
    public static let lateList = Self("late_list")
    /// Column: when it was due.
    public static let due = Self("due")
    /// Column: when it was done.
    public static let done = Self("done")
    /// Column: how late it was.
    public static let lateBy = Self("late_by")
    /// Cell for a late record that is still not done.
    public static let notDone = Self("not_done")
    /// Note under a truncated list; `%d` is replaced by the number left out.
    public static let andMore = Self("and_more")
    /// Heading of the complaints-by-category section.
    public static let complaints = Self("complaints")
    /// Heading of the return-visits section.
    public static let returnVisits = Self("return_visits")
    /// Row: records resolved.
    public static let resolved = Self("resolved")
    /// Row: return visits made within 3 days of resolution.
    public static let withinThreeDays = Self("within_three_days")
    /// Row: return visits made more than 3 days after resolution.
    public static let visitedLate = Self("visited_late")
    /// Row: return visits more than 3 days overdue and not made.
    public static let visitOverdue = Self("visit_overdue")
    /// Row: return visits not made and not yet due.
    public static let visitPending = Self("visit_pending")
    /// Heading of the return-visit satisfaction section.
    public static let satisfaction = Self("satisfaction")
    /// Label before the number of satisfaction answers.
    public static let answers = Self("answers")
    /// Label before the share answering satisfied or very satisfied.
    public static let satisfied = Self("satisfied")
    /// Label before the average satisfaction score (1–5).
    public static let average = Self("average")
    /// Heading of the emergencies section.
    public static let emergencies = Self("emergencies")
    /// Heading of the fee-query verification section.
    public static let verifications = Self("verifications")
    /// Row: verifications that succeeded.
    public static let succeeded = Self("succeeded")
    /// Row: verifications that failed.
    public static let failed = Self("failed")
    /// Row: units locked after repeated failed verifications.
    public static let lockouts = Self("lockouts")
    /// Row: sessions locked after repeated failed verifications.
    public static let sessionLockouts = Self("session_lockouts")
    /// Row: times a unit's bills were shown.
    public static let feeDisclosures = Self("fee_disclosures")
    /// Row: times a record's details were shown.
    public static let recordDisclosures = Self("record_disclosures")
    /// Heading of the messages section.
    public static let messages = Self("messages")
    /// Label before the number of resident messages.
    public static let residentMessages = Self("resident_messages")
    /// Label before the number of bot replies.
    public static let botTurns = Self("bot_turns")
    /// Label before the number of sessions.
    public static let sessions = Self("sessions")
    /// Heading of the chart of resident messages per hour of day.
    public static let perHour = Self("per_hour")
    /// Suffix after an hour of day.
    public static let hour = Self("hour")
    /// Column: a count.
    public static let count = Self("count")
    /// Column: a share of the total.
    public static let share = Self("share")
    /// Label before the number of damaged journal or transcript lines skipped.
    public static let skipped = Self("skipped")
    /// Label before the number of messages the bot did not recognize.
    public static let unrecognized = Self("unrecognized")
    /// Label: messages answered with the fallback reply.
    public static let fallback = Self("fallback")
    /// Label: messages answered by asking which of two intents was meant.
    public static let clarify = Self("clarify")
    /// Heading of the groups of similar unrecognized messages.
    public static let groups = Self("groups")
    /// Column: a group of similar messages.
    public static let group = Self("group")
    /// Column: example messages.
    public static let examples = Self("examples")
    /// Label before the intents offered in a "which did you mean" question.
    public static let offered = Self("offered")
    /// Label before the number of unrecognized messages not in a shown group.
    public static let otherGroups = Self("other_groups")
    /// Note that rare messages were dropped, so the counts are lower bounds.
    public static let approximate = Self("approximate")
    /// Heading of the corrections residents made to what the bot understood.
    public static let corrections = Self("corrections")
    /// Column: the intent the bot first understood.
    public static let understoodAs = Self("understood_as")
    /// Column: the intent after the resident's correction.
    public static let thenAs = Self("then_as")
    /// Shown where a section has nothing to list.
    public static let none = Self("none")
    /// Heading of the chart of the largest unrecognized groups.
    public static let topUnrecognized = Self("top_unrecognized")
    /// Column: the record's ID.
    public static let id = Self("id")
    /// Column: record type.
    public static let type = Self("type")
    /// Column: which deadline (first response, resolution).
    public static let kind = Self("kind")
    /// Column: category.
    public static let category = Self("category")
    /// Column: status.
    public static let status = Self("status")
}
