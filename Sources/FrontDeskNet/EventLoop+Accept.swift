import CFrontDeskLinux
import Glibc
import Synchronization

extension EventLoop {
    /// Accepts waiting connections (up to 64 per wake-up, for fairness with other events) and hands
    /// them to the loops in turn (this one included).
    func acceptConnections(endpoint: Int, now: Double) {
        guard endpoint < listeners.count, let listener = listeners[endpoint] else { return }
        for _ in 0..<64 {
            let accepted: IOResult<(Int32, SocketAddress)>
            do {
                accepted = try Sys.accept(listener.fd)
            } catch {
                switch error.code {
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    outOfDescriptors(listener, endpoint: endpoint, now: now)
                    return
                default:
                    continue  // ECONNABORTED, EPROTO, …: that client is gone; keep accepting
                }
            }
            guard case .done(let (fd, address)) = accepted else { return }
            let open = context.openConnections.wrappingAdd(1, ordering: .relaxed).newValue
            if open > limits.maxConnections {
                context.openConnections.wrappingSubtract(1, ordering: .relaxed)
                reject(Descriptor(fd), endpoint: endpoint)
                continue
            }
            try? Sys.setOption(fd, Int32(IPPROTO_TCP), TCP_NODELAY, 1)
            let target = peers.isEmpty ? self : peers[nextPeer % peers.count]
            nextPeer = (nextPeer + 1) % max(1, peers.count)
            if target === self {
                self.open(fd, address, endpoint: endpoint, now: now)
            } else if !target.adopt(fd, address, endpoint: endpoint) {
                // That loop has closed (shutdown): nobody will serve this connection.
                context.openConnections.wrappingSubtract(1, ordering: .relaxed)
                Descriptor(fd).close()
            }
        }
    }

    /// Takes an accepted socket (counted in `openConnections`) into this loop and starts its session.
    func open(_ fd: Int32, _ address: SocketAddress, endpoint: Int, now: Double) {
        let socket = Descriptor(fd)
        if shuttingDown {
            context.openConnections.wrappingSubtract(1, ordering: .relaxed)
            socket.close()
            return
        }
        let id = nextID
        nextID += 1
        let connection = Connection(
            id: id, socket: socket, peer: address.description, endpoint: endpoint, limits: limits, now: now)
        do {
            try Sys.epollControl(epoll.fd, EPOLL_CTL_ADD, fd, events: CFD_EPOLLIN, token: id)
        } catch {
            context.openConnections.wrappingSubtract(1, ordering: .relaxed)
            socket.close()
            return
        }
        connection.interest = CFD_EPOLLIN
        connections[id] = connection
        startSession(connection, now: now)
    }

    /// No descriptor left: use the spare one to tell one waiting client the desk is busy, then
    /// stop accepting for a moment (every listener is disarmed, re-armed by `tick`).
    private func outOfDescriptors(_ listener: Descriptor, endpoint: Int, now: Double) {
        if let spare {
            spare.close()
            self.spare = nil
            if case .done(let (fd, _)) = try? Sys.accept(listener.fd) { reject(Descriptor(fd), endpoint: endpoint) }
            self.spare = try? Descriptor(Sys.openReadOnly("/dev/null"))
        }
        for (index, each) in listeners.enumerated() {
            guard let each else { continue }
            do {
                try Sys.epollControl(
                    epoll.fd, EPOLL_CTL_MOD, each.fd, events: 0, token: Self.firstListenerToken + UInt64(index))
            } catch {
                // Still armed: the next pass accepts again (and pauses again); counted for `LineServer.systemErrors`.
                context.report(error)
            }
        }
        listenerPausedUntil = now + 0.1
    }

    /// Re-arms the listeners paused by `outOfDescriptors`.
    func resumeListenerIfDue(now: Double) {
        guard let until = listenerPausedUntil, now >= until else { return }
        listenerPausedUntil = nil
        for (index, listener) in listeners.enumerated() {
            guard let listener else { continue }
            do {
                try Sys.epollControl(
                    epoll.fd, EPOLL_CTL_MOD, listener.fd, events: CFD_EPOLLIN,
                    token: Self.firstListenerToken + UInt64(index))
            } catch {
                // Not re-armed: counted for `LineServer.systemErrors`, and tried again at the next tick.
                context.report(error)
                listenerPausedUntil = now
            }
        }
    }

    /// Tells a connection we cannot take that the desk is busy, then closes it.
    private func reject(_ socket: Descriptor, endpoint: Int) {
        let text = context.factories[endpoint].serverLine(.busy, text: context.messages.busy)
        var line = Array(text.utf8)
        line.append(0x0A)
        _ = try? line.withUnsafeBytes { raw throws(SystemError) in try Sys.send(socket.fd, raw) }
        try? Sys.shutdown(socket.fd, Int32(SHUT_WR))
        socket.close()
    }

    /// Makes the connection's session and greeting: here when the endpoint's factory runs inline, else on the worker
    /// pool.
    private func startSession(_ connection: Connection, now: Double) {
        let factory = context.factories[connection.endpoint]
        if factory.runsInline {
            let session = factory.makeSession(peer: connection.peer, outlet: LineOutlet(loop: self, id: connection.id))
            connection.session = SessionBox(session, inline: true)
            if let greeting = session.greeting() { connection.appendLine(greeting) }
            pump(connection, now: now)
            return
        }
        connection.busy = true
        outstanding += 1
        let id = connection.id
        let peer = connection.peer
        let outlet = LineOutlet(loop: self, id: id)
        submitLater(.start(self, id: id, factory: factory, peer: peer, outlet: outlet))
    }

    /// Runs one turn on the worker pool.
    func submitTurn(_ connection: Connection, line: String) {
        guard let box = connection.session else { return }
        connection.busy = true
        outstanding += 1
        submitLater(.turn(self, id: connection.id, box, line: line))
    }
}
