import FrontDeskModel

/// One home in the estate (`3-2-501`: building 3, unit 2, room 501).
public struct Unit: Sendable, Equatable {
    /// Canonical `B-U-R`.
    public var id: String
    /// Floor area in m².
    public var area: Double
    /// Registered residents.
    public var residents: [Resident]
    /// Bills, as listed in the file.
    public var bills: [Bill]

    /// A unit; `id` should be canonical `B-U-R`.
    public init(id: String, area: Double, residents: [Resident] = [], bills: [Bill] = []) {
        self.id = id
        self.area = area
        self.residents = residents
        self.bills = bills
    }

    /// The building number (3 in `3-2-501`).
    public var building: Int { part(0) }
    /// The unit-in-building number, 单元 (2 in `3-2-501`).
    public var entrance: Int { part(1) }
    /// The room number (501 in `3-2-501`).
    public var room: Int { part(2) }

    private func part(_ n: Int) -> Int {
        Int(id.split(separator: "-", omittingEmptySubsequences: false).dropFirst(n).first ?? "") ?? 0
    }

    /// Whether a registered resident's phone ends in these four digits (fee-query verification).
    public func isRegisteredPhone(tail4: String) -> Bool {
        let tail = Array(tail4.utf8)
        guard tail.count == 4, tail.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        return residents.contains { Array(Resident.digits($0.phone).utf8.suffix(4)) == tail }
    }

    /// Whether `full` is a registered resident's phone (compared by digits: `138-1234-5678` matches).
    public func isRegisteredPhone(_ full: String) -> Bool {
        let wanted = Resident.digits(full)
        guard wanted.utf8.count >= 7 else { return false }
        return residents.contains { Resident.digits($0.phone) == wanted }
    }

    /// The bills of one period (`2026-10`).
    public func bills(period: String) -> [Bill] { bills.filter { $0.period == period } }

    /// The unpaid bills, oldest period first.
    public var unpaidBills: [Bill] { bills.filter { !$0.paid }.sorted { $0.period < $1.period } }

    /// The total of unpaid bills, summed in cents.
    public var arrears: Double { Double(arrearsCents) / 100 }

    /// The total of unpaid bills in cents.
    public var arrearsCents: Int { bills.reduce(0) { $0 + ($1.paid ? 0 : Money.cents($1.amount)) } }

    /// The periods billed, newest first.
    public var periods: [String] { Array(Set(bills.map(\.period))).sorted(by: >) }
}

/// A resident registered to a unit.
public struct Resident: Sendable, Equatable {
    /// Name as registered, e.g. `张伟`.
    public var name: String
    /// Phone as registered (`13812345678`).
    public var phone: String

    /// A resident.
    public init(name: String, phone: String) {
        self.name = name
        self.phone = phone
    }

    /// The digits of a phone, without `+86` / `+852` country codes.
    static func digits(_ phone: String) -> String {
        var digits = String(
            String.UnicodeScalarView(phone.unicodeScalars.filter { $0.value >= 0x30 && $0.value <= 0x39 }))
        if phone.hasPrefix("+86"), digits.hasPrefix("86") { digits.removeFirst(2) }
        if phone.hasPrefix("+852"), digits.hasPrefix("852") { digits.removeFirst(3) }
        return digits
    }
}

/// One bill of a unit.
public struct Bill: Sendable, Equatable {
    /// `2026-10`.
    public var period: String
    /// `property`, `water`, `parking`, … (more may be added).
    public var item: String
    /// The amount due, in yuan.
    public var amount: Double
    /// Whether it has been paid.
    public var paid: Bool

    /// A bill.
    public init(period: String, item: String, amount: Double, paid: Bool) {
        self.period = period
        self.item = item
        self.amount = amount
        self.paid = paid
    }

    /// The amount as shown, `250.60`.
    public var formattedAmount: String { Money.format(amount) }
}
