import Foundation
import FrontDeskQA

/// `frontdesk test [PATH…]`: runs scripted dialogues.
struct TestCommand: Subcommand {
    static let name = "test"
    static let summary = "run scripted dialogues (default transcripts/)"
    static let usage = """
        usage: frontdesk test [PATH…] [--intents DIR] [--estate FILE] [--verbose]

        Runs every *.dialogue file under each PATH (default transcripts/, recursively), each with
        its own fixed clock (@now) and a throw-away data directory. Prints every failure as
        file:line with the expected and the actual turn, and ends with 'N passed, N failed'
        (counting dialogue files). Exits 1 when any dialogue fails.

        options:
          --intents DIR     content folder (default intents)
          --estate FILE     estate file for every dialogue, overriding their @estate (default estate/sample.json)
          --verbose         also list the dialogues that pass

        """
    static let spec = ArgumentSpec(options: ["--intents", "--estate"], flags: ["--verbose"], maxPositionals: nil)

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
