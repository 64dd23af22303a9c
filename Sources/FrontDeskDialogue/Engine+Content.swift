import FrontDeskContent
import FrontDeskModel

/// One bill as the fee flow shows it.
struct BillLine: Sendable, Equatable {
    var period: String
    var item: String
    var amount: Double
    var paid: Bool
}

/// The decoration rules of the estate, with the defaults SPEC 2.2 allows.
struct DecorationRules: Sendable, Equatable {
    var deposit: Double = 2000
    var workingHours: String = "08:00-12:00, 14:00-18:00"
    var maxDays: Int = 90
    var maxWorkers: Int = 10
    /// Documents to bring as the estate lists them; empty → the phrase book's standard list.
    var documents: [String] = []
}

// The one place the dialogue reads the estate and the catalog: everything else asks here.
extension Engine {
    var officePhone: String { "0571-88886666" }
    var officeHours: String { "08:30-17:30" }
    var emergencyPhone: String { "0571-88886699" }
    var gasPhone: String { "96777" }

    /// Whether the estate has a unit with this canonical ID.
    func unitExists(_ id: String) -> Bool { false }

    /// The phones registered to a unit.
    func residentPhones(of unit: String) -> [String] { [] }

    /// The name registered with `phone` at `unit`, if any.
    func residentName(unit: String, phone: String) -> String? { nil }

    /// The unit's bills, oldest period first.
    func bills(of unit: String) -> [BillLine] { [] }

    var decorationRules: DecorationRules { DecorationRules() }

    /// `250.60`: two decimals, no thousands separator.
    func money(_ amount: Double) -> String {
        let cents = Int((amount * 100).rounded())
        let sign = cents < 0 ? "-" : ""
        let value = abs(cents)
        let fraction = value % 100
        return sign + String(value / 100) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// Routing attributes of a category (`team`, `priority`, `due_hours`, `department`).
    func attributes(_ intent: String, _ category: String) -> [String: String] { [:] }

    /// The category used when none was recognized.
    func defaultCategory(_ intent: String) -> String { "other" }

    /// The FAQ answer for a topic, placeholders not yet filled.
    func faqAnswer(_ id: String, _ language: Language) -> String? { nil }

    /// Values every phrase may use: the estate's name and the office's numbers and hours.
    var baseValues: [String: String] {
        [
            "estate_name": estate.name, "office_phone": officePhone, "office_hours": officeHours,
            "emergency_phone": emergencyPhone, "gas_phone": gasPhone,
        ]
    }

    /// Renders a phrase with the base values plus `values`.
    func say(_ key: String, _ language: Language, _ values: [String: String] = [:]) -> String {
        var all = baseValues
        for (name, value) in values { all[name] = value }
        return catalog.phrases.render(key, language, all)
    }
}
