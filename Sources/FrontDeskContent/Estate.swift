public import FrontDeskModel

/// The estate file (SPEC 2.2): name, time zone, office, rates, decoration rules, units with residents
/// and bills. Immutable once loaded; `Estate.load(path:)` validates everything first.
public struct Estate: Sendable {
    /// The newest `version` of the estate file this build understands.
    public static let supportedVersion = 1

    /// The format version the file declared (1 when it declared none).
    public var version: Int
    /// The estate's name, e.g. `翠湖花园`.
    public var name: String
    /// IANA name, e.g. `Asia/Shanghai`.
    public var timezone: String
    /// Seconds east of UTC for `timezone` (28800 for Asia/Shanghai).
    public var utcOffset: Int
    /// The management office (客服中心).
    public var office: Office
    /// Fee rates.
    public var rates: Rates
    /// Decoration (装修) rules; defaults where the file gives none.
    public var decoration: DecorationRules
    /// The gas company's emergency number, given in gas emergencies.
    public var gasCompanyPhone: String
    /// Units by canonical ID (`3-2-501`).
    public var units: [String: Unit]
    /// What loading noticed but did not refuse (SPEC 2.2): keys this build does not read (an office's own
    /// extensions such as `rates.water_per_ton`), a missing time zone taken as the office's default.
    public var warnings: [Diagnostic] = []

    /// An estate built in code (tests, tools); files go through `load(path:)`.
    public init(
        version: Int = Estate.supportedVersion, name: String = "", timezone: String = "Asia/Shanghai",
        utcOffset: Int = 28_800, office: Office = Office(), rates: Rates = Rates(),
        decoration: DecorationRules = DecorationRules(), gasCompanyPhone: String = Estate.defaultGasCompanyPhone,
        units: [String: Unit] = [:]
    ) {
        self.version = version
        self.name = name
        self.timezone = timezone
        self.utcOffset = utcOffset
        self.office = office
        self.rates = rates
        self.decoration = decoration
        self.gasCompanyPhone = gasCompanyPhone
        self.units = units
    }

    /// The gas emergency number used when the file names none.
    public static let defaultGasCompanyPhone = "96777"

    /// The unit with canonical ID `id` (`3-2-501`), if the estate has it.
    public func unit(_ id: String) -> Unit? { units[id] }

    /// Whether the estate has a unit with canonical ID `id`.
    public func hasUnit(_ id: String) -> Bool { units[id] != nil }

    /// Every unit ID, in building, unit, room order.
    public var sortedUnitIDs: [String] {
        units.values.sorted { ($0.building, $0.entrance, $0.room) < ($1.building, $1.entrance, $1.room) }.map(\.id)
    }
}

/// The management office.
public struct Office: Sendable, Equatable {
    /// The desk's phone, e.g. `0571-88886666`.
    public var phone: String
    /// Opening hours, `08:30-17:30`.
    public var hours: String
    /// The 24-hour emergency line.
    public var emergencyPhone: String
    /// Where the office is, if given.
    public var address: String?

    /// An office; the defaults are only placeholders for estates built in code.
    public init(phone: String = "", hours: String = "08:30-17:30", emergencyPhone: String = "", address: String? = nil)
    {
        self.phone = phone
        self.hours = hours
        self.emergencyPhone = emergencyPhone
        self.address = address
    }
}

/// Fee rates.
public struct Rates: Sendable, Equatable {
    /// Property management fee per m² per month (物业管理费).
    public var propertyPerM2: Double

    /// Rates.
    public init(propertyPerM2: Double = 0) { self.propertyPerM2 = propertyPerM2 }
}

/// Decoration (装修) rules: what a permit application is told.
public struct DecorationRules: Sendable, Equatable {
    /// The deposit held until the final inspection.
    public var deposit: Double
    /// Permitted working hours, `08:00-12:00, 14:00-18:00`.
    public var workingHours: String
    /// Hours for noisy work (drilling, cutting), when stricter than `workingHours`.
    public var noisyWorkHours: String?
    /// The longest permitted works, in days.
    public var maxDurationDays: Int
    /// The most workers on site at once.
    public var maxWorkers: Int
    /// The documents to bring to the office, as the estate file names them; empty when it names
    /// none, and the reply then says the office's usual list (the phrase `decoration.documents`).
    public var documents: [String]

    /// Rules; every argument defaults to the office's usual rule.
    public init(
        deposit: Double = 3000, workingHours: String = "08:00-12:00, 14:00-18:00", noisyWorkHours: String? = nil,
        maxDurationDays: Int = 90, maxWorkers: Int = 10, documents: [String] = []
    ) {
        self.deposit = deposit
        self.workingHours = workingHours
        self.noisyWorkHours = noisyWorkHours
        self.maxDurationDays = maxDurationDays
        self.maxWorkers = maxWorkers
        self.documents = documents
    }
}
