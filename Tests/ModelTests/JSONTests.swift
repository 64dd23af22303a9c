import FrontDeskModel
import Testing

@Suite struct JSONTests {
    @Test(arguments: [
        #"{"a":1,"b":[true,false,null],"c":"x"}"#,
        #"{"text":"引号\"反斜杠\\换行\n制表\t\u0000\u001f","n":-12.5}"#,
        #"[1,2.25,1e-7,"😀","\u2028"]"#,
    ])
    func roundTrip(text: String) throws {
        let value = try JSON.parse(text)
        let again = try JSON.parse(value.serialized)
        #expect(again == value)
        #expect(!value.serialized.contains("\n"))
    }

    @Test func keepsKeyOrder() throws {
        let value = try JSON.parse(#"{"z":1,"a":2,"m":3}"#)
        #expect(value.object?.keys == ["z", "a", "m"])
        #expect(value.serialized == #"{"z":1,"a":2,"m":3}"#)
    }

    @Test(arguments: [
        ("{\"a\":1,}", 1, 8, "expected a string key"),
        ("{\n  \"a\": tru\n}", 2, 8, "unexpected character, expected a value"),
        ("[1,2", 1, 5, "unexpected end of input, expected ',' or ']'"),
        ("\"abc", 1, 5, "unterminated string"),
        ("01", 1, 1, "leading zero in a number"),
        ("{\"a\":1} x", 1, 9, "unexpected text after the JSON value"),
    ])
    func reportsWhere(text: String, line: Int, column: Int, message: String) {
        #expect(throws: JSONSyntaxError.self) { try JSON.parse(text) }
        do {
            _ = try JSON.parse(text)
        } catch {
            #expect(error.line == line)
            #expect(error.column == column)
            #expect(error.message == message)
        }
    }

    @Test func rejectsInvalidUTF8AndDeepNesting() {
        #expect(throws: JSONSyntaxError.self) { try JSON.parse([0x22, 0xC3, 0x28, 0x22]) }
        #expect(throws: JSONSyntaxError.self) { try JSON.parse(String(repeating: "[", count: 10_000)) }
    }

    @Test func escapesLineSeparators() {
        let value = JSON.string("a\u{2028}b\u{2029}c\u{7f}")
        #expect(value.serialized == #""a\u2028b\u2029c\u007f""#)
    }
}

@Suite struct TimeTests {
    @Test func civilRoundTrip() {
        let t = CivilTime(year: 2026, month: 11, day: 22, hour: 10, minute: 3, second: 0, offset: 28_800)
        #expect(t.iso8601 == "2026-11-22T10:03:00+08:00")
        #expect(CivilTime(t.date, offset: 28_800) == t)
        #expect(t.weekday == 7)  // 2026-11-22 is a Sunday
        #expect(t.addingDays(10).isoDate == "2026-12-02")
        #expect(CivilTime.parse("2026-11-22T10:03:00+08:00") == t)
        #expect(CivilTime.parse("2026-11-22T02:03:00Z")?.date == t.date)
        #expect(CivilTime.parse("2026-02-30") == nil)
        #expect(CivilTime.parse("2026-11-22T25:00") == nil)
    }
}

@Suite struct MaskTests {
    @Test(arguments: [
        ("电话13812345678", "电话138****5678"),
        ("my number is 91234567", "my number is 9***4567"),
        ("座机0571-88886666", "座机0571-****6666"),
        ("单号REP-20261122-0001", "单号REP-20261122-0001"),
        ("3栋2单元501", "3栋2单元501"),
    ])
    func masks(input: String, expected: String) {
        #expect(PhoneMask.mask(input) == expected)
    }

    @Test func leavesOfficeNumbers() {
        #expect(PhoneMask.mask("请致电0571-88886699", except: ["0571-88886699"]) == "请致电0571-88886699")
    }
}
