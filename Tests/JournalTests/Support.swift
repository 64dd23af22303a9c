import Foundation
import FrontDeskModel

@testable import FrontDeskJournal

/// A fresh directory under the system temp directory, removed by `remove()`.
struct TempDir {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "frontdesk-journal-" + UUID().uuidString
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            fatalError("cannot create the test directory \(path): \(error)")
        }
    }

    /// `path/name`.
    func file(_ name: String) -> String { path + "/" + name }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// A repair draft created at `time`.
func draft(
    _ type: RecordType = .repair, at time: String = "2026-11-22T10:03:00+08:00", unit: String = "3-2-501",
    description: String = "厨房水管漏水"
) -> Record {
    Record(
        type: type, createdAt: time, unit: unit, phone: "13812345678", category: "plumbing", description: description)
}

/// Bytes of a file.
func bytes(_ path: String) -> [UInt8] { Array(FileManager.default.contents(atPath: path) ?? Data()) }

/// Permission bits of a file or directory.
func permissions(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? NSNumber)?.intValue ?? -1
}

/// Names in a directory that start with `prefix`.
func entries(_ directory: String, prefix: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasPrefix(prefix) }.sorted()
}

/// Writes `data` to `path`, replacing it.
func overwrite(_ path: String, _ data: [UInt8]) {
    _ = FileManager.default.createFile(atPath: path, contents: Data(data), attributes: [.posixPermissions: 0o600])
}

/// Runs `body(i)` for i in 0..<count on `count` real threads at once (DispatchQueue.concurrentPerform
/// would only use as many threads as there are cores) and returns when all are done.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for i in 0..<count {
        group.enter()
        Thread {
            body(i)
            group.leave()
        }.start()
    }
    group.wait()
}
