import Foundation
public import FrontDeskModel

extension PhraseBook {
    /// The phrase-file format version this build reads.
    public static let supportedVersion = 1

    /// Loads `directory/*.json`, appending every mistake to `diagnostics`.
    ///
    /// Each mistake is located as `file: phrases.<key>.<language>: message`; all are reported, not
    /// just the first. A key defined in two files, an unknown key at any level and a missing
    /// zh-Hans or English text are errors.
    public static func load(directory: String, diagnostics: inout [Diagnostic]) -> PhraseBook {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: base) else {
            diagnostics.append(Diagnostic(file: base, path: "", message: "cannot read the phrase directory"))
            return PhraseBook()
        }
        var book = PhraseBook()
        for name in names.sorted() where name.hasSuffix(".json") {
            let file = base + "/" + name
            guard let data = FileManager.default.contents(atPath: file) else {
                diagnostics.append(Diagnostic(file: file, path: "", message: "cannot read the file"))
                continue
            }
            book.add(file: file, bytes: data, diagnostics: &diagnostics)
        }
        if book.forbiddenFile == nil {
            diagnostics.append(
                Diagnostic(
                    file: base, path: "forbidden",
                    message: "missing: one phrase file (etiquette.json) lists the forbidden words of SPEC 4.1"))
        }
        return book
    }

    /// Parses one phrase file's bytes into the book (also used by tests with in-memory text).
    public mutating func add(file: String, bytes: some Collection<UInt8>, diagnostics: inout [Diagnostic]) {
        let root: JSON
        do {
            root = try JSON.parse(bytes)
        } catch {
            diagnostics.append(
                Diagnostic(file: file, path: "line \(error.line), column \(error.column)", message: error.message))
            return
        }
        guard let object = root.object else {
            diagnostics.append(
                Diagnostic(file: file, path: "", message: "expected an object, got \(root.kindDescription)"))
            return
        }
        for key in object.keys where key != "version" && key != "phrases" && key != "forbidden" {
            diagnostics.append(
                Diagnostic(file: file, path: key, message: "unknown key (expected version, phrases, forbidden)"))
        }
        switch object["version"] {
        case nil:
            diagnostics.append(Diagnostic(file: file, path: "version", message: "missing"))
        case let version? where version.int == nil:
            diagnostics.append(
                Diagnostic(file: file, path: "version", message: "expected a number, got \(version.kindDescription)"))
        case let version?:
            if let number = version.int, number > PhraseBook.supportedVersion || number < 1 {
                diagnostics.append(
                    Diagnostic(
                        file: file, path: "version",
                        message: "unsupported version \(number) (this build reads \(PhraseBook.supportedVersion))"))
                return
            }
        }
        if let value = object["forbidden"] { addForbidden(value, file: file, diagnostics: &diagnostics) }
        guard let phraseObject = object["phrases"]?.object else {
            let kind = object["phrases"].map { "expected an object, got \($0.kindDescription)" } ?? "missing"
            diagnostics.append(Diagnostic(file: file, path: "phrases", message: kind))
            return
        }
        for (key, value) in phraseObject {
            let path = "phrases." + key
            if let existing = phrases[key] {
                diagnostics.append(
                    Diagnostic(file: file, path: path, message: "duplicate key (also in \(existing.file))"))
                continue
            }
            guard let entry = value.object else {
                diagnostics.append(
                    Diagnostic(file: file, path: path, message: "expected an object, got \(value.kindDescription)"))
                continue
            }
            phrases[key] = Self.phrase(file: file, path: path, entry: entry, diagnostics: &diagnostics)
        }
    }

    /// Reads a `forbidden` section: `{"chinese": […], "english": […], "english_words": […]}`, all
    /// required, every word non-empty; English in lower case, whole words in letters a–z only.
    private mutating func addForbidden(_ value: JSON, file: String, diagnostics: inout [Diagnostic]) {
        if let other = forbiddenFile {
            diagnostics.append(Diagnostic(file: file, path: "forbidden", message: "defined twice (also in \(other))"))
            return
        }
        var reader = ContentReader(file: file)
        defer { diagnostics += reader.diagnostics }
        let keys = ["description", "chinese", "english", "english_words"]
        guard let object = reader.object(value, at: "forbidden", allowed: keys) else { return }
        _ = reader.string(object, "description", at: "forbidden", required: false)
        func list(_ key: String, _ problem: (String) -> String?) -> [String] {
            let path = "forbidden.\(key)"
            guard let value = object[key] else {
                reader.report(path, ContentMessages.missing)
                return []
            }
            let words = reader.strings(value, at: path)
            if words.isEmpty, value.array != nil { reader.report(path, "expected at least one word") }
            var kept: [String] = []
            for (index, word) in words.enumerated() {
                // An empty string is reported by `strings` already.
                if word.isEmpty { continue }
                if let why = problem(word) {
                    reader.report("\(path)[\(index)]", why)
                } else {
                    kept.append(word)
                }
            }
            return kept
        }
        let chinese = list("chinese") { _ in nil }
        let english = list("english") { $0.lowercased() == $0 ? nil : "expected lower case (matched case-insensitively)" }
        let words = list("english_words") { word in
            word.utf8.allSatisfy { (0x61...0x7A).contains($0) } ? nil : "expected letters a–z only, got '\(word)'"
        }
        forbiddenFile = file
        forbidden = ForbiddenWords(chinese: chinese, english: english, englishWords: words)
    }

    private static func phrase(file: String, path: String, entry: JSONObject, diagnostics: inout [Diagnostic]) -> Phrase
    {
        var texts: [Language: String] = [:]
        for (name, value) in entry {
            guard let language = Language(rawValue: name) else {
                diagnostics.append(
                    Diagnostic(
                        file: file, path: path + "." + name, message: "unknown language (expected zh-Hans, zh-Hant, en)"
                    ))
                continue
            }
            guard let text = value.string else {
                diagnostics.append(
                    Diagnostic(
                        file: file, path: path + "." + name, message: "expected a string, got \(value.kindDescription)")
                )
                continue
            }
            texts[language] = text
        }
        for required in [Language.zhHans, .en] where texts[required] == nil {
            diagnostics.append(Diagnostic(file: file, path: path + "." + required.rawValue, message: "missing"))
        }
        let written = Set(texts.keys)
        if texts[.zhHant] == nil, let simplified = texts[.zhHans] {
            texts[.zhHant] = simplified.applyingTransform(StringTransform("Hans-Hant"), reverse: false) ?? simplified
        }
        var templates: [Language: [Segment]] = [:]
        for (language, text) in texts { templates[language] = compile(text) }
        return Phrase(file: file, texts: texts, written: written, templates: templates)
    }
}
