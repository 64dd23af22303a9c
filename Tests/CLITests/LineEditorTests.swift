import FrontDeskModel
import Testing

@testable import FrontDeskCLI

/// The chat line editor's keys: bytes in → line, cursor, echo and events out.
@Suite struct LineEditorTests {
    static let left = "\u{1B}[D"
    static let right = "\u{1B}[C"
    static let up = "\u{1B}[A"
    static let down = "\u{1B}[B"
    static let home = "\u{1B}[H"
    static let end = "\u{1B}[F"
    static let delete = "\u{1B}[3~"
    static let backspace = "\u{7F}"

    /// Feeds `keys` (as UTF-8) and returns the editor and what the last feed produced.
    static func typed(_ keys: String..., editor start: LineEditor = LineEditor()) -> (LineEditor, LineEditor.Effect) {
        var editor = start
        var effect = LineEditor.Effect()
        for key in keys { effect = editor.feed(Array(key.utf8)) }
        return (editor, effect)
    }

    @Test func typingAtTheEndEchoesAndEnterSubmits() {
        var editor = LineEditor()
        #expect(editor.start() == "> ")
        #expect(editor.feed(Array("报修".utf8)) == LineEditor.Effect(output: "报修"))
        #expect(editor.cursor == 2)
        #expect(editor.feed([0x0D]) == LineEditor.Effect(output: "\n", events: [.submit("报修")]))
        #expect(editor.text == "" && editor.cursor == 0)
        #expect(editor.history == ["报修"])
    }

    @Test func arrowsMoveOverCJKByTwoColumns() {
        let (editor, effect) = Self.typed("ab漏水", Self.left)
        #expect(editor.cursor == 3)
        #expect(effect.output == "\u{1B}[2D")
        let (twice, back) = Self.typed(Self.left, Self.left, Self.right, editor: editor)
        #expect(twice.cursor == 2)
        #expect(back.output == "\u{1B}[1C")
        let (overCJK, forward) = Self.typed(Self.right, editor: twice)
        #expect(overCJK.cursor == 3)
        #expect(forward.output == "\u{1B}[2C")
        let (atStart, bell) = Self.typed(Self.home, Self.left, editor: editor)
        #expect(atStart.cursor == 0)
        #expect(bell.output == "\u{07}")
    }

    @Test func insertingInTheMiddleRedrawsWithTheCursorBackOverTheRest() {
        let (editor, effect) = Self.typed("3栋501", Self.left, Self.left, Self.left, "2单元")
        #expect(editor.text == "3栋2单元501")
        #expect(editor.cursor == 5)
        #expect(effect.output.hasSuffix("\r> 3栋2单元501\u{1B}[K\u{1B}[3D"))
    }

    @Test func backspaceAndDeleteRemoveWholeCJKCharacters() {
        let (editor, effect) = Self.typed("厨房漏水", Self.backspace)
        #expect(editor.text == "厨房漏")
        #expect(effect.output == "\r> 厨房漏\u{1B}[K")
        let (deleted, redraw) = Self.typed(Self.home, Self.right, Self.delete, editor: editor)
        #expect(deleted.text == "厨漏")
        #expect(deleted.cursor == 1)
        #expect(redraw.output == "\r> 厨漏\u{1B}[K\u{1B}[2D")
        let (ctrlH, _) = Self.typed("\u{08}", editor: deleted)
        #expect(ctrlH.text == "漏" && ctrlH.cursor == 0)
    }

    @Test func homeAndEndInEveryEncoding() {
        for (home, end) in [
            ("\u{1B}[H", "\u{1B}[F"), ("\u{1B}OH", "\u{1B}OF"), ("\u{1B}[1~", "\u{1B}[4~"),
            ("\u{1B}[7~", "\u{1B}[8~"), ("\u{01}", "\u{05}"),
        ] {
            let (start, toStart) = Self.typed("hello 你好", home)
            #expect(start.cursor == 0)
            #expect(toStart.output == "\u{1B}[10D")
            let (finish, toEnd) = Self.typed(end, editor: start)
            #expect(finish.cursor == 8)
            #expect(toEnd.output == "\u{1B}[10C")
        }
    }

