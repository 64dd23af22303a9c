import Foundation
import FrontDeskModel

/// The sections of the estate file: top level, office, rates, decoration rules.
extension EstateReader {
    static let topKeys = ["version", "name", "timezone", "office", "rates", "decoration", "gas_company_phone", "units"]

    /// The whole estate, or `nil` when the top level is not an object.
    mutating func estate(_ json: JSON) -> Estate? {
        guard let root = object(json, "") else { return nil }
        var estate = Estate()
        var seen: UInt32 = 0
        for (key, value) in root {
            if let bit = Self.topKeys.firstIndex(of: key) { seen |= 1 << bit }
            switch key {
            case "version":
                guard let version = value.int, version >= 1 else {
                    report(key, EstateMessage.badVersion)
                    continue
                }
                if version > Estate.supportedVersion {
                    // A newer format may mean anything: say so and nothing else.
                    diagnostics = [Diagnostic(file: file, path: key, message: EstateMessage.newerVersion(version))]
                    ordered = diagnostics
                    return nil
                }
                estate.version = version
            case "name": estate.name = string(value, key) ?? ""
            case "timezone":
                guard let name = string(value, key) else { continue }
                estate.timezone = name
                if let zone = TimeZone(identifier: name) {
                    // The estate keeps one offset; Asia/Shanghai and Asia/Hong_Kong have no daylight saving.
                    estate.utcOffset = zone.secondsFromGMT()
                } else if !name.isEmpty {
                    report(key, EstateMessage.unknownTimezone(name))
                }
            case "office": estate.office = office(value) ?? estate.office
            case "rates": estate.rates = rates(value) ?? estate.rates
            case "decoration": estate.decoration = decoration(value) ?? estate.decoration
            case "gas_company_phone":
                estate.gasCompanyPhone = phone(value, key, allowShort: true) ?? estate.gasCompanyPhone
            case "units": estate.units = units(value)
            default: unknownKey(key, known: Self.topKeys, at: "")
            }
        }
        requireKeys(Self.topKeys, required: 0b1001_1010, seen: seen, at: "")  // name office rates units
        if seen & 0b100 == 0 {  // no timezone: the office's own zone
            let warning = Diagnostic(file: file, path: "timezone", message: EstateMessage.defaultTimezone)
            warnings.append(warning)
            ordered.append(warning)
        }
        return estate
    }

    private static let officeKeys = ["phone", "hours", "emergency_phone", "address"]

    private mutating func office(_ value: JSON) -> Office? {
        guard let members = object(value, "office") else { return nil }
        var office = Office()
        var seen: UInt32 = 0
        for (key, value) in members {
            if let bit = Self.officeKeys.firstIndex(of: key) { seen |= 1 << bit }
            let path = "office.\(key)"
            switch key {
            case "phone": office.phone = phone(value, path, allowShort: true) ?? ""
            case "hours": office.hours = hours(value, path) ?? office.hours
            case "emergency_phone": office.emergencyPhone = phone(value, path, allowShort: true) ?? ""
            case "address": office.address = string(value, path)
            default: unknownKey(key, known: Self.officeKeys, at: "office")
            }
        }
        requireKeys(Self.officeKeys, required: 0b0111, seen: seen, at: "office")
        return office
    }

    private mutating func rates(_ value: JSON) -> Rates? {
        guard let members = object(value, "rates") else { return nil }
        var rates = Rates()
        var seen: UInt32 = 0
        for (key, value) in members {
            switch key {
            case "property_per_m2":
                seen = 1
                rates.propertyPerM2 = amount(value, "rates.property_per_m2") ?? 0
            default: unknownKey(key, known: ["property_per_m2"], at: "rates")
            }
        }
        requireKeys(["property_per_m2"], required: 1, seen: seen, at: "rates")
        return rates
    }

    private static let decorationKeys = [
        "deposit", "working_hours", "noisy_work_hours", "max_duration_days", "max_workers", "documents",
    ]

    private mutating func decoration(_ value: JSON) -> DecorationRules? {
        guard let members = object(value, "decoration") else { return nil }
        var rules = DecorationRules()
        for (key, value) in members {
            let path = "decoration.\(key)"
            switch key {
            case "deposit": rules.deposit = amount(value, path) ?? rules.deposit
            case "working_hours": rules.workingHours = hours(value, path) ?? rules.workingHours
            case "noisy_work_hours": rules.noisyWorkHours = hours(value, path)
            case "max_duration_days": rules.maxDurationDays = wholeNumber(value, path) ?? rules.maxDurationDays
            case "max_workers": rules.maxWorkers = wholeNumber(value, path) ?? rules.maxWorkers
            case "documents":
                guard let list = array(value, path) else { continue }
                rules.documents = list.enumerated().compactMap { string($1, "\(path)[\($0)]") }
            default: unknownKey(key, known: Self.decorationKeys, at: "decoration")
            }
        }
        return rules
    }
}
