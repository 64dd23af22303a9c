import Foundation
import FrontDeskJournal
import FrontDeskModel
import FrontDeskQA

/// `frontdesk replay FILE…`: transcripts as a readable conversation, `--check`, `--to-dialogue`.
struct ReplayCommand: Subcommand {
    static let name = "replay"
    static let summary = "print transcripts readably; --check re-runs them through today's engine"
    static let spec = ArgumentSpec(
        [
            .value("--session", "S", "only this session"),
            .value("--unit", "U", "only sessions that name this unit (3-2-501)"),
            .value("--date", "YYYY-MM-DD", "only events on this date (with --check: sessions with events that day)"),
            .value("--grep", "TEXT", "only sessions with a line containing TEXT (case-insensitive)"),
            .json.help("print the selected events as JSON lines"),
            .flag("--check", "compare with today's engine"),
            .value("--to-dialogue", "OUT", "write the --session as a dialogue file"),
            .intents.help("content folder for --check (default intents)"),
            .estate.help("estate file for --check (default estate/sample.json)"),
        ], maxPositionals: nil)
    static let usage = Usage.text(
        command: name, synopses: [("FILE…", nil)],
        about: """
            Prints transcript files (var/transcripts/*.jsonl) as a conversation: time, who, text, and under
            each bot line its intent, what it waits for and the record. Colours only on a terminal.
            --session and --date select events; --unit and --grep select whole sessions.

            --check re-runs the resident turns of each selected session through today's engine at the
            recorded times (throw-away data directory) and compares every bot turn's reply, intent,
            awaiting and record type. Record numbers are compared by their TYPE-YYYYMMDD- part; masked
            phones (138****5678) are replayed with zeros for the stars and flagged. Prints each
            difference as recorded vs now and ends with 'N passed, N failed' counted per bot turn
            (greetings included); exits 1 on any difference.

            --to-dialogue OUT writes the session given by --session as a scripted dialogue file
            (see README, 'Scripted dialogues'), expecting the recorded intents, awaiting and records.
            """,
        spec: spec)

    static func run(_ arguments: Arguments, console: Console) throws -> Int32 {
        let paths = arguments.positionals
        guard !paths.isEmpty else { throw UsageError("replay needs at least one transcript FILE") }
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            throw CommandFailure("no such file: \(path)")
        }
        if let date = arguments.value("--date"), CivilTime.parse(date) == nil || date.count != 10 {
            throw UsageError("--date expects YYYY-MM-DD, got '\(date)'")
        }
        let filter = ReplayFilter(
            session: arguments.value("--session"), unit: arguments.value("--unit"), date: arguments.value("--date"),
            grep: arguments.value("--grep"))
        if let out = arguments.value("--to-dialogue") {
            guard let session = filter.session else { throw UsageError("--to-dialogue needs --session S") }
            return try toDialogue(paths: paths, session: session, out: out, console: console)
        }
        if arguments.has("--check") { return try check(arguments, paths: paths, filter: filter, console: console) }
        return try show(paths: paths, filter: filter, json: arguments.has("--json"), console: console)
    }

    static func show(paths: [String], filter: ReplayFilter, json: Bool, console: Console) throws -> Int32 {
        var formatter = TranscriptFormatter(colour: isatty(1) == 1)
        let skipped: Int
        do {
            let selected = try filter.selectedSessions(paths: paths)
            skipped = try TranscriptReader.forEachEvent(paths: paths) { event in
                guard filter.passes(event), selected?.contains(event.session) ?? true else { return }
                console.out(json ? event.json.serialized + "\n" : formatter.format(event))
            }
        } catch let error as JournalError {
            throw CommandFailure(error.description)
        }
        if skipped > 0 { console.err("frontdesk replay: skipped \(skipped) line(s) that are not transcript events\n") }
        return 0
    }

    static func check(_ arguments: Arguments, paths: [String], filter: ReplayFilter, console: Console) throws -> Int32 {
        let workspace = try Workspace(arguments)
        let checker = ReplayChecker(catalog: try workspace.catalog(), estate: try workspace.estate())
        let result: ReplayCheckResult
        do {
            result = try checker.check(paths: paths, filter: filter)
        } catch let error as JournalError {
            throw CommandFailure(error.description)
        }
        console.out(result.report)
        return result.failed == 0 ? 0 : 1
    }

    static func toDialogue(paths: [String], session: String, out: String, console: Console) throws -> Int32 {
        let text: String
        do {
            text = try DialogueExporter.dialogue(paths: paths, session: session)
        } catch let error as DialogueSuiteError {
            throw CommandFailure(error.message)
        } catch let error as JournalError {
            throw CommandFailure(error.description)
        }
        try PrivateFile.write(text, to: out)
        console.out("wrote \(out)\n")
        return 0
    }
}
