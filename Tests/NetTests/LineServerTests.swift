import Foundation
import FrontDeskNet
import Testing

@Suite("LineServer over loopback")
struct LineServerTests {
    @Test func greetsAndAnswersEachLine() throws {
        try withServer { server, _ in
            #expect(server.port > 0)
            let client = try LineClient.to(server)
            defer { client.close() }
            #expect(try client.line() == "hello t1")
            try client.send("你好 hi")
            #expect(try client.line() == "t1:你好 HI")
            try client.sendRaw(Array("crlf\r\n".utf8))
            #expect(try client.line() == "t1:CRLF")
            try client.sendRaw(Array("tab\there\n".utf8))
            #expect(try client.line() == "t1:TAB\tHERE")
        }
    }

    @Test func concurrentSessionsAreKeptApart() throws {
        try withServer { server, _ in
            let clients = try (0..<60).map { _ in try LineClient.to(server) }
            defer { for client in clients { client.close() } }
            var tokens: [String] = []
            for client in clients {
                let greeting = try #require(try client.line())
                tokens.append(String(greeting.dropFirst("hello ".count)))
            }
            #expect(Set(tokens).count == clients.count)
            for round in 0..<3 {
                for (index, client) in clients.enumerated() { try client.send("c\(index) r\(round)") }
                for (index, client) in clients.enumerated() {
                    #expect(try client.line() == "\(tokens[index]):C\(index) R\(round)")
                }
            }
        }
    }

    @Test func partialLinesSentByteByByte() throws {
        try withServer { server, _ in
            let client = try LineClient.to(server)
            defer { client.close() }
            _ = try client.line()
            for byte in Array("一二三 abc\r\n".utf8) {
                try client.sendRaw([byte])
                usleep(1000)
            }
            #expect(try client.line() == "t1:一二三 ABC")
        }
    }

    @Test func nulDoesNotHideTheNewlineAfterIt() throws {
        try withServer { server, _ in
            let client = try LineClient.to(server)
            defer { client.close() }
            _ = try client.line()
            try client.sendRaw(Array("ab".utf8) + [0] + Array("cd\nnext\n".utf8))
            #expect(try client.line() == ServerMessages().invalidInput)
            #expect(try client.line() == "t1:NEXT")
        }
    }

    @Test(
        arguments: [
            [0xC3, 0x28], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE4, 0xBD], [0xF4, 0x90, 0x80, 0x80], [0xFF],
            [0x1B, 0x5B, 0x41], [0x7F], [0xC2, 0x85],
        ] as [[UInt8]])
    func invalidInputNeverReachesTheHandler(bytes: [UInt8]) throws {
        try withServer { server, factory in
            let client = try LineClient.to(server)
            defer { client.close() }
            _ = try client.line()
            try client.sendRaw(Array("a".utf8) + bytes + [0x0A])
            #expect(try client.line() == ServerMessages().invalidInput)
            #expect(factory.turnsStarted == 0)
            try client.send("ok")
            #expect(try client.line() == "t1:OK")
        }
    }

    @Test func halfCloseStillAnswersEveryLine() throws {
        try withServer { server, _ in
            let client = try LineClient.to(server)
            defer { client.close() }
            #expect(try client.line() == "hello t1")
            try client.sendRaw(Array("one\ntwo\nsleep 50\nthree\nunterminated".utf8))
            client.shutdownWrite()
            #expect(try client.rest() == ["t1:ONE", "t1:TWO", "t1:SLEEP 50", "t1:THREE", "t1:UNTERMINATED"])
        }
    }

    @Test func pipelinedLinesAreAnsweredInOrder() throws {
        try withServer { server, _ in
            let client = try LineClient.to(server)
            defer { client.close() }
            _ = try client.line()
            var burst: [UInt8] = []
            for i in 0..<2000 { burst += Array("m\(i)\n".utf8) }
            try client.sendRaw(burst)
            for i in 0..<2000 { #expect(try client.line() == "t1:M\(i)") }
        }
    }

    @Test func clientDisconnectingMidLineClosesItsSession() throws {
        try withServer { server, factory in
            let client = try LineClient.to(server)
            _ = try client.line()
            try client.sendRaw(Array("half a li".utf8))
            client.close()
            // A FIN ends the input: the unterminated "half a li" is still handled (SPEC 8), and the
            // reply to nobody is dropped without harm.
            #expect(eventually { server.connectionCount == 0 && factory.closedSessions == 1 })
            let next = try LineClient.to(server)
            defer { next.close() }
            #expect(try next.line() == "hello t2")
        }
    }

    @Test func gracefulShutdownAnswersTurnsInFlight() throws {
        let factory = EchoFactory()
        let server = try LineServer(host: "127.0.0.1", port: 0, factory: factory, limits: testLimits())
        let clients = try (0..<5).map { _ in try LineClient.to(server) }
        defer { for client in clients { client.close() } }
        for client in clients {
            _ = try client.line()
            try client.send("sleep 300")
        }
        #expect(eventually { factory.turnsStarted >= 4 })
        server.shutdown()
        for client in clients {
            let lines = try client.rest()
            #expect(lines.count == 2)
            #expect(lines.first?.hasSuffix(":SLEEP 300") == true)
            #expect(lines.last == ServerMessages().shutdownGoodbye)
        }
        server.wait()
        #expect(factory.turnsStarted == 5)
        #expect(factory.closedSessions == 5)
        #expect(throws: NetError.self) { _ = try LineClient.to(server) }
    }
}
