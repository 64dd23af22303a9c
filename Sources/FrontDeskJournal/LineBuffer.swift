import Glibc

/// A growable byte buffer that owns raw memory, so transcript lines are encoded straight into its
/// spare room (`reserve`, write, `commit`) instead of through array appends.
///
/// Not thread-safe: the `TranscriptWriter` touches a buffer only under one of its locks.
package final class LineBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    /// Bytes written.
    package private(set) var count = 0
    private(set) var capacity: Int
    /// Scratch space for the parts written through `JSON.write(to:)` (numbers, slots, records).
    var scratch: [UInt8] = []

    package init(capacity: Int = 4096) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written so far (valid until the next change).
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// Makes room for at least `room` more bytes and returns where they start; `commit` says how
    /// many were written.
    func reserve(_ room: Int) -> UnsafeMutablePointer<UInt8> {
        if count + room > capacity {
            var newCapacity = capacity * 2
            while newCapacity < count + room { newCapacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            grown.update(from: base, count: count)
            base.deallocate()
            base = grown
            capacity = newCapacity
        }
        return base + count
    }

    /// Counts `written` bytes of the room `reserve` gave as written.
    func commit(_ written: Int) {
        precondition(count + written <= capacity)
        count += written
    }

    func append(_ byte: UInt8) {
        reserve(1).pointee = byte
        count += 1
    }

    func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { source in
            guard let from = source.baseAddress, source.count > 0 else { return }
            reserve(source.count).update(from: from, count: source.count)
            count += source.count
        }
    }

    func append(_ bytes: UnsafeRawBufferPointer) {
        guard let from = bytes.baseAddress, bytes.count > 0 else { return }
        UnsafeMutableRawPointer(reserve(bytes.count)).copyMemory(from: from, byteCount: bytes.count)
        count += bytes.count
    }

    /// Forgets the bytes; keeps the memory unless it grew past `limit`.
    func removeAll(keepingCapacityUpTo limit: Int) {
        count = 0
        if capacity > limit {
            base.deallocate()
            capacity = 4096
            base = .allocate(capacity: capacity)
        }
    }

    /// Writes `bytes[range]` to `fd` completely (retrying short writes).
    ///
    /// - Throws: `SystemError` from `write(2)`.
    func write(_ range: Range<Int>, to fd: Int32, path: String) throws(SystemError) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count)
        var done = range.lowerBound
        while done < range.upperBound {
            let n = try Posix.write(
                fd, UnsafeRawBufferPointer(start: base + done, count: range.upperBound - done), path: path)
            if n == 0 { throw SystemError(call: "write", path: path, code: EIO) }
            done += n
        }
    }
}
