import FrontDeskModel

// OWNER: dialogue helper. Stub with the agreed signature; see docs/ARCHITECTURE.md.

/// The estate file (SPEC 2.2): name, office, units with residents and bills.
public struct Estate: Sendable {
    public var name: String = ""
    /// IANA name, e.g. `Asia/Shanghai`.
    public var timezone: String = "Asia/Shanghai"
    /// Seconds east of UTC for `timezone` (28800 for Asia/Shanghai).
    public var utcOffset: Int = 28_800

    /// Loads and validates an estate file.
    ///
    /// - Throws: `ContentError` with every mistake found.
    public static func load(path: String) throws(ContentError) -> Estate { Estate() }
}
