import Foundation
import FrontDeskContent
import FrontDeskModel
import FrontDeskQA
import Testing

/// Files saved by Windows editors: CRLF line endings and a UTF-8 byte order mark.
@Suite("Windows files: CRLF and BOM")
struct WindowsFilesTests {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func scratch() throws -> String {
        let dir = NSTemporaryDirectory() + "frontdesk-windows-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test(
        "a dialogue with CRLF line endings, a BOM, or both, runs as the original",
        arguments: [
            (false, true), (true, false), (true, true),
        ])
    func dialogue(bom: Bool, crlf: Bool) throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let original = Repo.transcripts + "/repair/ask-for-everything.dialogue"
        var text = try String(contentsOfFile: original, encoding: .utf8)
        if crlf { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        let path = dir + "/windows.dialogue"
        _ = FileManager.default.createFile(atPath: path, contents: Data((bom ? Self.bom : []) + Array(text.utf8)))
        let runner = try Repo.runner()
        let plain = runner.run(file: original)
        let windows = runner.run(file: path)
        #expect(plain.failures.isEmpty)
        #expect(windows.failures.isEmpty, "\(windows.failures)")
        #expect(windows.turns == plain.turns && windows.turns > 1)
        #expect(windows.title == plain.title)
    }

    @Test("a BOM before the JSON of an intent and of a phrase file is accepted")
    func intentsWithBOM() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let copy = dir + "/intents"
        try FileManager.default.copyItem(atPath: Repo.intents, toPath: copy)
        for name in ["repair.json", "lexicon.json", "phrases/etiquette.json"] {
            let path = copy + "/" + name
            let bytes = Array(FileManager.default.contents(atPath: path)!)
            _ = FileManager.default.createFile(atPath: path, contents: Data(Self.bom + bytes))
        }
        let original = try Repo.catalog()
        let windows = try Repo.catalog(copy)
        #expect(windows.intents.count == original.intents.count)
        #expect(windows.phrases.lint().isEmpty)
        #expect(try JSON.parse(Self.bom + Array("{\"a\":1}".utf8))["a"]?.int == 1)
    }
}
