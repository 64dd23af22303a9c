import FrontDeskModel

/// The `units` array: units, residents and bills.
extension EstateReader {
    private static let unitKeys = ["id", "area", "residents", "bills"]
    private static let residentKeys = ["name", "phone"]
    private static let billKeys = ["period", "item", "amount", "paid"]

    mutating func units(_ value: JSON) -> [String: Unit] {
        guard let list = array(value, "units") else { return [:] }
        var units: [String: Unit] = [:]
        var firstIndex: [String: Int] = [:]
        units.reserveCapacity(list.count)
        firstIndex.reserveCapacity(list.count)
        for (index, element) in list.enumerated() {
            guard let unit = unit(element, index: index) else { continue }
            if let first = firstIndex[unit.id] {
                report("units[\(index)].id", EstateMessage.duplicateUnit(unit.id, first: first))
                continue
            }
            firstIndex[unit.id] = index
            units[unit.id] = unit
        }
        return units
    }

    private mutating func unit(_ value: JSON, index: Int) -> Unit? {
        guard let members = object(value, "units[\(index)]") else { return nil }
        var unit = Unit(id: "", area: 0)
        var (hasID, hasArea) = (false, false)
        var valid = true
        for (key, value) in members {
            switch key {
            case "id":
                hasID = true
                guard let id = string(value, "units[\(index)].id") else {
                    valid = false
                    continue
                }
                if !id.isEmpty, !EstateSyntax.isUnitID(id) { report("units[\(index)].id", EstateMessage.badUnitID(id)) }
                valid = valid && EstateSyntax.isUnitID(id)
                unit.id = id
            case "area":
                hasArea = true
                guard let area = number(value, "units[\(index)].area") else { continue }
                if area <= 0 { report("units[\(index)].area", EstateMessage.notPositive(area)) }
                unit.area = area
            case "residents":
                guard let list = array(value, "units[\(index)].residents") else { continue }
                unit.residents.reserveCapacity(list.count)
                for (n, element) in list.enumerated() {
                    if let resident = resident(element, unit: index, index: n) { unit.residents.append(resident) }
                }
            case "bills":
                guard let list = array(value, "units[\(index)].bills") else { continue }
                unit.bills.reserveCapacity(list.count)
                for (n, element) in list.enumerated() {
                    if let bill = bill(element, unit: index, index: n) { unit.bills.append(bill) }
                }
            default: unknownKey(key, known: Self.unitKeys, at: "units[\(index)]")
            }
        }
        if !hasID { report("units[\(index)]", EstateMessage.missing("id")) }
        if !hasArea { report("units[\(index)]", EstateMessage.missing("area")) }
        return hasID && valid ? unit : nil
    }

    private mutating func resident(_ value: JSON, unit: Int, index: Int) -> Resident? {
        let base = { "units[\(unit)].residents[\(index)]" }
        guard let members = object(value, base()) else { return nil }
        var resident = Resident(name: "", phone: "")
        var seen: UInt32 = 0
        for (key, value) in members {
            switch key {
            case "name":
                seen |= 1
                resident.name = string(value, "\(base()).name") ?? ""
            case "phone":
                seen |= 2
                resident.phone = phone(value, "\(base()).phone") ?? ""
            default: unknownKey(key, known: Self.residentKeys, at: base())
            }
        }
        requireKeys(Self.residentKeys, required: 0b11, seen: seen, at: base())
        return resident
    }

    private mutating func bill(_ value: JSON, unit: Int, index: Int) -> Bill? {
        let base = { "units[\(unit)].bills[\(index)]" }
        guard let members = object(value, base()) else { return nil }
        var bill = Bill(period: "", item: "", amount: 0, paid: false)
        var seen: UInt32 = 0
        for (key, value) in members {
            switch key {
            case "period":
                seen |= 1
                guard let period = string(value, "\(base()).period") else { continue }
                if !period.isEmpty, !EstateSyntax.isPeriod(period) {
                    report("\(base()).period", EstateMessage.badPeriod(period))
                }
                bill.period = period
            case "item":
                seen |= 2
                guard let item = string(value, "\(base()).item") else { continue }
                if !item.isEmpty, !EstateSyntax.isItem(item) { report("\(base()).item", EstateMessage.badItem(item)) }
                bill.item = item
            case "amount":
                seen |= 4
                bill.amount = amount(value, "\(base()).amount") ?? 0
            case "paid":
                seen |= 8
                bill.paid = bool(value, "\(base()).paid") ?? false
            default: unknownKey(key, known: Self.billKeys, at: base())
            }
        }
        requireKeys(Self.billKeys, required: 0b1111, seen: seen, at: base())
        return bill
    }
}
