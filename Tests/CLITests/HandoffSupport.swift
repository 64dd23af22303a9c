import Foundation
import FrontDeskModel
import FrontDeskNet
import FrontDeskTestSupport
import Testing

/// `frontdesk serve` with an operator port, run as a process on 127.0.0.1:0 (both ports read back
/// from its "listening on" line), with its own data directory and token file.
final class HandoffServer {
    static let tokens = "xiaowang\ttoken-wang-0001\nxiaoli\ttoken-li-0002\n"
    static let office = "2026-11-22T10:00:00+08:00"
    static let evening = "2026-11-22T20:00:00+08:00"

    let directory: URL
    let process = Process()
    private let errors = Pipe()
    let residentPort: Int
    let operatorPort: Int

    init(now: String = HandoffServer.office, wait: Double = 60, extra: [String] = []) throws {
        directory = try Repository.temporaryDirectory()
        let tokenFile = directory.appendingPathComponent("tokens").path
        _ = FileManager.default.createFile(
            atPath: tokenFile, contents: Data(Self.tokens.utf8), attributes: [.posixPermissions: 0o600])
        process.executableURL = try FrontDeskBinary.executable()
        process.currentDirectoryURL = Repository.root
        process.arguments =
            [
                "serve", "--port", "0", "--operator-port", "0", "--operator-token-file", tokenFile, "--data-dir",
                directory.appendingPathComponent("var").path, "--now", now, "--handoff-wait", String(wait),
                "--rate", "0",
            ] + extra
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var text = ""
        let reader = errors.fileHandleForReading
        while !text.contains("\n") {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        let numbers = text.matches(of: /:(\d+)/).compactMap { Int($0.1) }
        guard text.contains("operators on"), numbers.count >= 2 else {
            process.terminate()
            throw HandoffTestError("serve did not start: \(text)")
        }
        residentPort = numbers[0]
        operatorPort = numbers[1]
    }

    /// A resident connection (its greeting read, in text mode).
    func resident(greeting: Bool = true) throws -> Peer {
        let peer = Peer(try LineClient(host: "127.0.0.1", port: residentPort))
        if greeting { #expect(try peer.line()?.contains("物业客服中心") == true) }
        return peer
    }

    /// An operator connection, signed in as `token`'s operator (the welcome line read).
    func clerk(_ token: String = "token-wang-0001") throws -> Peer {
        let peer = Peer(try LineClient(host: "127.0.0.1", port: operatorPort))
        try peer.send(["auth": .string(token)])
        let welcome = try peer.event()
        #expect(welcome?["event"]?.string == "welcome")
        return peer
    }

    /// SIGTERM, then waits for the process (its transcripts are flushed and synced).
    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// The records, through `records list --json`.
    func records() throws -> [JSON] {
        let result = try FrontDeskBinary.run([
            "records", "list", "--json", "--data-dir", directory.appendingPathComponent("var").path,
        ])
        return result.out.split(separator: "\n").compactMap { try? JSON.parse(String($0)) }
    }

    /// The `handoffs` member of `report --json` for November 2026.
    func handoffFigures() throws -> JSON? {
        let result = try FrontDeskBinary.run([
            "report", "--json", "--month", "2026-11", "--data-dir", directory.appendingPathComponent("var").path,
        ])
        return try JSON.parse(result.out)["handoffs"]?["months"]?.array?.first
    }

    /// Every transcript event written.
    func transcript() throws -> [JSON] {
        let folder = directory.appendingPathComponent("var/transcripts")
        var events: [JSON] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            events += text.split(separator: "\n").compactMap { try? JSON.parse(String($0)) }
        }
        return events
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }
}

struct HandoffTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// One client connection with short, bounded reads.
final class Peer {
    let client: LineClient
    init(_ client: LineClient) { self.client = client }

    func send(_ text: String) throws { try client.send(text) }
    func send(_ json: JSON) throws { try client.send(json.serialized) }

    /// The next line (nil once closed); fails the test after 10 s instead of hanging.
    func line(timeout: Double = 10) throws -> String? { try client.readLine(timeout: timeout) }

    /// The next line parsed as JSON.
    func event(timeout: Double = 10) throws -> JSON? {
        guard let line = try line(timeout: timeout) else { return nil }
        return try JSON.parse(line)
    }

    /// Whether nothing arrives within `seconds`.
    func quiet(for seconds: Double = 0.5) -> Bool {
        do {
            _ = try client.readLine(timeout: seconds)
            return false  // a line, or the connection closed
        } catch {
            return true  // the wait timed out
        }
    }

    /// Every line until the server closes.
    func rest() throws -> [String] {
        var lines: [String] = []
        while let line = try line() { lines.append(line) }
        return lines
    }

    func close() { client.close() }

    deinit { client.close() }
}
