import Foundation
import Testing

/// Runs a short `bench/crash-test.py` (kill -9 the server under load, check no acknowledged record
/// is lost). Needs the built binary, python3, intents/ and the sample estate; until the engine
/// lands the script reports "SKIP" (status 77), which this test accepts.
@Suite("Crash test (kill -9 under load)")
struct CrashTests {
    static let binary = ".build/debug/frontdesk"
    static let ready =
        FileManager.default.isExecutableFile(atPath: binary) && FileManager.default.fileExists(atPath: "intents")
        && FileManager.default.fileExists(atPath: "estate/sample.json")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/env")

    @Test(.enabled(if: ready, "needs .build/debug/frontdesk, intents/ and estate/sample.json"))
    func acknowledgedRecordsSurviveKillNine() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "bench/crash-test.py", "--kills", "20", "--clients", "2", Self.binary]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0 || process.terminationStatus == 77, "\(text)")
    }
}
