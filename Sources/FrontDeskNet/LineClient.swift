import CFrontDeskLinux
import Glibc

/// A line client for `LineServer` (and `frontdesk connect`): sends lines, reads reply lines.
/// Not thread-safe: one owner at a time. Call `close()` when done.
public final class LineClient {
    private let socket: Descriptor
    private var input: [UInt8] = []
    private var inputStart = 0
    /// The server closed its side.
    public private(set) var serverClosed = false

    /// Connects to `host:port`. `receiveBuffer` fixes the socket's receive buffer (SO_RCVBUF, set
    /// before connecting, which also turns off the kernel's autotuning): tests of a client that
    /// never reads use it so that how much the kernel holds does not depend on the machine.
    ///
    /// - Throws: `NetError.badAddress` or `NetError.system` (e.g. `connect: Connection refused`).
    public init(host: String, port: Int, receiveBuffer: Int? = nil) throws(NetError) {
        let address = try SocketAddress(host: host, port: port)
        do {
            let fd = try Sys.socket(domain: address.family, type: CFD_SOCK_STREAM)
            socket = Descriptor(fd)
        } catch {
            throw .system(error)
        }
        do {
            if let receiveBuffer { try Sys.setOption(socket.fd, Int32(SOL_SOCKET), SO_RCVBUF, Int32(receiveBuffer)) }
            try Sys.connect(socket.fd, address)
            try Sys.setNonBlocking(socket.fd, true)
            try? Sys.setOption(socket.fd, Int32(IPPROTO_TCP), TCP_NODELAY, 1)
        } catch {
            socket.close()
            throw .system(error)
        }
    }

    /// Sends `line` and a `\n`.
    ///
    /// - Throws: `NetError.system` (e.g. `send: Broken pipe` once the server is gone).
    public func send(_ line: String) throws(NetError) {
        var bytes = Array(line.utf8)
        bytes.append(0x0A)
        try sendRaw(bytes)
    }

    /// Sends bytes as they are (tests use it for partial lines and bad input).
    ///
    /// - Throws: `NetError.system`.
    public func sendRaw(_ bytes: [UInt8]) throws(NetError) {
        var offset = 0
        while offset < bytes.count {
            let result: IOResult<Int>
            do {
                result = try bytes.withUnsafeBytes { raw throws(SystemError) in
                    try Sys.send(socket.fd, UnsafeRawBufferPointer(rebasing: raw[offset...]))
                }
            } catch let error as SystemError {
                throw .system(error)
            } catch {
                throw .closed
            }
            switch result {
            case .done(let n): offset += n
            case .wouldBlock: try wait(for: Int16(POLLOUT), timeout: nil)
            }
        }
    }

    /// The next line from the server (without `\n`), or `nil` once the server has closed and
    /// every line was read. A last line without `\n` is returned too.
    ///
    /// - Parameter timeout: seconds to wait at most (`nil`: forever).
    /// - Throws: `NetError.system`; `NetError.closed` is never thrown, `nil` means closed.
    public func readLine(timeout: Double? = nil) throws(NetError) -> String? {
        while true {
            if let line = takeLine() { return line }
            if serverClosed {
                guard inputStart < input.count else { return nil }
                let rest = String(decoding: input[inputStart...], as: UTF8.self)
                input.removeAll()
                inputStart = 0
                return rest
            }
            try wait(for: Int16(POLLIN), timeout: timeout)
            try receive()
        }
    }

    /// Half-closes: the server sees end of input, answers what it has, then closes.
    public func shutdownWrite() {
        try? Sys.shutdown(socket.fd, Int32(SHUT_WR))
    }

    /// Closes the connection.
    public func close() {
        if socket.isOpen { socket.close() }
    }

    /// The socket, for callers polling it together with other descriptors.
    var fd: Int32 { socket.fd }

    /// Reads what is available into the buffer; sets `serverClosed` at end of file.
    func receive() throws(NetError) {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let result: IOResult<Int>
        do {
            result = try chunk.withUnsafeMutableBytes { raw throws(SystemError) in try Sys.read(socket.fd, raw) }
        } catch let error as SystemError {
            if error.code == ECONNRESET {
                serverClosed = true
                return
            }
            throw .system(error)
        } catch {
            throw .closed
        }
        switch result {
        case .done(0): serverClosed = true
        case .done(let n): input.append(contentsOf: chunk[0..<n])
        case .wouldBlock: break
        }
    }

    /// A complete buffered line, if any.
    func takeLine() -> String? {
        guard let newline = input[inputStart...].firstIndex(of: 0x0A) else { return nil }
        var end = newline
        if end > inputStart && input[end - 1] == 0x0D { end -= 1 }
        let line = String(decoding: input[inputStart..<end], as: UTF8.self)
        inputStart = newline + 1
        if inputStart == input.count {
            input.removeAll(keepingCapacity: true)
            inputStart = 0
        }
        return line
    }

    private func wait(for events: Int16, timeout: Double?) throws(NetError) {
        var fds = [pollfd(fd: socket.fd, events: events, revents: 0)]
        let milliseconds = timeout.map { Int32(max(0, $0 * 1000)) } ?? -1
        let ready: Int
        do {
            ready = try Sys.poll(&fds, timeoutMilliseconds: milliseconds)
        } catch {
            throw .system(error)
        }
        if ready == 0 && timeout != nil { throw .system(SystemError(call: "poll", code: ETIMEDOUT)) }
    }
}
