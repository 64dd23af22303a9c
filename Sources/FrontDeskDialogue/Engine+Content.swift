import FrontDeskContent
import FrontDeskModel

/// One bill as the fee flow shows it.
struct BillLine: Sendable, Equatable {
    var period: String
    var item: String
    var amount: Double
    var paid: Bool
}

// The one place the dialogue reads the estate and the catalog: everything else asks here.
extension Engine {
    var officePhone: String { estate.office.phone }
    var officeHours: String { estate.office.hours }
    var emergencyPhone: String {
        estate.office.emergencyPhone.isEmpty ? estate.office.phone : estate.office.emergencyPhone
    }
    var gasPhone: String { estate.gasCompanyPhone }

    /// Whether the estate has a unit with this canonical ID.
    func unitExists(_ id: String) -> Bool { estate.hasUnit(id) }

    /// The phones registered to a unit.
    func residentPhones(of unit: String) -> [String] { estate.unit(unit)?.residents.map(\.phone) ?? [] }

    /// The name registered with `phone` at `unit`, if any.
    func residentName(unit: String, phone: String) -> String? {
        estate.unit(unit)?.residents.first { $0.phone == phone }?.name
    }

    /// The unit's bills, oldest period first.
    func bills(of unit: String) -> [BillLine] {
        let bills = estate.unit(unit)?.bills ?? []
        return bills.sorted { $0.period < $1.period }.map {
            BillLine(period: $0.period, item: $0.item, amount: $0.amount, paid: $0.paid)
        }
    }

    var decorationRules: DecorationRules { estate.decoration }

    /// `250.60`: two decimals, no thousands separator.
    func money(_ amount: Double) -> String {
        Money.format(amount)
    }

    /// Routing attributes of a category (`team`, `priority`, `due_hours`, `department`).
    func attributes(_ intent: String, _ category: String) -> [String: String] {
        catalog.categoryAttributes(intent: intent, category: category)
    }

    /// The category used when none was recognized.
    func defaultCategory(_ intent: String) -> String { catalog.defaultCategory(of: intent) ?? "other" }

    /// The FAQ answer for a topic, placeholders not yet filled.
    func faqAnswer(_ id: String, _ language: Language) -> String? { catalog.faqAnswer(id, language) }

    /// Values every phrase may use: the estate's name and the office's numbers and hours.
    static func baseValues(_ estate: Estate) -> [String: String] {
        let emergency = estate.office.emergencyPhone.isEmpty ? estate.office.phone : estate.office.emergencyPhone
        return [
            "estate_name": estate.name, "estate": estate.name, "office_phone": estate.office.phone,
            "office_hours": estate.office.hours, "emergency_phone": emergency, "gas_phone": estate.gasCompanyPhone,
        ]
    }

    /// Renders a phrase with the base values plus `values`; values that restate the resident's
    /// words are made polite first (`PoliteEcho`).
    func say(_ key: String, _ language: Language, _ values: [String: String] = [:]) -> String {
        catalog.phrases.render(key, language) { name in
            if let value = values[name] { return PoliteEcho.polite(value, catalog.dialogue, forbidden: catalog.phrases.forbidden) }
            return baseValues[name]
        }
    }
}
