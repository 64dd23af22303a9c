public import Foundation
import Synchronization

/// The source of "now". The library never calls `Date()`: the CLI passes a `SystemClock`,
/// or a `FixedClock` for `--now`, and tests pass a `ManualClock`.
public protocol WallClock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// The real clock.
public struct SystemClock: WallClock {
    /// The system clock.
    public init() {}
    /// The system's current time.
    public func now() -> Date { Date() }
}

/// A clock stopped at one instant (`--now`): record IDs and replies become deterministic.
public struct FixedClock: WallClock {
    /// The instant the clock is stopped at.
    public let instant: Date
    /// A clock stopped at `instant`.
    public init(_ instant: Date) { self.instant = instant }
    /// Always `instant`.
    public func now() -> Date { instant }
}

/// A clock that tests move by hand.
public final class ManualClock: WallClock {
    private let current: Mutex<Date>  // guards the instant; the only state

    /// A clock starting at `start`.
    public init(_ start: Date) { current = Mutex(start) }
    /// The time the clock was last set or advanced to.
    public func now() -> Date { current.withLock { $0 } }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: TimeInterval) { current.withLock { $0 += seconds } }

    /// Sets the clock to `instant`.
    public func set(_ instant: Date) { current.withLock { $0 = instant } }
}

/// A calendar date and wall time at a fixed UTC offset, computed without Foundation's
/// `Calendar` (which is slow and not needed on the hot path).
public struct CivilTime: Sendable, Equatable, Hashable {
    /// The year, e.g. `2026`.
    public var year: Int
    /// The month, 1–12.
    public var month: Int
    /// The day of the month, 1–31.
    public var day: Int
    /// The hour, 0–23.
    public var hour: Int
    /// The minute, 0–59.
    public var minute: Int
    /// The second, 0–59.
    public var second: Int
    /// Offset from UTC in seconds (Asia/Shanghai: 28800).
    public var offset: Int

