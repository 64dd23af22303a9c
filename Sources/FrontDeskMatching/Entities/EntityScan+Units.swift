import FrontDeskModel

/// Record IDs (`REP-20261122-0001`) and units (`3栋2单元501` → `3-2-501`).
extension EntityScan {
    /// `rep-20261122-0001`, `rep 20261122 0001`, `rep202611220001` → `REP-20261122-0001`.
    mutating func recognizeRecordIDs() {
        var i = 0
        while i < count {
            defer { i += 1 }
            guard let w = word(i), let type = Self.recordType(w) else { continue }
            var j = i + 1
            if isChar(j, "-") || isChar(j, "_") || isSpace(j) { j += 1 }
            guard let first = number(j), first.form == .arabic else { continue }
            var date: String
            var serial: String
            if first.digits == 12 {
                let all = first.digitString
                date = String(all.prefix(8))
                serial = String(all.suffix(4))
            } else if first.digits == 8 {
                var k = j + 1
                if isChar(k, "-") || isChar(k, "_") || isSpace(k) { k += 1 }
                guard let second = number(k), second.form == .arabic, second.digits == 4 else { continue }
                date = first.digitString
                serial = second.digitString
                j = k
            } else {
                continue
            }
            if found.recordID == nil { found.recordID = "\(type)-\(date)-\(serial)" }
            use(i..<j + 1)
            i = j
        }
    }

    /// The ID prefix a word names (`rep` → `REP`): the record type's own prefix (`RecordType.prefix`, SPEC 5).
    static func recordType(_ word: EntityWord) -> String? {
        let type: RecordType? =
            switch word {
            case .rep: .repair
            case .cmp: .complaint
            case .dec: .decorationPermit
            case .emg: .emergency
            case .cb: .callback
            default: nil
            }
        return type?.prefix
    }

    /// Chinese (`3号楼2单元501室`), separated (`3-2-501`, `3/2/501`) and English (`bldg 3, unit 2, rm 501`) forms.
    /// The room may also come first, anywhere in the message: `501，3栋2单元`, `my flat is 1502 building 8 unit 1`.
    mutating func recognizeUnits() {
        var i = 0
        var buildingAndUnit: (building: Int, unit: Int)?
        while i < count, found.unit == nil {
            if tokens[i].kind == .number {
                if !chineseUnit(at: i, &buildingAndUnit) { separatedUnit(at: i) }
            } else if let w = word(i), w == .building || w == .block || w == .tower {
                englishUnit(at: i, &buildingAndUnit)
            } else if let w = word(i), w == .room || w == .flat || w == .apt {
                roomFirstEnglishUnit(at: i)
            }
            i += 1
        }
        if found.unit == nil, let (building, unit) = buildingAndUnit {
            roomElsewhere(building, unit)
            // "6棟1單元的電梯": a building and an entrance with no room; the dialogue may complete it ("我住1101").
            if found.unit == nil {
                found.building = building
                found.entrance = unit
            }
        }
    }

    /// A building and entrance were named without a room after them: the one room number elsewhere in the message
    /// (3–4 digits, or Chinese digits, standing alone, not a floor, not part of a phone or a date) is the room.
    private mutating func roomElsewhere(_ building: Int, _ unit: Int) {
        var rooms: [(index: Int, value: Int, next: Int)] = []
        for j in 0..<count where tokens[j].kind == .number && !tokens[j].used {
            // Digits, or Chinese digits read one by one ("八零一，还是三栋二单元").
            guard tokens[j].form == .arabic || tokens[j].form == .chineseDigits, let room = roomNumber(at: j) else { continue }
            if let before = char(j - 1), before == 0x2D || before == 0x2F || before == 0x2B { continue }
            // Part of a number written in groups ("138 1234 5678"): a phone, not a room.
            var back = j - 1
            while back >= 0, isSpace(back) { back -= 1 }
            if back >= 0, tokens[back].kind == .number { continue }
            if number(skipSpace(room.next)) != nil || number(skipSpace(j + 1)) != nil { continue }
            rooms.append((j, room.value, room.next))
        }
        // "flat 1502 block 12 entrance 1, phone ends 3839": of several numbers, the one named a flat or room is the room.
        if rooms.count > 1 {
            rooms = rooms.filter { room in
                var back = room.index - 1
                while back >= 0, isSpace(back) { back -= 1 }
                guard let w = word(back) else { return false }
                return w == .room || w == .flat || w == .apt
            }
        }
        guard rooms.count == 1, let room = rooms.first else { return }
        found.unit = EntityText.unit(building, unit, room.value)
        use(room.index..<room.next)
    }

