/// Which characters the recognizers read, as bit sets over the CJK range (`EntityLexicon.read` and
/// `.trigger`, compiled from `intents/entities.json`), for two shortcuts: a message with no trigger at
/// all has no entities (`EntityPrescan`), and a run of characters that no recognizer reads becomes one
/// placeholder token (`EntityTokenizer`), which reads the same to every recognizer.
enum EntityChars {
    /// The bit sets cover U+3000 to U+9FFF; everything else is looked at by value.
    static let base: UInt32 = EntityLexicon.base
    static let limit: UInt32 = EntityLexicon.limit

    /// Whether a non-ASCII scalar is one that some recognizer reads (or white space, or a full-width comma),
    /// `read` being `EntityLexicon.read`.
    @inline(__always)
    static func isRead(_ v: UInt32, in read: UnsafeBufferPointer<UInt64>) -> Bool {
        let d = v &- base
        if d < limit - base { return read[Int(d >> 6)] & (1 << UInt64(d & 63)) != 0 }
        return v == 0xA0 || v == 0xFF0C
    }
}

/// The shortcut for most messages: no ASCII digit or letter, no `#` or `/`, and no trigger character.
enum EntityPrescan {
    /// ASCII digits, letters, `#` and `/` (bits 0–63 and 64–127).
    private static let asciiLow: UInt64 = 0x03FF_8000_0000_0000 | 1 << 0x23 | 1 << 0x2F
    private static let asciiHigh: UInt64 = 0x07FF_FFFE_07FF_FFFE

    /// Whether `bytes` (valid UTF-8) may hold an entity; false only when it certainly holds none.
    /// `trigger` is `EntityLexicon.trigger`.
    static func mayHaveEntities(_ bytes: UnsafeBufferPointer<UInt8>, trigger triggerBits: [UInt64]) -> Bool {
        triggerBits.withUnsafeBufferPointer { trigger in
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    let hit = b < 64 ? asciiLow >> UInt64(b) : asciiHigh >> UInt64(b - 64)
                    if hit & 1 != 0 { return true }
                    i += 1
                } else if b < 0xE0 {
                    i += 2
                } else if b < 0xF0 {
                    if i + 2 < n {
                        let v = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                        let d = v &- EntityChars.base
                        if d < EntityChars.limit - EntityChars.base, trigger[Int(d >> 6)] & (1 << UInt64(d & 63)) != 0 {
                            return true
                        }
                    }
                    i += 3
                } else {
                    i += 4
                }
            }
            return false
        }
    }
}
