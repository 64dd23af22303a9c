import FrontDeskModel

/// Writes a `TranscriptEvent` as one transcript line, byte for byte what
/// `event.json.serialized` gives, but straight into a byte buffer: no `JSON` tree, no member
/// array, no number strings per event. Two events are written per turn, so this is most of what
/// transcripts cost; tests compare it with `TranscriptEvent.json.serialized` on hostile text.
package enum TranscriptLineEncoder {
    /// Appends the event's compact JSON (without the newline) to `out`.
    package static func write(_ event: TranscriptEvent, to out: inout [UInt8]) {
        out.append(contentsOf: #"{"time":"#.utf8)
        FastJSONWriter.writeString(event.time, to: &out)
        out.append(contentsOf: #","session":"#.utf8)
        FastJSONWriter.writeString(event.session, to: &out)
        out.append(contentsOf: #","seq":"#.utf8)
        writeInteger(event.seq, to: &out)
        out.append(contentsOf: #","channel":"#.utf8)
        FastJSONWriter.writeString(event.channel, to: &out)
        out.append(contentsOf: #","peer":"#.utf8)
        FastJSONWriter.writeString(event.peer, to: &out)
        out.append(contentsOf: event.role == .bot ? #","role":"bot","text":"#.utf8 : #","role":"resident","text":"#.utf8)
        FastJSONWriter.writeString(event.text, to: &out)
        out.append(contentsOf: #","intent":"#.utf8)
        writeOptional(event.intent, to: &out)
        if let confidence = event.confidence {
            out.append(contentsOf: #","confidence":"#.utf8)
            JSON.writeNumber((confidence * 1000).rounded() / 1000, to: &out)
        }
        if let language = event.language {
            out.append(contentsOf: #","lang":"#.utf8)
            FastJSONWriter.writeString(language, to: &out)
        }
        if event.role == .bot {
            out.append(contentsOf: #","awaiting":"#.utf8)
            writeOptional(event.awaiting, to: &out)
        }
        out.append(contentsOf: #","slots":"#.utf8)
        if event.slots.count == 0 {
            out.append(contentsOf: "{}".utf8)
        } else {
            FastJSONWriter.write(.object(event.slots), to: &out)
        }
        out.append(contentsOf: #","record":"#.utf8)
        if let record = event.record {
            FastJSONWriter.write(record.json, to: &out)
        } else {
            out.append(contentsOf: "null".utf8)
        }
        if !event.choices.isEmpty {
            out.append(contentsOf: #","choices":["#.utf8)
            for (index, choice) in event.choices.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                FastJSONWriter.writeString(choice, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "}"))
    }

    private static func writeOptional(_ value: String?, to out: inout [UInt8]) {
        if let value {
            FastJSONWriter.writeString(value, to: &out)
        } else {
            out.append(contentsOf: "null".utf8)
        }
    }

    /// Decimal digits, as `JSON.writeNumber(Double(value))` writes a whole number below 1e15.
    private static func writeInteger(_ value: Int, to out: inout [UInt8]) {
        guard value >= 0, value < 1_000_000_000_000_000 else {
            JSON.writeNumber(Double(value), to: &out)
            return
        }
        if value < 10 {
            out.append(UInt8(truncatingIfNeeded: 48 + value))
            return
        }
        var digits: (UInt64, UInt64) = (0, 0)  // up to 16 digits, written backwards
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { raw in
            while rest > 0 {
                raw[15 - count] = UInt8(truncatingIfNeeded: 48 + rest % 10)
                rest /= 10
                count += 1
            }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[(16 - count)..<16]))
        }
    }
}
