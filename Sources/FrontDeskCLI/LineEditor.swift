import FrontDeskModel

/// The line editor of `chat` on a terminal, as a value: bytes typed in, the line, the cursor and the
/// bytes to echo out. No I/O here (the terminal's raw mode and the reads are `TerminalInput`'s), so
/// every key is tested by feeding bytes.
///
/// Keys: printable text (UTF-8, CJK two columns wide) inserted at the cursor; Left/Right, Home/End
/// (also Ctrl-B/F, Ctrl-A/E); Backspace and Delete; Up/Down (Ctrl-P/N) through the history, the line
/// being typed kept as the bottom entry; Ctrl-U/Ctrl-K delete to the start/end, Ctrl-W a word back;
/// Enter submits; Ctrl-C clears the line; Ctrl-D deletes at the cursor, or ends input on an empty line.
/// The screen is redrawn on one row (`\r`, prompt, text, erase to the end, cursor moved back); a line
/// wider than the terminal (`columns`) scrolls sideways within that row instead of wrapping.
struct LineEditor {
    /// What a key did beyond editing.
    enum Event: Equatable {
        /// Enter: the finished line (without its newline).
        case submit(String)
        /// Ctrl-D on an empty line.
        case endOfInput
    }

    /// What one `feed` produced: the bytes to write to the terminal and the events, in order.
    struct Effect: Equatable {
        var output = ""
        var events: [Event] = []
    }

    /// The prompt drawn before the line.
    let prompt: String
    /// The longest line accepted, in UTF-8 bytes; typing past it rings the bell.
    let maxBytes: Int
    /// The line being edited.
    private(set) var line: [Character] = []
    /// The cursor, as an index into `line` (0…`line.count`).
    private(set) var cursor = 0
    /// Submitted lines, oldest first (no empty lines, no two the same in a row).
    private(set) var history: [String] = []
    /// The history entry shown, while browsing with Up/Down.
    private var browsing: Int?
    /// The line being typed before browsing started.
    private var draft: [Character] = []
    /// Bytes of an unfinished UTF-8 character or escape sequence.
    private var pending: [UInt8] = []
    /// The terminal's width in columns (0: unknown, never scroll); the reader updates it.
    var columns = 0
    /// The first character shown when the line is wider than the terminal.
    private var scroll = 0

    static let bell = "\u{07}"
    static let escape: UInt8 = 0x1B

    init(prompt: String = "> ", maxBytes: Int = 8192) {
        self.prompt = prompt
        self.maxBytes = maxBytes
    }

    /// The text of the line being edited.
    var text: String { String(line) }

    /// What to print to start a new line: the prompt.
    func start() -> String { prompt }

    /// Feeds bytes read from the terminal.
    mutating func feed(_ bytes: some Sequence<UInt8>) -> Effect {
        var effect = Effect()
        for byte in bytes { feed(byte, into: &effect) }
        return effect
    }

    private mutating func feed(_ byte: UInt8, into effect: inout Effect) {
        if !pending.isEmpty {
            if pending[0] == Self.escape {
                continueEscape(byte, into: &effect)
            } else {
                continueUTF8(byte, into: &effect)
            }
            return
        }
        switch byte {
        case Self.escape: pending = [byte]
        case 0x0D, 0x0A: submit(into: &effect)
        case 0x01: effect.output += moveTo(0)
        case 0x05: effect.output += moveTo(line.count)
        case 0x02: effect.output += moveTo(cursor - 1)
        case 0x06: effect.output += moveTo(cursor + 1)
        case 0x08, 0x7F: effect.output += backspace()
        case 0x03:
            // Ctrl-C: the line is shown whole with ^C after it, dropped, and a fresh prompt drawn.
            cursor = line.count
            effect.output += redraw() + "^C\n" + prompt
            line = []
            cursor = 0
            browsing = nil
        case 0x04:
            if line.isEmpty {
                effect.output += "\n"
                effect.events.append(.endOfInput)
            } else {
                effect.output += deleteForward()
            }
        case 0x0B: effect.output += replace(line[..<cursor], cursor: cursor)
        case 0x15: effect.output += replace(line[cursor...], cursor: 0)
        case 0x17: effect.output += deleteWordBack()
        case 0x10: effect.output += historyUp()
        case 0x0E: effect.output += historyDown()
        case 0x0C: effect.output += "\u{1B}[H\u{1B}[2J" + redraw()
        case 0x00..<0x20: effect.output += Self.bell
        case 0x80...: pending = [byte]
        default: effect.output += insert(Character(Unicode.Scalar(byte)))
        }
    }

    // MARK: - Multi-byte input

    private mutating func continueUTF8(_ byte: UInt8, into effect: inout Effect) {
        guard byte & 0xC0 == 0x80 else {
            // Not a continuation byte: drop what was pending and take this byte afresh.
            pending = []
            effect.output += Self.bell
            feed(byte, into: &effect)
            return
        }
        pending.append(byte)
        let lead = pending[0]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard pending.count >= length else { return }
        defer { pending = [] }
        guard let text = String(validating: pending, as: UTF8.self), let scalar = text.unicodeScalars.first else {
            effect.output += Self.bell
            return
        }
        if (0x80...0x9F).contains(scalar.value) {
            effect.output += Self.bell
            return
        }
        effect.output += insert(scalar)
    }

