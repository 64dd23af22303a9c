import CFrontDeskLinux
import FrontDeskModel
import Glibc
import Synchronization

/// One event-loop thread: its own epoll instance (level-triggered), an eventfd for wake-ups, and its
/// connections. The first loop holds the listeners (one per endpoint) and hands the connections it
/// accepts to the loops in turn (`peers`), itself included; the others receive theirs through `inbox`.
/// When the endpoint's factory `runsInline`, sessions are made and turns run here, on the loop (a turn that would
/// write a record is `.deferred` to the worker pool, see `InlineTurn`); otherwise handler calls go to the worker
/// pool, and their results come back through `inbox`. Each pass of the loop runs at most `maxTurnsPerPass` inline
/// turns (and `maxTurnsPerConnection` of one connection), leaving the rest queued for the next pass, and sends what
/// the pass produced once, at its end (`flushDirty`).
final class EventLoop: @unchecked Sendable {
    // Unchecked: every stored property except `inbox` is touched only by the loop's own thread
    // (inside `run()`), `peers` is set before the threads start; other threads only call `post`,
    // `adopt` and `requestShutdown`, which go through the `inbox` lock (the eventfd is written and
    // closed only while holding it).

    struct Inbox {
        var completions: [(UInt64, Completion)] = []
        /// Connections accepted by the first loop for this one: socket, peer, endpoint.
        var adopted: [(Int32, SocketAddress, Int)] = []
        var shutdown = false
        var closed = false
    }

    static let wakeToken: UInt64 = 2
    /// Endpoint `i`'s listener has epoll token `firstListenerToken + i`; connections start at 16.
    static let firstListenerToken: UInt64 = 3
    static let maxEndpoints = 13
    static let tickInterval = 0.25
    /// Inline turns per pass of the loop: a burst cannot hold back the replies (and the reading) of the loop's other
    /// connections for longer than about this many turns.
    static let maxTurnsPerPass = 64
    /// Inline turns of one connection per pass: a pipelining client waits its turn behind the others.
    static let maxTurnsPerConnection = 4