    /// `3栋2单元501`, `3号楼 2单元 501室`, `三栋二单元五零一`. A building alone is kept as `building`.
    private mutating func chineseUnit(at i: Int, _ buildingAndUnit: inout (building: Int, unit: Int)?) -> Bool {
        guard let b = number(i), b.form != .english, (1...99).contains(b.value) else { return false }
        guard let marker = match(i + 1, words.buildingMarkers) else { return false }
        var j = skipFiller(marker.next)
        if let u = number(j), u.form != .english, (1...20).contains(u.value), let afterUnit = after(j + 1, words.unit) {
            j = skipFiller(afterUnit)
            if let r = roomNumber(at: j) {
                found.unit = EntityText.unit(b.value, u.value, r.value)
                found.building = b.value
                use(i..<r.next)
                return true
            }
            if buildingAndUnit == nil { buildingAndUnit = (b.value, u.value) }
        }
        // "10号楼2-1201": the entrance and the room written as one number pair after the building.
        if let u = number(j), u.form == .arabic, (1...2).contains(u.digits), (1...20).contains(u.value),
            isChar(j + 1, "-"), let r = number(j + 2), r.form == .arabic, (3...4).contains(r.digits), r.value >= 101,
            !(isChar(j + 3, "-") && number(j + 4) != nil)
        {
            found.unit = EntityText.unit(b.value, u.value, r.value)
            found.building = b.value
            use(i..<j + 3)
            return true
        }
        // A building named with a building word (not a bare 号/楼) still tells which building.
        if marker.tag == 0, found.building == nil {
            found.building = b.value
            use(i..<marker.next)
            return true
        }
        return false
    }

    /// A room number at `j` (3–4 digits, or 一千八百零二), not a floor (`12楼`, `12层`); with a trailing 室/号/房.
    private func roomNumber(at j: Int) -> (value: Int, next: Int)? {
        guard let r = number(j), r.form != .english else { return nil }
        if r.form == .chinesePositional {
            guard (101...9999).contains(r.value) else { return nil }
        } else {
            guard (3...4).contains(r.digits), r.value >= 101 else { return nil }
        }
        // 楼上 / 楼下 / 楼道 / 楼梯 after a room are upstairs, downstairs, the corridor, the stairs: not a floor.
        if isAny(j + 1, words.floorMarkers), !isAny(j + 1, words.placesNotFloors) { return nil }
        if isChar(j + 1, "-") || isChar(j + 1, "/"), number(j + 2) != nil { return nil }
        var next = j + 1
        if let afterSuffix = after(next, words.roomSuffixes) { next = afterSuffix }
        return (r.value, next)
    }

    /// `3-2-501`, `3/2/501`, not part of a longer chain (dates, phones).
    private mutating func separatedUnit(at i: Int) {
        guard let b = number(i), b.form == .arabic, (1...2).contains(b.digits), b.value >= 1 else { return }
        guard let sep = char(i + 1), sep == 0x2D || sep == 0x2F else { return }
        guard let u = number(i + 2), u.form == .arabic, (1...2).contains(u.digits), (1...20).contains(u.value) else {
            return
        }
        guard char(i + 3) == sep, let r = number(i + 4), r.form == .arabic, (3...4).contains(r.digits),
            r.value >= 101
        else { return }
        if let before = char(i - 1), before == 0x2D || before == 0x2F || before == 0x2B,
            tokens[max(i - 2, 0)].kind == .number
        {
            return
        }
        if let after = char(i + 5), after == 0x2D || after == 0x2F, number(i + 6) != nil { return }
        found.unit = EntityText.unit(b.value, u.value, r.value)
        found.building = b.value
        use(i..<i + 5)
    }

