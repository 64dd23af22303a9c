import Testing

@testable import FrontDeskNet

@Suite("Line framing and validation")
struct FramerTests {
    func frame(_ chunks: [[UInt8]], max: Int = 8) -> [FrameEvent] {
        var framer = LineFramer(maxLineBytes: max)
        var events: [FrameEvent] = []
        for chunk in chunks { chunk.withUnsafeBytes { framer.feed($0, into: &events) } }
        framer.finish(into: &events)
        return events
    }

    @Test func splitsOnNewlineAndStripsCarriageReturn() {
        #expect(frame([Array("ab\r\ncd\n".utf8)]) == [.line(Array("ab".utf8)), .line(Array("cd".utf8))])
        #expect(frame([Array("a".utf8), Array("b\nc".utf8)]) == [.line(Array("ab".utf8)), .line(Array("c".utf8))])
    }

    @Test func neverBuffersPastTheLimit() {
        var framer = LineFramer(maxLineBytes: 8)
        var events: [FrameEvent] = []
        let long = [UInt8](repeating: 0x61, count: 1000)
        long.withUnsafeBytes { framer.feed($0, into: &events) }
        #expect(events == [.tooLong])
        #expect(framer.buffer.isEmpty)
        Array("zz\nok\n".utf8).withUnsafeBytes { framer.feed($0, into: &events) }
        #expect(events == [.tooLong, .line(Array("ok".utf8))])
    }

    @Test func limitCountsBytesWithoutTheTerminator() {
        #expect(frame([Array("12345678\r\n".utf8)]) == [.line(Array("12345678".utf8))])
        #expect(frame([Array("123456789\n".utf8)]) == [.tooLong])
    }

    @Test(arguments: ["你好", "tab\tok", "é", "😀", ""])
    func validTextPasses(text: String) {
        #expect(LineValidator.validate(Array(text.utf8)) == text)
    }

    @Test(
        arguments: [[0x00], [0x0D], [0xC3], [0xE0, 0x80, 0x80], [0xED, 0xBF, 0xBF], [0xF8, 0x88, 0x80, 0x80, 0x80]]
            as [[UInt8]])
    func invalidBytesFail(bytes: [UInt8]) {
        #expect(LineValidator.validate(bytes) == nil)
    }
}
