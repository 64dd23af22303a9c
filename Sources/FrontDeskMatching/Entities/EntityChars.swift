/// Which characters the recognizers read, as bit sets over the CJK range, for two shortcuts:
/// a message with no trigger at all has no entities (`EntityPrescan`), and a run of characters that no
/// recognizer reads becomes one placeholder token (`EntityTokenizer`), which reads the same to every recognizer.
enum EntityChars {
    /// The bit sets cover U+3000 to U+9FFF; everything else is looked at by value.
    static let base: UInt32 = 0x3000
    static let limit: UInt32 = 0xA000

    /// Every non-ASCII character some recognizer compares against (every literal in `Entities/`, the cue
    /// characters of `EntityCues.of`) and every Chinese numeral.
    /// Keep in step with the recognizers: a character missing here is read as "some other character".
    static let readChars =
        "\u{3000}、〇一七万三上下两个中九二五人今位修傅傍元八六凌分刻十千午半单口号名后员周四夜大天室层工师幢年幺床库座房拜施日早时明星晚晨月期本机柜栋桩楼点百码礼窗箱线装车这里钟铺门间院零"

    /// The characters at least one of which every entity without ASCII letters or digits contains
    /// (午 of 上午, 号 of 3号楼, 天 of 后天, 人/师/员 of every worker noun, 点 of 3点, …).
    static let triggerChars = "人凌午号员周夜天师幢座日早时星晚月栋楼点礼"

    static let read: [UInt64] = bits(readChars)
    static let trigger: [UInt64] = bits(triggerChars)

    private static func bits(_ text: String) -> [UInt64] {
        var words = [UInt64](repeating: 0, count: Int(limit - base) / 64)
        for scalar in text.unicodeScalars {
            let v = scalar.value - base
            words[Int(v >> 6)] |= 1 << UInt64(v & 63)
        }
        return words
    }

    /// Whether a non-ASCII scalar is one that some recognizer reads (or white space, or a full-width comma),
    /// `read` being `EntityChars.read`.
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
    static func mayHaveEntities(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        EntityChars.trigger.withUnsafeBufferPointer { trigger in
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
