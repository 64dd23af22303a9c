import Foundation
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

/// One option a command takes, declared once: its name, whether it takes a value, its help line.
/// Parsing, the usage text and the "unknown option" error all come from these declarations.
public struct CommandOption: Sendable, Equatable {
    /// Whether the option takes a value (named by its placeholder, `DIR`) or is a flag.
    public enum Kind: Sendable, Equatable {
        /// `--port 7700` or `--port=7700`; the placeholder names the value in the usage text.
        case value(placeholder: String)
        /// `--json`: no value.
        case flag
    }

    /// The name with its dashes: `--port`.
    public var name: String
    /// Value or flag.
    public var kind: Kind
    /// The help line (a `\n` continues it on the next line, aligned).
    public var help: String
    /// Whether it may be given more than once (values collected in order).
    public var repeatable: Bool
    /// Accepted but left out of the usage text (`serve --echo`, for benchmarks only).
    public var hidden: Bool

    /// An option taking a value named `placeholder`.
    public static func value(_ name: String, _ placeholder: String, _ help: String, repeatable: Bool = false)
        -> CommandOption
    {
        CommandOption(name: name, kind: .value(placeholder: placeholder), help: help, repeatable: repeatable, hidden: false)
    }

    /// An option taking no value.
    public static func flag(_ name: String, _ help: String, hidden: Bool = false) -> CommandOption {
        CommandOption(name: name, kind: .flag, help: help, repeatable: false, hidden: hidden)
    }

    /// The same option with the help line a command gives it.
    public func help(_ text: String) -> CommandOption {
        var copy = self
        copy.help = text
        return copy
    }

    /// Whether it takes a value.
    public var takesValue: Bool { kind != .flag }

    /// How the usage text shows it: `--port N`, `--json`.
    public var label: String {
        switch kind {
        case .value(let placeholder): "\(name) \(placeholder)"
        case .flag: name
        }
    }

    // The common options of SPEC 2, with their usual help lines.
    /// `--intents DIR`.
    public static let intents = value("--intents", "DIR", "content folder (default intents)")
    /// `--estate FILE`.
    public static let estate = value("--estate", "FILE", "estate file (default estate/sample.json)")
    /// `--data-dir DIR`.
    public static let dataDir = value("--data-dir", "DIR", "records and transcripts (default var)")
    /// `--now ISO8601`.
    public static let now = value("--now", "ISO8601", "fixed clock: deterministic record IDs and replies")
    /// `--json`.
    public static let json = flag("--json", "JSON lines instead of text")
}

/// Which options a subcommand takes: its declarations, in the order its usage lists them.
public struct ArgumentSpec: Sendable {
    /// Every option, in usage order.
    public let declared: [CommandOption]
    /// How many positional arguments are allowed (`nil`: any number).
    public var maxPositionals: Int?
    private let byName: [String: CommandOption]

    /// A spec of these options; by default no positional is allowed. A name declared twice is a
    /// programming mistake and traps.
    public init(_ declared: [CommandOption], maxPositionals: Int? = 0) {
        self.declared = declared
        self.maxPositionals = maxPositionals
        byName = Dictionary(declared.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in
            preconditionFailure("option \(first.name) declared twice")
        })
    }

    /// The declaration of `name`, or `nil`.
    public func option(_ name: String) -> CommandOption? { byName[name] }

    /// Every declared name.
    public var names: Set<String> { Set(byName.keys) }

    /// The names the usage text shows (hidden ones left out).
    public var shownNames: Set<String> { Set(declared.filter { !$0.hidden }.map(\.name)) }

    /// The common options of SPEC 2 that take a value.
    public static let common: [CommandOption] = [.intents, .estate, .dataDir, .now]

    /// The common flags of SPEC 2, `--json` included: a command that does not read one refuses it
    /// by name, instead of the "unknown option" of a misspelling.
    public static let commonFlags: Set<String> = Set((common + [.json]).map(\.name))

    /// `[--json] [--intents DIR] …` for these names (all shown options when `nil`), wrapped before
    /// `width` with continuation lines indented by `indent` spaces.
    public func synopsis(_ names: [String]? = nil, indent: Int, width: Int = 104) -> String {
        let options = names.map { $0.compactMap(option) } ?? declared
        var lines: [String] = []
        var line = ""
        for option in options where !option.hidden {
            let part = "[\(option.label)]"
            if !line.isEmpty, indent + line.count + 1 + part.count > width {
                lines.append(line)
                line = part
            } else {
                line += line.isEmpty ? part : " " + part
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n" + String(repeating: " ", count: indent))
    }

    /// The `options:` section: one aligned line per shown option.
    public var optionLines: String {
        let shown = declared.filter { !$0.hidden }
        guard !shown.isEmpty else { return "" }
        let column = (shown.map(\.label.count).max() ?? 0) + 4
        var text = "options:\n"
        for option in shown {
            let pad = String(repeating: " ", count: column - 2 - option.label.count)
            let help = option.help.replacingOccurrences(
                of: "\n", with: "\n" + String(repeating: " ", count: column))
            text += "  \(option.label)\(pad)\(help)\n"
        }
        return text
    }
}

/// The usage text of a command, made from its declarations.
public enum Usage {
    /// `usage: frontdesk NAME POSITIONALS [options…]`, then `about`, then the options section.
    /// `synopses` gives one line per form (records' actions); each names its positionals and options.
    public static func text(
        command: String, synopses: [(positionals: String, options: [String]?)], about: String, spec: ArgumentSpec
    ) -> String {
        var text = ""
        for (index, form) in synopses.enumerated() {
            var head = (index == 0 ? "usage: " : "       ") + "frontdesk \(command)"
            if !form.positionals.isEmpty { head += " " + form.positionals }
            let options = spec.synopsis(form.options, indent: head.count + 1)
            text += head + (options.isEmpty ? "" : " " + options) + "\n"
        }
        if !about.isEmpty { text += "\n" + about + (about.hasSuffix("\n") ? "" : "\n") }
        let options = spec.optionLines
        if !options.isEmpty { text += "\n" + options }
        return text + "\n"
    }
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
            if let option = spec.option(name), !option.takesValue {
                if inline != nil { throw UsageError("option '\(name)' takes no value") }
                flags.insert(name)
            } else if let option = spec.option(name) {
                let value: String
                if let inline {
                    value = inline
                } else {
                    guard i < argv.count else { throw UsageError("option '\(name)' needs a value") }
                    value = argv[i]
                    i += 1
                }
                if values[name] != nil, !option.repeatable {
                    throw UsageError("option '\(name)' given twice")
                }
                values[name, default: []].append(value)
            } else if ArgumentSpec.commonFlags.contains(name) {
                throw UsageError("option '\(name)' is not used by this command (it reads nothing it names)")
            } else {
                let known = spec.names.sorted()
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
