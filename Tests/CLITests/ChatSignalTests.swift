import Foundation
import FrontDeskModel
import FrontDeskTestSupport
import Testing

/// `chat` writes every turn to its transcript however it ends: SIGINT, SIGTERM or EOF (SPEC 6).
@Suite struct ChatSignalTests {
    static let lines = ["你好", "3栋2单元501厨房水管漏水了", "13812345678", "明天上午", "对"]

    /// Starts a piped `chat`, sends the lines, waits for every reply, then ends it with `signal`
    /// (or closes stdin when 0); returns its exit status and the transcript events' texts.
    static func chat(endingWith number: Int32) throws -> (status: Int32, texts: [String], replies: Int) {
        let dir = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let process = Process()
        process.executableURL = try FrontDeskBinary.executable()
        process.arguments = ["chat", "--data-dir", dir.path, "--now", "2026-11-22T10:00:00+08:00"]
        process.currentDirectoryURL = Repository.root
        let (input, output) = (Pipe(), Pipe())
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data(lines.map { $0 + "\n" }.joined().utf8))
        var received = Data()
        let deadline = Date().addingTimeInterval(30)
        // The greeting and one reply per line: then every turn has been answered.
        while received.filter({ $0 == 0x0A }).count < lines.count + 1, Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            received += chunk
        }
        let replies = received.filter { $0 == 0x0A }.count - 1
        if number == 0 {
            try input.fileHandleForWriting.close()
        } else {
            kill(process.processIdentifier, number)
        }
        // A chat that ignores the signal must fail the test, not hang it.
        let exitBy = Date().addingTimeInterval(20)
        while process.isRunning, Date() < exitBy { usleep(20_000) }
        let stopped = !process.isRunning
        if !stopped { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(stopped, "chat still running 20 s after signal \(number)")
        var texts: [String] = []
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/transcripts")
        for file in files.sorted() where file.hasSuffix(".jsonl") {
            let text = try String(contentsOfFile: dir.path + "/transcripts/" + file, encoding: .utf8)
            for line in text.split(separator: "\n") { texts.append(try JSON.parse(String(line))["text"]?.string ?? "") }
        }
        return (process.terminationStatus, texts, replies)
    }

    @Test(arguments: [SIGINT, SIGTERM, 0])
    func everyTurnIsInTheTranscript(signal: Int32) throws {
        let result = try Self.chat(endingWith: signal)
        #expect(result.replies == Self.lines.count)
        #expect(result.status == 0)
        // The greeting, then each resident line and the bot's reply to it.
        #expect(result.texts.count == 1 + 2 * Self.lines.count, "\(result.texts)")
        let resident = stride(from: 1, to: result.texts.count, by: 2).map { result.texts[$0] }
        #expect(resident == ["你好", "3栋2单元501厨房水管漏水了", "138****5678", "明天上午", "对"])
    }
}
