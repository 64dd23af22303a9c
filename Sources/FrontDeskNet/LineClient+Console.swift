import Glibc

extension LineClient {
    /// What an interactive client does with one line typed at its input.
    public struct Typed: Sendable {
        /// Lines to send to the server, in order.
        public var send: [String]
        /// Stop after sending them.
        public var stop: Bool

        /// An answer to one typed line.
        public init(send: [String] = [], stop: Bool = false) {
            self.send = send
            self.stop = stop
        }
    }

    /// Runs an interactive client (an operator's console): each line read from `input` goes to
    /// `typed`, which says what to send; each line from the server goes to `received`; `tick` runs
    /// about once a second while nothing happens (a screen showing wait times refreshes). Returns
    /// at the end of input, when `typed` says stop, or when the server closes.
    ///
    /// - Throws: `NetError.system` when reading the input or the socket fails.
    public func converse(
        input: Int32, typed: (String) -> Typed, received: (String) -> Void, tick: () -> Void = {}
    ) throws(NetError) {
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            while let line = takeLine() { received(line) }
            if serverClosed {
                if let last = try readLine(timeout: 0) { received(last) }
                return
            }
            var fds = [
                pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: input, events: Int16(POLLIN), revents: 0),
            ]
            let ready: Int
            do {
                ready = try Sys.poll(&fds, timeoutMilliseconds: 1000)
            } catch {
                throw .system(error)
            }
            if ready == 0 {
                tick()
                continue
            }
            if fds[1].revents != 0 {
                let result = try Self.readInput(input, into: &chunk)
                if case .done(let n) = result {
                    if n == 0 { return }
                    pending += chunk[0..<n]
                    while let newline = pending.firstIndex(of: 0x0A) {
                        var line = Array(pending[..<newline])
                        pending.removeFirst(newline + 1)
                        if line.last == 0x0D { line.removeLast() }
                        // Typed text that is not UTF-8 is dropped here; the server would refuse it.
                        guard let text = String(validating: line, as: UTF8.self) else { continue }
                        let answer = typed(text)
                        for out in answer.send { try send(out) }
                        if answer.stop { return }
                    }
                }
            }
            if fds[0].revents & Int16(POLLIN | POLLERR | POLLHUP) != 0 { try receive() }
        }
    }
}
