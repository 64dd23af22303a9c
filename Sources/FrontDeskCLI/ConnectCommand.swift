import Foundation
import FrontDeskNet

/// `frontdesk connect`: a line client for `serve` (SPEC 8).
struct ConnectCommand: Subcommand {
    static let name = "connect"
    static let summary = "line client for serve: your lines to the desk, its replies back"
    static let spec = ArgumentSpec([
        .value("--host", "HOST", "the server's address (default 127.0.0.1)"),
        .value("--port", "PORT", "its port (default 7700)"),
    ])
    static let usage = Usage.text(
        command: name, synopses: [("", nil)],
        about: """
            Sends each line read from stdin and prints each reply; a '> ' prompt when stdin is a terminal.
            Exits 0 at end of input (after the outstanding replies) or when the server closes.
            """,
        spec: spec)

    static func run(_ arguments: Arguments, console: Console) throws -> Int32 {
        // Writing to a closed socket or stdout pipe must be an error we handle, not a SIGPIPE death.
        signal(SIGPIPE, SIG_IGN)
        let host = arguments.value("--host") ?? "127.0.0.1"
        let port = try arguments.int("--port", default: 7700, in: 1...65535)
        let client = try ConnectCommand.connect(host: host, port: port)
        defer { client.close() }
        let interactive = isatty(0) == 1
        do {
            try client.relay(input: 0, prompt: interactive ? "> " : nil, output: console.out)
        } catch {
            throw CommandFailure("connection to \(host):\(port) failed: \(error)")
        }
        if interactive { console.out("\n") }
        return 0
    }

    /// A line client connected to `host:port`, or the failure that names the address.
    static func connect(host: String, port: Int) throws -> LineClient {
        do {
            return try LineClient(host: host, port: port)
        } catch {
            throw CommandFailure("cannot connect to \(host):\(port): \(error)")
        }
    }
}
