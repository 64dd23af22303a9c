import Foundation
import FrontDeskContent
import FrontDeskJournal
import FrontDeskModel
import FrontDeskQA

/// Paths and content shared by the QA tests: the repository root is found from this file.
enum Repo {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static var intents: String { root + "/intents" }
    static var estateFile: String { root + "/estate/sample.json" }
    static var transcripts: String { root + "/transcripts" }

    static func catalog(_ directory: String = intents) throws -> Catalog { try Catalog.load(directory: directory) }
    static func estate() throws -> Estate { try Estate.load(path: estateFile) }
    /// The forbidden words of the real content (`intents/phrases/etiquette.json`).
    static let forbidden: ForbiddenWords = {
        do { return try catalog().phrases.forbidden } catch { fatalError("intents/ does not load: \(error)") }
    }()

    static func runner() throws -> DialogueRunner {
        DialogueRunner(
            environment: DialogueEnvironment(catalog: try catalog(), estate: try estate(), baseDirectory: root))
    }
}

/// Reads transcript events from a file.
enum FrontDeskJournalReading {
    static func events(_ path: String, _ body: (TranscriptEvent) -> Void) throws {
        try TranscriptReader.forEachEvent(paths: [path]) { body($0) }
    }
}
