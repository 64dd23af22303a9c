import Foundation
import FrontDeskContent
import FrontDeskDialogue
import FrontDeskJournal
import FrontDeskModel

/// `frontdesk chat`: one session over stdin/stdout.
struct ChatCommand: Subcommand {
    static let name = "chat"
    static let summary = "chat with the front desk over stdin/stdout"
    static let usage = """
        usage: frontdesk chat [--json] [--intents DIR] [--estate FILE] [--data-dir DIR] [--now ISO8601]

        Reads one message per line from stdin and answers each with one line. Text mode greets first
        and shows a '> ' prompt when stdin is a terminal; --json prints exactly one JSON object per
        input line and nothing else. Every turn is written to DATA-DIR/transcripts/YYYY-MM-DD.jsonl.

        options:
          --json            one JSON object per input line (SPEC 2.1), no greeting
          --intents DIR     content folder (default intents)
          --estate FILE     estate file (default estate/sample.json)
          --data-dir DIR    records and transcripts (default var)
          --now ISO8601     fixed clock: deterministic record IDs and replies, session ID s-1

        """
    static let spec = ArgumentSpec(options: ArgumentSpec.common, flags: ["--json"])

    /// The longest line accepted, in bytes (as `serve --max-line`'s default).
    static let maxLine = 8192

    static func run(_ arguments: Arguments, console: Console) throws -> Int32 {
        // A reader that goes away must not kill us mid-turn: writes then fail with EPIPE instead.
        signal(SIGPIPE, SIG_IGN)
        let workspace = try Workspace(arguments)
        let desk = try workspace.openDesk(command: "chat", console: console)
        defer { desk.close() }
        let engine = desk.engine
        let transcripts = desk.transcripts
        let sessionID = SessionIDs.next(deterministic: workspace.fixedClock)
        var conversation = Conversation(
            engine: engine, sessionID: sessionID, channel: .stdio, peer: "stdin", transcripts: transcripts)
        let json = arguments.has("--json")
        let interactive = isatty(0) == 1
        if !json { console.out(conversation.greet() + "\n") }
        var lines = StdinLines(fd: 0, maxLine: maxLine)
        while true {
            if interactive, !json { console.out("> ") }
            guard let line = lines.next() else { break }
            let output: TurnOutput
            switch line {
            case .text(let text):
                output = conversation.handle(text)
            case .invalidUTF8, .controlCharacter, .tooLong:
                let reply = InputRejection.reply(line, catalog: desk.catalog, language: conversation.state.language)
                output = TurnOutput(
                    session: sessionID, reply: reply, intent: nil, language: conversation.state.language)
            }
            console.out((json ? output.json.serialized : output.reply) + "\n")
        }
        return 0
    }
}
