import Foundation
import FrontDeskModel

extension Estate {
    /// Loads and validates an estate file.
    ///
    /// - Throws: `ContentError` with every mistake found, each as `file: key path: message`
    ///   (a syntax error as `file: line L, column C: message`).
    public static func load(path: String) throws(ContentError) -> Estate {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
            throw ContentError([Diagnostic(file: path, path: "", message: EstateMessage.unreadable(reason))])
        }
        return try parse(data, file: path)
    }

    /// Validates an estate file's bytes; `file` names it in diagnostics.
    ///
    /// - Throws: `ContentError` with every mistake found.
    public static func parse<Bytes: Collection<UInt8>>(_ bytes: Bytes, file: String) throws(ContentError) -> Estate {
        let json: JSON
        do {
            json = try JSON.parse(bytes)
        } catch {
            throw ContentError([
                Diagnostic(file: file, path: "line \(error.line), column \(error.column)", message: error.message)
            ])
        }
        var reader = EstateReader(file: file)
        if var estate = reader.estate(json), reader.diagnostics.isEmpty {
            estate.warnings = reader.warnings
            return estate
        }
        // With real mistakes, the unknown keys are shown among them, in file order: "aera" beside "area missing".
        throw ContentError(reader.ordered)
    }
}

/// Reads the JSON of an estate file into an `Estate`, collecting every mistake with its key path.
///
/// Each object is read in one pass over its members (a `switch` on the key), so unknown keys are found
/// as they are met and a 5,000-unit file is read without building a path string per value.
struct EstateReader {
    let file: String
    var diagnostics: [Diagnostic] = []
    /// Unknown keys and defaulted values: reported by `lint` as warnings, never refused (SPEC 2.2).
    var warnings: [Diagnostic] = []

    init(file: String) { self.file = file }

    /// Mistakes and warnings together, in the order they were found.
    var ordered: [Diagnostic] = []

    mutating func report(_ path: String, _ message: String) {
        diagnostics.append(Diagnostic(file: file, path: path, message: message))
        ordered.append(Diagnostic(file: file, path: path, message: message))
    }

    static func join(_ base: String, _ key: String) -> String { base.isEmpty ? key : "\(base).\(key)" }

    // MARK: - Typed values

    mutating func object(_ value: JSON, _ path: @autoclosure () -> String) -> JSONObject? {
        if case .object(let object) = value { return object }
        report(path(), EstateMessage.expected("an object", got: value))
        return nil
    }

    mutating func array(_ value: JSON, _ path: @autoclosure () -> String) -> [JSON]? {
        if case .array(let array) = value { return array }
        report(path(), EstateMessage.expected("an array", got: value))
        return nil
    }

    mutating func string(_ value: JSON, _ path: @autoclosure () -> String) -> String? {
        if case .string(let string) = value {
            if string.isEmpty { report(path(), EstateMessage.empty) }
            return string
        }
        report(path(), EstateMessage.expected("a string", got: value))
        return nil
    }

    mutating func number(_ value: JSON, _ path: @autoclosure () -> String) -> Double? {
        if case .number(let number) = value { return number }
        report(path(), EstateMessage.expected("a number", got: value))
        return nil
    }

    mutating func amount(_ value: JSON, _ path: @autoclosure () -> String) -> Double? {
        guard let number = number(value, path()) else { return nil }
        if number < 0 { report(path(), EstateMessage.negative(number)) }
        return number
    }

    mutating func wholeNumber(_ value: JSON, _ path: @autoclosure () -> String) -> Int? {
        guard let number = number(value, path()) else { return nil }
        guard let int = value.int, int >= 1 else {
            report(path(), EstateMessage.badWholeNumber)
            _ = number
            return nil
        }
        return int
    }

    mutating func bool(_ value: JSON, _ path: @autoclosure () -> String) -> Bool? {
        if case .bool(let bool) = value { return bool }
        report(path(), EstateMessage.expected("true or false", got: value))
        return nil
    }

    mutating func phone(_ value: JSON, _ path: @autoclosure () -> String, allowShort: Bool = false) -> String? {
        guard let text = string(value, path()) else { return nil }
        if !text.isEmpty, !EstateSyntax.isPhone(text, allowShort: allowShort) {
            report(path(), EstateMessage.badPhone(text))
        }
        return text
    }

    mutating func hours(_ value: JSON, _ path: @autoclosure () -> String) -> String? {
        guard let text = string(value, path()) else { return nil }
        if !text.isEmpty, !EstateSyntax.isHours(text) { report(path(), EstateMessage.badHours(text)) }
        return text
    }

    /// Reports each key `keys[i]` whose bit `1 << i` is in `required` but not in `seen`.
    mutating func requireKeys(_ keys: [String], required: UInt32, seen: UInt32, at path: @autoclosure () -> String) {
        guard required & seen != required else { return }
        for (i, key) in keys.enumerated() where required & (1 << i) != 0 && seen & (1 << i) == 0 {
            report(path(), EstateMessage.missing(key))
        }
    }

    mutating func unknownKey(_ key: String, known: [String], at base: @autoclosure () -> String) {
        let warning = Diagnostic(
            file: file, path: Self.join(base(), key), message: EstateMessage.unknown(key, known: known))
        warnings.append(warning)
        ordered.append(warning)
    }
}
