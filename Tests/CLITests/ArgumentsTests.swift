import Testing

@testable import FrontDeskCLI

/// Captures what a command prints.
final class CapturedConsole: @unchecked Sendable {
    // Unchecked: a test drives one command at a time on one thread.
    var out = ""
    var err = ""
    lazy var console = Console(out: { [unowned self] in self.out += $0 }, err: { [unowned self] in self.err += $0 })
}

@Suite struct ArgumentsTests {
    let spec = ArgumentSpec(options: ["--port", "--host"], flags: ["--json"], maxPositionals: 1)

    @Test func parsesOptionsFlagsAndPositionals() throws {
        let args = try Arguments(["--port", "7700", "--json", "--host=::1", "file.txt"], spec: spec)
        #expect(args.value("--port") == "7700")
        #expect(args.value("--host") == "::1")
        #expect(args.has("--json"))
        #expect(args.positionals == ["file.txt"])
        #expect(try args.int("--port", default: 1, in: 1...65535) == 7700)
    }

    @Test(arguments: [
        (["--prot", "1"], "unknown option '--prot' (did you mean '--port'?)"),
        (["--zzzzzzzz"], "unknown option '--zzzzzzzz'"),
        (["--port"], "option '--port' needs a value"),
        (["--port", "1", "--port", "2"], "option '--port' given twice"),
        (["--json=yes"], "option '--json' takes no value"),
        (["a", "b"], "too many arguments"),
        (["-x"], "unknown option '-x'"),
    ])
    func rejects(argv: [String], message: String) {
        #expect(throws: UsageError(message)) { try Arguments(argv, spec: spec) }
    }

    @Test func rangeChecksIntegers() throws {
        let args = try Arguments(["--port", "99999"], spec: spec)
        #expect(throws: UsageError("option '--port' expects a whole number from 1 to 65535, got '99999'")) {
            try args.int("--port", default: 1, in: 1...65535)
        }
    }
}

@Suite struct DispatchTests {
    @Test func unknownCommandIsAUsageError() {
        let captured = CapturedConsole()
        let status = FrontDesk.main(["frobnicate"], console: captured.console)
        #expect(status == 2)
        #expect(captured.err.hasPrefix("frontdesk: unknown command 'frobnicate'\nusage: frontdesk <command>"))
        #expect(captured.out.isEmpty)
    }

    @Test func noArgumentsPrintsUsageAndExits2() {
        let captured = CapturedConsole()
        #expect(FrontDesk.main([], console: captured.console) == 2)
        #expect(captured.err.contains("usage: frontdesk <command>"))
    }

    @Test func helpListsEveryCommand() {
        let captured = CapturedConsole()
        #expect(FrontDesk.main(["--help"], console: captured.console) == 0)
        for command in FrontDesk.commands {
            #expect(captured.out.contains("  \(command.name)"))
        }
    }

    @Test func everyCommandHasHelpAndRejectsUnknownFlags() {
        for command in FrontDesk.commands {
            let help = CapturedConsole()
            #expect(FrontDesk.main([command.name, "--help"], console: help.console) == 0)
            #expect(help.out == command.usage)
            let bad = CapturedConsole()
            #expect(FrontDesk.main([command.name, "--no-such-flag"], console: bad.console) == 2)
            #expect(bad.err.hasPrefix("frontdesk \(command.name): unknown option '--no-such-flag'"))
        }
    }
}

/// The options each command declares and the ones its usage text names do not drift apart, and the
/// common flags of SPEC 2 are refused by name by the commands that do not read them.
@Suite struct OptionDriftTests {
    /// Options a command takes without showing them (`serve --echo`, for benchmarks only).
    static let hidden: Set<String> = ["--echo"]

    @Test func everyDeclaredOptionIsInItsUsage() {
        for command in FrontDesk.commands {
            for option in command.spec.options.union(command.spec.flags).subtracting(Self.hidden) {
                #expect(command.usage.contains(option), "\(command.name)'s usage omits \(option)")
            }
        }
    }

    @Test func serveSynopsisNamesLoops() throws {
        let synopsis = try #require(ServeCommand.usage.components(separatedBy: "\n\n").first)
        #expect(synopsis.contains("[--loops N]"))
    }

    @Test(arguments: [
        (["classify", "--data-dir", "var"], "frontdesk classify: option '--data-dir' is not used by this command"),
        (
            ["records", "list", "--intents", "intents"],
            "frontdesk records: option '--intents' is not used by this command"
        ),
    ])
    func commonFlagsACommandDoesNotReadAreRefused(_ argv: [String], _ message: String) {
        let captured = CapturedConsole()
        #expect(FrontDesk.main(argv, console: captured.console) == 2)
        #expect(captured.err.hasPrefix(message), "\(captured.err)")
        #expect(captured.out.isEmpty)
    }

    @Test func reportReadsIntentsAndSaysSo() {
        #expect(ReportCommand.spec.options.contains("--intents"))
        #expect(ReportCommand.usage.contains("[--intents DIR]"))
    }
}
