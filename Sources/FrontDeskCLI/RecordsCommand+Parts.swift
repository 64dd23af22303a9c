import Foundation
import FrontDeskContent
import FrontDeskJournal
import FrontDeskModel

extension RecordsCommand {
    /// The messages of `frontdesk records`, declared in one place (STYLE 4).
    enum Message {
        static let missingAction = "records needs an action: list, show, update, overdue or repair"
        static func unknownAction(_ action: String) -> String {
            "unknown action '\(action)' (expected list, show, update, overdue or repair)"
        }
        static func optionNotFor(_ option: String, _ action: String) -> String {
            "option '\(option)' does not apply to 'records \(action)'"
        }
        static func missingID(_ action: String) -> String { "records \(action) needs a record ID" }
        static func unexpected(_ argument: String) -> String { "unexpected argument '\(argument)'" }
        static func noRecord(_ id: String) -> String { "no record \(id)" }
        static func badType(_ type: String) -> String {
            "unknown type '\(type)' (expected \(RecordType.allCases.map(\.rawValue).joined(separator: ", ")))"
        }
        static func badStatus(_ status: String, for type: RecordType) -> String {
            "status '\(status)' is not one of \(type.statuses.joined(separator: ", ")) for \(type.rawValue)"
        }
        static func unknownStatus(_ status: String) -> String {
            let all = RecordType.repair.statuses + RecordType.decorationPermit.statuses.filter { $0 != "closed" }
            return "unknown status '\(status)' (expected \(all.joined(separator: ", ")))"
        }
        static func badDate(_ option: String, _ value: String) -> String {
            "option '\(option)' expects a date such as 2026-11-22, got '\(value)'"
        }
        static let dateAndRange = "give either --date or --from/--to, not both"
        static func rangeBackwards(_ from: String, _ to: String) -> String {
            "the period ends (\(to)) before it starts (\(from))"
        }
        static func badPhone(_ value: String) -> String {
            "option '--phone' expects digits (all or part of a number), got '\(value)'"
        }
        static let nothingToUpdate = "records update needs --status, --note, --assign or --satisfaction"
        static let tellNeedsNote = "--tell-resident needs --note TEXT (the words the resident will see)"
        static func noJournal(_ path: String) -> String {
            "no journal at \(path) (no records yet, or a misspelt --data-dir)"
        }
        static func alreadyIn(_ record: Record) -> String { "\(record.id) is already \(record.status)" }
        static func refusedStep(_ record: Record, to status: String) -> String {
            let next = RecordLifecycle.next(record.type, from: record.status)
            var allowed = next.forward.joined(separator: ", ")
            if !next.reopen.isEmpty {
                allowed +=
                    (allowed.isEmpty ? "" : "; ") + next.reopen.joined(separator: " or ") + " with --note to reopen"
            }
            return "\(record.id) cannot go from \(record.status) to \(status) (from \(record.status): "
                + (allowed.isEmpty ? "no further step" : allowed) + ")"
        }
        static func reopenNeedsNote(_ record: Record, to status: String) -> String {
            "reopening \(record.id) (\(record.status) → \(status)) needs --note saying why"
        }
        static func badSatisfaction(_ value: String, names: SatisfactionNames) -> String {
            "unknown satisfaction '\(value)' (expected \(names.all.joined(separator: ", ")) or 5..1)"
        }
        /// A return-visit answer just recorded (the level as stored, SPEC 5).
        static func returnVisit(_ satisfaction: String) -> String { "return visit: \(satisfaction)" }
        static let noRecords = "no records match"
        /// Marks a history note meant for the resident.
        static let toResident = "[to resident] "
        static func assignedTo(_ name: String) -> String { "assigned to \(name)" }
        static let noneOverdue = "no return visits are overdue"
    }

    /// The filters of `records list`.
    struct RecordFilter {
        var type: RecordType?
        var status: String?
        var unit: String?
        /// Digits that must appear in the record's phone (a whole number or its tail).
        var phone: String?
        /// Text that must appear in the resident's name.
        var name: String?
        /// Inclusive range of local creation dates, `YYYY-MM-DD`.
        var from: String?
        var to: String?

