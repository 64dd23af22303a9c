import Foundation
import FrontDeskTestSupport
import Testing

/// Files holding residents' words are created readable by their owner only (SPEC 5).
@Suite struct PrivateFileTests {
    static let now = "2026-11-22T10:00:00+08:00"

    static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    /// A data directory with one chat session in it, recorded by the binary.
    static func chatted() throws -> URL {
        let dir = try Repository.temporaryDirectory()
        let chat = try FrontDeskBinary.run(
            ["chat", "--now", now, "--data-dir", dir.path], stdin: Data("3栋2单元501厨房水管漏水了\n13812345678\n对\n".utf8))
        #expect(chat.status == 0, "\(chat.err)")
        return dir
    }

    @Test func reportHTMLIsOwnerOnlyEvenOverAnOlderWorldReadableFile() throws {
        let dir = try Self.chatted()
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("report.html").path
        _ = FileManager.default.createFile(
            atPath: page, contents: Data("old".utf8), attributes: [.posixPermissions: 0o644])
        let result = try FrontDeskBinary.run(
            ["report", "--month", "2026-11", "--data-dir", dir.path, "--html", page, "--now", Self.now])
        #expect(result.status == 0, "\(result.err)")
        #expect(try Self.mode(page) == 0o600)
        #expect(try String(contentsOfFile: page, encoding: .utf8).contains("<html"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func exportedDialogueIsOwnerOnly() throws {
        let dir = try Self.chatted()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("s-1.dialogue").path
        let result = try FrontDeskBinary.run(
            ["replay", dir.path + "/transcripts/2026-11-22.jsonl", "--session", "s-000000000001", "--to-dialogue", out])
        #expect(result.status == 0, "\(result.err)")
        #expect(try Self.mode(out) == 0o600)
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("> 3栋2单元501厨房水管漏水了"))
    }

    @Test func anUnwritablePathFailsWithItsName() throws {
        let dir = try Self.chatted()
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.path + "/missing/report.html"
        let result = try FrontDeskBinary.run(["report", "--month", "2026-11", "--data-dir", dir.path, "--html", page])
        #expect(result.status == 1)
        #expect(result.err.hasPrefix("frontdesk report: cannot write \(page): open("))
    }
}

@Suite struct ReportDataDirTests {
    @Test func aMisspeltDataDirIsSaidOnStderrAndStillReports() throws {
        let dir = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.path + "/vra"
        let result = try FrontDeskBinary.run(["report", "--month", "2026-11", "--data-dir", missing])
        #expect(result.status == 0)
        #expect(
            result.err
                == "frontdesk report: no journal or transcripts in \(missing) (nothing recorded yet, or a misspelt --data-dir)\n"
        )
        #expect(!result.out.isEmpty)
    }
}