    /// A wall time given by its fields; the time of day defaults to midnight.
    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, offset: Int) {
        (self.year, self.month, self.day) = (year, month, day)
        (self.hour, self.minute, self.second) = (hour, minute, second)
        self.offset = offset
    }

    /// The wall time of `date` at `offset` seconds east of UTC.
    public init(_ date: Date, offset: Int) {
        let local = Int(floor(date.timeIntervalSince1970)) + offset
        let days = Int(floor(Double(local) / 86_400))
        let secs = local - days * 86_400
        (year, month, day) = CivilTime.civil(fromDays: days)
        hour = secs / 3600
        minute = secs % 3600 / 60
        second = secs % 60
        self.offset = offset
    }

    /// The instant this wall time names.
    public var date: Date {
        let days = CivilTime.days(fromCivil: year, month, day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3600 + minute * 60 + second - offset))
    }

    /// Days since 1970-01-01 of this calendar date.
    public var dayNumber: Int { CivilTime.days(fromCivil: year, month, day) }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        let d = dayNumber
        return ((d % 7 + 7 + 3) % 7) + 1  // 1970-01-01 was a Thursday
    }

    /// `2026-11-22T10:03:00+08:00`.
    public var iso8601: String {
        let sign = offset < 0 ? "-" : "+"
        let off = abs(offset)
        if let fast = fixedWidth(withTime: true, separators: true, zone: off) { return fast }
        return "\(pad(year, 4))-\(pad(month))-\(pad(day))T\(pad(hour)):\(pad(minute)):\(pad(second))"
            + (offset == 0 ? "Z" : "\(sign)\(pad(off / 3600)):\(pad(off % 3600 / 60))")
    }

    /// `2026-11-22`.
    public var isoDate: String {
        fixedWidth(withTime: false, separators: true, zone: 0) ?? "\(pad(year, 4))-\(pad(month))-\(pad(day))"
    }

    /// `20261122`, as used in record IDs.
    public var compactDate: String {
        fixedWidth(withTime: false, separators: false, zone: 0) ?? "\(pad(year, 4))\(pad(month))\(pad(day))"
    }

    /// `iso8601` (`withTime`, the zone from `offset` and `zone`, its absolute value), `isoDate` (`separators`) or
    /// `compactDate` written as bytes into one buffer, when every field has its usual width (a year of 0–9999, the
    /// other fields and the zone's hours 0–99); `nil` otherwise, for the general formatting.
    private func fixedWidth(withTime: Bool, separators: Bool, zone: Int) -> String? {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else { return nil }
        if withTime {
            guard (0...99).contains(hour), (0...99).contains(minute), (0...99).contains(second), zone / 3600 <= 99
            else { return nil }
        }
        let length = withTime ? (offset == 0 ? 20 : 25) : (separators ? 10 : 8)
        return String(unsafeUninitializedCapacity: length) { buffer in
            var i = 0
            func put(_ byte: UInt8) {
                buffer[i] = byte
                i += 1
            }
            func two(_ value: Int) {
                put(UInt8(48 + value / 10))
                put(UInt8(48 + value % 10))
            }
            two(year / 100)
            two(year % 100)
            if separators { put(UInt8(ascii: "-")) }
            two(month)
            if separators { put(UInt8(ascii: "-")) }
            two(day)
            if withTime {
                put(UInt8(ascii: "T"))
                two(hour)
                put(UInt8(ascii: ":"))
                two(minute)
                put(UInt8(ascii: ":"))
                two(second)
                if offset == 0 {
                    put(UInt8(ascii: "Z"))
                } else {
                    put(offset < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
                    two(zone / 3600)
                    put(UInt8(ascii: ":"))
                    two(zone % 3600 / 60)
                }
            }
            return i
        }
    }

    /// `10:03`.
    public var hourMinute: String { "\(pad(hour)):\(pad(minute))" }

    /// The same wall time `days` calendar days later (or earlier).
    public func addingDays(_ days: Int) -> CivilTime {
        var copy = self
        (copy.year, copy.month, copy.day) = CivilTime.civil(fromDays: dayNumber + days)
        return copy
    }

    /// Whether `year-month-day` is a real calendar date.
    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= daysIn(year: year, month: month)
    }

    /// The number of days in a month.
    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    /// Days since 1970-01-01 of the proleptic Gregorian date `y0-m-d` (no validation).
    @inline(__always)
    public static func days(fromCivil y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (m <= 2 ? y + 1 : y, m, d)
    }

    /// Parses `2026-11-22T10:03:00+08:00`, `…Z`, fractional seconds, and a bare `2026-11-22`
    /// (midnight) or `2026-11-22T10:03` (at `defaultOffset`).
    public static func parse(_ text: String, defaultOffset: Int = 0) -> CivilTime? {
        let b = Array(text.utf8)
        func num(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var v = 0
            for i in from..<from + count {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard let y = num(0, 4), b.count >= 10, b[4] == 45, let mo = num(5, 2), b[7] == 45, let d = num(8, 2),
            isValid(year: y, month: mo, day: d)
        else { return nil }
        if b.count == 10 { return CivilTime(year: y, month: mo, day: d, offset: defaultOffset) }
        guard b.count >= 16, b[10] == 84 || b[10] == 32, let h = num(11, 2), b[13] == 58, let mi = num(14, 2),
            h < 24, mi < 60
        else { return nil }
        var i = 16
        var s = 0
        if i < b.count, b[i] == 58 {
            guard let sec = num(i + 1, 2), sec < 61 else { return nil }
            s = min(sec, 59)
            i += 3
            if i < b.count, b[i] == 46 {
                i += 1
                while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
            }
        }
        var offset = defaultOffset
        if i < b.count {
            if b[i] == 90, i + 1 == b.count {
                offset = 0
            } else if b[i] == 43 || b[i] == 45, let oh = num(i + 1, 2) {
                var om = 0
                if i + 3 < b.count {
                    if b[i + 3] == 58, let m = num(i + 4, 2), i + 6 == b.count {
                        om = m
                    } else if let m = num(i + 3, 2), i + 5 == b.count {
                        om = m
                    } else {
                        return nil
                    }
                } else if i + 3 != b.count {
                    return nil
                }
                offset = (oh * 3600 + om * 60) * (b[i] == 45 ? -1 : 1)
            } else {
                return nil
            }
        }
        return CivilTime(year: y, month: mo, day: d, hour: h, minute: mi, second: s, offset: offset)
    }
}

@inline(__always)
private func pad(_ value: Int, _ width: Int = 2) -> String {
    let s = String(value)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
