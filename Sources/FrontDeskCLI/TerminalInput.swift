import Foundation
import FrontDeskModel

/// A terminal in raw mode for the line editor: no echo, no line buffering, no signals from keys
/// (Ctrl-C reaches the editor as a byte), input CR left alone; output processing stays on, so a
/// reply's `\n` still starts a new row. The settings found at start are put back by `restore()`,
/// which must be called (on exit and on a signal) before the process ends.
final class RawTerminal: @unchecked Sendable {
    // Unchecked: `restore()` may run on the signal-handling queue while the main thread reads; it
    // only calls tcsetattr(3) with settings fixed at init, which is safe to repeat.
    private let fd: Int32
    private let saved: termios
    private let restored = PlainLock(false)

    /// Puts `fd` in raw mode; `nil` when it is not a terminal or cannot be set.
    init?(fd: Int32) {
        var settings = termios()
        guard isatty(fd) == 1, tcgetattr(fd, &settings) == 0 else { return nil }
        self.fd = fd
        saved = settings
        settings.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        settings.c_iflag &= ~tcflag_t(IXON | ICRNL | INLCR | IGNCR | ISTRIP | BRKINT)
        settings.c_cflag |= tcflag_t(CS8)
        withUnsafeMutableBytes(of: &settings.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(fd, TCSANOW, &settings) == 0 else { return nil }
    }

    /// Puts the terminal's settings back as they were; safe to call more than once.
    func restore() {
        restored.withLock { done in
            guard !done else { return }
            var settings = saved
            _ = tcsetattr(fd, TCSANOW, &settings)
            done = true
        }
    }

    deinit {
        restore()
    }

    /// The terminal's width in columns, or 0 when it cannot be told.
    static func columns(_ fd: Int32) -> Int {
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0 else { return 0 }
        return Int(size.ws_col)
    }
}

/// Lines typed on a terminal through the line editor: reads bytes, writes the editor's echo, and
/// hands over each submitted line checked like piped input.
struct EditedLines {
    let fd: Int32
    var editor: LineEditor
    let write: (String) -> Void
    private var ready: [LineEditor.Event] = []
    private var chunk = [UInt8](repeating: 0, count: 4096)

    init(fd: Int32, editor: LineEditor, write: @escaping (String) -> Void) {
        self.fd = fd
        self.editor = editor
        self.write = write
    }

    /// Draws the prompt, then returns the next line submitted; `nil` on Ctrl-D on an empty line or at
    /// the end of input.
    mutating func next() -> InputLine? {
        if ready.isEmpty { write(editor.start()) }
        while true {
            if !ready.isEmpty {
                switch ready.removeFirst() {
                case .submit(let text): return InputLine.check(Array(text.utf8)[...])
                case .endOfInput: return nil
                }
            }
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return nil }
            editor.columns = RawTerminal.columns(fd)
            let effect = editor.feed(chunk[..<n])
            if !effect.output.isEmpty { write(effect.output) }
            ready += effect.events
        }
    }
}
