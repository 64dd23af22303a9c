import Foundation
import FrontDeskQA

/// `frontdesk test [PATH…]`: runs scripted dialogues.
struct TestCommand: Subcommand {
    static let name = "test"
    static let summary = "run scripted dialogues (default transcripts/)"
    static let spec = ArgumentSpec(
        [
            .intents,
            .estate.help("estate file for every dialogue, overriding their @estate (default estate/sample.json)"),
            .flag("--verbose", "also list the dialogues that pass"),
        ], maxPositionals: nil)
    static let usage = Usage.text(
        command: name, synopses: [("[PATH…]", nil)],
        about: """
            Runs every *.dialogue file under each PATH (default transcripts/, recursively), each with
            its own fixed clock (@now) and a throw-away data directory. Prints every failure as
            file:line with the expected and the actual turn, and ends with 'N passed, N failed'
            (counting dialogue files). Exits 1 when any dialogue fails.
            """,
        spec: spec)

    static func run(_ arguments: Arguments, console: Console) throws -> Int32 {
        let workspace = try Workspace(arguments)
        let catalog = try workspace.catalog()
        let estate = try workspace.estate()
        let paths = arguments.positionals.isEmpty ? ["transcripts"] : arguments.positionals
        let files: [String]
        do {
            files = try DialogueSuite.files(under: paths)
        } catch {
            throw CommandFailure(error.message)
        }
        let environment = DialogueEnvironment(
            catalog: catalog, estate: estate, baseDirectory: FileManager.default.currentDirectoryPath,
            estateOverridesDialogues: arguments.value("--estate") != nil)
        let runner = DialogueRunner(environment: environment)
        var results: [DialogueResult] = []
        for file in files {
            let result = runner.run(file: file)
            results.append(result)
            console.out(DialogueReport.details(result, verbose: arguments.has("--verbose")))
        }
        console.out(DialogueReport.summary(results) + "\n")
        return results.allSatisfy(\.passed) ? 0 : 1
    }
}
