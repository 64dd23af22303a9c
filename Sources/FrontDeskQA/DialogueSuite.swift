import Foundation

/// Finds dialogue files and runs them as one suite (`frontdesk test`, and the QATests suite test).
public enum DialogueSuite {
    /// The extension of a scripted dialogue file.
    public static let fileExtension = "dialogue"

    /// Every `*.dialogue` file under each path (recursively, sorted), or the path itself when it
    /// names a file (whatever its extension).
    ///
    /// - Throws: `DialogueSuiteError` naming a path that does not exist.
    public static func files(under paths: [String]) throws(DialogueSuiteError) -> [String] {
        var found: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw DialogueSuiteError("no such file or folder: \(path)")
            }
            guard isDirectory.boolValue else {
                found.append(path)
                continue
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            var inFolder: [String] = []
            if let walker = manager.enumerator(atPath: base) {
                while let relative = walker.nextObject() as? String {
                    if relative.hasSuffix("." + fileExtension) { inFolder.append(base + "/" + relative) }
                }
            }
            found.append(contentsOf: inFolder.sorted())
        }
        return found
    }

    /// Runs every file in order.
    public static func run(files: [String], runner: DialogueRunner) -> [DialogueResult] {
        files.map { runner.run(file: $0) }
    }
}

/// A suite path that cannot be used.
public struct DialogueSuiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    /// An error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
