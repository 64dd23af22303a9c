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

/// How many terminal columns text takes (East Asian wide and full-width characters take two,
/// combining marks none).
public enum DisplayWidth {
    /// The display width of `text`; ANSI colour sequences (`ESC [ … m`) take none.
    public static func of(_ text: String) -> Int {
        var width = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if (0x40...0x7E).contains(scalar.value), scalar != "[" { inEscape = false }
            } else if scalar == "\u{1B}" {
                inEscape = true
            } else {
                width += of(scalar)
            }
        }
        return width
    }

    /// The display width of one scalar: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return v < 0x20 ? 0 : 1 }
        if (0x300...0x36F).contains(v) || (0x200B...0x200F).contains(v) || (0xFE00...0xFE0F).contains(v) { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
        {
            return 2
        }
        return 1
    }
}