    private mutating func continueEscape(_ byte: UInt8, into effect: inout Effect) {
        pending.append(byte)
        if pending.count == 2 {
            // ESC [ … (CSI) and ESC O … (SS3) go on; Alt+key and a lone ESC are ignored.
            if byte != UInt8(ascii: "[") && byte != UInt8(ascii: "O") { pending = [] }
            return
        }
        if pending[1] == UInt8(ascii: "["), (0x20...0x3F).contains(byte), pending.count < 16 { return }
        let sequence = String(decoding: pending.dropFirst(), as: UTF8.self)
        pending = []
        switch sequence {
        case "[A", "OA": effect.output += historyUp()
        case "[B", "OB": effect.output += historyDown()
        case "[C", "OC": effect.output += moveTo(cursor + 1)
        case "[D", "OD": effect.output += moveTo(cursor - 1)
        case "[H", "OH", "[1~", "[7~": effect.output += moveTo(0)
        case "[F", "OF", "[4~", "[8~": effect.output += moveTo(line.count)
        case "[3~": effect.output += deleteForward()
        case "[200~", "[201~": break  // bracketed paste markers
        default: break  // other function keys: nothing to do
        }
    }

    // MARK: - Editing

    private mutating func insert(_ scalar: Unicode.Scalar) -> String {
        // A combining mark joins the character before it.
        if cursor > 0 {
            var merged = String(line[cursor - 1])
            merged.unicodeScalars.append(scalar)
            if merged.count == 1 {
                guard text.utf8.count + String(scalar).utf8.count <= maxBytes else { return Self.bell }
                line[cursor - 1] = Character(merged)
                return redraw()
            }
        }
        return insert(Character(scalar))
    }

    private mutating func insert(_ character: Character) -> String {
        guard text.utf8.count + String(character).utf8.count <= maxBytes else { return Self.bell }
        line.insert(character, at: cursor)
        cursor += 1
        // Typing at the end (the usual case) only echoes the character, while the line fits.
        return cursor == line.count && fits && scroll == 0 ? String(character) : redraw()
    }

    private mutating func backspace() -> String {
        guard cursor > 0 else { return Self.bell }
        line.remove(at: cursor - 1)
        cursor -= 1
        return redraw()
    }

    private mutating func deleteForward() -> String {
        guard cursor < line.count else { return Self.bell }
        line.remove(at: cursor)
        return redraw()
    }

    private mutating func deleteWordBack() -> String {
        guard cursor > 0 else { return Self.bell }
        var start = cursor
        while start > 0, line[start - 1].isWhitespace { start -= 1 }
        while start > 0, !line[start - 1].isWhitespace { start -= 1 }
        line.removeSubrange(start..<cursor)
        cursor = start
        return redraw()
    }

    private mutating func replace(_ kept: ArraySlice<Character>, cursor newCursor: Int) -> String {
        line = Array(kept)
        cursor = newCursor
        return redraw()
    }

    /// Moves the cursor (clamped), writing only the cursor movement: as many columns as the
    /// characters passed over take.
    private mutating func moveTo(_ position: Int) -> String {
        let target = min(max(position, 0), line.count)
        guard target != cursor else { return target == position ? "" : Self.bell }
        guard fits else {
            cursor = target
            return redraw()
        }
        let columns = DisplayWidth.of(String(line[min(target, cursor)..<max(target, cursor)]))
        let output = target < cursor ? "\u{1B}[\(columns)D" : "\u{1B}[\(columns)C"
        cursor = target
        return columns == 0 ? "" : output
    }

    private mutating func submit(into effect: inout Effect) {
        let submitted = text
        // A line that scrolled is written out whole, wrapping as it will, so the screen keeps what was sent.
        if !fits { effect.output += "\r" + prompt + submitted + "\u{1B}[K" }
        if !submitted.isEmpty, history.last != submitted { history.append(submitted) }
        line = []
        cursor = 0
        browsing = nil
        draft = []
        effect.output += "\n"
        effect.events.append(.submit(submitted))
    }

    // MARK: - History

    private mutating func historyUp() -> String {
        guard !history.isEmpty, browsing != 0 else { return Self.bell }
        if browsing == nil { draft = line }
        let index = (browsing ?? history.count) - 1
        browsing = index
        return show(Array(history[index]))
    }

    private mutating func historyDown() -> String {
        guard let index = browsing else { return Self.bell }
        if index + 1 < history.count {
            browsing = index + 1
            return show(Array(history[index + 1]))
        }
        browsing = nil
        return show(draft)
    }

    private mutating func show(_ characters: [Character]) -> String {
        line = characters
        cursor = line.count
        return redraw()
    }

    /// The whole row again: back to its start, prompt and text, erase what is left of an older,
    /// longer line, then the cursor back over the text after it.
    mutating func redraw() -> String {
        var start = 0
        var end = line.count
        if !fits {
            // The window of characters shown: from `scroll`, moved just enough to keep the cursor in it.
            let room = max(1, columns - 1 - DisplayWidth.of(prompt))
            scroll = min(scroll, cursor)
            while scroll < cursor, DisplayWidth.of(String(line[scroll..<cursor])) > room { scroll += 1 }
            start = scroll
            end = start
            var used = 0
            while end < line.count, used + DisplayWidth.of(line[end]) <= room {
                used += DisplayWidth.of(line[end])
                end += 1
            }
        } else {
            scroll = 0
        }
        let after = DisplayWidth.of(String(line[cursor..<end]))
        return "\r" + prompt + String(line[start..<end]) + "\u{1B}[K" + (after > 0 ? "\u{1B}[\(after)D" : "")
    }

    /// Whether the prompt and the whole line fit on the terminal's row, with a column for the cursor.
    private var fits: Bool { columns <= 0 || DisplayWidth.of(prompt) + DisplayWidth.of(text) < columns }
}
