import FrontDeskModel

/// Bad command-line arguments: printed as one line plus usage, exit 2.
public struct UsageError: Error, Sendable, Equatable {
    /// What was wrong, e.g. `unknown option '--prot' (did you mean '--port'?)`.
    public var message: String
    /// A usage error with this message.
    public init(_ message: String) { self.message = message }
}

/// A failure while running a command: printed as one line, exit 1.
public struct CommandFailure: Error, Sendable, Equatable {
    /// What failed, in one line.
    public var message: String
    /// A failure with this message.
    public init(_ message: String) { self.message = message }
}

/// Which options a subcommand takes.
public struct ArgumentSpec: Sendable {
    /// Options that take a value: `--port 7700` or `--port=7700`.
    public var options: Set<String>
    /// Options that take no value: `--json`.
    public var flags: Set<String>
    /// Options that may be given more than once (values collected in order).
    public var repeatable: Set<String>
    /// How many positional arguments are allowed (`nil`: any number).
    public var maxPositionals: Int?

    /// A spec; options in `repeatable` are added to `options`, and by default no positional is allowed.
    public init(
        options: Set<String> = [], flags: Set<String> = [], repeatable: Set<String> = [], maxPositionals: Int? = 0
    ) {
        self.options = options.union(repeatable)
        self.flags = flags
        self.repeatable = repeatable
        self.maxPositionals = maxPositionals
    }

    /// The options every command that reads content and data takes (SPEC 2).
    public static let common: Set<String> = ["--intents", "--estate", "--data-dir", "--now"]

    /// The common flags of SPEC 2, `--json` included: a command that does not read one refuses it
    /// by name, instead of the "unknown option" of a misspelling.
    public static let commonFlags: Set<String> = common.union(["--json"])
}

/// Parsed arguments of one subcommand.
public struct Arguments: Sendable {
    /// The values of each option given, by name with its dashes (`--port`), in command-line order.
    public private(set) var values: [String: [String]] = [:]
    /// The flags given, by name with their dashes (`--json`).
    public private(set) var flags: Set<String> = []
    /// The arguments that are not options, in order (everything after `--` included).
    public private(set) var positionals: [String] = []

    /// Parses `argv` (without the program and subcommand names) against `spec`.
    ///
    /// - Throws: `UsageError` for an unknown option (with a suggestion), a missing value, a
    ///   repeated option, or too many positional arguments.
    public init(_ argv: [String], spec: ArgumentSpec) throws(UsageError) {
        var i = 0
        var onlyPositionals = false
        while i < argv.count {
            let arg = argv[i]
            i += 1
            if onlyPositionals || !arg.hasPrefix("--") || arg == "-" {
                if !onlyPositionals, arg.hasPrefix("-"), arg != "-", arg.count > 1 {
                    throw UsageError("unknown option '\(arg)'")
                }
                positionals.append(arg)
                continue
            }
            if arg == "--" {
                onlyPositionals = true
                continue
            }
            var name = arg
            var inline: String?
            if let eq = arg.firstIndex(of: "=") {
                name = String(arg[..<eq])
                inline = String(arg[arg.index(after: eq)...])
            }
            if spec.flags.contains(name) {
                if inline != nil { throw UsageError("option '\(name)' takes no value") }
                flags.insert(name)
            } else if spec.options.contains(name) {
                let value: String
                if let inline {
                    value = inline
                } else {
                    guard i < argv.count else { throw UsageError("option '\(name)' needs a value") }
                    value = argv[i]
                    i += 1
                }
                if values[name] != nil, !spec.repeatable.contains(name) {
                    throw UsageError("option '\(name)' given twice")
                }
                values[name, default: []].append(value)
            } else if ArgumentSpec.commonFlags.contains(name) {
                throw UsageError("option '\(name)' is not used by this command (it reads nothing it names)")
            } else {
                let known = spec.flags.union(spec.options).sorted()
                if let hint = Suggestion.closest(to: name, among: known, within: 3) {
                    throw UsageError("unknown option '\(name)' (did you mean '\(hint)'?)")
                }
                throw UsageError("unknown option '\(name)'")
            }
        }
        if let max = spec.maxPositionals, positionals.count > max {
            throw UsageError(max == 0 ? "unexpected argument '\(positionals[0])'" : "too many arguments")
        }
    }

    /// The value of an option, or `nil` when absent.
    public func value(_ name: String) -> String? { values[name]?.last }

    /// Every value of a repeatable option.
    public func all(_ name: String) -> [String] { values[name] ?? [] }

    /// Whether a flag was given.
    public func has(_ flag: String) -> Bool { flags.contains(flag) }

    /// An integer option in `range`, or `defaultValue` when absent.
    ///
    /// - Throws: `UsageError` when it is not a whole number in range.
    public func int(_ name: String, default defaultValue: Int, in range: ClosedRange<Int>) throws(UsageError) -> Int {
        guard let text = value(name) else { return defaultValue }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError(
                "option '\(name)' expects a whole number from \(range.lowerBound) to \(range.upperBound), got '\(text)'"
            )
        }
        return number
    }
}
