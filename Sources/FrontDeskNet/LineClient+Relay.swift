import Glibc

extension LineClient {
    /// Relays a resident's input to the server and the server's lines back, until the input ends
    /// (then half-closes and prints the outstanding replies) or the server closes (then prints
    /// its last line). Input is forwarded as bytes; the server frames and validates the lines.
    ///
    /// - Parameters:
    ///   - input: the descriptor to read (stdin: 0).
    ///   - prompt: printed whenever no reply is outstanding (interactive use), or `nil`.
    ///   - output: receives text to print (each reply line with its `\n`, and prompts).
    /// - Throws: `NetError.system` when reading the input or the socket fails.
    public func relay(input: Int32, prompt: String?, output: (String) -> Void) throws(NetError) {
        var pending: [UInt8] = []
        var inputOpen = true
        var outstanding = 0
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            while let line = takeLine() {
                output(line + "\n")
                outstanding = max(0, outstanding - 1)
                if let prompt, outstanding == 0, inputOpen { output(prompt) }
            }
            if serverClosed {
                if let last = try readLine(timeout: 0) { output(last + "\n") }
                return
            }
            var fds = [pollfd(fd: fd, events: Int16(POLLIN) | (pending.isEmpty ? 0 : Int16(POLLOUT)), revents: 0)]
            if inputOpen && pending.count < 65_536 { fds.append(pollfd(fd: input, events: Int16(POLLIN), revents: 0)) }
            do {
                _ = try Sys.poll(&fds, timeoutMilliseconds: -1)
            } catch {
                throw .system(error)
            }
            if fds.count > 1 && fds[1].revents != 0 {
                let result = try Self.readInput(input, into: &chunk)
                if case .done(let n) = result {
                    if n == 0 {
                        inputOpen = false
                        if pending.isEmpty { shutdownWrite() }
                    } else {
                        pending += chunk[0..<n]
                        outstanding += chunk[0..<n].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                    }
                }
            }
            if !pending.isEmpty && fds[0].revents & Int16(POLLOUT | POLLERR | POLLHUP) != 0 || !pending.isEmpty {
                let sent = try sendSome(pending)
                pending.removeFirst(sent)
                if pending.isEmpty && !inputOpen { shutdownWrite() }
            }
            if fds[0].revents & Int16(POLLIN | POLLERR | POLLHUP) != 0 { try receive() }
        }
    }

    /// Sends what the socket takes now; returns how many bytes.
    /// One read of the local input (stdin) into `chunk`, for `relay` and the operator console.
    static func readInput(_ input: Int32, into chunk: inout [UInt8]) throws(NetError) -> IOResult<Int> {
        do {
            return try chunk.withUnsafeMutableBytes { raw throws(SystemError) in try Sys.read(input, raw) }
        } catch let error as SystemError {
            throw .system(error)
        } catch {
            throw .closed
        }
    }

    private func sendSome(_ bytes: [UInt8]) throws(NetError) -> Int {
        let result: IOResult<Int>
        do {
            result = try bytes.withUnsafeBytes { raw throws(SystemError) in try Sys.send(fd, raw) }
        } catch let error as SystemError {
            if error.code == EPIPE || error.code == ECONNRESET { return bytes.count }  // server gone: reading tells
            throw .system(error)
        } catch {
            throw .closed
        }
        if case .done(let n) = result { return n }
        return 0
    }
}
