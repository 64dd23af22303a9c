import Foundation
import FrontDeskNet
import Testing

@Suite("SPEC 8 limits")
struct LimitTests {
    let messages = ServerMessages()

    @Test func overLongLineIsAnsweredBeforeItsNewlineAndSkipped() throws {
        try withServer(limits: testLimits { $0.maxLineBytes = 16 }) { server, factory in
            let client = try LineClient.to(server)
            defer { client.close() }
            _ = try client.line()
            try client.sendRaw(Array(repeating: UInt8(ascii: "a"), count: 100))
            #expect(try client.line() == messages.lineTooLong)
            try client.sendRaw(Array(repeating: UInt8(ascii: "b"), count: 100_000) + [0x0A])
            try client.send("exactly sixteen!")
            #expect(try client.line() == "t1:EXACTLY SIXTEEN!")
            #expect(factory.turnsStarted == 1)
        }
    }

    @Test func closedAfterThreeOverLongLines() throws {
        try withServer(limits: testLimits { $0.maxLineBytes = 16 }) { server, _ in
            let client = try LineClient.to(server)
            defer { client.close() }
            _ = try client.line()
            let long = String(repeating: "x", count: 40)
            try client.send(long)
            try client.send("fine")
            try client.send(long)
            try client.send(long + long)
            #expect(
                try client.rest() == [
                    messages.lineTooLong, "t1:FINE", messages.lineTooLong, messages.lineTooLong,
                    messages.tooManyLongLines,
                ])
        }
    }

    @Test func connectionsOverTheLimitAreToldTheDeskIsBusy() throws {
        try withServer(limits: testLimits { $0.maxConnections = 2 }) { server, _ in
            let first = try LineClient.to(server)
            let second = try LineClient.to(server)
            defer {
                first.close()
                second.close()
            }
            _ = try first.line()
            _ = try second.line()
            let third = try LineClient.to(server)
            #expect(try third.rest() == [messages.busy])
            third.close()
            first.close()
            #expect(eventually { server.connectionCount == 1 })
            let fourth = try LineClient.to(server)
            defer { fourth.close() }
            #expect(try fourth.line()?.hasPrefix("hello ") == true)
        }
    }

    @Test func idleConnectionGetsAGoodbye() throws {
        try withServer(limits: testLimits { $0.idleTimeout = 1 }) { server, _ in
            let client = try LineClient.to(server)
            defer { client.close() }
            _ = try client.line()
            try client.send("one")
            #expect(try client.rest() == ["t1:ONE", messages.idleGoodbye])
        }
    }

    @Test func unfinishedLineTimesOut() throws {
        try withServer(limits: testLimits { $0.lineTimeout = 1 }) { server, factory in
            let client = try LineClient.to(server)
            defer { client.close() }
            _ = try client.line()
            try client.sendRaw(Array("never finish".utf8))
            #expect(try client.rest() == [messages.lineTimeout])
            #expect(factory.turnsStarted == 0)
        }
    }

    @Test func clientThatNeverReadsIsClosedAndMemoryStaysBounded() throws {
        let limits = testLimits {
            $0.maxBacklogBytes = 64 * 1024
            $0.backlogDrainTimeout = 1
        }
        try withServer(limits: limits) { server, factory in
            // A fixed 64 KB receive buffer: without it, loopback autotuning may let the kernel take
            // in nearly everything on some machines, and the backlog then (correctly) drains.
            let client = try LineClient(host: "127.0.0.1", port: server.port, receiveBuffer: 64 * 1024)
            defer { client.close() }
            _ = try client.line()  // the greeting: the server has accepted (count 1) before we poll for 0
            #expect(server.connectionCount == 1)
            var burst: [UInt8] = []
            // 200 MB of replies asked for; the client reads none of them.
            for _ in 0..<200 { burst += Array("big 1000000\n".utf8) }
            try client.sendRaw(burst)
            #expect(eventually(seconds: 30) { server.connectionCount == 0 })
            #expect(factory.turnsStarted < 200)
            var received = 0
            while let line = try? client.readLine(timeout: 10) { received += line.utf8.count }
            #expect(received < 200 * 1_000_000)
        }
    }

    @Test func rateLimitDelaysPastTheBurst() throws {
        let limits = testLimits {
            $0.messagesPerSecond = 5
            $0.burst = 10
        }
        try withServer(limits: limits) { server, factory in
            let client = try LineClient.to(server)
            defer { client.close() }
            _ = try client.line()
            var burst: [UInt8] = []
            for i in 0..<15 { burst += Array("r\(i)\n".utf8) }
            try client.sendRaw(burst)
            for i in 0..<15 { #expect(try client.line() == "t1:R\(i)") }
            let times = factory.turnTimes
            #expect(times.count == 15)
            // 5 messages past the burst of 10 at 5/s cannot all start sooner than ~1 s after the first.
            #expect(times[14] - times[0] >= 0.9)
        }
    }

    @Test func tooManyQueuedMessagesGetAPoliteLineAndClose() throws {
        let limits = testLimits {
            $0.messagesPerSecond = 5
            $0.maxQueuedMessages = 20
        }
        try withServer(limits: limits) { server, _ in
            let client = try LineClient.to(server)
            defer { client.close() }
            _ = try client.line()
            var burst: [UInt8] = []
            for i in 0..<200 { burst += Array("q\(i)\n".utf8) }
            try client.sendRaw(burst)
            let lines = try client.rest()
            #expect(lines.last == messages.rateExceeded)
            #expect(lines.count < 200)
        }
    }
}
