import Foundation
import FrontDeskModel

/// Regional words (`intents/regional.json`, ours, and `intents/regional-opencc.tsv`, generated from OpenCC): each
/// mainland word and the words written for it in Taiwan, Hong Kong or Cantonese. The matcher compiles every keyword
/// that contains a mainland word once more with each regional word in its place, so 瓦斯 matches where 燃气 does.
public struct RegionalWords: Sendable, Equatable {
    /// Mainland word → its regional words, as written in the files (the matcher normalizes them).
    public var variants: [String: [String]]

    /// A table of `variants`.
    public init(variants: [String: [String]] = [:]) { self.variants = variants }

    /// Adds `regional` as a variant of `mainland` (once).
    mutating func add(_ mainland: String, _ regional: String) {
        guard mainland != regional, !(variants[mainland]?.contains(regional) ?? false) else { return }
        variants[mainland, default: []].append(regional)
    }
}

extension CatalogLoader {
    /// Reads `regional.json` and `regional-opencc.tsv` (both optional).
    mutating func loadRegional() -> RegionalWords {
        var table = RegionalWords()
        readFile("regional.json", allowed: ["version", "description", "words"], required: false, empty: ()) {
            root, reader in
        if let words = root["words"] {
            if let map = words.object {
                for (mainland, list) in map {
                    let path = "words.\(mainland)"
                    if mainland.isEmpty { reader.report(path, "empty word") }
                    let regional = reader.strings(list, at: path)
                    if regional.isEmpty { reader.report(path, "expected at least one regional word") }
                    for (index, word) in regional.enumerated() {
                        if word.isEmpty || word == mainland {
                            reader.report(
                                "\(path)[\(index)]", "a regional word must differ from the mainland word")
                        } else {
                            table.add(mainland, word)
                        }
                    }
                }
            } else {
                reader.report("words", ContentMessages.expected("an object", words))
            }
        } else {
            reader.report("words", ContentMessages.missing)
        }
        }
        let path = displayName("regional-opencc.tsv")
        if let data = FileManager.default.contents(atPath: path) {
            guard let text = String(validating: data, as: UTF8.self) else {
                diagnostics.append(Diagnostic(file: path, path: "", message: "not valid UTF-8"))
                return table
            }
            var number = 0
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                number += 1
                if line.isEmpty || line.hasPrefix("#") { continue }
                let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    diagnostics.append(
                        Diagnostic(file: path, path: "line \(number)", message: "expected mainland<TAB>regional"))
                    continue
                }
                table.add(String(parts[0]), String(parts[1]))
            }
        }
        return table
    }
}
