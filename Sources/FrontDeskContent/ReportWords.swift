import Foundation
import FrontDeskModel

/// The words the understanding report reads (`intents/grouping.json`): the characters that make a
/// bigram uninformative, English stop words, and the openings and phrases of a correction.
/// Nothing here is ever said to a resident.
public struct ReportWords: Sendable {
    /// Characters that make a bigram uninformative on their own (particles, pronouns).
    public let stopCharacters: Set<Unicode.Scalar>
    /// Characters that are uninformative when both characters of a bigram are among them.
    public let weakCharacters: Set<Unicode.Scalar>
    /// Latin words left out of the n-grams.
    public let stopWords: Set<String>
    /// What a correction opens with (after spaces and commas), and phrases that make one anywhere.
    public let correctionOpenings: [String]
    public let correctionAnywhere: [String]

    /// Report words from their parts (the loader and tests).
    public init(
        stopCharacters: Set<Unicode.Scalar>, weakCharacters: Set<Unicode.Scalar>, stopWords: Set<String>,
        correctionOpenings: [String], correctionAnywhere: [String]
    ) {
        self.stopCharacters = stopCharacters
        self.weakCharacters = weakCharacters
        self.stopWords = stopWords
        self.correctionOpenings = correctionOpenings
        self.correctionAnywhere = correctionAnywhere
    }

    static let empty = ReportWords(
        stopCharacters: [], weakCharacters: [], stopWords: [], correctionOpenings: [], correctionAnywhere: [])
}

extension CatalogLoader {
    static let groupingKeys = [
        "version", "description", "stop_characters", "weak_characters", "stop_words", "correction_openings",
        "correction_anywhere",
    ]

    /// Reads `grouping.json`; every key but `description` is required.
    mutating func loadReportWords() -> ReportWords {
        readFile("grouping.json", allowed: Self.groupingKeys, empty: .empty) { root, reader in
            Self.reportWords(root, &reader)
        }
    }

    static func reportWords(_ root: JSONObject, _ reader: inout ContentReader) -> ReportWords {
        func characters(_ key: String) -> Set<Unicode.Scalar> {
            Set((reader.string(root, key, at: "") ?? "").unicodeScalars)
        }
        func words(_ key: String) -> [String] {
            guard let value = root[key] else {
                reader.report(key, ContentMessages.missing)
                return []
            }
            let list = reader.strings(value, at: key)
            for (index, word) in list.enumerated() where word.lowercased() != word {
                reader.report("\(key)[\(index)]", "expected lower case: corrections and words are matched lower-cased")
            }
            return list
        }
        return ReportWords(
            stopCharacters: characters("stop_characters"), weakCharacters: characters("weak_characters"),
            stopWords: Set(words("stop_words")), correctionOpenings: words("correction_openings"),
            correctionAnywhere: words("correction_anywhere"))
    }
}

extension Catalog {
    /// Reads only `directory/grouping.json` (the report loads no more of `intents/`).
    ///
    /// - Throws: `ContentError` listing every mistake in the file.
    public static func loadReportWords(directory: String) throws(ContentError) -> ReportWords {
        var loader = CatalogLoader(directory: directory)
        let words = loader.loadReportWords()
        if !loader.diagnostics.isEmpty { throw ContentError(loader.diagnostics) }
        return words
    }
}
