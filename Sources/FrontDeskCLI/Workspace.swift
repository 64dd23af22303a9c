import Foundation
import FrontDeskContent
import FrontDeskDialogue
import FrontDeskJournal
import FrontDeskModel
import FrontDeskNet

/// What a command reads from the common flags (SPEC 2): content, estate, data directory, clock.
struct Workspace {
    static let defaultIntents = "intents"
    static let defaultEstate = "estate/sample.json"
    static let defaultDataDir = "var"

    var intentsPath: String
    var estatePath: String
    var dataDir: String
    var clock: any WallClock
    /// Whether `--now` fixed the clock.
    var fixedClock: Bool

    /// Reads `--intents`, `--estate`, `--data-dir` and `--now`.
    ///
    /// - Throws: `UsageError` for a `--now` that is not ISO 8601.
    init(_ arguments: Arguments) throws(UsageError) {
        intentsPath = arguments.value("--intents") ?? Workspace.defaultIntents
        estatePath = arguments.value("--estate") ?? Workspace.defaultEstate
        dataDir = arguments.value("--data-dir") ?? Workspace.defaultDataDir
        if let now = arguments.value("--now") {
            guard let time = CivilTime.parse(now, defaultOffset: 28_800) else {
                throw UsageError("--now expects an ISO 8601 time such as 2026-11-22T10:00:00+08:00, got '\(now)'")
            }
            clock = FixedClock(time.date)
            fixedClock = true
        } else {
            clock = SystemClock()
            fixedClock = false
        }
    }

    /// The catalog, or a failure listing every content mistake.
    ///
    /// - Throws: `CommandFailure` naming a missing folder or listing each diagnostic.
    func catalog() throws(CommandFailure) -> Catalog {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: intentsPath, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw CommandFailure("intents folder '\(intentsPath)' not found (use --intents DIR)")
        }
        do {
            return try Catalog.load(directory: intentsPath)
        } catch {
            throw CommandFailure("the content in '\(intentsPath)' has mistakes:\n" + error.description)
        }
    }

    /// The stored names of the satisfaction levels (`journal.json` of the content folder), or a failure listing
    /// every mistake in the file.
    ///
    /// - Throws: `CommandFailure` naming the folder and each diagnostic.
    func satisfactionNames() throws(CommandFailure) -> SatisfactionNames {
        do {
            return try Catalog.loadSatisfactionNames(directory: intentsPath)
        } catch {
            throw CommandFailure("the content in '\(intentsPath)' has mistakes:\n" + error.description)
        }
    }

    /// The estate, or a failure listing every mistake in its file.
    ///
    /// - Throws: `CommandFailure`.
    func estate() throws(CommandFailure) -> Estate {
        guard FileManager.default.fileExists(atPath: estatePath) else {
            throw CommandFailure("estate file '\(estatePath)' not found (use --estate FILE)")
        }
        do {
            return try Estate.load(path: estatePath)
        } catch {
            throw CommandFailure("the estate file has mistakes:\n" + error.description)
        }
    }
}

/// The engine wired to the data directory: what `chat` and `serve` run.
struct OpenDesk {
    let catalog: Catalog
    let engine: Engine
    let journal: FileJournal
    let transcripts: TranscriptWriter

    /// Flushes and fsyncs the transcripts and the journal (on exit).
    func close() {
        transcripts.close()
        journal.close()
    }
}

extension Workspace {
    /// Loads content and estate, opens the journal and the transcript files in the data directory
    /// (reporting what the journal recovered on `console` as `frontdesk COMMAND: …`) and builds the engine.
    ///
    /// - Throws: `CommandFailure` for content or estate mistakes, or a data directory that cannot be opened.
    /// `inlineGuarded`: the engine writes through an `InlineGuardedStore` (the server's turns run on its event loops).
    func openDesk(command: String, console: Console, inlineGuarded: Bool = false) throws(CommandFailure) -> OpenDesk {
        let catalog = try catalog()
        let estate = try estate()
        let journal: FileJournal
        let transcripts: TranscriptWriter
        do {
            journal = try FileJournal(directory: dataDir)
            transcripts = try TranscriptWriter(directory: dataDir + "/transcripts")
        } catch {
            throw CommandFailure("cannot open the data directory '\(dataDir)': \(error.description)")
        }
        for message in journal.recovery { console.err("frontdesk \(command): \(message)\n") }
        let store: any RecordStore = inlineGuarded ? InlineGuardedStore(journal) : journal
        let engine = Engine(catalog: catalog, estate: estate, store: store, clock: clock)
        return OpenDesk(catalog: catalog, engine: engine, journal: journal, transcripts: transcripts)
    }
}
