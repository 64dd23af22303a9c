import Foundation
import FrontDeskNet
import Testing

/// One server per port: a second server on a port that is in use fails with "address in use" instead of joining the
/// first one's SO_REUSEPORT group and taking a share of its connections.
@Suite("One server per port")
struct OnePortTests {
    @Test func aSecondServerOnTheSamePortFailsAndTheFirstKeepsServing() throws {
        try withServer { server, _ in
            do {
                let second = try LineServer(host: "127.0.0.1", port: server.port, factory: EchoFactory(), workers: 1)
                second.shutdown()
                second.wait()
                Issue.record("a second server bound port \(server.port)")
            } catch {
                #expect("\(error)".contains("in use"), "\(error)")
            }
            // Every new connection still reaches the first server (none is lost to a second group member).
            for _ in 0..<8 {
                let client = try LineClient.to(server)
                defer { client.close() }
                #expect(try client.line()?.hasPrefix("hello t") == true)
            }
        }
    }
}
