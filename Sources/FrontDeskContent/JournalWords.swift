import Foundation
public import FrontDeskModel

extension CatalogLoader {
    static let journalKeys = ["version", "description", "satisfaction"]

    /// Reads `journal.json`: the stored name of every satisfaction level (`satisfaction`, by level key). Every level
    /// needs a name, each a different non-empty text; a key that names no level is an error with a "did you mean".
    /// Nil after reporting when the file has a mistake.
    mutating func loadSatisfactionNames() -> SatisfactionNames? {
        readFile("journal.json", allowed: Self.journalKeys, empty: nil) { root, reader in
            Self.satisfactionNames(root, &reader)
        }
    }

    static func satisfactionNames(_ root: JSONObject, _ reader: inout ContentReader) -> SatisfactionNames? {
        guard let value = root["satisfaction"] else {
            reader.report("satisfaction", ContentMessages.missing)
            return nil
        }
        let keys = Satisfaction.allCases.map(\.key)
        guard let table = reader.object(value, at: "satisfaction", allowed: keys) else { return nil }
        var names: [String: String] = [:]
        var levelsByName: [String: String] = [:]
        for key in keys {
            guard let name = reader.string(table, key, at: "satisfaction") else { continue }
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed != name {
                reader.report("satisfaction.\(key)", "expected the stored name, without spaces around it")
            } else if let other = levelsByName[name] {
                reader.report("satisfaction.\(key)", "'\(name)' is already the stored name of \(other)")
            } else {
                levelsByName[name] = key
                names[key] = name
            }
        }
        return SatisfactionNames(byKey: names)
    }
}

extension Catalog {
    /// Reads only `directory/journal.json` (`records update` and `report` load no more of `intents/`).
    ///
    /// - Throws: `ContentError` listing every mistake in the file.
    public static func loadSatisfactionNames(directory: String) throws(ContentError) -> SatisfactionNames {
        var loader = CatalogLoader(directory: directory)
        let names = loader.loadSatisfactionNames()
        guard loader.diagnostics.isEmpty, let names else { throw ContentError(loader.diagnostics) }
        return names
    }
}
