import Foundation

/// Inline SVG charts for the HTML report: no scripts, sized by a viewBox so they scale to the
/// page width on a phone and on A4.
public enum SVGChart {
    /// Escapes text for HTML and SVG (`&`, `<`, `>`, quotes).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if c.value < 0x20 || c.value == 0x7F { out += " " } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }

    /// Vertical bars, one per value, each with a tooltip, x labels where `label` gives one, and gridlines.
    public static func columns(
        _ values: [Int], title: String, tooltip: (Int) -> String, label: (Int) -> String?, color: String = "#2f6fb3"
    ) -> String {
        let width = 480.0
        let height = 160.0
        let left = 34.0
        let bottom = 22.0
        let top = 14.0
        let tick = niceStep(max(1, values.max() ?? 1))
        let maxValue = max(1, ((values.max() ?? 1) + tick - 1) / tick * tick)
        let step = (width - left - 4) / Double(max(1, values.count))
        var svg = open(width: width, height: height, title: title).replacingOccurrences(
            of: "<svg ", with: "<svg class=\"cols\" ")
        for value in stride(from: 0, through: maxValue, by: tick) {
            let y = top + (height - top - bottom) * (1 - Double(value) / Double(maxValue))
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(width - 4))\" y2=\"\(f(y))\" class=\"grid\"/>"
            svg += "<text x=\"\(f(left - 4))\" y=\"\(f(y + 4))\" class=\"axis\" text-anchor=\"end\">\(value)</text>"
        }
        for (i, value) in values.enumerated() {
            let h = (height - top - bottom) * Double(value) / Double(maxValue)
            let x = left + Double(i) * step + step * 0.15
            let y = height - bottom - h
            svg +=
                "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(max(1, step * 0.7)))\" height=\"\(f(h))\" fill=\"\(color)\">"
            svg += "<title>\(escape(tooltip(i))) \(value)</title></rect>"
            if let text = label(i) {
                svg += "<text x=\"\(f(x + step * 0.35))\" y=\"\(f(height - 6))\" class=\"axis\" text-anchor=\"middle\">"
                svg += "\(escape(text))</text>"
            }
        }
        return svg + "</svg>"
    }

    /// Horizontal bars, one row per item, as HTML (label, bar, value), so the text stays
    /// readable at any page width.
    public static func bars(_ items: [(label: String, value: Int)], title: String, color: String = "#2f6fb3") -> String
    {
        let maxValue = max(1, items.map(\.value).max() ?? 1)
        var h = "<div class=\"bars\" role=\"img\" aria-label=\"\(escape(title))\">"
        for item in items {
            let percent = Double(item.value) * 100 / Double(maxValue)
            h += "<div class=\"bar\"><span class=\"bl\">\(escape(item.label))</span><span class=\"bt\">"
            if item.value > 0 { h += "<i style=\"width:\(f(percent))%;background:\(color)\"></i>" }
            h += "</span><span class=\"bv\">\(item.value)</span></div>"
        }
        return h + "</div>"
    }

    /// One bar split into coloured parts with a legend under it (satisfaction, on time / late).
    public static func stacked(_ parts: [(label: String, value: Int, color: String)], title: String) -> String {
        let width = 640.0
        let total = parts.reduce(0) { $0 + $1.value }
        var svg = open(width: width, height: 30, title: title).replacingOccurrences(
            of: "<svg ", with: "<svg class=\"stack\" "
        )
        .replacingOccurrences(of: "xMinYMin meet", with: "none")
        var x = 0.0
        if total == 0 {
            svg += "<rect x=\"0\" y=\"4\" width=\"\(f(width))\" height=\"26\" fill=\"#e5e7eb\"/>"
        }
        for part in parts where total > 0 && part.value > 0 {
            let w = width * Double(part.value) / Double(total)
            svg += "<rect x=\"\(f(x))\" y=\"4\" width=\"\(f(w))\" height=\"26\" fill=\"\(part.color)\">"
            svg += "<title>\(escape(part.label)) \(part.value)</title></rect>"
            x += w
        }
        svg += "</svg><ul class=\"legend\">"
        for part in parts {
            svg += "<li><i style=\"background:\(part.color)\"></i>\(escape(part.label)) <b>\(part.value)</b></li>"
        }
        return svg + "</ul>"
    }

    /// The smallest round gridline step (1, 2, 5 × 10ⁿ) that needs at most four steps to reach `maxValue`.
    static func niceStep(_ maxValue: Int) -> Int {
        var magnitude = 1
        while true {
            for factor in [1, 2, 5] where (maxValue + magnitude * factor - 1) / (magnitude * factor) <= 4 {
                return magnitude * factor
            }
            magnitude *= 10
        }
    }

    static func open(width: Double, height: Double, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" "
            + "aria-label=\"\(escape(title))\" preserveAspectRatio=\"xMinYMin meet\"><title>\(escape(title))</title>"
    }

    /// A coordinate with at most one decimal.
    static func f(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(abs(tenths % 10))"
    }
}
