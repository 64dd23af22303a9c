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

    /// `45分` / `3小时20分` / `2天3小时` (English `45 min`, `3 h 20 min`, `2 d 3 h`), or `—`.
    public func duration(minutes: Int?) -> String {
        guard let minutes else { return "—" }
        let (d, h, m) = (minutes / 1440, minutes % 1440 / 60, minutes % 60)
        if labels.chinese {
            if d > 0 { return h > 0 ? "\(d)天\(h)小时" : "\(d)天" }
            if h > 0 { return m > 0 ? "\(h)小时\(m)分" : "\(h)小时" }
            return "\(m)分"
        }
        if d > 0 { return h > 0 ? "\(d) d \(h) h" : "\(d) d" }
        if h > 0 { return m > 0 ? "\(h) h \(m) min" : "\(h) h" }
        return "\(m) min"
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
