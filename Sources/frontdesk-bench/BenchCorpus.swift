import Foundation
import FrontDeskModel

/// The words of the benchmarks' generated data, read from `bench/corpus.json` (the benchmarks run from the
/// repository root): the classify corpus's parts, the entity messages, the sample turns of the journal and
/// turns benchmarks, and the report year's names, notes and chat lines. The Swift here holds the shapes
/// (how often, in which order); the words are data, as the house rule asks of every word.
struct BenchCorpus: Sendable {
    /// The parts `MessageCorpus.generate` composes messages from.
    struct Classify: Sendable {
        var zhOpeners: [String]
        var zhBodies: [String]
        var zhFillers: [String]
        var hantBodies: [String]
        /// Joins two Traditional bodies.
        var hantJoiner: String
        var enBodies: [String]
        var enFillers: [String]
    }

    /// The transcript event and record the journal benchmark writes.
    struct Journal: Sendable {
        var botReply: String
        var slotDescription: String
        var recordDescription: String
    }

    /// The names, notes and chat lines of the report benchmark's generated year.
    struct Report: Sendable {
        var estateName: String
        var residentName: String
        var description: String
        var technician: String
        var dispatchedNote: String
        var resolvedNote: String
        var visitor: String
        var greeting: String
        var whichOne: String
        var notUnderstood: String
        var correction: String
        /// The bot's acknowledgement around the resident's text (`recorded`'s `{text}`).
        var recordedBefore: String
        var recordedAfter: String
        var questionMark: String
        var understood: [(text: String, intent: String)]
        var unknown: [String]

        /// The acknowledgement of `text`.
        func recorded(_ text: String) -> String { recordedBefore + text + recordedAfter }
    }

    var classify: Classify
    var entities: [String]
    var journal: Journal
    /// The bot turn the turns benchmark's writer-only run appends.
    var turnsReply: String
    var report: Report

    /// The file's place, relative to the repository root.
    static let path = "bench/corpus.json"

    /// A mistake in the corpus file: its path and what is wrong.
    struct LoadError: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads `path`.
    ///
    /// - Throws: `LoadError` naming the file and the key when it cannot be read, is not JSON, or lacks a part.
    static func load(path: String = BenchCorpus.path) throws(LoadError) -> BenchCorpus {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(description: "\(path): cannot be read (run from the repository root)")
        }
        let root: JSON
        do { root = try JSON.parse(data) } catch { throw LoadError(description: "\(path): \(error)") }
        guard root["version"]?.int == 1 else { throw LoadError(description: "\(path): version: expected 1") }
        func node(_ keys: [String]) throws(LoadError) -> JSON {
            var value = root
            for key in keys {
                guard let next = value[key] else {
                    throw LoadError(description: "\(path): \(keys.joined(separator: ".")): missing")
                }
                value = next
            }
            return value
        }
        func text(_ keys: String...) throws(LoadError) -> String {
            guard let value = try node(keys).string else {
                throw LoadError(description: "\(path): \(keys.joined(separator: ".")): expected a string")
            }
            return value
        }
        func list(_ keys: String...) throws(LoadError) -> [String] {
            guard let items = try node(keys).array, !items.isEmpty else {
                throw LoadError(description: "\(path): \(keys.joined(separator: ".")): expected a list of strings")
            }
            var out: [String] = []
            for (i, item) in items.enumerated() {
                guard let s = item.string else {
                    throw LoadError(description: "\(path): \(keys.joined(separator: "."))[\(i)]: expected a string")
                }
                out.append(s)
            }
            return out
        }
        let recorded = try text("report", "recorded")
        guard let hole = recorded.range(of: "{text}") else {
            throw LoadError(description: "\(path): report.recorded: expected a {text} placeholder")
        }
        guard let understoodItems = try node(["report", "understood"]).array, !understoodItems.isEmpty else {
            throw LoadError(description: "\(path): report.understood: expected a list of {text, intent}")
        }
        var understood: [(text: String, intent: String)] = []
        for (i, item) in understoodItems.enumerated() {
            guard let t = item["text"]?.string, let intent = item["intent"]?.string else {
                throw LoadError(description: "\(path): report.understood[\(i)]: expected text and intent")
            }
            understood.append((t, intent))
        }
        return BenchCorpus(
            classify: Classify(
                zhOpeners: try list("classify", "zh_openers"), zhBodies: try list("classify", "zh_bodies"),
                zhFillers: try list("classify", "zh_fillers"), hantBodies: try list("classify", "hant_bodies"),
                hantJoiner: try text("classify", "hant_joiner"), enBodies: try list("classify", "en_bodies"),
                enFillers: try list("classify", "en_fillers")),
            entities: try list("entities"),
            journal: Journal(
                botReply: try text("journal", "bot_reply"), slotDescription: try text("journal", "slot_description"),
                recordDescription: try text("journal", "record_description")),
            turnsReply: try text("turns", "bot_reply"),
            report: Report(
                estateName: try text("report", "estate_name"), residentName: try text("report", "resident_name"),
                description: try text("report", "description"), technician: try text("report", "technician"),
                dispatchedNote: try text("report", "dispatched_note"),
                resolvedNote: try text("report", "resolved_note"), visitor: try text("report", "visitor"),
                greeting: try text("report", "greeting"), whichOne: try text("report", "which_one"),
                notUnderstood: try text("report", "not_understood"), correction: try text("report", "correction"),
                recordedBefore: String(recorded[..<hole.lowerBound]),
                recordedAfter: String(recorded[hole.upperBound...]),
                questionMark: try text("report", "question_mark"), understood: understood,
                unknown: try list("report", "unknown")))
    }

    /// The corpus, or nil after printing why it does not load (for a benchmark to return 1).
    static func loadOrReport(_ benchmark: String) -> BenchCorpus? {
        do { return try load() } catch {
            FileHandle.standardError.write(Data("\(benchmark): \(error)\n".utf8))
            return nil
        }
    }
}
