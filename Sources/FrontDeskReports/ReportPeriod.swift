public import Foundation
public import FrontDeskModel

/// Why a report could not be made: a bad period, an unreadable file.
public struct ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One line saying what was wrong.
    public var message: String
    /// A report error with this message.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

/// The days a report covers, whole local days at the estate's UTC offset, both ends included.
public struct ReportPeriod: Sendable, Equatable {
    /// The first day, `2026-11-01`.
    public let first: CivilTime
    /// The last day, `2026-11-30`.
    public let last: CivilTime
    /// The estate's offset from UTC in seconds.
    public let offset: Int

    /// The days `first` … `last` (dates only; the time of day is ignored).
    ///
    /// - Throws: `ReportError` when `last` is before `first` or the span exceeds 3 years.
    public init(first: CivilTime, last: CivilTime, offset: Int) throws(ReportError) {
        self.first = CivilTime(year: first.year, month: first.month, day: first.day, offset: offset)
        self.last = CivilTime(year: last.year, month: last.month, day: last.day, offset: offset)
        self.offset = offset
        guard self.last.dayNumber >= self.first.dayNumber else {
            throw ReportError("the period ends (\(self.last.isoDate)) before it starts (\(self.first.isoDate))")
        }
        guard self.last.dayNumber - self.first.dayNumber < 366 * 3 else {
            throw ReportError("a report covers at most three years")
        }
    }

    /// The calendar month `YYYY-MM`.
    ///
    /// - Throws: `ReportError` when `text` is not a month.
    public static func month(_ text: String, offset: Int) throws(ReportError) -> ReportPeriod {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
            let month = Int(parts[1]), (1...12).contains(month)
        else { throw ReportError("expected a month such as 2026-11, got '\(text)'") }
        let first = CivilTime(year: year, month: month, day: 1, offset: offset)
        let last = CivilTime(year: year, month: month, day: CivilTime.daysIn(year: year, month: month), offset: offset)
        return try ReportPeriod(first: first, last: last, offset: offset)
    }

    /// The days from `from` to `to` (`YYYY-MM-DD`), both included.
    ///
    /// - Throws: `ReportError` for a date that is not one, or an empty range.
    public static func range(from: String, to: String, offset: Int) throws(ReportError) -> ReportPeriod {
        guard from.utf8.count == 10, let first = CivilTime.parse(from, defaultOffset: offset) else {
            throw ReportError("expected a date such as 2026-11-01, got '\(from)'")
        }
        guard to.utf8.count == 10, let last = CivilTime.parse(to, defaultOffset: offset) else {
            throw ReportError("expected a date such as 2026-11-30, got '\(to)'")
        }
        return try ReportPeriod(first: first, last: last, offset: offset)
    }

    /// The calendar month that contains `instant`.
    public static func month(containing instant: Date, offset: Int) -> ReportPeriod {
        let now = CivilTime(instant, offset: offset)
        let first = CivilTime(year: now.year, month: now.month, day: 1, offset: offset)
        let last = CivilTime(
            year: now.year, month: now.month, day: CivilTime.daysIn(year: now.year, month: now.month), offset: offset)
        // A month is always a valid, non-empty period.
        return (try? ReportPeriod(first: first, last: last, offset: offset))!
    }

    /// Number of days covered.
    public var dayCount: Int { last.dayNumber - first.dayNumber + 1 }

    /// The first instant of the period, in seconds since 1970.
    public var start: Int { first.dayNumber * 86_400 - offset }

    /// The first instant after the period, in seconds since 1970.
    public var end: Int { (last.dayNumber + 1) * 86_400 - offset }

    /// Whether `seconds` (since 1970) falls inside the period.
    @inline(__always)
    public func contains(_ seconds: Int) -> Bool { seconds >= start && seconds < end }

    /// The 0-based day of the period on which `seconds` falls (only meaningful when `contains` it).
    @inline(__always)
    public func dayIndex(_ seconds: Int) -> Int { (seconds + offset) / 86_400 - first.dayNumber }

    /// The local hour of day (0–23) of `seconds`.
    @inline(__always)
    public func hour(_ seconds: Int) -> Int { ((seconds + offset) % 86_400 + 86_400) % 86_400 / 3600 }

    /// The date of day `index` of the period, `2026-11-05`.
    public func date(ofDay index: Int) -> String { first.addingDays(index).isoDate }

    /// `2026-11` when the period is exactly one calendar month, else `2026-11-01 – 2026-11-15`.
    public var title: String {
        if first.day == 1, last.year == first.year, last.month == first.month,
            last.day == CivilTime.daysIn(year: last.year, month: last.month)
        {
            return String(first.isoDate.prefix(7))
        }
        return first.dayNumber == last.dayNumber ? first.isoDate : "\(first.isoDate) – \(last.isoDate)"
    }
}
