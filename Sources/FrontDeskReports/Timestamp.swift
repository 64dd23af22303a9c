import Foundation
import FrontDeskModel

/// Fast reading of the ISO 8601 times the journal and transcripts carry, to whole seconds
/// since 1970, without allocating (a year of transcripts has millions of them).
public enum Timestamp {
    /// Seconds since 1970 of `2026-11-22T10:03:00+08:00` (also `Z`, fractional seconds, a space
    /// for `T`, no seconds); a bare date `2026-11-22` is its midnight at `defaultOffset`.
    /// `nil` when `text` is not such a time.
    public static func seconds(_ text: String, defaultOffset: Int = 28_800) -> Int? {
        var text = text
        return text.withUTF8 { seconds(utf8: $0, defaultOffset: defaultOffset) }
    }

    /// As `seconds(_:)`, over UTF-8 bytes.
    public static func seconds(utf8 b: UnsafeBufferPointer<UInt8>, defaultOffset: Int = 28_800) -> Int? {
        @inline(__always) func digit(_ i: Int) -> Int? {
            guard i < b.count else { return nil }
            let v = Int(b[i]) - 48
            return v >= 0 && v <= 9 ? v : nil
        }
        @inline(__always) func two(_ i: Int) -> Int? {
            guard let a = digit(i), let c = digit(i + 1) else { return nil }
            return a * 10 + c
        }
        guard b.count >= 10, let y1 = two(0), let y2 = two(2), b[4] == 45, let mo = two(5), b[7] == 45,
            let d = two(8), (1...12).contains(mo), d >= 1, d <= 31
        else { return nil }
        let year = y1 * 100 + y2
        let days = daysFromCivil(year, mo, d)
        if b.count == 10 { return days * 86_400 - defaultOffset }
        guard b.count >= 16, b[10] == 84 || b[10] == 32, let h = two(11), b[13] == 58, let mi = two(14), h < 24,
            mi < 60
        else { return nil }
        var i = 16
        var s = 0
        if i < b.count, b[i] == 58 {
            guard let sec = two(i + 1), sec <= 60 else { return nil }
            s = min(sec, 59)
            i += 3
            if i < b.count, b[i] == 46 {
                i += 1
                while digit(i) != nil { i += 1 }
            }
        }
        var offset = defaultOffset
        if i < b.count {
            if b[i] == 90 {
                guard i + 1 == b.count else { return nil }
                offset = 0
            } else if b[i] == 43 || b[i] == 45 {
                guard let oh = two(i + 1) else { return nil }
                var om = 0
                if i + 3 < b.count {
                    let j = b[i + 3] == 58 ? i + 4 : i + 3
                    guard let m = two(j), j + 2 == b.count else { return nil }
                    om = m
                } else if i + 3 != b.count {
                    return nil
                }
                offset = (oh * 3600 + om * 60) * (b[i] == 45 ? -1 : 1)
            } else {
                return nil
            }
        }
        return days * 86_400 + h * 3600 + mi * 60 + s - offset
    }

    /// `2026-11-22T10:03:00+08:00` for `seconds` at `offset`.
    public static func iso(_ seconds: Int, offset: Int) -> String {
        CivilTime(Date(timeIntervalSince1970: TimeInterval(seconds)), offset: offset).iso8601
    }

    /// Days since 1970-01-01 (shared with `CivilTime`).
    @inline(__always)
    static func daysFromCivil(_ y: Int, _ m: Int, _ d: Int) -> Int { CivilTime.days(fromCivil: y, m, d) }
}