    @Test func historyUpAndDownKeepTheLineBeingTyped() {
        let (editor, _) = Self.typed("第一句\r", "second\r", "second\r", "草稿")
        #expect(editor.history == ["第一句", "second"])
        let (one, shown) = Self.typed(Self.up, editor: editor)
        #expect(one.text == "second" && one.cursor == 6)
        #expect(shown.output == "\r> second\u{1B}[K")
        let (two, _) = Self.typed(Self.up, editor: one)
        #expect(two.text == "第一句")
        let (top, bell) = Self.typed(Self.up, editor: two)
        #expect(top.text == "第一句" && bell.output == "\u{07}")
        let (back, _) = Self.typed(Self.down, Self.down, editor: top)
        #expect(back.text == "草稿")
        let (edited, submitted) = Self.typed(Self.up, Self.up, "？\r", editor: back)
        #expect(submitted.events == [.submit("第一句？")])
        #expect(edited.history.last == "第一句？")
    }

    @Test func ctrlCClearsTheLineAndCtrlDEndsOnlyAnEmptyLine() {
        let (cleared, effect) = Self.typed("说错了", Self.left, "\u{03}")
        #expect(cleared.text == "" && cleared.cursor == 0)
        #expect(effect.output == "\r> 说错了\u{1B}[K^C\n> ")
        #expect(effect.events.isEmpty)
        let (notEmpty, deleted) = Self.typed("ab", Self.left, "\u{04}")
        #expect(notEmpty.text == "a" && deleted.events.isEmpty)
        let (_, ended) = Self.typed("\u{04}")
        #expect(ended.events == [.endOfInput])
        let (_, afterClear) = Self.typed("x", "\u{03}", "\u{04}")
        #expect(afterClear.events == [.endOfInput])
    }

    @Test func killAndWordKeys() {
        let (toEnd, _) = Self.typed("my kitchen pipe", Self.left, Self.left, Self.left, Self.left, "\u{0B}")
        #expect(toEnd.text == "my kitchen ")
        let (word, _) = Self.typed("\u{17}", editor: toEnd)
        #expect(word.text == "my ")
        let (toStart, _) = Self.typed("pipe", Self.left, "\u{15}", editor: word)
        #expect(toStart.text == "e" && toStart.cursor == 0)
    }

    @Test func bytesSplitAcrossReadsAndControlBytesNeverReachTheLine() {
        var editor = LineEditor()
        let bytes = Array("水".utf8) + [0x1B, 0x5B, 0x44]
        for byte in bytes { _ = editor.feed([byte]) }
        #expect(editor.text == "水" && editor.cursor == 0)
        let (rejected, bell) = Self.typed("a\u{09}\u{1B}x\u{00}b")
        #expect(rejected.text == "ab")
        #expect(bell.output.contains("\u{07}"))
        let (invalid, _) = Self.typed(
            "x",
            editor: {
                var e = LineEditor(); _ = e.feed([0xE6, 0x41]); return e
            }())
        #expect(invalid.text == "Ax")
    }

    @Test func combiningMarksJoinTheirCharacterAndWidthsAreColumns() {
        let (editor, _) = Self.typed("e\u{301}", Self.left)
        #expect(editor.text == "e\u{301}" && editor.cursor == 0)
        #expect(DisplayWidth.of("漏水ab") == 6)
        #expect(DisplayWidth.of("ｱＡ") == 3)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("👍") == 2)
    }

    @Test func theLineStopsAtTheByteLimit() {
        let (editor, effect) = Self.typed("漏水漏", editor: LineEditor(maxBytes: 7))
        #expect(editor.text == "漏水")
        #expect(effect.output == "漏水\u{07}")
    }
}

extension LineEditorTests {
    @Test func aLineWiderThanTheTerminalScrollsWithinItsRow() {
        var editor = LineEditor()
        editor.columns = 12  // "> " and 9 columns of text, one left for the cursor
        _ = editor.feed(Array("abcd".utf8))
        let wrapped = editor.feed(Array("漏水漏".utf8))
        // 4 + 6 = 10 columns of text no longer fit: the row shows the end of the line.
        #expect(wrapped.output.hasSuffix("\r> bcd漏水漏\u{1B}[K"))
        let home = editor.feed(Array(Self.home.utf8))
        #expect(editor.cursor == 0)
        #expect(home.output == "\r> abcd漏水\u{1B}[K\u{1B}[8D")
        let right = editor.feed(Array(Self.right.utf8))
        #expect(right.output == "\r> abcd漏水\u{1B}[K\u{1B}[7D")
        _ = editor.feed(Array((Self.backspace + Self.end + Self.backspace).utf8))
        #expect(editor.text == "bcd漏水")
        // Fits again: typing at the end echoes.
        #expect(editor.feed(Array("x".utf8)).output == "x")
        _ = editor.feed(Array("yz12".utf8))
        let sent = editor.feed([0x0D])
        #expect(sent.output == "\r> bcd漏水xyz12\u{1B}[K\n")
        #expect(sent.events == [.submit("bcd漏水xyz12")])
    }
}