    /// Guards completions from workers, the shutdown request, and the wake eventfd's lifetime.
    private let inbox = PlainLock<Inbox>(Inbox())
    private let wake: Descriptor
    let epoll: Descriptor
    /// One listener per endpoint, by endpoint index (the first loop only); `nil` once closed.
    var listeners: [Descriptor?]
    /// Every loop of the server, this one included (set on the first loop, which accepts for all).
    var peers: [EventLoop] = []
    /// The loop that gets the next accepted connection (an index into `peers`).
    var nextPeer = 0
    /// A spare descriptor, given up when accept hits EMFILE so the waiting client can be told.
    var spare: Descriptor?
    let context: ServerContext
    var limits: ServerLimits { context.limits }
    var connections: [UInt64: Connection] = [:]
    var nextID: UInt64 = 16
    /// Worker jobs submitted whose completion has not come back yet.
    var outstanding = 0
    var shuttingDown = false
    var shutdownDeadline = 0.0
    var listenerPausedUntil: Double?
    var lastTick = 0.0
    var rateWaiters = Set<UInt64>()
    let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_536, alignment: 16)
    /// Connections with output produced in this pass, flushed at its end.
    var dirty: [Connection] = []
    /// Connections with turns left over by the work bound, pumped first in the next pass.
    var ready: [Connection] = []
    /// Inline turns this pass may still run, and the pass's number.
    var passBudget = 0
    var pass: UInt64 = 0
    /// Jobs for the worker pool from the current pass of the loop (see `submitLater`).
    var jobBatch: [WorkerPool.Job] = []

    init(listeners: [Descriptor], context: ServerContext) throws(SystemError) {
        self.context = context
        self.listeners = listeners
        self.epoll = Descriptor(try Sys.epollCreate())
        self.wake = Descriptor(try Sys.eventFD())
        self.spare = try? Descriptor(Sys.openReadOnly("/dev/null"))
        try Sys.epollControl(epoll.fd, EPOLL_CTL_ADD, wake.fd, events: CFD_EPOLLIN, token: Self.wakeToken)
        for (index, listener) in listeners.enumerated() {
            try Sys.epollControl(
                epoll.fd, EPOLL_CTL_ADD, listener.fd, events: CFD_EPOLLIN,
                token: Self.firstListenerToken + UInt64(index))
        }
    }

    /// Hands a finished job back to this loop (any thread).
    func post(_ id: UInt64, _ completion: Completion) {
        inbox.withLock { box in
            box.completions.append((id, completion))
            if box.completions.count == 1 { signal(&box) }
        }
    }

    /// Hands this loop a connection the first loop accepted (any thread); `false` once the loop has
    /// closed (the caller then closes the socket).
    func adopt(_ fd: Int32, _ address: SocketAddress, endpoint: Int) -> Bool {
        inbox.withLock { box in
            guard !box.closed else { return false }
            box.adopted.append((fd, address, endpoint))
            if box.adopted.count == 1 { signal(&box) }
            return true
        }
    }

    /// Closes the descriptors of a loop that never ran (its server failed to start).
    func close() {
        closeListener()
        epoll.close()
        spare?.close()
        inbox.withLock { box in
            box.closed = true
            wake.close()
        }
        readBuffer.deallocate()
    }

    /// Asks the loop to shut down gracefully (any thread).
    func requestShutdown() {
        inbox.withLock { box in
            box.shutdown = true
            signal(&box)
        }
    }

    private func signal(_ box: inout Inbox) {
        guard !box.closed else { return }
        var one: UInt64 = 1
        do {
            // `.wouldBlock` only when the counter is at its maximum: the loop is woken already.
            _ = try withUnsafeBytes(of: &one) { raw throws(SystemError) in try Sys.write(wake.fd, raw) }
        } catch {
            context.report(error)
        }
    }

    /// Runs until shut down and every connection is closed; then closes its descriptors.
    func run() {
        var tokens = [UInt64](repeating: 0, count: 256)
        var masks = [UInt32](repeating: 0, count: 256)
        lastTick = Sys.monotonicNow()
        while !(shuttingDown && connections.isEmpty && outstanding == 0) {
            let now = Sys.monotonicNow()
            var next = lastTick + Self.tickInterval
            for id in rateWaiters { if let due = connections[id]?.rateWaitUntil, due < next { next = due } }
            let timeout = ready.isEmpty ? Int32(max(0, min(250, ((next - now) * 1000).rounded(.up)))) : 0
            let count: Int
            do {
                count = try Sys.epollWait(epoll.fd, tokens: &tokens, masks: &masks, max: 256, timeoutMilliseconds: timeout)
            } catch {
                // EINTR is retried by `Sys.epollWait`; what is left (EBADF, EFAULT, EINVAL) means this loop cannot
                // wait again. Spinning on it would hide it: the loop stops, its connections are closed, and the
                // error is kept for `LineServer.failure` (the server then shuts its other loops down).
                context.fault.withLock { if $0 == nil { $0 = error } }
                for connection in Array(connections.values) { hardClose(connection) }
                break
            }
            let after = Sys.monotonicNow()
            pass &+= 1
            passBudget = Self.maxTurnsPerPass
            if !ready.isEmpty { pumpReady(now: after) }
            for i in 0..<count {
                let token = tokens[i]
                if token == Self.wakeToken {
                    drainInbox(now: after)
                } else if token >= Self.firstListenerToken
                    && token < Self.firstListenerToken + UInt64(Self.maxEndpoints)
                {
                    acceptConnections(endpoint: Int(token - Self.firstListenerToken), now: after)
                } else if let connection = connections[token] {
                    handle(connection, masks[i], now: after)
                }
            }
            if !rateWaiters.isEmpty { releaseRateWaiters(now: after) }
            if after - lastTick >= Self.tickInterval {
                lastTick = after
                tick(now: after)
            }
            submitJobBatch()
            flushDirty(now: after)
        }
        submitJobBatch()
        flushDirty(now: Sys.monotonicNow())
        closeListener()
        peers = []  // the first loop's references to the others (and itself): no cycle outlives the run
        spare?.close()
        spare = nil
        epoll.close()
        let orphans = inbox.withLock { box in
            box.closed = true
            wake.close()
            return box.adopted
        }
        // Connections handed over after the last pass (the first loop was still accepting): nobody serves them.
        for (fd, _, _) in orphans {
            context.openConnections.wrappingSubtract(1, ordering: .relaxed)
            Descriptor(fd).close()
        }
        readBuffer.deallocate()
    }

    private func drainInbox(now: Double) {
        var sink: UInt64 = 0
        do {
            // `.wouldBlock`: another wake-up's read took the count; the inbox is read all the same.
            _ = try withUnsafeMutableBytes(of: &sink) { raw throws(SystemError) in try Sys.read(wake.fd, raw) }
        } catch {
            context.report(error)
        }
        let (items, adopted, shutdown) = inbox.withLock { box in
            defer {
                box.completions.removeAll(keepingCapacity: true)
                box.adopted.removeAll(keepingCapacity: true)
            }
            return (box.completions, box.adopted, box.shutdown)
        }
        if shutdown && !shuttingDown { beginShutdown(now: now) }
        for (fd, address, endpoint) in adopted { open(fd, address, endpoint: endpoint, now: now) }
        for (id, completion) in items {
            let box: SessionBox
            switch completion {
            case .push(let text):
                guard let connection = connections[id], connection.closing == .open else { continue }
                connection.lastActivity = now
                connection.appendLine(text)
                pump(connection, now: now)
                continue
            case .finish(let last):
                guard let connection = connections[id], connection.closing == .open else { continue }
                connection.queue.removeAll()
                connection.inputStopped = true
                connection.partialSince = nil
                connection.queue.append(.final(last.map(OutgoingLine.text)))
                pump(connection, now: now)
                continue
            case .session(let session, _), .reply(let session, _), .replyBytes(let session, _, _),
                .rerun(let session, _):
                box = session
            }
            outstanding -= 1
            // A committed turn's bookkeeping (its transcript events) is done even when its connection is gone.
            if case .replyBytes(_, _, let first?) = completion { first() }
            guard let connection = connections[id] else {
                closeSession(box)
                continue
            }
            connection.busy = false
            connection.lastActivity = now
            switch completion {
            case .session(let box, let greeting):
                connection.session = box
                if let greeting { connection.appendLine(greeting) }
            case .reply(_, let text):
                if let text { connection.appendLine(text) }
            case .replyBytes(_, let bytes, _):
                if let bytes {
                    let start = connection.output.count
                    connection.output.append(contentsOf: bytes)
                    connection.endLine(from: start)
                }
            case .rerun(_, let line):
                submitTurn(connection, line: line)
            case .push, .finish:
                break
            }
            pump(connection, now: now)
        }
    }

    private func beginShutdown(now: Double) {
        shuttingDown = true
        shutdownDeadline = now + limits.shutdownGrace
        closeListener()
        for connection in Array(connections.values) {
            connection.inputStopped = true
            connection.partialSince = nil
            pump(connection, now: now)
        }
    }

    func closeListener() {
        for index in listeners.indices {
            guard let listener = listeners[index] else { continue }
            // Closing the listener removes it from the epoll set (never duplicated): no EPOLL_CTL_DEL to fail.
            listener.close()
            listeners[index] = nil
        }
        listenerPausedUntil = nil
    }

    /// Runs a session's `close()` (after its last turn): here when its factory runs inline, else on the worker pool.
    func closeSession(_ box: SessionBox) {
        if box.inline {
            box.session.close()
        } else {
            submitLater(.close(box))
        }
    }

    /// Queues a job for the worker pool; the jobs of one pass of the loop go to the pool together
    /// (one lock, at most one wake-up) at the end of that pass.
    func submitLater(_ job: WorkerPool.Job) {
        jobBatch.append(job)
    }

    private func submitJobBatch() {
        guard !jobBatch.isEmpty else { return }
        context.pool.submit(contentsOf: jobBatch)
        jobBatch.removeAll(keepingCapacity: true)
    }

    /// Pumps the connections whose turns the last pass's work bound left queued, oldest first, while the pass's
    /// budget lasts; the rest keep their place (untouched: pumping a connection only to find the budget spent costs
    /// a visit, a lookup and a flush check each, and under load most of a loop's connections wait here).
    private func pumpReady(now: Double) {
        // Only those queued before this pass: one that `pump` queues again (its own bound) waits for the next.
        let carried = ready.count
        var taken = 0
        while taken < carried && passBudget > 0 {
            let connection = ready[taken]
            taken += 1
            connection.ready = false
            pump(connection, now: now)
        }
        ready.removeFirst(taken)  // those queued again went to the end, after the ones not reached
    }

    /// Queues a connection for the next pass (its queued turns were left by the work bound).
    func scheduleReady(_ connection: Connection) {
        guard !connection.ready else { return }
        connection.ready = true
        ready.append(connection)
    }

    /// Marks a connection's output to be sent at the end of the pass.
    func markDirty(_ connection: Connection) {
        guard !connection.dirty else { return }
        connection.dirty = true
        dirty.append(connection)
    }

    /// Sends what the pass produced: one send per connection that has output, all at the end of the pass, so a
    /// client is not woken (and the loop preempted) after each reply.
    private func flushDirty(now: Double) {
        guard !dirty.isEmpty else { return }
        let list = dirty
        dirty.removeAll(keepingCapacity: true)
        for connection in list {
            connection.dirty = false
            guard connections[connection.id] === connection else { continue }
            send(connection, now: now)
        }
    }

    private func releaseRateWaiters(now: Double) {
        let due = rateWaiters.filter { (connections[$0]?.rateWaitUntil ?? 0) <= now }
        for id in due {
            rateWaiters.remove(id)
            if let connection = connections[id] { pump(connection, now: now) }
        }
    }
}
