import Foundation
import FrontDeskContent
import FrontDeskModel
import FrontDeskNet

/// `frontdesk desk`: the operator's console for `serve --operator-port` (SPEC 8.3).
struct DeskCommand: Subcommand {
    static let name = "desk"
    static let summary = "operator console for the live hand-off (serve --operator-port)"
    static let spec = ArgumentSpec([
        .value("--host", "HOST", "the server's address (default 127.0.0.1)"),
        .value("--port", "PORT", "its operator port (default 7701)"),
        .value(
            "--token-file", "FILE",
            "your token: a file holding 'name<TAB>token' (or the token alone), readable by\nyou only (chmod 600); default ./operator.token"),
        .intents.help("content folder, for the phrases shown (default intents)"),
    ])
    static let usage = Usage.text(
        command: name, synopses: [("", nil)],
        about: """
            On a terminal: the waiting queue (wait, language, unit, reason, last lines); 'take N' takes a
            resident, then typed lines go to them and theirs appear; /release [note] hands the resident back
            to the bot, /close ends politely, /queue shows the queue, /switch N changes session, /quit leaves.
            Piped: every JSON line from the server is printed unchanged, and each input line is sent as it
            is (the protocol of SPEC 8.3), after the sign-in.
            """,
        spec: spec)

    static func run(_ arguments: Arguments, console: Console) throws -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        let host = arguments.value("--host") ?? "127.0.0.1"
        let port = try arguments.int("--port", default: 7701, in: 1...65535)
        let token = try readToken(arguments.value("--token-file") ?? "operator.token")
        let interactive = isatty(0) == 1 && isatty(1) == 1
        // The console's labels come from intents/phrases; piped use needs none.
        let phrases = interactive ? try Workspace(arguments).catalog().phrases : nil
        let client = try ConnectCommand.connect(host: host, port: port)
        defer { client.close() }
        do {
            try client.send(JSON.object(JSONObject([("auth", .string(token))])).serialized)
            if let phrases {
                try runConsole(client, phrases: phrases, console: console)
            } else {
                try client.relay(input: 0, prompt: nil, output: console.out)
            }
        } catch {
            throw CommandFailure("connection to \(host):\(port) failed: \(error)")
        }
        return 0
    }

    /// The terminal console: the screen of `DeskConsole`, a prompt naming the current session.
    private static func runConsole(_ client: LineClient, phrases: PhraseBook, console: Console) throws(NetError) {
        var desk = DeskConsole(phrases: phrases, colour: true)
        let clock = { ProcessInfo.processInfo.systemUptime }
        func prompt() { console.out((desk.current.map { "\($0)> " } ?? "desk> ")) }
        func show(_ lines: [String]) {
            guard !lines.isEmpty else { return }
            console.out("\r\u{1B}[K" + lines.joined(separator: "\n") + "\n")
        }
        try client.converse(
            input: 0,
            typed: { line in
                let answer = desk.typed(line, now: clock())
                show(answer.print)
                if !answer.stop && answer.send.isEmpty { prompt() }
                return LineClient.Typed(send: answer.send, stop: answer.stop)
            },
            received: { line in
                show(desk.received(line, now: clock()))
                prompt()
            })
        console.out("\n")
    }

    /// The token from the operator's file: `name<TAB>token` or the token alone, first line that is
    /// not blank or a comment; the file must be readable by its owner only.
    ///
    /// - Throws: `CommandFailure`.
    static func readToken(_ path: String) throws(CommandFailure) -> String {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw CommandFailure("token file '\(path)' not found (use --token-file FILE)")
        }
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o777
        guard mode & 0o077 == 0 else {
            throw CommandFailure(
                "token file '\(path)' is readable by others (mode \(String(mode, radix: 8))): run 'chmod 600 \(path)'")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(validating: data, as: UTF8.self)
        else { throw CommandFailure("token file '\(path)' cannot be read as UTF-8") }
        for raw in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            return String(line.split(separator: "\t").last ?? "")
        }
        throw CommandFailure("token file '\(path)' holds no token")
    }
}
