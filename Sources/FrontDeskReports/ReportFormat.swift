/// How figures are written in every output: shares, durations, times.
public struct ReportFormat: Sendable {
    /// The language figures are written in.
    public let labels: ReportLabels
    /// The estate's offset from UTC in seconds, at which times are shown.
    public let offset: Int

    /// Formats for these labels and the estate's UTC offset.
    public init(labels: ReportLabels, offset: Int) {
        self.labels = labels
        self.offset = offset
    }

    /// `83.3%`, or `—` when there is nothing to divide.
    public func share(_ value: Double?) -> String {
        guard let value else { return "—" }
        let tenths = Int((value * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// `3小时20分` in Chinese, `3 h 20 min` in English (the phrase book's `report.duration.*`), or `—`.
    public func duration(minutes: Int?) -> String {
        guard let minutes else { return "—" }
        return labels.duration(days: minutes / 1440, hours: minutes % 1440 / 60, minutes: minutes % 60)
    }

    /// `11-22 10:03` at the estate's offset.
    public func time(_ seconds: Int) -> String {
        let iso = Timestamp.iso(seconds, offset: offset)
        let chars = Array(iso)
        return String(chars[5..<10]) + " " + String(chars[11..<16])
    }

    /// `4.25` (two decimals), or `—`.
    public func decimal(_ value: Double?) -> String {
        guard let value else { return "—" }
        let hundredths = Int((value * 100).rounded())
        let rest = hundredths % 100
        return "\(hundredths / 100)." + (rest < 10 ? "0\(rest)" : "\(rest)")
    }
}
