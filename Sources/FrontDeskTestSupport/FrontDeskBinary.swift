public import Foundation

/// The built `frontdesk` executable, run as a user or another program would.
///
/// It is looked for in `.build/<config>/frontdesk` under the package root, the configuration being
/// the one the tests were built in (the folder of the running test bundle), then `debug`, then
/// `release`. When none exists, `executable()` throws a message saying which paths were tried and
/// how to build it: a test that needs the binary fails, it is never skipped.
public enum FrontDeskBinary {
    /// What a run of the binary produced.
    public struct Result: Sendable {
        /// The exit status (or the signal number when it was killed).
        public var status: Int32
        /// Everything written to standard output.
        public var stdout: Data
        /// Everything written to standard error.
        public var stderr: Data
        /// Standard output as UTF-8 text.
        public var out: String { String(decoding: stdout, as: UTF8.self) }
        /// Standard error as UTF-8 text.
        public var err: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// The paths tried under the package root `root`, in order.
    public static func candidates(root: URL = Repository.root) -> [URL] {
        var folders: [URL] = []
        // `swift test` runs the bundle from `.build/<triple>/<config>/` (`.build/<config>` links there).
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = bundle.deletingLastPathComponent()
        for _ in 0..<4 where folder.path != "/" {
            folders.append(folder)
            folder.deleteLastPathComponent()
        }
        let build = root.appendingPathComponent(".build")
        let resolved = build.resolvingSymlinksInPath().path
        folders = folders.filter { $0.path.hasPrefix(build.path) || $0.path.hasPrefix(resolved) }
        folders += ["debug", "release"].map { build.appendingPathComponent($0) }
        return folders.map { $0.appendingPathComponent("frontdesk") }
    }

    /// The first executable among `candidates(root:)`.
    ///
    /// - Throws: `TestSupportError` listing the paths tried and the command that builds the binary.
    public static func executable(root: URL = Repository.root) throws(TestSupportError) -> URL {
        let tried = candidates(root: root)
        if let found = tried.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) { return found }
        throw TestSupportError(
            "the frontdesk binary is missing (tried \(tried.map(\.path).joined(separator: ", "))); "
                + "build it with `swift build --product frontdesk` before the tests")
    }

    /// Runs `frontdesk args…` in `cwd` (default: the package root) with `stdin` as its standard input.
    ///
    /// - Throws: `TestSupportError` when the binary is missing, or the error of starting the process.
    public static func run(_ args: [String], stdin: Data = Data(), cwd: URL = Repository.root) throws -> Result {
        try runProcess(executable(), args, stdin: stdin, cwd: cwd)
    }

    /// Runs any executable with `args` and `stdin`, draining both outputs so no pipe fills up.
    public static func runProcess(_ executable: URL, _ args: [String], stdin: Data = Data(), cwd: URL) throws
        -> Result
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = args
        process.currentDirectoryURL = cwd
        let (input, output, error) = (Pipe(), Pipe(), Pipe())
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: group) { outData = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = error.fileHandleForReading.readDataToEndOfFile() }
        // A process that exits before reading all of stdin closes the pipe: not the test's failure.
        try? input.fileHandleForWriting.write(contentsOf: stdin)
        try? input.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: outData, stderr: errData)
    }
}
