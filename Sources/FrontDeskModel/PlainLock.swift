import Glibc

/// A value behind a plain glibc mutex (no priority inheritance), for the locks every turn takes:
/// the event loops' inboxes and the transcript writer's queue (the server's worker pool uses a glibc
/// mutex and condition variable directly).
///
/// `Synchronization.Mutex` is a priority-inheritance futex on Linux: once contended, the kernel
/// hands the lock to the first waiter, which must then be scheduled before anyone can take it.
/// With 2 event loops, 4 workers and a transcript flusher on 2 cores, a preempted holder turned
/// every turn's hand-off into a convoy (12% of the server's CPU in `_lockSlow` and `rt_mutex`,
/// p99 over 40 ms at a quarter of the C server's rate). A glibc mutex lets a running thread take a
/// free lock at once.
public final class PlainLock<Value>: @unchecked Sendable {
    // Unchecked: `value` is only read or written inside `withLock`, while holding `mutex`.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    /// A lock guarding `value`.
    public init(_ value: Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with the value, holding the lock.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
