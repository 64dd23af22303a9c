/// A set of byte values (256 bits): which bytes a text holds, so that a word with a byte the text lacks is known not
/// to be in it without searching (`ForbiddenWords.first(in:)`, `TextMatch.PlainWords.anyOccurs`).
package struct ByteSet: Sendable {
    private var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    /// The empty set.
    package init() {}

    /// The bytes of `bytes`.
    package init(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes { insert(byte) }
    }

    @inline(__always) package mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: bits.0 |= bit
        case 1: bits.1 |= bit
        case 2: bits.2 |= bit
        default: bits.3 |= bit
        }
    }

    @inline(__always) package func contains(_ byte: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: return bits.0 & bit != 0
        case 1: return bits.1 & bit != 0
        case 2: return bits.2 & bit != 0
        default: return bits.3 & bit != 0
        }
    }

    /// Whether every byte of `bytes` is in the set.
    @inline(__always) package func containsAll(_ bytes: [UInt8]) -> Bool { bytes.allSatisfy { contains($0) } }

    /// Whether every byte of `bytes` is in the set.
    @inline(__always) package func containsAll(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where !contains(byte) { return false }
        return true
    }
}
