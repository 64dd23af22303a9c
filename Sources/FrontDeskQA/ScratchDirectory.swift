import Foundation

/// A throw-away data directory for one dialogue or one `replay --check` run: created empty
/// under the system's temporary directory, deleted by `remove()`.
public final class ScratchDirectory: Sendable {
    /// Its absolute path.
    public let path: String

    /// Creates a fresh, empty directory named `frontdesk-<label>-<unique>`.
    ///
    /// - Throws: the file system's error when it cannot be created.
    public init(label: String) throws {
        let base = NSTemporaryDirectory().hasSuffix("/") ? NSTemporaryDirectory() : NSTemporaryDirectory() + "/"
        path = base + "frontdesk-\(label)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// Deletes the directory and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
