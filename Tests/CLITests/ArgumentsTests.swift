import Foundation
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
    let spec = ArgumentSpec(
        [.value("--port", "N", "port"), .value("--host", "HOST", "host"), .json, .value("--tag", "T", "tag", repeatable: true)],
        maxPositionals: 1)

    @Test func parsesOptionsFlagsAndPositionals() throws {
        let args = try Arguments(["--port", "7700", "--json", "--host=::1", "file.txt"], spec: spec)
        #expect(args.value("--port") == "7700")
        #expect(args.value("--host") == "::1")
        #expect(args.has("--json"))
        #expect(args.positionals == ["file.txt"])
        #expect(try args.int("--port", default: 1, in: 1...65535) == 7700)
    }

    @Test func aRepeatableOptionCollectsItsValuesInOrder() throws {
        let args = try Arguments(["--tag", "a", "--tag=b"], spec: spec)
        #expect(args.all("--tag") == ["a", "b"])
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

/// Each command's options are declared once: its help text names exactly the declared options, and
/// every option it does not declare is refused (exit 2) with a message naming it; the common flags of
/// SPEC 2 are refused by name by the commands that do not read them.
@Suite struct OptionDriftTests {
    /// The option names in a usage text's `options:` section, in order.
    static func listedOptions(_ usage: String) -> [String] {
        guard let section = usage.components(separatedBy: "\noptions:\n").last, usage.contains("\noptions:\n")
        else { return [] }
        return section.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  --") else { return nil }
            return String(line.dropFirst(2).prefix { $0 != " " })
        }
    }

    /// Every `--name` anywhere in a usage text.
    static func mentionedOptions(_ usage: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(usage)
        while let start = rest.range(of: "--") {
            let name = rest[start.upperBound...].prefix { $0.isLetter || $0 == "-" }
            if !name.isEmpty { names.insert("--" + name) }
            rest = rest[start.upperBound...]
        }
        return names
    }

    @Test func everyHelpTextListsExactlyTheDeclaredOptions() {
        for command in FrontDesk.commands {
            let shown = command.spec.declared.filter { !$0.hidden }.map(\.name)
            #expect(Self.listedOptions(command.usage) == shown, "\(command.name)'s options section")
            #expect(
                Self.mentionedOptions(command.usage) == Set(shown), "\(command.name)'s usage names an undeclared option")
        }
    }

    @Test func theOptionsSectionIsReadBackByTheCheck() {
        // The check above must be able to fail: an options section missing a declared option differs.
        let spec = ArgumentSpec([.json, .intents])
        let usage = Usage.text(command: "x", synopses: [("", nil)], about: "", spec: spec)
        #expect(Self.listedOptions(usage) == ["--json", "--intents"])
        #expect(Self.listedOptions(usage.replacingOccurrences(of: "  --json", with: "  json")) == ["--intents"])
        #expect(Self.mentionedOptions("see --note and --tell-resident.") == ["--note", "--tell-resident"])
    }

    @Test func everyCommandRefusesEveryOptionItDoesNotDeclare() {
        let everyOption = Set(FrontDesk.commands.flatMap { $0.spec.names }).union(ArgumentSpec.commonFlags)
        for command in FrontDesk.commands {
            let positional = command == RecordsCommand.self ? ["list"] : []
            for option in everyOption.subtracting(command.spec.names).sorted() {
                let captured = CapturedConsole()
                let status = FrontDesk.main([command.name] + positional + [option, "x"], console: captured.console)
                #expect(status == 2, "\(command.name) \(option)")
                let named =
                    captured.err.hasPrefix("frontdesk \(command.name): unknown option '\(option)'")
                    || captured.err.hasPrefix(
                        "frontdesk \(command.name): option '\(option)' is not used by this command")
                #expect(named, "\(command.name) \(option): \(captured.err)")
                #expect(captured.err.contains("\nusage: frontdesk \(command.name)"))
                #expect(captured.out.isEmpty)
            }
        }
    }

    @Test func eachRecordsActionRefusesTheOptionsOfTheOthers() {
        for action in RecordsCommand.actions {
            // Common flags only some actions read (--intents) count as the others' stray options too.
            let common = RecordsCommand.everyActionTakes
            #expect(common == ["--data-dir", "--estate", "--now"])
            for option in RecordsCommand.spec.names.subtracting(action.options).subtracting(common).sorted() {
                let captured = CapturedConsole()
                let isFlag = RecordsCommand.spec.option(option)?.takesValue == false
                let argv = ["records", action.name] + (action.positionals.isEmpty ? [] : ["REP-20261120-0001"])
                let status = FrontDesk.main(argv + [option] + (isFlag ? [] : ["x"]), console: captured.console)
                #expect(status == 2, "records \(action.name) \(option)")
                #expect(
                    captured.err.hasPrefix(
                        "frontdesk records: option '\(option)' does not apply to 'records \(action.name)'"),
                    "\(captured.err)")
            }
        }
    }

    @Test func serveSynopsisNamesLoops() throws {
        let synopsis = try #require(ServeCommand.usage.components(separatedBy: "\n\n").first)
        #expect(synopsis.contains("[--loops N]"))
    }

    @Test(arguments: [
        (["classify", "--data-dir", "var"], "frontdesk classify: option '--data-dir' is not used by this command"),
        // records reads intents/ only for update's satisfaction names (journal.json): the other actions refuse it.
        (
            ["records", "list", "--intents", "intents"],
            "frontdesk records: option '--intents' does not apply to 'records list'"
        ),
        (
            ["records", "overdue", "--intents", "intents"],
            "frontdesk records: option '--intents' does not apply to 'records overdue'"
        ),
    ])
    func commonFlagsACommandDoesNotReadAreRefused(_ argv: [String], _ message: String) {
        let captured = CapturedConsole()
        #expect(FrontDesk.main(argv, console: captured.console) == 2)
        #expect(captured.err.hasPrefix(message), "\(captured.err)")
        #expect(captured.out.isEmpty)
    }

    @Test func reportReadsIntentsAndSaysSo() {
        #expect(ReportCommand.spec.option("--intents") != nil)
        #expect(ReportCommand.usage.contains("[--intents DIR]"))
    }
}
