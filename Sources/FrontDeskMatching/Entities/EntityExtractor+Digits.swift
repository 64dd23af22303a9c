import Foundation
import FrontDeskModel

/// Bare numbers and phone tails, read where a slot answer has no entity the extractor recognizes ("30", "5678",
/// "尾号5678"): the digit runs of a message, in order. These readers live beside the extractor so that one place in the
/// matcher reads digits; the dialogue calls them, and keeps no digit parser of its own.
extension EntityExtractor {
    /// The runs of ASCII digits in `text`, in order.
    public static func digitRuns(_ text: String) -> [String] {
        var runs: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if let value = plainDigit(scalar) {
                current.unicodeScalars.append(Unicode.Scalar(UInt8(0x30 + value)))  // full-width digits (５６７８) too
            } else if !current.isEmpty {
                runs.append(current)
                current = ""
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// The first whole number in `text` (at most 6 digits).
    public static func firstInteger(_ text: String) -> Int? {
        digitRuns(text).first.flatMap { $0.count <= 6 ? Int($0) : nil }
    }

    /// The 4 digits of a phone tail: a run of exactly 4, or the last 4 of a whole phone number
    /// ("尾号5678", "last four 5678", "ending in 5678", "13812345678").
    /// `excluding` is the room of a flat named in the same message, which is not a tail.
    public static func phoneTail(_ text: String, excluding room: String? = nil) -> String? {
        let runs = digitRuns(text).filter { $0 != room }
        if let four = runs.last(where: { $0.count == 4 }) { return four }
        if runs.count == 1, let long = runs.first, long.count >= 8 { return String(long.suffix(4)) }
        // Read out as it is said: one digit at a time with spaces ("1 5 3 5", "尾號 7 5 7 0") or in words ("五六七八").
        return spelledRuns(text).last { $0.count == 4 && $0 != room }
    }

    /// The digit strings of `text` written one digit at a time: single digits (ASCII, full-width, or the Chinese
    /// digit words 〇/零 to 九 and the phone-reading 幺) joined by nothing or by one space or dash. "1 5 3 5" → "1535",
    /// "五六七八" → "5678"; a number of two or more digits is no part of a reading ("501 7" gives "7").
    public static func spelledRuns(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var runs: [String] = []
        var current = ""
        var separated = false
        func close() {
            if !current.isEmpty { runs.append(current) }
            current = ""
            separated = false
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if let value = plainDigit(scalar) {
                var end = index + 1
                while end < scalars.count, plainDigit(scalars[end]) != nil { end += 1 }
                if end - index == 1 {
                    current.unicodeScalars.append(Unicode.Scalar(UInt8(0x30 + value)))
                    separated = false
                } else {
                    close()
                }
                index = end
                continue
            }
            if let value = digitWord(scalar) {
                current.unicodeScalars.append(Unicode.Scalar(UInt8(0x30 + value)))
                separated = false
            } else if scalar == " " || scalar == "-" || scalar == "\u{3000}", !current.isEmpty, !separated {
                separated = true
            } else {
                close()
            }
            index += 1
        }
        close()
        return runs
    }

    /// The value of an ASCII or full-width digit.
    @inline(__always)
    private static func plainDigit(_ scalar: Unicode.Scalar) -> UInt32? {
        let v = scalar.value
        if v >= 0x30, v <= 0x39 { return v - 0x30 }
        if v >= 0xFF10, v <= 0xFF19 { return v - 0xFF10 }
        return nil
    }

    /// 〇/零 一 二 三 四 五 六 七 八 九, and 幺 (one, as phone numbers are read aloud).
    private static func digitWord(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar.value {
        case 0x3007, 0x96F6: 0
        case 0x4E00, 0x5E7A: 1
        case 0x4E8C: 2
        case 0x4E09: 3
        case 0x56DB: 4
        case 0x4E94: 5
        case 0x516D: 6
        case 0x4E03: 7
        case 0x516B: 8
        case 0x4E5D: 9
        default: nil
        }
    }


    /// The digit runs of `text` without those of a number written in groups ("136 6627 4803", "0571-8888-6666"):
    /// runs joined only by spaces or dashes that hold seven digits or more in all are a phone, not a block or a room.
    public static func runsOutsidePhones(_ text: String) -> [String] {
        var kept: [String] = []
        var group: [String] = []
        var current = ""
        var joiner = false
        func closeGroup() {
            if group.count >= 2, group.joined().count >= 7 { group = [] }
            kept += group
            group = []
        }
        func digit(_ value: UInt32) {
            current.unicodeScalars.append(Unicode.Scalar(UInt8(truncatingIfNeeded: 0x30 + value)))
            joiner = false
        }
        func other(separator: Bool) {
            if !current.isEmpty {
                group.append(current)
                current = ""
            }
            if separator {
                if joiner { closeGroup() }  // two separators in a row end the group
                joiner = true
            } else {
                closeGroup()
                joiner = false
            }
        }
        var bytes = text
        if bytes.withUTF8(Han.isPlain) {
            // Every character is one scalar: its digits are ASCII's and the full-width ones.
            for scalar in text.unicodeScalars {
                let v = scalar.value
                if v >= 0x30, v <= 0x39 {
                    digit(v - 0x30)
                } else if v >= 0xFF10, v <= 0xFF19 {
                    digit(v - 0xFF10)
                } else {
                    other(separator: v == 0x20 || v == 0x2D)
                }
            }
        } else {
            for character in text {
                if let value = character.wholeNumberValue,
                    character.isASCII || character.unicodeScalars.first!.value >= 0xFF10
                {
                    current += String(value)  // a numeral beyond 9 ("𝟏" is 1, some are 10 or more) as its number
                    joiner = false
                } else {
                    other(separator: character == " " || character == "-")
                }
            }
        }
        if !current.isEmpty { group.append(current) }
        closeGroup()
        return kept
    }
}
