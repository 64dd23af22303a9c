/// A set of byte values (256 bits): which bytes a text holds, so that a word with a byte the text lacks is known not
/// to be in it without searching (`ForbiddenWords.first(in:)`, `TextMatch.PlainWords.anyOccurs`). Inlinable: it is
/// asked once per word of a list, in other modules.
package struct ByteSet: Sendable {
    /// Bit `b & 63` of lane `b >> 6` for byte `b`.
    @usableFromInline package var bits = SIMD4<UInt64>(repeating: 0)

    /// The empty set.
    @inlinable package init() {}

    /// The bytes of `bytes`.
    @inlinable package init(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes { insert(byte) }
    }

    @inlinable @inline(__always) package mutating func insert(_ byte: UInt8) {
        bits[Int(byte >> 6)] |= UInt64(1) << UInt64(byte & 63)
    }

    @inlinable @inline(__always) package func contains(_ byte: UInt8) -> Bool {
        bits[Int(byte >> 6)] & (UInt64(1) << UInt64(byte & 63)) != 0
    }

    /// Whether every byte of `bytes` is in the set.
    @inlinable @inline(__always) package func containsAll(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { containsAll($0) }
    }

    /// Whether every byte of `bytes` is in the set.
    @inlinable @inline(__always) package func containsAll(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where !contains(byte) { return false }
        return true
    }
}
