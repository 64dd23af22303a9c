import Foundation
import FrontDeskTestSupport
import Testing

/// End-to-end: the built binary, its exit codes and exact messages.
@Suite struct BinaryTests {
    @Test func unknownCommandExits2() throws {
        let result = try FrontDeskBinary.run(["frobnicate"])
        #expect(result.status == 2)
        #expect(result.err.hasPrefix("frontdesk: unknown command 'frobnicate'\n"))
        #expect(result.stdout.isEmpty)
    }
}

/// The test-support runner: it finds the binary this build made, and says so when there is none.
@Suite struct BinaryRunnerTests {
    @Test func findsTheBuiltBinary() throws {
        let binary = try FrontDeskBinary.executable()
        #expect(binary.path.hasPrefix(Repository.root.path) && binary.lastPathComponent == "frontdesk")
    }

    @Test func aMissingBinaryIsAnErrorNamingThePathsTried() throws {
        let empty = try Repository.temporaryDirectory("nobinary")
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect {
            _ = try FrontDeskBinary.executable(root: empty)
        } throws: { error in
            let text = "\(error)"
            return text.contains(empty.path + "/.build/debug/frontdesk")
                && text.contains("swift build --product frontdesk")
        }
    }
}
