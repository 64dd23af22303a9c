import FrontDeskModel

/// A plain-text table whose columns line up in a terminal: widths are display widths, so a
/// Chinese character counts as two columns.
public struct TextTable: Sendable {
    /// How a column's cells are aligned.
    public enum Alignment: Sendable { case left, right }

    /// The column headers; they set the number of columns.
    public var headers: [String]
    /// The alignment of each column.
    public var alignments: [Alignment]
    /// The rows added so far.
    public private(set) var rows: [[String]] = []

    /// A table with these headers; the first column left-aligned and the others right-aligned
    /// unless `alignments` says otherwise.
    public init(_ headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? headers.indices.map { $0 == 0 ? .left : .right }
    }

    /// Appends a row (missing cells are empty).
    public mutating func add(_ cells: [String]) { rows.append(cells) }

    /// The table as lines, each indented by `indent` spaces, columns two spaces apart, and the
    /// header underlined with dashes.
    public func render(indent: Int = 2) -> String {
        let columns = headers.count
        var widths = headers.map(DisplayWidth.of)
        for row in rows {
            for (i, cell) in row.prefix(columns).enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) }
        }
        let pad = String(repeating: " ", count: indent)
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for i in 0..<columns {
                let cell = i < cells.count ? cells[i] : ""
                let fill = String(repeating: " ", count: widths[i] - DisplayWidth.of(cell))
                parts.append(alignments[i] == .left ? cell + fill : fill + cell)
            }
            var text = pad + parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var out = line(headers) + "\n"
        out += pad + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { out += line(row) + "\n" }
        return out
    }
}
