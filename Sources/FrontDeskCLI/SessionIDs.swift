/// Session IDs for the CLI's channels: `s-` and 16 random hex digits, or `s-1`, `s-2`, … when
/// the clock is fixed (`--now`), so that a scripted run is reproducible.
enum SessionIDs {
    /// A new session ID; `deterministic` numbers from 1 within this process.
    static func next(deterministic: Bool, number: Int = 1) -> String {
        if deterministic { return "s-\(number)" }
        let value = UInt64.random(in: 0...UInt64.max)
        let hex = String(value, radix: 16)
        return "s-" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
