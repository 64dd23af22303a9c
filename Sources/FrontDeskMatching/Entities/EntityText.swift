/// The canonical texts of entities, written byte by byte (no interpolation: most fit a small string
/// and allocate nothing).
enum EntityText {
    /// Writes non-negative `value` in decimal, zero-padded to `width`, at `at`; the index after it.
    @inline(__always)
    private static func put(_ value: Int, width: Int, _ buffer: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int {
        var length = 1
        var rest = value / 10
        while rest > 0 {
            length += 1
            rest /= 10
        }
        length = max(length, width)
        var v = value
        var k = at + length
        while k > at {
            k -= 1
            buffer[k] = UInt8(truncatingIfNeeded: 0x30 + v % 10)
            v /= 10
        }
        return at + length
    }

    /// `value` with at least `width` digits (leading zeros kept): `digits(571, width: 4)` is `0571`.
    static func digits(_ value: Int, width: Int) -> String {
        var length = 1
        var rest = value / 10
        while rest > 0 {
            length += 1
            rest /= 10
        }
        // The exact capacity: up to 15 bytes make a small string, with no allocation.
        return String(unsafeUninitializedCapacity: max(width, length)) { put(value, width: width, $0, at: 0) }
    }

    /// `2026-11-25`.
    static func isoDate(_ year: Int, _ month: Int, _ day: Int) -> String {
        String(unsafeUninitializedCapacity: year < 10_000 ? 10 : 32) { b in
            var k = put(year, width: 4, b, at: 0)
            b[k] = 0x2D
            k = put(month, width: 2, b, at: k + 1)
            b[k] = 0x2D
            return put(day, width: 2, b, at: k + 1)
        }
    }

    /// `3-2-501`.
    static func unit(_ building: Int, _ unit: Int, _ room: Int) -> String {
        String(unsafeUninitializedCapacity: max(building, unit, room) < 10_000 ? 14 : 64) { b in
            var k = put(building, width: 1, b, at: 0)
            b[k] = 0x2D
            k = put(unit, width: 1, b, at: k + 1)
            b[k] = 0x2D
            return put(room, width: 1, b, at: k + 1)
        }
    }

    /// `09:30`.
    static func clock(_ hour: Int, _ minute: Int) -> String {
        String(unsafeUninitializedCapacity: hour < 100 && minute < 100 ? 5 : 48) { b in
            let k = put(hour, width: 2, b, at: 0)
            b[k] = 0x3A
            return put(minute, width: 2, b, at: k + 1)
        }
    }
}