        init(_ arguments: Arguments) throws(UsageError) {
            if let name = arguments.value("--type") {
                guard let type = RecordType(rawValue: name) ?? RecordType(recordID: name + "-") else {
                    throw UsageError(Message.badType(name))
                }
                self.type = type
            }
            if let status = arguments.value("--status") {
                let known = Set(RecordType.repair.statuses + RecordType.decorationPermit.statuses)
                guard known.contains(status) else { throw UsageError(Message.unknownStatus(status)) }
                self.status = status
            }
            unit = arguments.value("--unit")
            if let phone = arguments.value("--phone") {
                let digits = phone.filter { $0 != "-" && $0 != " " }
                guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                    throw UsageError(Message.badPhone(phone))
                }
                self.phone = digits
            }
            name = arguments.value("--name")
            if let date = arguments.value("--date") {
                if arguments.value("--from") != nil || arguments.value("--to") != nil {
                    throw UsageError(Message.dateAndRange)
                }
                from = try RecordFilter.date("--date", date)
                to = from
            } else {
                from = try arguments.value("--from").map { (v) throws(UsageError) in try RecordFilter.date("--from", v)
                }
                to = try arguments.value("--to").map { (v) throws(UsageError) in try RecordFilter.date("--to", v) }
                if let from, let to, to < from { throw UsageError(Message.rangeBackwards(from, to)) }
            }
        }

        static func date(_ option: String, _ value: String) throws(UsageError) -> String {
            guard value.utf8.count == 10, let day = CivilTime.parse(value) else {
                throw UsageError(Message.badDate(option, value))
            }
            return day.isoDate
        }

        func matches(_ record: Record) -> Bool {
            if let type, record.type != type { return false }
            if let status, record.status != status { return false }
            if let unit, record.unit != unit { return false }
            if let phone, !(record.phone ?? "").filter({ $0 != "-" }).contains(phone) { return false }
            if let name, !(record.name ?? "").contains(name) { return false }
            let day = String(record.createdAt.prefix(10))
            if let from, day < from { return false }
            if let to, day > to { return false }
            return true
        }
    }
}

/// `records update`: a status step, a note, or a return-visit answer, made durable in the journal.
enum RecordsUpdate {
    static func run(_ arguments: Arguments, id: String, workspace: Workspace, console: Console) throws -> Record {
        typealias Message = RecordsCommand.Message
        let status = arguments.value("--status")
        let note = arguments.value("--note")
        let assignee = arguments.value("--assign")
        // The stored names of the levels are content (intents/journal.json), read only when a level is given.
        var satisfaction: String?
        if let text = arguments.value("--satisfaction") {
            let names = try workspace.satisfactionNames()
            satisfaction = names.stored(try parseSatisfaction(text, names: names))
        }
        if status == nil, note == nil, assignee == nil, satisfaction == nil {
            throw UsageError(Message.nothingToUpdate)
        }
        let tellResident = arguments.has("--tell-resident")
        if tellResident, (note ?? "").isEmpty { throw UsageError(Message.tellNeedsNote) }
        let offset = try utcOffset(arguments, workspace)
        guard RecordsCommand.hasJournal(workspace, console: console) else {
            throw CommandFailure(Message.noRecord(id))
        }
        let journal = try RecordsCommand.openJournal(workspace)
        defer { journal.close() }
        guard let record = journal.record(id: id) else { throw CommandFailure(Message.noRecord(id)) }
        if let status {
            guard record.type.statuses.contains(status) else {
                throw UsageError(Message.badStatus(status, for: record.type))
            }
            guard status != record.status else { throw CommandFailure(Message.alreadyIn(record)) }
            switch RecordLifecycle.step(record.type, from: record.status, to: status) {
            case .allowed: break
            case .reopen:
                if (note ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                    throw CommandFailure(Message.reopenNeedsNote(record, to: status))
                }
            case .refused: throw CommandFailure(Message.refusedStep(record, to: status))
            }
        }
        let at = CivilTime(workspace.clock.now(), offset: offset).iso8601
        let update = RecordUpdate(
            id: id, at: at, actor: arguments.value("--actor") ?? "operator", status: status, note: note ?? "",
            satisfaction: satisfaction, assignee: assignee, tellResident: tellResident)
        do {
            return try journal.update(update)
        } catch {
            throw CommandFailure(error.description)
        }
    }

    /// The level a clerk typed: a stored name of `names` or a score from 5 to 1.
    ///
    /// - Throws: `UsageError` listing what is accepted.
    static func parseSatisfaction(_ text: String, names: SatisfactionNames) throws(UsageError) -> Satisfaction {
        guard let level = names.level(typed: text) else {
            throw UsageError(RecordsCommand.Message.badSatisfaction(text, names: names))
        }
        return level
    }

    /// The estate's UTC offset: from `--estate` when given, else from the default estate when it
    /// exists, else Asia/Shanghai's.
    static func utcOffset(_ arguments: Arguments, _ workspace: Workspace) throws(CommandFailure) -> Int {
        if arguments.value("--estate") != nil { return try workspace.estate().utcOffset }
        guard FileManager.default.fileExists(atPath: workspace.estatePath) else { return 28_800 }
        return (try? workspace.estate().utcOffset) ?? 28_800
    }
}
