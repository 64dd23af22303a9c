import Foundation
import FrontDeskContent
import FrontDeskDialogue
import FrontDeskModel
import FrontDeskNet
import FrontDeskTestSupport
import Testing

@testable import FrontDeskCLI

/// `serve --json` speaks JSON on every line: the server's own lines (too long, invalid text, idle, busy) are SPEC 2.1
/// objects with an `error` kind, their text from the phrase book; text mode sends the phrase book's text as before.
/// Real sockets: `ConversationFactory` behind a `LineServer` on 127.0.0.1:0, read back with a `LineClient`.
@Suite("serve --json: the server's own lines")
struct JSONServerLinesTests {
    static let messages = ServerMessages(phrases: RepositoryContent.catalog.phrases)

    static func withConversationServer(
        json: Bool, limits change: (inout ServerLimits) -> Void = { _ in },
        _ body: (LineServer) throws -> Void
    ) throws {
        let engine = Engine(
            catalog: RepositoryContent.catalog, estate: RepositoryContent.estate, store: InMemoryRecordStore(),
            clock: ManualClock(RepositoryContent.start))
        let factory = ConversationFactory(
            engine: engine, transcripts: MemoryTranscriptSink(), json: json, sequentialIDs: true)
        let server = try LineServer(
            port: 0, factory: factory, limits: testLimits(change), messages: messages, workers: 2)
        defer {
            server.shutdown()
            server.wait()
        }
        try body(server)
    }

    /// The line as a JSON object, checked for the SPEC 2.1 fields of a server line.
    static func object(_ line: String?, error kind: ServerLine, session: String?) throws -> JSONObject? {
        let line = try #require(line)
        guard case .object(let o) = try JSON.parse(line) else {
            Issue.record("not an object: \(line)")
            return nil
        }
        #expect(o["error"]?.string == kind.rawValue, "\(line)")
        #expect(o["reply"]?.string == messages.text(kind), "\(line)")
        #expect(o["session"] == session.map(JSON.string) ?? .null, "\(line)")
        for key in ["intent", "awaiting", "record"] { #expect(o[key] == .null, "\(key) in \(line)") }
        return o
    }

    @Test func tooLongAndInvalidTextAreObjectsOfTheSession() throws {
        try Self.withConversationServer(json: true, limits: { $0.maxLineBytes = 64 }) { server in
            let client = try LineClient.to(server)
            defer { client.close() }
            try client.send("你好")
            let first = try #require(try client.line())
            guard case .object(let turn) = try JSON.parse(first), let session = turn["session"]?.string else {
                Issue.record("not a turn: \(first)")
                return
            }
            #expect(turn["error"] == nil)
            try client.sendRaw(Array(repeating: UInt8(ascii: "a"), count: 200) + [0x0A])
            _ = try Self.object(try client.line(), error: .lineTooLong, session: session)
            try client.sendRaw([0x61, 0xFF, 0x62, 0x0A])
            _ = try Self.object(try client.line(), error: .invalidInput, session: session)
            try client.sendRaw([0x61, 0x01, 0x0A])
            _ = try Self.object(try client.line(), error: .invalidInput, session: session)
            // The session still answers turns afterwards.
            try client.send("物业费怎么交")
            let after = try #require(try client.line())
            guard case .object(let o) = try JSON.parse(after) else { return }
            #expect(o["session"]?.string == session)
            #expect(o["error"] == nil)
        }
    }

    @Test func idleGoodbyeIsAnObjectThenTheConnectionCloses() throws {
        try Self.withConversationServer(json: true, limits: { $0.idleTimeout = 0.5 }) { server in
            let client = try LineClient.to(server)
            defer { client.close() }
            try client.send("你好")
            _ = try client.line()
            let rest = try client.rest()
            #expect(rest.count == 1, "\(rest)")
            _ = try Self.object(rest.first, error: .idleGoodbye, session: "s-000000000001")
        }
    }

    @Test func busyIsAnObjectWithoutASession() throws {
        try Self.withConversationServer(json: true, limits: { $0.maxConnections = 1 }) { server in
            let first = try LineClient.to(server)
            defer { first.close() }
            try first.send("你好")
            _ = try first.line()
            let second = try LineClient.to(server)
            defer { second.close() }
            let rest = try second.rest()
            #expect(rest.count == 1, "\(rest)")
            _ = try Self.object(rest.first, error: .busy, session: nil)
        }
    }

    @Test func textModeSendsThePhraseBooksText() throws {
        try Self.withConversationServer(json: false, limits: { $0.maxLineBytes = 64 }) { server in
            let client = try LineClient.to(server)
            defer { client.close() }
            _ = try client.line()  // the greeting
            try client.sendRaw(Array(repeating: UInt8(ascii: "a"), count: 200) + [0x0A])
            #expect(try client.line() == Self.messages.text(.lineTooLong))
            try client.sendRaw([0x61, 0xFF, 0x0A])
            let invalid = try #require(try client.line())
            #expect(invalid == Self.messages.text(.invalidInput))
            #expect(!invalid.hasPrefix("{"))
        }
    }
}
