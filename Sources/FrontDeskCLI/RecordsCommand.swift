import Foundation
import FrontDeskJournal
import FrontDeskModel

/// `frontdesk records`: the operators' view of the journal — list, show, update, overdue return
/// visits, and the repair of a damaged journal (SPEC 2, 5, 8.1). Works while `serve` runs: the
/// journal is shared through its file lock, so an update here is what residents see next.
struct RecordsCommand: Subcommand {
    static let name = "records"
    static let summary = "list, show and update records; overdue return visits; repair the journal"
    static let usage = """
        usage: frontdesk records list [--type T] [--status S] [--unit U] [--date YYYY-MM-DD | --from D --to D] [--json]
               frontdesk records show ID [--json]
               frontdesk records update ID [--status S] [--note TEXT] [--satisfaction LEVEL] [--actor NAME]
               frontdesk records overdue [--json]
               frontdesk records repair

          list      records, oldest first, filtered by type, status, unit and creation date
          show      one record with its full history
          update    move a record along its lifecycle (with a note), or record a return-visit answer
                    (--satisfaction 非常满意|满意|一般|不满意|非常不满意, or 5..1); the actor defaults to 'operator'
          overdue   resolved records whose return visit (due within 3 days) has not been made
          repair    move damaged journal lines aside so that the journal opens again

        options: --data-dir DIR (default var), --estate FILE (its time zone), --now ISO8601, --json
          types: repair, complaint, decoration_permit, emergency, callback

        """
    static let spec = ArgumentSpec(
        options: ArgumentSpec.common.union([
            "--type", "--status", "--unit", "--date", "--from", "--to", "--note", "--actor", "--satisfaction",
        ]),
        flags: ["--json"], maxPositionals: 2)

    /// Which options each action takes, beyond the common ones.
    static let actionOptions: [String: Set<String>] = [
        "list": ["--type", "--status", "--unit", "--date", "--from", "--to", "--json"],
        "show": ["--json"],
        "update": ["--status", "--note", "--actor", "--satisfaction", "--json"],
        "overdue": ["--json"],
        "repair": [],
    ]

    static func run(_ arguments: Arguments, console: Console) throws -> Int32 {
        guard let action = arguments.positionals.first else { throw UsageError(Message.missingAction) }
        guard let allowed = actionOptions[action] else { throw UsageError(Message.unknownAction(action)) }
        let given = Set(arguments.values.keys).union(arguments.flags).subtracting(ArgumentSpec.common)
        if let stray = given.subtracting(allowed).sorted().first {
            throw UsageError(Message.optionNotFor(stray, action))
        }
        let takesID = action == "show" || action == "update"
        if takesID, arguments.positionals.count < 2 { throw UsageError(Message.missingID(action)) }
        if !takesID, arguments.positionals.count > 1 { throw UsageError(Message.unexpected(arguments.positionals[1])) }
        let workspace = try Workspace(arguments)
        let json = arguments.has("--json")
        switch action {
        case "list":
            let filter = try RecordFilter(arguments)
            let records = try readRecords(workspace).filter(filter.matches)
            console.out(json ? jsonLines(records) : RecordsTable.list(records))
        case "show":
            let id = arguments.positionals[1]
            guard let record = try readRecords(workspace).first(where: { $0.id == id }) else {
                throw CommandFailure(Message.noRecord(id))
            }
            console.out(json ? jsonLines([record]) : RecordsTable.detail(record))
        case "update":
            let record = try RecordsUpdate.run(arguments, id: arguments.positionals[1], workspace: workspace)
            console.out(json ? jsonLines([record]) : RecordsTable.updated(record))
        case "overdue":
            let now = workspace.clock.now()
            let records = try readRecords(workspace).filter { RecordsCommand.isRevisitOverdue($0, now: now) }
            console.out(json ? jsonLines(records) : RecordsTable.overdue(records, now: now))
        default:
            do {
                console.out(try FileJournal.repair(directory: workspace.dataDir).joined(separator: "\n") + "\n")
            } catch {
                throw CommandFailure(error.message)
            }
        }
        return 0
    }

    /// Whether a record's return visit is overdue: resolved more than 3 days before `now`, not yet revisited.
    static func isRevisitOverdue(_ record: Record, now: Date) -> Bool {
        guard record.revisitedAt == nil, let resolved = record.resolvedAt.flatMap({ CivilTime.parse($0) }) else {
            return false
        }
        return resolved.date.addingTimeInterval(3 * 86_400) < now
    }

    /// Every record as the journal now has it (none when there is no journal yet).
    static func readRecords(_ workspace: Workspace) throws(CommandFailure) -> [Record] {
        guard FileManager.default.fileExists(atPath: FileJournal.journalPath(in: workspace.dataDir)) else { return [] }
        let journal = try openJournal(workspace)
        defer { journal.close() }
        return journal.allRecords()
    }

    /// The data directory's journal; a damaged one fails with its location and the repair command.
    static func openJournal(_ workspace: Workspace) throws(CommandFailure) -> FileJournal {
        do {
            return try FileJournal(directory: workspace.dataDir)
        } catch {
            throw CommandFailure(error.message)
        }
    }

    static func jsonLines(_ records: [Record]) -> String {
        records.map { $0.json.serialized + "\n" }.joined()
    }
}
