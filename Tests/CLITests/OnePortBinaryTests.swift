import Foundation
import FrontDeskTestSupport
import Testing

/// Two `frontdesk serve` on one port: the second exits 1 naming the address in use, the first keeps serving
/// (before, both bound with SO_REUSEPORT and split the connections between two journals).
@Suite struct OnePortBinaryTests {
    @Test func aSecondServeOnTheSamePortExitsWithAddressInUse() throws {
        let first = try HandoffServer()
        defer { first.stop() }
        let other = try Repository.temporaryDirectory()
        let second = try FrontDeskBinary.run([
            "serve", "--port", String(first.residentPort), "--data-dir", other.appendingPathComponent("var").path,
        ])
        #expect(second.status == 1)
        #expect(second.err.contains("cannot listen on 127.0.0.1:\(first.residentPort)"), "\(second.err)")
        #expect(second.err.contains("Address already in use"), "\(second.err)")
        for _ in 0..<4 {
            let resident = try first.resident()
            resident.close()
        }
    }
}
