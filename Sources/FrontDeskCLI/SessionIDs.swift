/// Session IDs, one format for every channel (chat, serve): `s-` and 12 lower-case hex digits —
/// numbered from 1 (`s-000000000001`) when the clock is fixed (`--now`), so that a scripted run is
/// reproducible, and random (48 bits) otherwise.
enum SessionIDs {
    /// The number of hex digits after `s-`.
    static let digits = 12

    /// The ID numbered `number` (from 1).
    static func numbered(_ number: UInt64) -> String { format(number) }

    /// A random ID.
    static func random() -> String { format(UInt64.random(in: 0..<(1 << 48))) }

    /// A new session ID: numbered when `deterministic`, else random.
    static func next(deterministic: Bool, number: UInt64 = 1) -> String {
        deterministic ? numbered(number) : random()
    }

    private static func format(_ value: UInt64) -> String {
        let hex = String(value, radix: 16)
        return "s-" + String(repeating: "0", count: max(0, digits - hex.count)) + hex
    }
}
