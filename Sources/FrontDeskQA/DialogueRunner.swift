import Foundation
import FrontDeskContent
import FrontDeskDialogue
import FrontDeskJournal
import FrontDeskModel

/// Runs scripted dialogues against the real engine: a fixed (manually moved) clock, a
/// throw-away data directory with the real `FileJournal` and `TranscriptWriter`, deleted after.
public struct DialogueRunner: Sendable {
    /// The content and estate shared by every dialogue.
    public var environment: DialogueEnvironment

    /// A runner.
    public init(environment: DialogueEnvironment) { self.environment = environment }

    /// Reads, parses and runs one dialogue file; a syntax error is a failure of that file.
    public func run(file path: String) -> DialogueResult {
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let decoded = String(validating: data, as: UTF8.self) else {
                return failed(path, line: 1, "a UTF-8 text file", "bytes that are not valid UTF-8")
            }
            text = decoded
        } catch {
            return failed(path, line: 1, "a readable dialogue file", "\(error.localizedDescription)")
        }
        do {
            return run(try DialogueParser.parse(text, path: path))
        } catch {
            let failures = error.problems.map {
                DialogueFailure(path: path, line: $0.line, expected: "a well-formed dialogue line", actual: $0.message)
            }
            return DialogueResult(path: path, title: "", turns: 0, failures: failures)
        }
    }

    /// Runs a parsed dialogue.
    public func run(_ dialogue: Dialogue) -> DialogueResult {
        let path = dialogue.path
        let estate: Estate
        do {
            estate = try environment.estate(for: dialogue)
        } catch {
            return failed(path, line: 1, "a valid @estate file", error.description, title: dialogue.title)
        }
        guard let start = CivilTime.parse(dialogue.now, defaultOffset: estate.utcOffset) else {
            return failed(path, line: 1, "a valid @now", dialogue.now, title: dialogue.title)
        }
        let scratch: ScratchDirectory
        do {
            scratch = try ScratchDirectory(label: "qa")
        } catch {
            return failed(path, line: 1, "a throw-away data directory", "\(error)", title: dialogue.title)
        }
        defer { scratch.remove() }
        let journal: FileJournal
        do {
            journal = try FileJournal(directory: scratch.path)
        } catch {
            return failed(path, line: 1, "a fresh journal", error.description, title: dialogue.title)
        }
        defer { journal.close() }
        let transcripts: TranscriptWriter
        do {
            transcripts = try TranscriptWriter(directory: scratch.path + "/transcripts")
        } catch {
            return failed(path, line: 1, "a transcript directory", error.description, title: dialogue.title)
        }
        defer { transcripts.close() }
        let clock = ManualClock(start.date)
        let engine = Engine(catalog: environment.catalog, estate: estate, store: journal, clock: clock)
        var run = DialogueRun(
            dialogue: dialogue, engine: engine, store: journal, clock: clock, transcripts: transcripts)
        run.perform()
        return DialogueResult(path: path, title: dialogue.title, turns: dialogue.turns.count, failures: run.failures)
    }

    private func failed(_ path: String, line: Int, _ expected: String, _ actual: String, title: String = "")
        -> DialogueResult
    {
        DialogueResult(
            path: path, title: title, turns: 0,
            failures: [DialogueFailure(path: path, line: line, expected: expected, actual: actual)])
    }
}
