import CFrontDeskLinux
import Glibc
import Synchronization

extension EventLoop {
    /// One epoll event for a connection.
    func handle(_ connection: Connection, _ mask: UInt32, now: Double) {
        if mask & (CFD_EPOLLERR | CFD_EPOLLHUP) != 0 && mask & CFD_EPOLLIN == 0 {
            hardClose(connection)
            return
        }
        if mask & CFD_EPOLLOUT != 0 {
            guard connection.flush() else {
                hardClose(connection)
                return
            }
            pump(connection, now: now)
        }
        if mask & CFD_EPOLLIN != 0, connections[connection.id] != nil {
            read(connection, now: now)
        }
    }

    /// Reads once (level-triggered: more input brings another event) and queues what it completes.
    private func read(_ connection: Connection, now: Double) {
        let result: IOResult<Int>
        do {
            result = try Sys.read(connection.socket.fd, readBuffer)
        } catch {
            hardClose(connection)  // ECONNRESET and friends: nobody is left to answer
            return
        }
        guard case .done(let count) = result else { return }
        if case .lingering = connection.closing {
            if count == 0 { hardClose(connection) }
            return
        }
        if connection.inputStopped {
            if count == 0 { connection.peerClosed = true }
            updateInterest(connection)
            return
        }
        // The closures are literals at each call (not one stored in a local): non-escaping, no context allocated.
        var stopped = false
        if count == 0 {
            connection.peerClosed = true
            connection.inputStopped = true
            connection.framer.finish { frame in
                if !stopped { stopped = enqueue(connection, frame, now: now) }
            }
        } else {
            connection.framer.feed(UnsafeRawBufferPointer(rebasing: readBuffer[0..<count])) { frame in
                if !stopped { stopped = enqueue(connection, frame, now: now) }
            }
        }
        if connection.framer.hasPartialLine {
            if connection.partialSince == nil { connection.partialSince = now }
        } else {
            connection.partialSince = nil
        }
        if !stopped && limits.messagesPerSecond > 0 && connection.queue.count > limits.maxQueuedMessages {
            connection.queue.removeAll()
            stopInput(connection, last: .rateExceeded)
        }
        pump(connection, now: now)
    }

    /// Turns one framed line into a queued job, applying the over-long-line limit; `true` when input stops (the rest
    /// of what was read is dropped).
    private func enqueue(_ connection: Connection, _ frame: Frame, now: Double) -> Bool {
        connection.lastActivity = now
        switch frame {
        case .line(let bytes):
            if let line = LineValidator.validate(bytes) {
                connection.queue.append(.turn(line))
            } else {
                connection.queue.append(.immediate(.invalidInput))
            }
        case .tooLong:
            connection.longLines += 1
            connection.queue.append(.immediate(.lineTooLong))
            if connection.longLines >= limits.maxLongLines {
                stopInput(connection, last: .tooManyLongLines)
                return true
            }
        }
        return false
    }

    /// Takes no more input; `last` is sent after the jobs already queued, then the connection closes.
    func stopInput(_ connection: Connection, last: ServerLine) {
        connection.inputStopped = true
        connection.partialSince = nil
        connection.queue.append(.final(.server(last)))
    }

    /// One of the server's own lines as the connection's session (or, before it has one, its endpoint's factory)
    /// renders it.
    func render(_ line: ServerLine, for connection: Connection) -> String {
        let text = context.messages.text(line)
        if let box = connection.session { return box.session.serverLine(line, text: text) }
        return context.factories[connection.endpoint].serverLine(line, text: text)
    }

    func render(_ line: OutgoingLine, for connection: Connection) -> String {
        switch line {
        case .text(let text): text
        case .server(let line): render(line, for: connection)
        }
    }

    /// Starts the jobs at the head of the queue, in order, one at a time, then sends what is ready.
    func pump(_ connection: Connection, now: Double) {
        guard connections[connection.id] != nil else { return }
        drain: while !connection.busy, let job = connection.queue.first {
            // Flush before judging the backlog: if the kernel takes the whole reply now, the next
            // queued line must start now — no later event would come to start it (a pipelining
            // client that has sent everything waits for replies, not EPOLLOUT).
            if connection.backlog > limits.maxBacklogBytes { _ = connection.flush() }
            if connection.backlog > limits.maxBacklogBytes || connection.closing != .open { break }
            switch job {
            case .immediate(let line):
                _ = connection.queue.popFirst()
                connection.appendLine(render(line, for: connection))
            case .final(let last):
                connection.queue.removeAll()
                if let last { connection.appendLine(render(last, for: connection)) }
                beginClose(connection, now: now)
                break drain
            case .turn(let line):
                let inline = connection.session?.inline ?? false
                if inline {
                    if connection.turnPass != pass {
                        connection.turnPass = pass
                        connection.turnsInPass = 0
                    }
                    if passBudget <= 0 || connection.turnsInPass >= Self.maxTurnsPerConnection {
                        scheduleReady(connection)  // the pass's work bound: the rest waits for the next pass
                        break drain
                    }
                }
                if !shuttingDown
                    && !connection.takeToken(now: now, rate: limits.messagesPerSecond, burst: limits.burst)
                {
                    rateWaiters.insert(connection.id)
                    break drain
                }
                _ = connection.queue.popFirst()
                if inline {
                    passBudget -= 1
                    connection.turnsInPass += 1
                    runInline(connection, line: line, now: now)
                } else {
                    submitTurn(connection, line: line)
                }
            }
        }
        if connection.closing == .open && !connection.busy && connection.queue.isEmpty {
            if shuttingDown {
                connection.appendLine(render(.shutdownGoodbye, for: connection))
                beginClose(connection, now: now)
            } else if connection.peerClosed {
                beginClose(connection, now: now)
            }
        }
        // Only a connection with something for `send` to do is visited at the end of the pass: output to flush, a
        // backlog clock to reset, a close to finish, or a change of epoll interest (a turn waiting for the pass's
        // budget has none of these).
        if connection.backlog > 0 || connection.backlogSince != nil || connection.closing != .open
            || wantedInterest(connection) != connection.interest
        {
            markDirty(connection)
        }
    }

