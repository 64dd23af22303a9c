import Foundation
import FrontDeskJournal
import FrontDeskModel

/// `frontdesk records`: the operators' view of the journal — list, show, update, overdue return
/// visits, and the repair of a damaged journal (SPEC 2, 5, 8.1). Works while `serve` runs: the
/// journal is shared through its file lock, so an update here is what residents see next.
struct RecordsCommand: Subcommand {
    static let name = "records"
    static let summary = "list, show and update records; overdue return visits; repair the journal"
    static let spec = ArgumentSpec(
        [
            .value("--type", "T", "list: repair, complaint, decoration_permit, emergency or callback"),
            .value("--status", "S", "list: records in this status; update: the status to move to"),
            .value("--unit", "U", "list: records of this unit (3-2-501)"),
            .value("--phone", "DIGITS", "list: any part of the contact number"),
            .value("--name", "TEXT", "list: any part of the contact name"),
            .value("--date", "YYYY-MM-DD", "list: created on this day"),
            .value("--from", "D", "list: created from this day …"),
            .value("--to", "D", "… to this one, both included"),
            .flag("--full", "list: phones unmasked on a terminal"),
            .value("--note", "TEXT", "update: a note with the step (needed to reopen)"),
            .flag("--tell-resident", "update: the note is meant for the resident"),
            .value("--assign", "NAME", "update: who the record is assigned to"),
            .value(
                "--satisfaction", "LEVEL", "update: the return-visit answer, as stored (intents/journal.json) or 5..1"),
            .value("--actor", "NAME", "update: who made the change (default operator)"),
            .json.help("JSON lines instead of a table"),
            .dataDir,
            .estate.help("estate file: its time zone (default estate/sample.json)"),
            .intents.help("update: the content folder naming the satisfaction levels (default intents)"),
            .now,
        ], maxPositionals: 2)

    /// Each action, its positionals and the options it takes beyond the common ones, in usage order.
    static let actions: [(name: String, positionals: String, options: [String])] = [
        (
            "list", "",
            ["--type", "--status", "--unit", "--phone", "--name", "--date", "--from", "--to", "--full", "--json"]
        ),
        ("show", "ID", ["--json"]),
        (
            "update", "ID",
            ["--status", "--note", "--tell-resident", "--assign", "--satisfaction", "--actor", "--intents", "--json"]
        ),
        ("overdue", "", ["--json"]),
        ("repair", "", []),
    ]

    /// Which options each action takes, beyond the common ones.
    static let actionOptions: [String: Set<String>] = Dictionary(
        uniqueKeysWithValues: actions.map { ($0.name, Set($0.options)) })

    /// The common flags every action takes (`--data-dir`, `--estate`, `--now`); a common flag only some actions read
    /// (`--intents`, for `update`'s satisfaction names) is in those actions' lists and refused by the others.
    static let everyActionTakes = Set(ArgumentSpec.common.map(\.name)).subtracting(actions.flatMap(\.options))

    static let usage = Usage.text(
        command: name,
        synopses: actions.map { action in
            ([action.name, action.positionals].filter { !$0.isEmpty }.joined(separator: " "), action.options)
        },
        about: """
              list      records, oldest first, filtered by type, status, unit, phone (any part of the number),
                        name (any part) and creation date (--date, or --from and --to); on a terminal phones
                        are masked unless --full
              show      one record with its full history (IDs in any case: rep-20261122-0001)
              update    move a record along its lifecycle (with a note), assign it (--assign), or record a
                        return-visit answer (--satisfaction);
                        --tell-resident marks the note as meant for the resident: the bot shows the latest
                        such note when the resident asks about the record. The actor defaults to 'operator'.
                        Lifecycle: open → dispatched → in_progress → resolved → closed (steps may skip
                        ahead); permits pending_review → approved | rejected, approved → inspected, → closed.
                        Reopening (resolved/closed → open or in_progress; rejected/closed permit →
                        pending_review) needs --note; any other step back is refused (exit 1).
              overdue   resolved records whose return visit (due within 3 days) has not been made
              repair    move damaged journal lines aside so that the journal opens again

            Every action takes --data-dir, --estate and --now. A data directory without a journal is
            reported on stderr; list and overdue then print nothing found and exit 0 (a new office has no
            records yet), show and update exit 1.
            """,
        spec: spec)

    static func run(_ arguments: Arguments, console: Console) throws -> Int32 {
        guard let action = arguments.positionals.first else { throw UsageError(Message.missingAction) }
        guard let allowed = actionOptions[action] else { throw UsageError(Message.unknownAction(action)) }
        let given = Set(arguments.values.keys).union(arguments.flags).subtracting(everyActionTakes)
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
            let records = try readRecords(workspace, console: console).filter(filter.matches)
            let mask = console.outIsTerminal && !arguments.has("--full")
            console.out(json ? jsonLines(records) : RecordsTable.list(records, maskPhones: mask))
        case "show":
            let id = arguments.positionals[1].uppercased()
            guard let record = try readRecords(workspace, console: console).first(where: { $0.id == id }) else {
                throw CommandFailure(Message.noRecord(id))
            }
            console.out(json ? jsonLines([record]) : RecordsTable.detail(record))
        case "update":
            let id = arguments.positionals[1].uppercased()
            let record = try RecordsUpdate.run(arguments, id: id, workspace: workspace, console: console)
            console.out(json ? jsonLines([record]) : RecordsTable.updated(record))
        case "overdue":
            let now = workspace.clock.now()
            let records = try readRecords(workspace, console: console).filter { ReturnVisit.isOverdue($0, now: now) }
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

    /// Every record as the journal now has it; none, said on stderr, when the data directory has no journal.
    static func readRecords(_ workspace: Workspace, console: Console) throws(CommandFailure) -> [Record] {
        guard hasJournal(workspace, console: console) else { return [] }
        let journal = try openJournal(workspace)
        defer { journal.close() }
        return journal.allRecords()
    }

    /// Whether the data directory has a journal; when not, says so on stderr (a misspelt `--data-dir`).
    static func hasJournal(_ workspace: Workspace, console: Console) -> Bool {
        let path = FileJournal.journalPath(in: workspace.dataDir)
        if FileManager.default.fileExists(atPath: path) { return true }
        console.err("frontdesk records: \(Message.noJournal(path))\n")
        return false
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
