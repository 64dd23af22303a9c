/// Amounts of money as shown to residents: two decimals, no thousands separator (`250.60`, `1200.00`).
///
/// Arithmetic is done in whole cents so that sums of bills never show float artefacts.
public enum Money {
    /// `amount` rounded to whole cents (half away from zero).
    public static func cents(_ amount: Double) -> Int {
        Int((amount * 100).rounded(.toNearestOrAwayFromZero))
    }

    /// `250.6` → `250.60`, `1200` → `1200.00`, `-3.5` → `-3.50`.
    public static func format(_ amount: Double) -> String {
        format(cents: cents(amount))
    }

    /// `25060` → `250.60`.
    public static func format(cents: Int) -> String {
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return (cents < 0 ? "-" : "") + "\(magnitude / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    /// The sum of `amounts`, added in cents.
    public static func sum<S: Sequence<Double>>(_ amounts: S) -> Double {
        Double(amounts.reduce(0) { $0 + cents($1) }) / 100
    }
}
