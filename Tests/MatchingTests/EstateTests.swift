import Foundation
import FrontDeskContent
import FrontDeskModel
import Testing

/// The estate file: the bundled sample, every kind of mistake with its exact diagnostic, money formatting.
@Suite struct EstateTests {
    /// The repository's root, found from this file (Tests/MatchingTests/EstateTests.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func sample() throws -> Estate {
        try Estate.load(path: root.appendingPathComponent("estate/sample.json").path)
    }

    @Test func loadsTheSample() throws {
        let estate = try Self.sample()
        #expect(estate.name == "翠湖花园")
        #expect(estate.timezone == "Asia/Shanghai")
        #expect(estate.utcOffset == 28_800)
        #expect(
            estate.office
                == Office(
                    phone: "0571-88886666", hours: "08:30-17:30", emergencyPhone: "0571-88886699",
                    address: "翠湖花园1号楼东侧物业客服中心"))
        #expect(estate.rates.propertyPerM2 == 2.80)
        #expect(estate.decoration.deposit == 3000)
        #expect(estate.decoration.maxDurationDays == 90)
        #expect(estate.decoration.documents.isEmpty)  // the sample names none: the phrase says the usual list
        #expect((200...600).contains(estate.units.count))
        let unit = try #require(estate.unit("3-2-501"))
        #expect(unit.residents == [Resident(name: "张伟", phone: "13812345678")])
        #expect(
            unit.bills(period: "2026-10").first { $0.item == "property" }
                == Bill(period: "2026-10", item: "property", amount: 250.60, paid: false))
        #expect(Money.format(unit.arrears) == "250.60")
        #expect(unit.isRegisteredPhone(tail4: "5678"))
        #expect(!unit.isRegisteredPhone(tail4: "5679"))
        #expect(unit.isRegisteredPhone("138-1234-5678"))
        #expect(unit.isRegisteredPhone("+86 138 1234 5678"))
        #expect(!unit.isRegisteredPhone("13812345679"))
        #expect((unit.building, unit.entrance, unit.room) == (3, 2, 501))
    }

    @Test(arguments: ["3-2-501", "12-1-1802", "10-3-1402", "5-3-801", "4-1-302", "1-1-101", "9-2-1102", "2-1-1102"])
    func sampleHasTheUnitsTestsUse(id: String) throws {
        let estate = try Self.sample()
        #expect(estate.hasUnit(id))
        #expect(estate.unit(id)?.residents.isEmpty == false)
    }

    @Test func sampleIsSortedAndHasNoArtefacts() throws {
        let estate = try Self.sample()
        #expect(estate.sortedUnitIDs.first == "1-1-101")
        #expect(estate.unit("12-1-1802")?.isRegisteredPhone("13757120836") == true)
        for unit in estate.units.values {
            for bill in unit.bills where bill.item == "property" {
                #expect(Money.format(bill.amount) == Money.format(unit.area * 2.80))
            }
        }
    }

    static let good = """
        {"name":"翠湖花园","timezone":"Asia/Shanghai",
         "office":{"phone":"0571-88886666","hours":"08:30-17:30","emergency_phone":"0571-88886699"},
         "rates":{"property_per_m2":2.80},
         "units":[{"id":"3-2-501","area":89.5,"residents":[{"name":"张伟","phone":"13812345678"}],
           "bills":[{"period":"2026-10","item":"property","amount":250.60,"paid":false}]}]}
        """

    @Test func minimalFileTakesDefaults() throws {
        let estate = try Estate.parse(Self.good.utf8, file: "e.json")
        #expect(estate.version == 1)
        #expect(estate.decoration == DecorationRules())
        #expect(estate.decoration.workingHours == "08:00-12:00, 14:00-18:00")
        #expect(estate.gasCompanyPhone == "96777")
        #expect(estate.units.keys.sorted() == ["3-2-501"])
    }

    /// Each case edits the good file (`old` → `new`) and expects exactly these diagnostics.
    @Test(arguments: [
        (
            #""area":89.5"#, #""aera":89.5"#,
            [
                #"e.json: units[0].aera: unknown key "aera" (did you mean "area"?)"#,
                #"e.json: units[0]: missing required key "area""#,
            ]
        ),
        (
            #""amount":250.60"#, #""amount":"250.60""#,
            ["e.json: units[0].bills[0].amount: expected a number, got a string"]
        ),
        (#""amount":250.60"#, #""amount":-5"#, ["e.json: units[0].bills[0].amount: may not be negative, got -5.00"]),
        (
            #""period":"2026-10""#, #""period":"2026-13""#,
            [
                #"e.json: units[0].bills[0].period: expected a period YYYY-MM such as "2026-10", got "2026-13""#
            ]
        ),
        (
            #""id":"3-2-501""#, #""id":"3-2""#,
            [
                #"e.json: units[0].id: expected a unit ID of the form B-U-R such as "3-2-501", got "3-2""#
            ]
        ),
        (
            #""phone":"13812345678""#, #""phone":"1381234""#,
            [#"e.json: units[0].residents[0].phone: not a phone number: "1381234""#]
        ),
        (#""Asia/Shanghai""#, #""Asia/Shangai""#, [#"e.json: timezone: unknown time zone "Asia/Shangai""#]),
        (
            #""hours":"08:30-17:30""#, #""hours":"8:30 to 5""#,
            [#"e.json: office.hours: expected hours such as "08:30-17:30", got "8:30 to 5""#]
        ),
        (#""paid":false"#, #""paid":"no""#, ["e.json: units[0].bills[0].paid: expected true or false, got a string"]),
        (
            #"{"name":"翠湖花园","#, #"{"version":2,"name":"翠湖花园","#,
            [
                "e.json: version: version 2 is newer than this FrontDesk supports (1); please upgrade FrontDesk"
            ]
        ),
        (
            #"{"name":"翠湖花园","#, #"{"version":"1","name":"翠湖花园","#,
            ["e.json: version: expected a whole number of at least 1"]
        ),
        (
            #""name":"翠湖花园","#, #""nmae":"翠湖花园","#,
            [
                #"e.json: nmae: unknown key "nmae" (did you mean "name"?)"#, #"e.json: missing required key "name""#,
            ]
        ),
        (
            #""emergency_phone":"0571-88886699"},"#,
            #""emergency_phone":"0571-88886699"},"decoration":{"max_workers":0},"#,
            [
                "e.json: decoration.max_workers: expected a whole number of at least 1"
            ]
        ),
        (
            #""units":["#, #""units":[{"id":"3-2-501","area":80},"#,
            [
                #"e.json: units[1].id: duplicate unit "3-2-501" (first at units[0])"#
            ]
        ),
        (
            #""area":89.5"#, #""area":89.5,"residents":{}"#,
            ["e.json: units[0].residents: expected an array, got an object"]
        ),
        ("\n \"rates\"", "\n \"rates\":,", ["e.json: line 3, column 10: unexpected character, expected a value"]),
    ])
    func diagnostics(old: String, new: String, expected: [String]) throws {
        let text = Self.good.replacingOccurrences(of: old, with: new)
        #expect(text != Self.good)
        let error = #expect(throws: ContentError.self) { try Estate.parse(text.utf8, file: "e.json") }
        #expect(error?.diagnostics.map(\.description) == expected)
    }

    @Test func collectsEveryMistake() throws {
        let text = Self.good.replacingOccurrences(of: #""amount":250.60"#, with: #""amount":-1"#)
            .replacingOccurrences(of: #""period":"2026-10""#, with: #""period":"10/2026""#)
            .replacingOccurrences(of: #""timezone":"Asia/Shanghai""#, with: #""timezone":"Mars/Olympus""#)
        let error = #expect(throws: ContentError.self) { try Estate.parse(text.utf8, file: "e.json") }
        #expect(error?.diagnostics.map(\.path) == ["timezone", "units[0].bills[0].period", "units[0].bills[0].amount"])
    }

    @Test func missingFileIsOneDiagnostic() {
        let error = #expect(throws: ContentError.self) { try Estate.load(path: "/nonexistent/estate.json") }
        #expect(error?.diagnostics.count == 1)
        #expect(error?.diagnostics.first?.message.hasPrefix("cannot read the estate file") == true)
    }

    @Test(arguments: [
        (250.6, "250.60"), (1200, "1200.00"), (0, "0.00"), (0.1 + 0.2, "0.30"), (1_234_567.891, "1234567.89"),
        (-3.5, "-3.50"), (0.005, "0.01"), (2.675, "2.68"), (89.5 * 2.80, "250.60"),
    ])
    func money(amount: Double, expected: String) {
        #expect(Money.format(amount) == expected)
    }

    @Test func moneySumsInCents() {
        #expect(Money.sum([0.1, 0.2, 0.3]) == 0.6)
        #expect(Money.format(cents: 5) == "0.05")
        let unit = Unit(
            id: "1-1-101", area: 50,
            bills: [
                Bill(period: "2026-09", item: "water", amount: 0.1, paid: false),
                Bill(period: "2026-10", item: "water", amount: 0.2, paid: false),
                Bill(period: "2026-10", item: "property", amount: 140, paid: true),
            ])
        #expect(unit.arrearsCents == 30)
        #expect(unit.unpaidBills.map(\.period) == ["2026-09", "2026-10"])
        #expect(unit.periods == ["2026-10", "2026-09"])
    }

    /// SPEC 2.2: an office extends its estate file with its own keys; they load, and `lint` shows them as
    /// warnings. A missing time zone is the office's own (Asia/Shanghai), with a warning.
    @Test(arguments: [
        (
            #""rates":{"property_per_m2":2.80}"#, #""rates":{"property_per_m2":2.80,"water_per_ton":3.5}"#,
            [#"e.json: rates.water_per_ton: unknown key "water_per_ton""#]
        ),
        (
            #""rates":{"property_per_m2":2.80}"#, #""rates":{"property_per_m2":2.80},"colour":"red""#,
            [#"e.json: colour: unknown key "colour""#]
        ),
        (#""office":{"#, #""office":{"fax":"1","#, [#"e.json: office.fax: unknown key "fax""#]),
        (
            #""timezone":"Asia/Shanghai","#, "",
            [#"e.json: timezone: missing, using the office's time zone "Asia/Shanghai""#]
        ),
    ])
    func warnings(old: String, new: String, expected: [String]) throws {
        let text = Self.good.replacingOccurrences(of: old, with: new)
        #expect(text != Self.good)
        let estate = try Estate.parse(text.utf8, file: "e.json")
        #expect(estate.warnings.map(\.description) == expected)
        #expect(estate.utcOffset == 28_800)
        #expect(try Estate.parse(Self.good.utf8, file: "e.json").warnings.isEmpty)
    }
}
