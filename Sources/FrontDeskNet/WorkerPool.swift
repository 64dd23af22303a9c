import Dispatch
import Foundation
import Glibc

/// A fixed pool of threads running the handler calls that may block (a turn that writes a record waits there for the
/// journal's group commit), so event loops never block.
/// Jobs run in submission order across the pool; `LineServer` submits at most one job per
/// connection at a time, which keeps each connection's turns in order and one at a time.
///
/// Wake-ups are what a turn's hand-off costs on 2 cores (each one a context switch, and the woken
/// worker often preempts the event loop that woke it), so they are rationed: a submission (one
/// event-loop pass's jobs, as a batch) wakes one sleeping worker unless one is already on its way,
/// and a worker that takes a job while more wait wakes the next before running its own. So jobs
/// never wait behind a worker blocked in its turn (an fsync), and a burst spreads over the pool
/// without the event loop waking every worker itself.
final class WorkerPool: @unchecked Sendable {
    // Unchecked: `threads` is written only in init; everything shared lives in `Shared` (its lock).

    /// One unit of work: a value, not a closure (no context allocated per job).
    enum Job: Sendable {
        /// Make a connection's session and its greeting, and post them to its loop.
        case start(EventLoop, id: UInt64, factory: any LineHandlerFactory, peer: String, outlet: LineOutlet)
        /// One turn of a session, its reply posted to the connection's loop.
        case turn(EventLoop, id: UInt64, SessionBox, line: String)
        /// The session is over.
        case close(SessionBox)

        func run() {
            switch self {
            case .start(let loop, let id, let factory, let peer, let outlet):
                let session = factory.makeSession(peer: peer, outlet: outlet)
                let box = SessionBox(session, inline: false)
                let greeting = session.greeting()
                loop.post(id, .session(box, greeting: greeting))
            case .turn(let loop, let id, let box, let line):
                let reply = box.session.handle(line: line)
                loop.post(id, .reply(box, reply))
            case .close(let box):
                box.session.close()
            }
        }
    }

    /// What the pool's threads share.
    private final class Shared: @unchecked Sendable {
        // Unchecked: `jobs`, `stopping`, `sleeping` and `waking` are touched only while holding
        // `mutex`; `condition` is waited on with it.
        let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
        /// Jobs not yet started.
        var jobs = Deque<Job>()
        var stopping = false
        /// Threads waiting on `condition`.
        var sleeping = 0
        /// Threads signalled that have not yet looked at the queue.
        var waking = 0
        let finished = DispatchGroup()

        init() {
            mutex.initialize(to: pthread_mutex_t())
            condition.initialize(to: pthread_cond_t())
            pthread_mutex_init(mutex, nil)
            pthread_cond_init(condition, nil)
        }

        deinit {
            pthread_cond_destroy(condition)
            pthread_mutex_destroy(mutex)
            condition.deallocate()
            mutex.deallocate()
        }

        /// Wakes one sleeping thread unless one is already waking (call holding `mutex`).
        func wakeOne() {
            guard sleeping > waking else { return }
            waking += 1
            pthread_cond_signal(condition)
        }

        /// One thread's life: take a job (waking the next thread if more wait), run it, repeat;
        /// stop once stopping and the queue is empty.
        func work() {
            pthread_mutex_lock(mutex)
            while true {
                if let job = jobs.popFirst() {
                    if !jobs.isEmpty { wakeOne() }
                    pthread_mutex_unlock(mutex)
                    job.run()
                    pthread_mutex_lock(mutex)
                    continue
                }
                if stopping { break }
                sleeping += 1
                pthread_cond_wait(condition, mutex)
                sleeping -= 1
                if waking > 0 { waking -= 1 }
            }
            pthread_mutex_unlock(mutex)
        }
    }

    private let shared = Shared()
    private let threads: [Thread]
    /// How many threads run jobs.
    var threadCount: Int { threads.count }

    init(threads count: Int, name: String) {
        var threads: [Thread] = []
        let shared = self.shared
        for index in 0..<max(1, count) {
            let thread = Thread {
                shared.work()
                shared.finished.leave()
            }
            thread.name = "\(name)-\(index)"
            threads.append(thread)
        }
        self.threads = threads
        for thread in threads {
            shared.finished.enter()
            thread.start()
        }
    }

    /// Queues `job`; it runs on one of the pool's threads.
    func submit(_ job: Job) {
        submit(contentsOf: CollectionOfOne(job))
    }

    /// Queues `jobs` in order, waking at most one thread (which wakes others while jobs wait).
    func submit<Jobs: Collection>(contentsOf jobs: Jobs) where Jobs.Element == Job {
        guard !jobs.isEmpty else { return }
        pthread_mutex_lock(shared.mutex)
        for job in jobs { shared.jobs.append(job) }
        shared.wakeOne()
        pthread_mutex_unlock(shared.mutex)
    }

    /// Runs every job already queued, then stops the threads and waits for them.
    func stop() {
        pthread_mutex_lock(shared.mutex)
        let already = shared.stopping
        shared.stopping = true
        pthread_cond_broadcast(shared.condition)
        pthread_mutex_unlock(shared.mutex)
        if already { return }
        shared.finished.wait()
    }
}

/// A minimal FIFO queue with amortised O(1) `popFirst` (the standard library has none).
struct Deque<Element>: Sendable where Element: Sendable {
    private var items: [Element] = []
    private var head = 0

    init() {}

    var isEmpty: Bool { head == items.count }
    var count: Int { items.count - head }
    var first: Element? { isEmpty ? nil : items[head] }

    mutating func append(_ element: Element) { items.append(element) }

    mutating func popFirst() -> Element? {
        guard head < items.count else { return nil }
        let element = items[head]
        head += 1
        if head >= 64 && head * 2 >= items.count {
            items.removeFirst(head)
            head = 0
        } else if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        }
        return element
    }

    mutating func removeAll() {
        items.removeAll()
        head = 0
    }
}
