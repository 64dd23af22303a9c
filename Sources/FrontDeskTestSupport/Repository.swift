public import Foundation

/// A test precondition that does not hold (a missing binary, script or folder): thrown, so the
/// test that needs it fails with this message instead of being skipped.
public struct TestSupportError: Error, Sendable, CustomStringConvertible {
    /// What is missing and how to provide it.
    public var description: String

    /// An error saying `description`.
    public init(_ description: String) { self.description = description }
}

/// The package's root folder (the one holding `Package.swift`), found from a source file's path.
public enum Repository {
    /// The root found from this file (`Sources/FrontDeskTestSupport/Repository.swift`).
    public static let root: URL = {
        do { return try find(from: #filePath) } catch { fatalError("\(error)") }
    }()

    /// The root as a path.
    public static var path: String { root.path }

    /// A path inside the root: `Repository.file("intents")`.
    public static func file(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The nearest folder above `filePath` that holds `Package.swift`.
    ///
    /// - Throws: `TestSupportError` when no folder above it does.
    public static func find(from filePath: String) throws(TestSupportError) -> URL {
        var url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        throw TestSupportError("no Package.swift in any folder above \(filePath)")
    }

    /// A file or folder that must exist for a test to mean anything.
    ///
    /// - Throws: `TestSupportError` naming the path and `hint` when it is missing.
    @discardableResult
    public static func require(_ relative: String, hint: String) throws(TestSupportError) -> String {
        let path = file(relative)
        guard FileManager.default.fileExists(atPath: path) else {
            throw TestSupportError("\(path) is missing: \(hint)")
        }
        return path
    }

    /// A fresh temporary directory named `frontdesk-LABEL-…`.
    public static func temporaryDirectory(_ label: String = "test") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "frontdesk-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