    /// `flat 801, unit 2, building 4`, `room 1201 unit 1 block 5`: the English parts from the room up.
    private mutating func roomFirstEnglishUnit(at i: Int) {
        var j = skipFiller(i + 1)
        if word(j) == .no { j = skipFiller(j + 1) }
        if isChar(j, "#") { j += 1 }
        guard let r = number(j), r.form == .arabic, (3...4).contains(r.digits), r.value >= 101 else { return }
        j = skipFiller(j + 1)
        guard word(j) == .unit else { return }
        j = skipFiller(j + 1)
        guard let u = number(j), u.form == .arabic, (1...20).contains(u.value) else { return }
        j = skipFiller(j + 1)
        guard let w = word(j), w == .building || w == .block || w == .tower else { return }
        j = skipFiller(j + 1)
        if word(j) == .no { j = skipFiller(j + 1) }
        guard let b = number(j), b.form == .arabic, (1...99).contains(b.value) else { return }
        found.unit = EntityText.unit(b.value, u.value, r.value)
        found.building = b.value
        use(i..<j + 1)
    }

    /// `building 3 unit 2 room 501`, `bldg 3, unit 2, rm 501`, `block 3 unit 2 flat 501`, `blk 9 unit 2 #1102`.
    private mutating func englishUnit(at i: Int, _ buildingAndUnit: inout (building: Int, unit: Int)?) {
        var j = skipFiller(i + 1)
        if word(j) == .no { j = skipFiller(j + 1) }
        guard let b = number(j), b.form != .chineseDigits, (1...99).contains(b.value) else { return }
        let buildingEnd = j + 1
        j = skipFiller(j + 1)
        guard word(j) == .unit else {
            // "Blk 10 Flat 3-1402", "block 2, 3-1001": the entrance and room written as one number pair after the block.
            var k = j
            if let w = word(k), w == .room || w == .flat || w == .apt { k = skipFiller(k + 1) }
            if let u = number(k), u.form == .arabic, (1...20).contains(u.value), isChar(k + 1, "-"),
                let r = number(k + 2), r.form == .arabic, (3...4).contains(r.digits), r.value >= 101
            {
                found.unit = EntityText.unit(b.value, u.value, r.value)
                found.building = b.value
                use(i..<k + 3)
                return
            }
            if found.building == nil { found.building = b.value }
            return
        }
        j = skipFiller(j + 1)
        guard let u = number(j), (1...20).contains(u.value) else { return }
        j = skipFiller(j + 1)
        if let w = word(j), w == .room || w == .flat || w == .apt {
            j = skipFiller(j + 1)
            if word(j) == .no { j = skipFiller(j + 1) }
        }
        if isChar(j, "#") {
            j += 1
            // "Blk 12 Unit 1 #08-02": the floor and the flat on it, as Singapore writes them: room 802.
            if let floor = number(j), floor.form == .arabic, (1...2).contains(floor.digits), isChar(j + 1, "-"),
                let flat = number(j + 2), flat.form == .arabic, flat.digits == 2, floor.value * 100 + flat.value >= 101
            {
                found.unit = EntityText.unit(b.value, u.value, floor.value * 100 + flat.value)
                found.building = b.value
                use(i..<j + 3)
                return
            }
        }
        guard let r = number(j), r.form == .arabic, (3...4).contains(r.digits), r.value >= 101 else {
            if found.building == nil { found.building = b.value }
            if buildingAndUnit == nil { buildingAndUnit = (b.value, u.value) }
            use(i..<buildingEnd)
            return
        }
        found.unit = EntityText.unit(b.value, u.value, r.value)
        found.building = b.value
        use(i..<j + 1)
    }
}
