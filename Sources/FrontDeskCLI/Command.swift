import Foundation

/// Standard streams for a command; tests capture them.
public final class Console: @unchecked Sendable {
    // Unchecked: used from one thread at a time (a command runs on the main thread; the server
    // writes only through its own event loop).
    /// Writes text to standard output, as given (the caller adds newlines).
    public var out: (String) -> Void
    /// Writes text to standard error, as given (the caller adds newlines).
    public var err: (String) -> Void
    /// Whether `out` is a terminal a person reads (phones masked, colours): false for captured output.
    public var outIsTerminal: Bool

    /// A console writing through these two functions.
    public init(out: @escaping (String) -> Void, err: @escaping (String) -> Void, outIsTerminal: Bool = false) {
        self.out = out
        self.err = err
        self.outIsTerminal = outIsTerminal
    }

    /// Writes to the process's stdout and stderr with write(2), never trapping on EPIPE.
    public static func standard() -> Console {
        Console(out: { writeAll(1, $0) }, err: { writeAll(2, $0) }, outIsTerminal: isatty(1) == 1)
    }
}

/// Writes all of `text` to `fd`, retrying on EINTR and giving up quietly on EPIPE or other errors.
func writeAll(_ fd: Int32, _ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeMutableBytes { raw in
            write(fd, raw.baseAddress! + offset, raw.count - offset)
        }
        if n > 0 {
            offset += n
        } else if n < 0, errno == EINTR {
            continue
        } else {
            return
        }
    }
}

/// One `frontdesk` subcommand.
public protocol Subcommand: Sendable {
    /// `chat`, `classify`, …
    static var name: String { get }
    /// One line for the command list.
    static var summary: String { get }
    /// The usage text printed by `--help` and after a usage error.
    static var usage: String { get }
    static var spec: ArgumentSpec { get }
    /// Runs the command and returns the exit status (0 success, 1 failure).
    ///
    /// - Throws: `UsageError` (exit 2) or `CommandFailure` (exit 1).
    static func run(_ arguments: Arguments, console: Console) throws -> Int32
}
