import Foundation
import Testing

/// End-to-end: the built binary, its exit codes and exact messages.
@Suite struct BinaryTests {
    @Test func unknownCommandExits2() throws {
        let result = try BinaryRunner.run(["frobnicate"])
        #expect(result.status == 2)
        #expect(result.err.hasPrefix("frontdesk: unknown command 'frobnicate'\n"))
        #expect(result.stdout.isEmpty)
    }
}
