import Foundation
import FrontDeskNet
import Synchronization
import Testing

/// A relay: `to N TEXT` sends TEXT to the Nth session through its outlet (no reply to the sender);
/// `bye N` closes the Nth session after a last line; anything else is answered `port:LINE`.
final class RelayFactory: LineHandlerFactory {
    /// Guards the outlets of the sessions made so far, in order.
    let outlets = Mutex<[LineOutlet]>([])
    let label: String
    let shared: RelayFactory?

    init(label: String, shared: RelayFactory? = nil) {
        self.label = label
        self.shared = shared
    }

    func makeSession(peer: String) -> any LineSession { fatalError("sessions need an outlet") }

    func makeSession(peer: String, outlet: LineOutlet) -> any LineSession {
        let registry = shared ?? self
        let number = registry.outlets.withLock { list in
            list.append(outlet)
            return list.count
        }
        return RelaySession(label: label, number: number, registry: registry)
    }
}

final class RelaySession: LineSession {
    let label: String
    let number: Int
    let registry: RelayFactory

    init(label: String, number: Int, registry: RelayFactory) {
        self.label = label
        self.number = number
        self.registry = registry
    }

    func greeting() -> String? { "\(label) \(number)" }

    func handle(line: String) -> String? {
        let words = line.split(separator: " ", maxSplits: 2).map(String.init)
        if words.count >= 2, let target = Int(words[1]) {
            let outlet = registry.outlets.withLock { $0.indices.contains(target - 1) ? $0[target - 1] : nil }
            if words[0] == "to", words.count == 3 {
                outlet?.send("from \(number): \(words[2])")
                return nil
            }
            if words[0] == "bye" {
                outlet?.close(after: "closed by \(number)")
                return nil
            }
        }
        return "\(label):\(line)"
    }

    func close() {}
}

@Suite("LineServer endpoints and outlets")
struct EndpointTests {
    @Test func twoPortsOnTheSameLoopsEachWithItsFactoryAndLinesPushedAcross() throws {
        let residents = RelayFactory(label: "resident")
        let operators = RelayFactory(label: "operator", shared: residents)
        let server = try LineServer(
            host: "127.0.0.1",
            endpoints: [LineEndpoint(port: 0, factory: residents), LineEndpoint(port: 0, factory: operators)],
            limits: testLimits(), workers: 2)
        defer {
            server.shutdown()
            server.wait()
        }
        #expect(server.addresses.count == 2)
        #expect(server.addresses[0].port != server.addresses[1].port)
        let resident = try LineClient(host: "127.0.0.1", port: server.addresses[0].port)
        defer { resident.close() }
        #expect(try resident.line() == "resident 1")
        let clerk = try LineClient(host: "127.0.0.1", port: server.addresses[1].port)
        defer { clerk.close() }
        #expect(try clerk.line() == "operator 2")
        try resident.send("hello")
        #expect(try resident.line() == "resident:hello")
        // No reply to the sender; the line arrives on the other connection, unasked.
        try clerk.send("to 1 您好")
        try clerk.send("ping")
        #expect(try clerk.line() == "operator:ping")
        #expect(try resident.line() == "from 2: 您好")
        try resident.send("to 2 thanks")
        #expect(try clerk.line() == "from 1: thanks")
        // Closing another connection after a last line.
        try clerk.send("bye 1")
        #expect(try resident.rest() == ["closed by 2"])
        try clerk.send("still here")
        #expect(try clerk.line() == "operator:still here")
    }

    @Test func sendsToAClosedConnectionAreDropped() throws {
        let factory = RelayFactory(label: "r")
        let server = try LineServer(host: "127.0.0.1", port: 0, factory: factory, limits: testLimits(), workers: 2)
        defer {
            server.shutdown()
            server.wait()
        }
        let first = try LineClient(host: "127.0.0.1", port: server.port)
        #expect(try first.line() == "r 1")
        first.close()
        #expect(eventually { server.connectionCount == 0 })
        let second = try LineClient(host: "127.0.0.1", port: server.port)
        defer { second.close() }
        #expect(try second.line() == "r 2")
        try second.send("to 1 anyone")
        try second.send("bye 1")
        try second.send("ok")
        #expect(try second.line() == "r:ok")
    }

    @Test func aPortWithItsOwnIdleTimeout() throws {
        let factory = RelayFactory(label: "r")
        let limits = testLimits { $0.idleTimeout = 0.5 }
        let server = try LineServer(
            host: "127.0.0.1",
            endpoints: [
                LineEndpoint(port: 0, factory: factory), LineEndpoint(port: 0, factory: factory, idleTimeout: 60),
            ],
            limits: limits, workers: 2)
        defer {
            server.shutdown()
            server.wait()
        }
        let short = try LineClient(host: "127.0.0.1", port: server.addresses[0].port)
        defer { short.close() }
        let long = try LineClient(host: "127.0.0.1", port: server.addresses[1].port)
        defer { long.close() }
        _ = try short.line()
        _ = try long.line()
        #expect(try short.rest() == [ServerMessages().idleGoodbye])
        try long.send("x")
        #expect(try long.line() == "r:x")
    }
}
