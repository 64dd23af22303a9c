import Foundation
import FrontDeskContent
import FrontDeskDialogue
import FrontDeskJournal
import FrontDeskModel

/// `frontdesk chat`: one session over stdin/stdout.
struct ChatCommand: Subcommand {
    static let name = "chat"
    static let summary = "chat with the front desk over stdin/stdout"
    static let spec = ArgumentSpec([
        .json.help("one JSON object per input line (SPEC 2.1), no greeting"),
        .intents, .estate, .dataDir,
        .now.help("fixed clock: deterministic record IDs and replies, session ID s-1"),
    ])
    static let usage = Usage.text(
        command: name, synopses: [("", nil)],
        about: """
            Reads one message per line from stdin and answers each with one line. Text mode greets first
            and shows a '> ' prompt when stdin is a terminal; --json prints exactly one JSON object per
            input line and nothing else. On a terminal the prompt is a line editor: Left/Right, Home/End,
            Backspace/Delete, Up/Down through earlier lines, Ctrl-U/Ctrl-K/Ctrl-W; Ctrl-C clears the line,
            Ctrl-D on an empty line ends the chat. SIGINT and SIGTERM finish the turn in progress, flush
            and sync the transcripts and the journal, and exit 0. Every turn is written to
            DATA-DIR/transcripts/YYYY-MM-DD.jsonl.
            """,
        spec: spec)

    /// The longest line accepted, in bytes (as `serve --max-line`'s default).
    static let maxLine = 8192

    static func run(_ arguments: Arguments, console: Console) throws -> Int32 {
        // A reader that goes away must not kill us mid-turn: writes then fail with EPIPE instead.
        signal(SIGPIPE, SIG_IGN)
        let workspace = try Workspace(arguments)
        let desk = try workspace.openDesk(command: "chat", console: console)
        let json = arguments.has("--json")
        // On a terminal in text mode the line editor reads keys in raw mode; otherwise lines as piped.
        let interactive = isatty(0) == 1
        let terminal = !json && interactive && console.outIsTerminal ? RawTerminal(fd: 0) : nil
        let shutdown = ChatShutdown(desk: desk, terminal: terminal)
        let signals = shutdown.onSignals { code in exit(code) }
        defer {
            for source in signals { source.cancel() }
            shutdown.finish()
        }
        let sessionID = SessionIDs.next(deterministic: workspace.fixedClock)
        var conversation = Conversation(
            engine: desk.engine, sessionID: sessionID, channel: .stdio, peer: "stdin", transcripts: desk.transcripts)
        if !json { console.out(conversation.greet() + "\n") }
        var piped = StdinLines(fd: 0, maxLine: maxLine)
        var edited = EditedLines(fd: 0, editor: LineEditor(prompt: "> ", maxBytes: maxLine), write: console.out)
        while true {
            // Typed at a terminal whose output goes elsewhere: the terminal's own line editing, a prompt.
            if terminal == nil, interactive, !json { console.out("> ") }
            guard let line = terminal != nil ? edited.next() : piped.next() else { break }
            let answered = shutdown.turn {
                let output: TurnOutput
                switch line {
                case .text(let text):
                    output = conversation.handle(text)
                case .invalidUTF8, .controlCharacter, .tooLong:
                    let reply = InputRejection.reply(
                        line, catalog: desk.catalog, language: conversation.state.language)
                    output = TurnOutput(
                        session: sessionID, reply: reply, intent: nil, language: conversation.state.language)
                }
                console.out((json ? output.json.serialized : output.reply) + "\n")
            }
            if !answered { break }
        }
        return 0
    }
}

/// Ends `chat` cleanly however it ends: EOF, Ctrl-D, SIGINT or SIGTERM. A turn in progress is
/// finished first (its reply and transcript events written), then the transcripts and the journal
/// are flushed and synced and the terminal's settings put back — once.
final class ChatShutdown: @unchecked Sendable {
    // Unchecked: `state` (a PlainLock) guards `closed`; a turn holds it while it runs, so a signal
    // arriving mid-turn waits for the reply before closing.
    private let desk: OpenDesk
    private let terminal: RawTerminal?
    private let state = PlainLock(false)

    init(desk: OpenDesk, terminal: RawTerminal?) {
        self.desk = desk
        self.terminal = terminal
    }

    /// Runs one turn unless the chat is already closing; whether it ran.
    func turn(_ body: () -> Void) -> Bool {
        state.withLock { closed in
            guard !closed else { return false }
            body()
            return true
        }
    }

    /// Flushes and syncs the transcripts and the journal and restores the terminal; safe to repeat.
    func finish() {
        state.withLock { closed in
            guard !closed else { return }
            closed = true
            desk.close()
        }
        terminal?.restore()
    }

    /// SIGINT and SIGTERM finish the chat and then call `exit` with 0: their default action would
    /// kill the process with up to a second of transcript lines unwritten.
    func onSignals(exit: @escaping @Sendable (Int32) -> Void) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                finish()
                // The prompt's row was left open: end it so the shell's prompt starts on its own.
                if terminal != nil { writeAll(1, "\n") }
                exit(0)
            }
            source.resume()
            return source
        }
    }
}
