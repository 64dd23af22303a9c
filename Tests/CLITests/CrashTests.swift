import Foundation
import FrontDeskTestSupport
import Testing

/// Runs a short `bench/crash-test.py` (kill -9 the server under load, check no acknowledged record
/// is lost) on the built binary. Everything it needs is required, never assumed: a missing binary,
/// script, python3, `intents/` or estate file fails the test with a message saying what to provide,
/// and only the script's exit 0 with its `PASS` line passes (its 77, "skipped", is a failure).
@Suite("Crash test (kill -9 under load)")
struct CrashTests {
    /// The command that runs the crash test from `root` against `binary`.
    ///
    /// - Throws: `TestSupportError` naming the first thing missing.
    static func command(root: URL, binary: () throws(TestSupportError) -> URL) throws(TestSupportError) -> [String] {
        for (path, hint) in [
            ("bench/crash-test.py", "the crash-test script belongs to the repository"),
            ("intents", "the content folder belongs to the repository"),
            ("estate/sample.json", "the sample estate belongs to the repository"),
        ] where !FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) {
            throw TestSupportError("\(root.appendingPathComponent(path).path) is missing: \(hint)")
        }
        let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        guard let python else { throw TestSupportError("python3 is missing: the crash test is a Python script") }
        return [python, "bench/crash-test.py", "--kills", "20", "--clients", "2", try binary().path]
    }

    @Test func acknowledgedRecordsSurviveKillNine() throws {
        let command = try Self.command(root: Repository.root) { () throws(TestSupportError) in
            try FrontDeskBinary.executable()
        }
        let result = try FrontDeskBinary.runProcess(
            URL(fileURLWithPath: command[0]), Array(command.dropFirst()), cwd: Repository.root)
        #expect(result.status == 0, "crash test exited \(result.status):\n\(result.out)\(result.err)")
        #expect(result.out.contains("\nPASS\n"), "\(result.out)")
    }

    @Test("a missing script or binary is a failure with a message, not a skip")
    func missingPiecesFail() throws {
        let empty = try Repository.temporaryDirectory("crash")
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect {
            _ = try Self.command(root: empty) { () throws(TestSupportError) in Repository.root }
        } throws: { error in
            "\(error)".contains("bench/crash-test.py is missing")
        }
        #expect {
            _ = try Self.command(root: Repository.root) { () throws(TestSupportError) in
                throw TestSupportError("the frontdesk binary is missing")
            }
        } throws: { error in
            "\(error)".contains("frontdesk binary is missing")
        }
    }
}
