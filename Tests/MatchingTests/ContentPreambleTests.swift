import Foundation
import FrontDeskContent
import FrontDeskModel
import Testing

/// Every content file read through the loader's one preamble (`readFile`) gets the same checks:
/// its top-level keys, its `version`, a string `description`, a file that is not an object, and
/// (when required) a missing file, each reported as `file: path: message`.
@Suite struct ContentPreambleTests {
    /// The files that share the preamble, and whether the catalog needs them.
    static let files: [(name: String, required: Bool)] = [
        ("entities.json", true), ("grouping.json", true), ("dialogue.json", true), ("acts.json", true),
        ("journal.json", true), ("regional.json", false), ("learning.json", false),
    ]

    /// The diagnostics of loading `intents/` with `file` replaced by `text` (removed when `nil`).
    func diagnostics(_ file: String, _ text: String?) throws -> [String] {
        let directory = try Support.copyOfIntents()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/" + file
        if let text {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } else {
            try FileManager.default.removeItem(atPath: path)
        }
        do {
            _ = try Catalog.load(directory: directory)
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: directory + "/", with: "") }
        }
    }

    @Test(arguments: files.map(\.name))
    func versionDescriptionAndKeysAreChecked(file: String) throws {
        let lines = try diagnostics(file, #"{"version": 9, "description": 3, "verison": 1}"#)
        #expect(lines.contains { $0.hasPrefix("\(file): version: ") && $0.contains("9") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("\(file): description: expected a string") }, "\(lines)")
        #expect(lines.contains("\(file): verison: unknown key 'verison' (did you mean 'version'?)"), "\(lines)")
    }

    @Test(arguments: files.map(\.name))
    func aFileThatIsNotAnObjectIsOneMistake(file: String) throws {
        let lines = try diagnostics(file, "[1, 2]")
        #expect(lines.filter { $0.hasPrefix(file) } == ["\(file): expected an object, got an array"], "\(lines)")
    }

    @Test(arguments: files)
    func aMissingFileIsReportedWhenRequired(file: String, required: Bool) throws {
        let lines = try diagnostics(file, nil)
        #expect(lines.contains("\(file): file not found") == required, "\(lines)")
    }
}
