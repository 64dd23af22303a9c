import Foundation
import FrontDeskModel

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
        for key in object.keys where key != "version" && key != "phrases" {
            diagnostics.append(Diagnostic(file: file, path: key, message: "unknown key (expected version, phrases)"))
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
