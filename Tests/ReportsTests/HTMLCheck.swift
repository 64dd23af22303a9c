import Foundation

/// A tiny well-formedness checker for the HTML report: every element closed in order (void
/// elements excepted), attributes quoted, no stray `<` or `&` in text, no script, no external
/// reference.
enum HTMLCheck {
    static let void: Set<String> = ["meta", "br", "hr", "img", "link", "input", "col", "wbr"]

    /// The problems found; empty when the page is well-formed.
    static func problems(_ html: String) -> [String] {
        let b = Array(html.utf8)
        var i = 0
        var stack: [String] = []
        var problems: [String] = []
        func text(_ from: Int, _ to: Int) -> String { String(decoding: b[from..<to], as: UTF8.self) }
        while i < b.count {
            if b[i] == UInt8(ascii: "&") {
                var j = i + 1
                while j < b.count, j - i < 10, b[j] != UInt8(ascii: ";") { j += 1 }
                if j >= b.count || b[j] != UInt8(ascii: ";") { problems.append("bare & at \(i)") }
                i = j + 1
                continue
            }
            guard b[i] == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            guard let close = b[i...].firstIndex(of: UInt8(ascii: ">")) else {
                problems.append("unclosed < at \(i)")
                break
            }
            let tag = text(i + 1, close)
            i = close + 1
            if tag.hasPrefix("!") { continue }
            if tag.hasPrefix("/") {
                let name = String(tag.dropFirst()).lowercased()
                if stack.last == name {
                    stack.removeLast()
                } else {
                    problems.append("</\(name)> closes <\(stack.last ?? "nothing")>")
                }
                continue
            }
            let name = String(tag.prefix { $0 != " " && $0 != "/" }).lowercased()
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber }) else {
                problems.append("bad tag <\(tag)>")
                continue
            }
            if tag.filter({ $0 == "\"" }).count % 2 != 0 { problems.append("unbalanced quotes in <\(name)>") }
            if name == "script" { problems.append("script element") }
            if tag.contains("src=") || tag.contains("href=") { problems.append("external reference in <\(name)>") }
            if tag.hasSuffix("/") || void.contains(name) { continue }
            if name == "style" {
                guard let end = html.range(of: "</style>") else {
                    problems.append("unclosed style")
                    break
                }
                i = html.utf8.distance(from: html.startIndex, to: end.lowerBound)
            }
            stack.append(name)
        }
        if !stack.isEmpty { problems.append("unclosed: \(stack.joined(separator: " "))") }
        return problems
    }
}
