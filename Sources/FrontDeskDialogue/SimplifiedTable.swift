import FrontDeskModel

/// The Traditional → Simplified pairs (`HanConversion.pairs`) as one array over the Basic Multilingual Plane, for
/// `Engine.simplifiedShadow` on plain text: a read is an array subscript, not a dictionary look-up, and the shadow is
/// written as bytes. Built once per engine.
struct SimplifiedTable: Sendable {
    /// By scalar value: 0 for a character that stays as it is, `fallback` for one whose Simplified form is not a
    /// three-byte character (the shadow is then made the general way), else the Simplified form.
    private let values: [UInt16]
    /// Whether an ASCII or two-byte character has a pair: then no plain text is shadowed from the table.
    private let narrowPairs: Bool
    private static let fallback: UInt16 = 1

    init(_ pairs: [UInt32: UInt32]) {
        var values = [UInt16](repeating: 0, count: 0x10000)
        var narrow = false
        for (from, to) in pairs where from < 0x10000 {
            if from < 0x800 { narrow = true }
            // `simplifiedShadow` keeps a character whose pair is no scalar (a surrogate value) as it is.
            guard Unicode.Scalar(to) != nil else { continue }
            values[Int(from)] = (0x800...0xFFFF).contains(to) ? UInt16(to) : SimplifiedTable.fallback
        }
        self.values = values
        narrowPairs = narrow
    }

    /// `Engine.simplifiedShadow` of plain text (`Han.isPlain`): A–Z and Ａ–Ｚ lower-cased, each character then replaced by
    /// its Simplified form; `nil` when `bytes` are not plain text or a form is not a three-byte character.
    func plainShadow(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard !narrowPairs, Han.isPlain(bytes) else { return nil }
        return values.withUnsafeBufferPointer { table -> String? in
            var fallback = false
            // Plain text's characters are one byte (ASCII) or three; every form written is three bytes too.
            let shadow = String(unsafeUninitializedCapacity: bytes.count) { out in
                var index = 0
                while index < bytes.count {
                    let lead = bytes[index]
                    if lead < 0x80 {
                        out[index] = lead >= 0x41 && lead <= 0x5A ? lead + 0x20 : lead
                        index += 1
                        continue
                    }
                    var value =
                        (UInt32(lead & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6)
                        | UInt32(bytes[index + 2] & 0x3F)
                    if (0xFF21...0xFF3A).contains(value) { value += 0x20 }
                    let mapped = table[Int(value)]
                    if mapped == SimplifiedTable.fallback {
                        fallback = true
                        return 0
                    }
                    if mapped != 0 { value = UInt32(mapped) }
                    out[index] = 0xE0 | UInt8(value >> 12)
                    out[index + 1] = 0x80 | UInt8((value >> 6) & 0x3F)
                    out[index + 2] = 0x80 | UInt8(value & 0x3F)
                    index += 3
                }
                return bytes.count
            }
            return fallback ? nil : shadow
        }
    }
}
