import Foundation
import FrontDeskContent
import FrontDeskModel

/// `frontdesk lint`: validates `intents/` (format, phrases, FAQ) and the estate file.
struct LintCommand: Subcommand {
    static let name = "lint"
    static let summary = "validate intents/ and the estate file"
    static let spec = ArgumentSpec([.intents, .estate])
    static let usage = Usage.text(
        command: name, synopses: [("", nil)],
        about: """
            Prints every problem once as 'file: path: message' and exits 1 if there is any. Content that
            cannot be loaded is still checked as far as it goes: the phrases' forbidden words, placeholders
            and missing variants are all reported alongside the format mistakes, and so is a keyword listed
            twice in one intent or under two intents.
            """,
        spec: spec)

    static func run(_ arguments: Arguments, console: Console) throws -> Int32 {
        let workspace = try Workspace(arguments)
        var problems: [Diagnostic] = []
        var summary: [String] = []
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: workspace.intentsPath, isDirectory: &isDirectory),
            isDirectory.boolValue
        {
            do {
                let catalog = try Catalog.load(directory: workspace.intentsPath)
                problems += catalog.lint()
                let keywords = catalog.intents.reduce(0) { $0 + $1.keywords.count }
                summary.append(
                    "\(catalog.intents.count) intents, \(keywords) keywords, \(catalog.faq.count) FAQ topics")
            } catch {
                problems += error.diagnostics
                // The phrases on their own: their rules are worth reporting even when an intent is broken.
                var loading: [Diagnostic] = []
                let phrases = PhraseBook.load(
                    directory: (workspace.intentsPath as NSString).appendingPathComponent("phrases"),
                    diagnostics: &loading)
                problems += loading + phrases.lint()
            }
        } else {
            problems.append(Diagnostic(file: workspace.intentsPath, path: "", message: "intents folder not found"))
        }
        if FileManager.default.fileExists(atPath: workspace.estatePath) {
            do {
                console.err(try Estate.load(path: workspace.estatePath).warnings.map { "warning: \($0)\n" }.joined())
                summary.append("estate \(workspace.estatePath)")
            } catch {
                problems += error.diagnostics
            }
        } else {
            problems.append(Diagnostic(file: workspace.estatePath, path: "", message: "estate file not found"))
        }
        problems = LintCommand.once(problems)
        if !problems.isEmpty {
            console.out(problems.map { $0.description + "\n" }.joined())
            console.err("frontdesk lint: \(problems.count) problem\(problems.count == 1 ? "" : "s")\n")
            return 1
        }
        console.out("OK: \(summary.joined(separator: "; "))\n")
        return 0
    }

    /// Each diagnostic once, in the order first found.
    static func once(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return diagnostics.filter { seen.insert($0).inserted }
    }
}
