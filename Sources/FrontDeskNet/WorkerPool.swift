import Dispatch
import Foundation
import Synchronization

/// A small fixed pool of threads running blocking handler calls, so event loops never block.
/// Jobs run in submission order across the pool; `LineServer` submits at most one job per
/// connection at a time, which keeps each connection's turns in order and one at a time.
final class WorkerPool: @unchecked Sendable {
    // Unchecked: `threads` is written only in init; everything shared lives in `Shared` (its PlainLock).
    typealias Job = @Sendable () -> Void

    /// What the pool's threads share.
    private final class Shared: Sendable {
        /// Guards the queue of jobs not yet started and whether the pool is stopping.
        let state = PlainLock<(jobs: Deque<Job>, stopping: Bool)>((Deque(), false))
        /// Counts queued jobs (plus one wake-up per thread on stop).
        let available = DispatchSemaphore(value: 0)
        let finished = DispatchGroup()
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
                while true {
                    shared.available.wait()
                    let job: Job? = shared.state.withLock { $0.jobs.popFirst() }
                    guard let job else { break }
                    job()
                }
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
    func submit(_ job: @escaping Job) {
        shared.state.withLock { $0.jobs.append(job) }
        shared.available.signal()
    }

    /// Runs every job already queued, then stops the threads and waits for them.
    func stop() {
        let already = shared.state.withLock { s -> Bool in
            defer { s.stopping = true }
            return s.stopping
        }
        if already { return }
        for _ in threads { shared.available.signal() }
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
