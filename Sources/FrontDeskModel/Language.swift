/// The language and script a resident writes in, and the bot answers in.
public enum Language: String, Sendable, CaseIterable, Hashable {
    /// Simplified Chinese.
    case zhHans = "zh-Hans"
    /// Traditional Chinese (Hong Kong / Taiwan wording where it differs).
    case zhHant = "zh-Hant"
    /// English.
    case en

    /// Whether this is one of the Chinese scripts.
    public var isChinese: Bool { self != .en }
}

/// Where a session's turns come from.
public enum Channel: String, Sendable, Hashable {
    case stdio
    case tcp
    /// Scripted dialogues run by `frontdesk test`, and `replay --check`.
    case test
}

/// A problem found in a data file, located as precisely as we can.
///
/// Printed as `file: key path: message`, e.g.
/// `intents/repair.json: keywords[3].weight: expected a number, got a string`.
public struct Diagnostic: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The data file's path as given to the loader (`intents/repair.json`).
    public var file: String
    /// A key path such as `keywords[3].weight`, or `line 4, column 9` for a syntax error.
    public var path: String
    /// What is wrong, e.g. `expected a number, got a string`.
    public var message: String

    /// A diagnostic; `path` may be empty when the whole file is at fault.
    public init(file: String, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    /// `file: path: message`, or `file: message` when there is no path.
    public var description: String { path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)" }
}

/// The one test for "is this character Han?" (the matcher's language decision, the learned layer's
/// character runs, the reports' bigrams and labels): one function, one range set.
public enum Han {
    /// Whether `value` is a CJK ideograph: the Unified Ideographs block, Extension A, the Compatibility
    /// Ideographs, and the supplementary ideographic planes (Extensions B and later).
    @inlinable @inline(__always)
    public static func isIdeograph(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0x20000...0x2FFFF).contains(value)
    }

    /// Whether UTF-8 `bytes` are plain text: ASCII (but CR, which pairs with LF) and three-byte scalars that are
    /// `isPlainWide`. Such text never combines or decomposes: canonical equivalence is byte equality and every
    /// character is one scalar.
    public static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            // Eight ASCII bytes at a time: no high bit set and no byte equal to CR (0x0D).
            if index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let crs = word ^ 0x0D0D_0D0D_0D0D_0D0D
                let hasCR = (crs &- 0x0101_0101_0101_0101) & ~crs & 0x8080_8080_8080_8080
                if word & 0x8080_8080_8080_8080 == 0 && hasCR == 0 {
                    index += 8
                    continue
                }
            }
            let lead = base[index]
            if lead < 0x80 {
                if lead == 0x0D { return false }
                index += 1
                continue
            }
            guard lead >= 0xE0, lead < 0xF0, index + 2 < count else { return false }
            // Lead bytes E5–E9 begin U+5000–U+9FFF, CJK ideographs all (when the continuation bytes are such).
            if lead >= 0xE5, lead <= 0xE9, base[index + 1] & 0xC0 == 0x80, base[index + 2] & 0xC0 == 0x80 {
                index += 3
                continue
            }
            let scalar =
                (UInt32(lead & 0x0F) << 12) | (UInt32(base[index + 1] & 0x3F) << 6) | UInt32(base[index + 2] & 0x3F)
            guard isPlainWide(scalar) else { return false }
            index += 3
        }
        return true
    }

    /// Whether a three-byte UTF-8 scalar is "plain" for byte search: the CJK Unified Ideographs and the CJK,
    /// general and full-width punctuation and forms whose lower-casing and case folding change nothing, so that
    /// equal bytes mean equal text (the dialogue's byte search and the forbidden-word check).
    @inlinable @inline(__always)
    public static func isPlainWide(_ scalar: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(scalar) || (0x3000...0x3029).contains(scalar)
            || (0x3030...0x303F).contains(scalar) || (0x2010...0x2027).contains(scalar)
            || (0x2030...0x205E).contains(scalar) || (0xFF01...0xFF9D).contains(scalar)
            || (0xFFA0...0xFFEF).contains(scalar)
    }
}