    /// Runs one turn here, its reply's bytes appended straight to the connection's output; a turn the session defers
    /// (it would write a record) goes to the worker pool.
    private func runInline(_ connection: Connection, line: String, now: Double) {
        guard let box = connection.session else { return }
        connection.lastActivity = now
        let start = connection.output.count
        let later = ReplyPort(loop: self, id: connection.id, box: box)
        switch box.session.handleInline(line: line, reply: &connection.output, later: later) {
        case .replied:
            connection.endLine(from: start)
        case .silent:
            break
        case .committing:
            // Like a worker job: the connection's next line waits for the answer, which comes through the inbox.
            if connection.output.count > start { connection.output.removeSubrange(start...) }
            connection.busy = true
            outstanding += 1
        case .deferred:
            if connection.output.count > start { connection.output.removeSubrange(start...) }
            submitTurn(connection, line: line)
        }
    }

    /// Sends pending output, tracks the backlog, finishes a close, and updates the epoll interest.
    func send(_ connection: Connection, now: Double) {
        if connection.backlog > 0 && !connection.flush() {
            hardClose(connection)
            return
        }
        if connection.backlog > limits.maxBacklogBytes {
            if connection.backlogSince == nil { connection.backlogSince = now }
        } else {
            connection.backlogSince = nil
        }
        if case .flushing = connection.closing, connection.backlog == 0 {
            if connection.peerClosed {
                hardClose(connection)
                return
            }
            try? Sys.shutdown(connection.socket.fd, Int32(SHUT_WR))
            connection.closing = .lingering(deadline: now + 2)
        }
        updateInterest(connection)
    }

    /// Stops reading and closes once the output is flushed (or after a few seconds regardless).
    private func beginClose(_ connection: Connection, now: Double) {
        connection.inputStopped = true
        connection.queue.removeAll()
        rateWaiters.remove(connection.id)
        connection.closing = .flushing(deadline: shuttingDown ? max(now + 1, shutdownDeadline) : now + 5)
    }

    /// The epoll interest a connection needs now.
    func wantedInterest(_ connection: Connection) -> UInt32 {
        var wanted: UInt32 = 0
        let queueFull = limits.messagesPerSecond <= 0 && connection.queue.count >= limits.maxQueuedMessages
        if case .lingering = connection.closing {
            wanted = CFD_EPOLLIN
        } else if !connection.inputStopped && connection.backlog <= limits.maxBacklogBytes && !queueFull {
            wanted = CFD_EPOLLIN
        }
        if connection.backlog > 0 { wanted |= CFD_EPOLLOUT }
        return wanted
    }

    func updateInterest(_ connection: Connection) {
        let wanted = wantedInterest(connection)
        guard wanted != connection.interest else { return }
        do {
            try Sys.epollControl(epoll.fd, EPOLL_CTL_MOD, connection.socket.fd, events: wanted, token: connection.id)
            connection.interest = wanted
        } catch {
            // The loop can no longer watch this socket as it must (it would miss its input, or spin on EPOLLOUT):
            // nobody can be served on it. Counted for `LineServer.systemErrors`, and the connection closed.
            context.report(error)
            hardClose(connection)
        }
    }

    /// Closes the socket now; the session is closed after its last turn (on the worker pool unless it runs inline).
    func hardClose(_ connection: Connection) {
        guard connections.removeValue(forKey: connection.id) != nil else { return }
        // No EPOLL_CTL_DEL: closing the socket removes it from the epoll set (the descriptor is never duplicated),
        // so there is no call here whose failure could leave it registered.
        connection.socket.close()
        rateWaiters.remove(connection.id)
        context.openConnections.wrappingSubtract(1, ordering: .relaxed)
        if let box = connection.session, !connection.busy { closeSession(box) }
    }

    /// Timeouts, checked every `tickInterval`: closing deadlines, shutdown grace, backlog drain,
    /// unfinished lines and idle connections; and a paused listener.
    func tick(now: Double) {
        resumeListenerIfDue(now: now)
        for connection in Array(connections.values) {
            switch connection.closing {
            case .flushing(let deadline), .lingering(let deadline):
                if now >= deadline { hardClose(connection) }
                continue
            case .open:
                break
            }
            if shuttingDown {
                if now >= shutdownDeadline { hardClose(connection) }
                continue
            }
            if let since = connection.backlogSince, now - since >= limits.backlogDrainTimeout {
                connection.appendLine(render(.backlogExceeded, for: connection))
                _ = connection.flush()
                hardClose(connection)
            } else if let since = connection.partialSince, now - since >= limits.lineTimeout {
                connection.queue.removeAll()
                stopInput(connection, last: .lineTimeout)
                pump(connection, now: now)
            } else if !connection.busy && connection.queue.isEmpty && connection.backlog == 0
                && connection.partialSince == nil
                && now - connection.lastActivity >= context.idleTimeouts[connection.endpoint]
            {
                stopInput(connection, last: .idleGoodbye)
                pump(connection, now: now)
            }
        }
    }
}
