extension TextReport {
    /// The understanding report: unrecognized messages grouped, biggest first, and corrections.
    public func render(_ u: UnderstandingReport, estate: String, period: ReportPeriod) -> String {
        var out =
            bold([estate, t(.understandingTitle), period.title].filter { !$0.isEmpty }.joined(separator: " · ")) + "\n"
        out += "\(t(.residentMessages)) \(u.residentMessages)    \(t(.unrecognized)) \(u.unrecognized)"
        out +=
            " (\(format.share(u.unrecognizedShare)))    \(t(.fallback)) \(u.fallback)    \(t(.clarify)) \(u.clarify)\n\n"
        out += heading(t(.groups))
        if u.groups.isEmpty { out += "  \(t(.none))\n" }
        for (i, g) in u.groups.enumerated() {
            var line =
                "\(i + 1). " + bold(g.label)
                + " — \(g.count)  (\(t(.fallback)) \(g.fallback), \(t(.clarify)) \(g.clarify)"
            if !g.offered.isEmpty {
                line +=
                    "; \(t(.offered)) "
                    + g.offered.prefix(3).map { pair in
                        pair.split(separator: "/").map { labels.name(String($0)) }.joined(separator: "/")
                    }.joined(separator: ", ")
            }
            out += "  " + line + ")\n"
            for example in g.examples {
                out += "       “\(Self.oneLine(example.text))” ×\(example.count)\n"
            }
        }
        if u.ungrouped > 0 { out += "  \(t(.otherGroups)): \(u.ungrouped)\n" }
        if u.approximate { out += "  \(t(.approximate))\n" }
        out += "\n" + heading("\(t(.corrections)) · \(u.corrections)")
        if u.correctionGroups.isEmpty { out += "  \(t(.none))\n" }
        for c in u.correctionGroups {
            out += "  \(t(.understoodAs)) \(labels.name(c.from)) → \(t(.thenAs)) \(labels.name(c.to)) — \(c.count)\n"
            for example in c.examples { out += "       “\(Self.oneLine(example))”\n" }
        }
        return out
    }

    /// A message on one line, at most 60 characters, without control characters.
    static func oneLine(_ text: String) -> String {
        let cleaned = String(
            String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
        return cleaned.count > 60 ? String(cleaned.prefix(59)) + "…" : cleaned
    }
}
