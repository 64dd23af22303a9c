import Dispatch
import FrontDeskModel
import Glibc
import Synchronization

/// What a caller asked the journal to do.
enum CommitOperation: Sendable {
    case create(Record)
    case update(RecordUpdate)
    case audit(AuditEvent)
    /// A turn's writes (`DeferredCommitStore.commit`), stored all or none; its creates carry reserved IDs.
    case group([PendingWrite])
    /// Only apply what other processes appended.
    case refresh
    /// Finish what is queued before it, then refuse new work.
    case close
}

/// The answer a leader gives a waiting caller.
enum CommitOutcome: Sendable {
    case done(Record?)
    case failed(StoreError)
    /// Nothing yet: you lead the next batch.
    case lead
}

/// One caller waiting in the group-commit queue, or (with a `completion`) a deferred commit nobody waits for.
final class CommitRequest: Sendable {
    let operation: CommitOperation
    let wakeUp = DispatchSemaphore(value: 0)
    let outcome = Mutex<CommitOutcome?>(nil)  // guards the answer: written by the leader, read by the caller
    /// Called by the leader with the outcome instead of waking a caller (`FileJournal.commit(_:completion:)`).
    let completion: (@Sendable (StoreError?) -> Void)?

    init(_ operation: CommitOperation, completion: (@Sendable (StoreError?) -> Void)? = nil) {
        self.operation = operation
        self.completion = completion
    }

    /// Gives a deferred request its outcome, or wakes its waiting caller (unless it is the leader itself).
    func finish(_ outcome: CommitOutcome, leader: CommitRequest?) {
        if let completion {
            if case .failed(let error) = outcome { completion(error) } else { completion(nil) }
            return
        }
        answer(outcome)
        if self !== leader { wakeUp.signal() }
    }

    func answer(_ answer: CommitOutcome) { outcome.withLock { $0 = answer } }

    func take() -> CommitOutcome? {
        outcome.withLock { o in
            defer { o = nil }; return o
        }
    }
}

extension FileJournal {
    /// Appends `request` to the queue: true when the caller now leads, false when a leader will take it, nil when the
    /// journal is closed (nothing queued).
    private func enqueue(_ request: CommitRequest) -> Bool? {
        state.withLock { s in
            if s.closed { return nil }
            s.queue.append(request)
            if s.leaderActive { return false }
            s.leaderActive = true
            return true
        }
    }

    /// Queues `operation` and returns once its batch is durable (or failed). The first caller to
    /// find no leader leads: it takes the whole queue, writes it with one write(2) and one fsync,
    /// answers everyone, then hands the lead to the oldest caller queued meanwhile.
    func submit(_ operation: CommitOperation) throws(StoreError) -> Record? {
        let request = CommitRequest(operation)
        let lead = enqueue(request)
        guard var leading = lead else {
            if case .close = operation { return nil }
            throw .writeFailed("the records journal \(path) is closed")
        }
        while true {
            if leading {
                runBatch(leader: request)
                handOff()
            } else {
                request.wakeUp.wait()
            }
            switch request.take() {
            case .lead: leading = true
            case .done(let record): return record
            case .failed(let error): throw error
            case nil: leading = false
            }
        }
    }

    /// Passes the lead to the oldest queued caller (to the deferred committer when that is a deferred request), or
    /// gives it up; `true` when the caller is the deferred committer and keeps the lead for the next batch.
    @discardableResult
    private func handOff(committer: Bool = false) -> Bool {
        let (next, refused) = state.withLock { s -> (CommitRequest?, [CommitRequest]) in
            if s.queue.isEmpty {
                s.leaderActive = false
                return (nil, [])
            }
            if s.closed {
                let refused = s.queue
                s.queue.removeAll()
                s.leaderActive = false
                return (nil, refused)
            }
            return (s.queue[0], [])
        }
        for request in refused {
            if case .group(let writes) = request.operation { releaseReservations(writes) }
            request.finish(.failed(.writeFailed("the records journal \(path) is closed")), leader: nil)
        }
        guard let next else { return false }
        if next.completion != nil {
            if committer { return true }
            leadDeferred()
            return false
        }
        next.answer(.lead)
        next.wakeUp.signal()
        return false
    }

    /// Queues a deferred group (`DeferredCommitStore.commit`); its completion runs on the committer's thread (or on a
    /// waiting caller's, when one leads the batch that takes it).
    func submitDeferred(_ writes: [PendingWrite], completion: @escaping @Sendable (StoreError?) -> Void) {
        let request = CommitRequest(.group(writes), completion: completion)
        let lead = enqueue(request)
        switch lead {
        case nil:
            releaseReservations(writes)
            committer.async { completion(.writeFailed("the records journal \(self.path) is closed")) }
        case true?: leadDeferred()
        case false?: break
        }
    }

