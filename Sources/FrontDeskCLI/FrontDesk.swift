import Foundation

/// The `frontdesk` executable: subcommand dispatch and the one place errors become exit codes.
public enum FrontDesk {
    /// Every subcommand, in the order `--help` lists them.
    static let commands: [any Subcommand.Type] = [
        // COMMANDS: one line per subcommand (keep this marker for merges)
        ChatCommand.self,
        ServeCommand.self,
        ConnectCommand.self,
        DeskCommand.self,
        ClassifyCommand.self,
        TestCommand.self,
        ReplayCommand.self,
        RecordsCommand.self,
        ReportCommand.self,
        LintCommand.self,
    ]

    static let mainUsage: String = {
        var text = "usage: frontdesk <command> [options]\n\ncommands:\n"
        for command in commands {
            text += "  \(command.name.padding(toLength: 10, withPad: " ", startingAt: 0))\(command.summary)\n"
        }
        text += "\nRun 'frontdesk <command> --help' for a command's options.\n"
        return text
    }()

    /// Runs `frontdesk` with `argv` (without the program name) and returns the exit status.
    public static func main(_ argv: [String], console: Console = .standard()) -> Int32 {
        guard let name = argv.first else {
            console.err(mainUsage)
            return 2
        }
        if name == "--help" || name == "-h" || name == "help" {
            console.out(mainUsage)
            return 0
        }
        guard let command = commands.first(where: { $0.name == name }) else {
            console.err("frontdesk: unknown command '\(name)'\n\(mainUsage)")
            return 2
        }
        let rest = Array(argv.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            console.out(command.usage)
            return 0
        }
        do {
            let arguments = try Arguments(rest, spec: command.spec)
            return try command.run(arguments, console: console)
        } catch let error as UsageError {
            console.err("frontdesk \(name): \(error.message)\n\(command.usage)")
            return 2
        } catch let error as CommandFailure {
            console.err("frontdesk \(name): \(error.message)\n")
            return 1
        } catch {
            console.err("frontdesk \(name): \(error)\n")
            return 1
        }
    }
}
