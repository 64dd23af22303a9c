import Foundation
public import FrontDeskContent
public import FrontDeskModel

/// Per-character normalization tables, built once: compatibility forms (NFKC), full-width →
/// half-width, case folding and Traditional → Simplified, so a message is normalized with one
/// table lookup per character and no ICU call.
///
/// Limits: characters are mapped one at a time, so combining sequences are not composed, and
/// compatibility expansions longer than twice the character's UTF-8 length are left as they are.
public struct Normalizer: Sendable {
    /// Entry for each BMP scalar: the mapped scalar in the low 21 bits, or an expansion index
    /// with `expansionFlag`; `traditionalFlag` when the character marks Traditional writing.
    let table: [UInt32]
    /// Expansion `i` is `expansionScalars[expansionStarts[i]..<expansionStarts[i + 1]]`.
    let expansionStarts: [Int32]
    let expansionScalars: [UInt32]

    static let expansionFlag: UInt32 = 1 << 31
    static let traditionalFlag: UInt32 = 1 << 30
    static let valueMask: UInt32 = (1 << 24) - 1

    /// Ranges whose characters may change under NFKC or case folding (besides ASCII).
    static let compatibilityRanges: [ClosedRange<UInt32>] = [
        0x00A0...0x052F, 0x1E00...0x1FFF, 0x2000...0x2BFF, 0x2E80...0x2FDF, 0x3000...0x30FF, 0x3130...0x318F,
        0x3200...0x33FF, 0xF900...0xFAFF, 0xFB00...0xFB4F, 0xFE10...0xFE6F, 0xFF00...0xFFEF,
    ]

    /// Builds the tables from the catalog's Traditional → Simplified pairs and marker characters.
    public init(han: HanConversion, traditionalMarkers: [String] = []) {
        var table = [UInt32](unsafeUninitializedCapacity: 65_536) { buffer, count in
            for i in 0..<65_536 { buffer[i] = UInt32(i) }
            count = 65_536
        }
        for value in UInt32(65)...UInt32(90) { table[Int(value)] = value + 32 }
        var starts: [Int32] = [0]
        var scalars: [UInt32] = []
        // One Foundation call for every compatibility character: NFKC, then lower case.
        var source = String.UnicodeScalarView()
        var originals: [UInt32] = []
        for range in Self.compatibilityRanges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                source.append(scalar)
                source.append("\u{0}")
                originals.append(value)
            }
        }
        let mapped = String(source).precomposedStringWithCompatibilityMapping.lowercased()
        let parts = mapped.unicodeScalars.split(separator: "\u{0}", omittingEmptySubsequences: false)
        if parts.count >= originals.count {
            for (original, part) in zip(originals, parts) {
                let values = part.map { han.pairs[$0.value] ?? $0.value }
                if values.count == 1 {
                    table[Int(original)] = values[0]
                } else if values.count <= 2 * Unicode.Scalar(original)!.utf8.count {
                    table[Int(original)] = Self.expansionFlag | UInt32(starts.count - 1)
                    scalars += values
                    starts.append(Int32(scalars.count))
                }
            }
        }
        for (traditional, simple) in han.pairs where traditional < 65_536 {
            table[Int(traditional)] = simple | Self.traditionalFlag
        }
        for marker in traditionalMarkers {
            for scalar in marker.unicodeScalars where scalar.value < 65_536 {
                table[Int(scalar.value)] |= Self.traditionalFlag
            }
        }
        self.table = table
        self.expansionStarts = starts
        self.expansionScalars = scalars
    }

    /// The normalized text and the language it was written in.
    public func normalize(_ text: String) -> (text: String, language: Language) {
        var output = String.UnicodeScalarView()
        var traditional = false
        var han = 0
        for scalar in text.unicodeScalars {
            forEachMapped(scalar.value) { value, isTraditional in
                traditional = traditional || isTraditional
                if Self.isHan(value) { han += 1 }
                output.append(Unicode.Scalar(value) ?? scalar)
            }
        }
        let words = han > 0 && han <= Self.nameLength ? Self.englishWordCount(output.lazy.map(\.value)) : 0
        return (String(output), Self.language(han: han, englishWords: words, traditional: traditional))
    }

    /// The most Han characters an English message may hold and stay English: a name or a place ("The owner is 吕玉兰").
    public static let nameLength = 4

    /// The language a message is written in: English without Han characters, or with at most `nameLength` of them
    /// among at least four English words and twice as many words as characters; Chinese otherwise, Traditional when a
    /// character marks it.
    static func language(han: Int, englishWords: Int, traditional: Bool) -> Language {
        if han == 0 || (han <= nameLength && englishWords >= 4 && englishWords >= 2 * han) { return .en }
        return traditional ? .zhHant : .zhHans
    }

    /// The English words among `scalars`: runs of ASCII letters, of at least `minimumLetters`, and with `lowercase`
    /// only those with a lower-case letter (not "OK", "B3" or the `REP` of a record ID). The one word counter: the
    /// matcher's language decision counts every run; the dialogue's script checks ask for 2 or 3 letters, lower case.
    public static func englishWordCount<S: Sequence>(_ scalars: S, minimumLetters: Int = 1, lowercase: Bool = false)
        -> Int where S.Element == UInt32
    {
        var words = 0
        var run = 0
        var sawLower = false
        for v in scalars {
            let isLower = v >= 0x61 && v <= 0x7A
            if isLower || (v >= 0x41 && v <= 0x5A) {
                run += 1
                sawLower = sawLower || isLower
                continue
            }
            if run >= minimumLetters, sawLower || !lowercase { words += 1 }
            run = 0
            sawLower = false
        }
        if run >= minimumLetters, sawLower || !lowercase { words += 1 }
        return words
    }

    /// `englishWordCount` of the scalars of `text`.
    public static func englishWordCount(in text: String, minimumLetters: Int = 1, lowercase: Bool = false) -> Int {
        englishWordCount(text.unicodeScalars.lazy.map(\.value), minimumLetters: minimumLetters, lowercase: lowercase)
    }

    /// Calls `body` with each normalized scalar of `value` and whether it marks Traditional writing.
    @inline(__always)
    func forEachMapped(_ value: UInt32, _ body: (UInt32, Bool) -> Void) {
        guard value < 65_536 else {
            body(value, false)
            return
        }
        let entry = table[Int(value)]
        let isTraditional = entry & Self.traditionalFlag != 0
        if entry & Self.expansionFlag == 0 {
            body(entry & Self.valueMask, isTraditional)
        } else {
            let index = Int(entry & Self.valueMask)
            for i in Int(expansionStarts[index])..<Int(expansionStarts[index + 1]) {
                body(expansionScalars[i], isTraditional)
            }
        }
    }

    /// Whether `value` is a CJK ideograph (the test for "written in Chinese"): `Han.isIdeograph`.
    @inline(__always)
    static func isHan(_ value: UInt32) -> Bool { Han.isIdeograph(value) }

    /// Whether `value` is `[a-z0-9]` (after normalization), for ASCII word boundaries.
    @inline(__always)
    static func isWordCharacter(_ value: UInt32) -> Bool {
        (0x61...0x7A).contains(value) || (0x30...0x39).contains(value)
    }

    /// Whether `value` ends a clause (punctuation or a line break), which stops negation.
    @inline(__always)
    static func isClauseBreak(_ value: UInt32) -> Bool {
        switch value {
        case 0x2C, 0x2E, 0x21, 0x3F, 0x3B, 0x3A, 0x0A, 0x0D, 0x3001, 0x3002, 0x2014, 0x2026, 0x7E, 0x2D: true
        default: false
        }
    }
}
