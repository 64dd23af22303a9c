/// A set of byte values (256 bits): which bytes a text holds, so that a word with a byte the text lacks is known not
/// to be in it without searching (`ForbiddenWords.first(in:)`, `TextMatch.PlainWords.anyOccurs`). Inlinable: it is
/// asked once per word of a list, in other modules.
package struct ByteSet: Sendable {
    /// Bit `b` of `low` for a byte `b` below 0x80, bit `b - 0x80` of `high` for the others.
    @usableFromInline package var low: UInt128 = 0
    @usableFromInline package var high: UInt128 = 0

    /// The empty set.
    @inlinable package init() {}

    /// The bytes of `bytes`.
    @inlinable package init(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes { insert(byte) }
    }

    @inlinable @inline(__always) package mutating func insert(_ byte: UInt8) {
        if byte < 0x80 { low |= 1 << UInt128(byte) } else { high |= 1 << UInt128(byte & 0x7F) }
    }

    @inlinable @inline(__always) package func contains(_ byte: UInt8) -> Bool {
        byte < 0x80 ? low & (1 << UInt128(byte)) != 0 : high & (1 << UInt128(byte & 0x7F)) != 0
    }

    /// Whether every byte of `other` is in the set: two masks, no loop.
    @inlinable @inline(__always) package func contains(all other: ByteSet) -> Bool {
        other.low & ~low == 0 && other.high & ~high == 0
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
