import FrontDeskJournal
import Glibc

/// Writes files that hold residents' data (an HTML report, an exported dialogue) readable by their
/// owner only (SPEC 5): the text goes to a new 0600 file next to the target, is synced, and is
/// renamed over it, so an existing 0644 file is replaced rather than kept with its old mode.
enum PrivateFile {
    /// Writes `text` to `path`, mode 0600.
    ///
    /// - Throws: `CommandFailure` naming the path and the system call that failed.
    static func write(_ text: String, to path: String) throws(CommandFailure) {
        let temporary = path + ".tmp-\(getpid())"
        do throws(SystemError) {
            Posix.unlink(temporary)
            guard let fd = try Posix.createExclusive(temporary, O_WRONLY, mode: 0o600) else {
                throw SystemError(call: "open", path: temporary, code: EEXIST)
            }
            do throws(SystemError) {
                try Posix.writeAll(fd, Array(text.utf8), path: temporary)
                try Posix.fsync(fd, path: temporary)
                Posix.close(fd)
            } catch {
                Posix.close(fd)
                Posix.unlink(temporary)
                throw error
            }
            try Posix.rename(temporary, path)
        } catch {
            Posix.unlink(temporary)
            throw CommandFailure("cannot write \(path): \(error.description)")
        }
    }
}