    /// Leads batches on the committer's thread until the queue is empty or its head is a waiting caller (who then
    /// leads). The caller has set `leaderActive`.
    private func leadDeferred() {
        committer.async {
            repeat {
                self.paceDeferredBatch()
                let taken = self.runBatch(leader: nil)
                self.lastDeferredBatchSize.store(taken, ordering: .relaxed)
            } while self.handOff(committer: true)
        }
    }

    /// The committer starts a batch no sooner than `deferredBatchSpacing` after the start of its last one, unless
    /// `deferredBatchBypass` requests are queued already: under load each fsync then carries more groups (the fsync,
    /// in the kernel, was about half of the committer's CPU, and its wake-ups preempt the event loops), while the first
    /// write after a quiet spell starts at once. A turn waiting for its group waits at most that much longer.
    private func paceDeferredBatch() {
        // A last batch of one request: nobody else was writing, and waiting would gather nothing (one connection's
        // writes would each wait for nothing).
        guard lastDeferredBatchSize.load(ordering: .relaxed) > 1 else {
            lastDeferredBatch.store(DispatchTime.now().uptimeNanoseconds, ordering: .relaxed)
            return
        }
        let last = lastDeferredBatch.load(ordering: .relaxed)
        let now = DispatchTime.now().uptimeNanoseconds
        let since = now &- last
        if last != 0 && since < FileJournal.deferredBatchSpacing {
            let queued = state.withLock { $0.queue.count }
            if queued < FileJournal.deferredBatchBypass {
                usleep(UInt32((FileJournal.deferredBatchSpacing - since) / 1000))
            }
        }
        lastDeferredBatch.store(DispatchTime.now().uptimeNanoseconds, ordering: .relaxed)
    }

    /// Takes the queue and commits it as one batch under the file lock.
    @discardableResult
    private func runBatch(leader: CommitRequest?) -> Int {
        let batch = state.withLock { s in
            let taken = s.queue
            s.queue.removeAll(keepingCapacity: true)
            return taken
        }
        var outcomes = [CommitOutcome](repeating: .done(nil), count: batch.count)
        defer {
            // Reservations are released (and the book updated) before anyone hears: a reply posted by a completion is
            // followed by turns that must see the record, and by reservations that must not reuse its ID.
            state.withLock { s in
                for request in batch { if case .group(let writes) = request.operation { s.release(writes) } }
            }
            for (request, outcome) in zip(batch, outcomes) { request.finish(outcome, leader: leader) }
        }
        do {
            try Posix.flock(fd, LOCK_EX, path: path)
        } catch {
            outcomes = outcomes.map { _ in .failed(.writeFailed(error.description)) }
            return batch.count
        }
        defer { try? Posix.flock(fd, LOCK_UN, path: path) }
        let caughtUp: CatchUp
        do {
            caughtUp = try catchUp()
        } catch {
            outcomes = outcomes.map { _ in .failed(error) }
            return batch.count
        }
        var plan = state.withLock { s in
            caughtUp.apply(to: &s)
            s.inFlight = true
            return BatchPlan(batch: batch, state: s)
        }
        outcomes = plan.outcomes
        var failure: StoreError?
        if !plan.events.isEmpty {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(plan.events.count * 512)
            for (i, event) in plan.events.enumerated() {
                JournalLine.encode(seq: plan.firstSeq + i, event: event, to: &bytes)
            }
            failure = append(bytes, at: plan.startOffset)
            if failure == nil {
                plan.endOffset = plan.startOffset + bytes.count
            }
        }
        state.withLock { s in
            s.inFlight = false
            if failure == nil {
                for event in plan.events { s.book.apply(event) }
                s.lastSeq = plan.firstSeq + plan.events.count - 1
                s.lineCount += plan.events.count
                s.readOffset = plan.endOffset
            }
            if plan.closes { s.closed = true }
        }
        if let failure {
            outcomes = outcomes.map { outcome in
                if case .done = outcome { return .failed(failure) }
                return outcome
            }
        }
        return batch.count
    }

    /// Writes a batch and fsyncs it; on any failure truncates back to `start` so no partial line
    /// stays, and returns the error (the batch is then never acknowledged; fsync is not retried).
    private func append(_ bytes: [UInt8], at start: Int) -> StoreError? {
        var written = 0
        do {
            while written < bytes.count {
                let result = bytes.withUnsafeBytes { raw in
                    Result { () throws(SystemError) -> Int in
                        try io.write(fd, UnsafeRawBufferPointer(rebasing: raw[written...]), path: path)
                    }
                }
                let n = try result.get()
                if n <= 0 { throw SystemError(call: "write", path: path, code: EIO) }
                written += n
            }
            try io.fsync(fd, path: path)
            return nil
        } catch {
            try? io.ftruncate(fd, start, path: path)
            try? io.fsync(fd, path: path)
            return .writeFailed("\(error)")
        }
    }
}
