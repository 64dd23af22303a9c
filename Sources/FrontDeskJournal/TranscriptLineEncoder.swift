package import FrontDeskModel

/// Writes a `TranscriptEvent` as one transcript line, byte for byte what
/// `event.json.serialized` gives, but straight into a byte buffer: no `JSON` tree, no member
/// array, no number strings per event. Two events are written per turn, so this is most of what
/// transcripts cost; tests compare it with `TranscriptEvent.json.serialized` on hostile text.
package enum TranscriptLineEncoder {
    /// Appends the event's compact JSON (without the newline) to `out`.
    package static func write(_ event: TranscriptEvent, to out: inout [UInt8]) {
        let buffer = LineBuffer(capacity: 512)
        write(event, to: buffer)
        out.append(contentsOf: buffer.bytes)
    }

    /// Appends the event's compact JSON (without the newline) to `out`.
    ///
    /// The string fields go through a raw cursor over room reserved in one step (each string takes
    /// at most 6 bytes per byte escaped, plus its quotes), so a field costs a `memcpy`, not a dozen
    /// array appends; slots of strings too. An out-of-range confidence, other slots, a record and
    /// choices (rare) go through `JSON.write(to:)`.
    package static func write(_ event: TranscriptEvent, to out: LineBuffer) {
        var head = Head()
        write(event, to: out, head: &head)
    }

    /// The identity part of the last line written with a `Head` (its time, session, channel and peer), and where its
    /// bytes are: a line of the same four is begun by copying them instead of escaping the strings again (the two
    /// events of a turn share all four).
    package struct Head {
        var time = ""
        var session = ""
        var channel = ""
        var peer = ""
        /// The line that holds them (it must not change until the next line is written); `nil`: no line yet.
        var line: LineBuffer?
        /// `{"time":…,"seq":` is `line[0..<seqStart]`, `,"channel":…,"peer":…` is `line[middle]`.
        var seqStart = 0
        var middle = 0..<0

        package init() {}

        func matches(_ event: TranscriptEvent) -> Bool {
            line != nil && event.session == session && event.time == time && event.peer == peer
                && event.channel == channel
        }
    }

    /// Appends the event's compact JSON (without the newline) to `out`, which must be empty, reusing the identity
    /// bytes of the line `head` describes when they are the same (in another buffer), and makes `head` describe
    /// this line.
    package static func write(_ event: TranscriptEvent, to out: LineBuffer, head: inout Head) {
        if event.handoff != nil || event.operatorName != nil || event.role == .operator {  // rare: SPEC 8.3
            out.scratch.removeAll(keepingCapacity: true)
            event.json.write(to: &out.scratch)
            out.append(out.scratch)
            return
        }
        var strings = 0
        strings += event.time.utf8.count + event.session.utf8.count + event.channel.utf8.count
        strings += event.peer.utf8.count + event.text.utf8.count + (event.intent?.utf8.count ?? 0)
        strings += (event.language?.utf8.count ?? 0) + (event.awaiting?.utf8.count ?? 0)
        // Slots of plain strings (all of them, in practice) are written by the cursor too.
        var slotsPlain = true
        for member in event.slots.members {
            guard case .string(let value) = member.value else {
                slotsPlain = false
                break
            }
            strings += member.key.utf8.count + value.utf8.count + 3
        }
        let room = 6 * strings + 160
        let reuse = head.matches(event) && head.line !== out && out.count == 0
        let start = out.count
        withCursor(room: room, out: out) { cursor in
            if reuse, let previous = head.line {
                cursor.copy(previous, 0..<head.seqStart)
                head.seqStart = cursor.position
                cursor.integer(event.seq)
                let middleStart = cursor.position
                cursor.copy(previous, head.middle)
                head.middle = middleStart..<cursor.position
                head.line = out
            } else {
                cursor.literal(#"{"time":"#)
                cursor.string(event.time)
                cursor.literal(#","session":"#)
                cursor.string(event.session)
                cursor.literal(#","seq":"#)
                let seqStart = cursor.position
                cursor.integer(event.seq)
                let middleStart = cursor.position
                cursor.literal(#","channel":"#)
                cursor.string(event.channel)
                cursor.literal(#","peer":"#)
                cursor.string(event.peer)
                if start == 0 {
                    head.time = event.time
                    head.session = event.session
                    head.channel = event.channel
                    head.peer = event.peer
                    head.line = out
                    head.seqStart = seqStart
                    head.middle = middleStart..<cursor.position
                } else {
                    head.line = nil  // not at the start of its buffer: not reusable
                }
            }
            cursor.literal(event.role == .bot ? #","role":"bot","text":"# : #","role":"resident","text":"#)
            cursor.string(event.text)
            cursor.literal(#","intent":"#)
            cursor.optional(event.intent)
        }
        if let confidence = event.confidence, confidence >= 0, confidence <= 1 {
            withCursor(room: 32, out: out) { cursor in
                cursor.literal(#","confidence":"#)
                cursor.thousandths(Int((confidence * 1000).rounded()))
            }
        } else if let confidence = event.confidence {
            out.scratch.removeAll(keepingCapacity: true)
            out.scratch.append(contentsOf: #","confidence":"#.utf8)
            JSON.writeNumber((confidence * 1000).rounded() / 1000, to: &out.scratch)
            out.append(out.scratch)
        }
        withCursor(room: room, out: out) { cursor in
            if let language = event.language {
                cursor.literal(#","lang":"#)
                cursor.string(language)
            }
            if event.role == .bot {
                cursor.literal(#","awaiting":"#)
                cursor.optional(event.awaiting)
            }
            if slotsPlain {
                cursor.literal(#","slots":{"#)
                for (index, member) in event.slots.members.enumerated() {
                    if index > 0 { cursor.put(UInt8(ascii: ",")) }
                    cursor.string(member.key)
                    cursor.put(UInt8(ascii: ":"))
                    if case .string(let value) = member.value { cursor.string(value) }
                }
                cursor.put(UInt8(ascii: "}"))
                if event.record == nil {
                    cursor.literal(#","record":null"#)
                    if event.choices.isEmpty { cursor.put(UInt8(ascii: "}")) }
                }
            }
        }
        guard !slotsPlain || event.record != nil || !event.choices.isEmpty else { return }
        out.scratch.removeAll(keepingCapacity: true)
        if !slotsPlain {
            out.scratch.append(contentsOf: #","slots":"#.utf8)
            JSON.object(event.slots).write(to: &out.scratch)
        }
        if !slotsPlain || event.record != nil {  // else written above
            out.scratch.append(contentsOf: #","record":"#.utf8)
            (event.record?.json ?? .null).write(to: &out.scratch)
        }
        if !event.choices.isEmpty {
            out.scratch.append(contentsOf: #","choices":["#.utf8)
            for (index, choice) in event.choices.enumerated() {
                if index > 0 { out.scratch.append(UInt8(ascii: ",")) }
                JSON.writeString(choice, to: &out.scratch)
            }
            out.scratch.append(UInt8(ascii: "]"))
        }
        out.scratch.append(UInt8(ascii: "}"))
        out.append(out.scratch)
    }

    /// Reserves `room` bytes at the end of `out`, lets `body` write into them, keeps what it wrote.
    private static func withCursor(room: Int, out: LineBuffer, _ body: (inout Cursor) -> Void) {
        var cursor = Cursor(base: out.reserve(room))
        body(&cursor)
        precondition(cursor.position <= room, "transcript line larger than reserved")
        out.commit(cursor.position)
    }

    /// Writes into room already reserved (the caller sized it for the worst case).
    private struct Cursor: JSONByteSink {
        let base: UnsafeMutablePointer<UInt8>
        var position = 0

        init(base: UnsafeMutablePointer<UInt8>) { self.base = base }

        mutating func literal(_ text: StaticString) {
            (base + position).update(from: text.utf8Start, count: text.utf8CodeUnitCount)
            position += text.utf8CodeUnitCount
        }

        mutating func optional(_ value: String?) {
            if let value { string(value) } else { literal("null") }
        }

        /// Decimal digits, as `JSON.writeNumber(Double(value))` writes a whole number below 1e15.
        mutating func integer(_ value: Int) {
            guard value >= 0, value < 1_000_000_000_000_000 else {
                var text: [UInt8] = []
                JSON.writeNumber(Double(value), to: &text)
                for byte in text { put(byte) }
                return
            }
            var digits = 1
            var scale = 10
            while digits < 15 && value >= scale {
                digits += 1
                scale *= 10
            }
            var rest = value
            for index in stride(from: digits - 1, through: 0, by: -1) {
                base[position + index] = UInt8(truncatingIfNeeded: 48 + rest % 10)
                rest /= 10
            }
            position += digits
        }

        /// `k / 1000` for `k` in 0...1000, as `JSON.writeNumber` writes it (`0`, `1`, `0.5`, `0.875`,
        /// `0.001`: Swift's shortest form; a test checks every `k`).
        mutating func thousandths(_ k: Int) {
            if k <= 0 {
                put(UInt8(ascii: "0"))
            } else if k >= 1000 {
                put(UInt8(ascii: "1"))
            } else {
                literal("0.")
                let (tenths, hundredths, thousandths) = (k / 100, k / 10 % 10, k % 10)
                put(UInt8(truncatingIfNeeded: 48 + tenths))
                if hundredths != 0 || thousandths != 0 { put(UInt8(truncatingIfNeeded: 48 + hundredths)) }
                if thousandths != 0 { put(UInt8(truncatingIfNeeded: 48 + thousandths)) }
            }
        }

        /// Copies bytes of another line.
        mutating func copy(_ line: LineBuffer, _ range: Range<Int>) {
            (base + position).update(from: line.base + range.lowerBound, count: range.count)
            position += range.count
        }

        mutating func put(_ byte: UInt8) {
            base[position] = byte
            position += 1
        }

        @inline(__always)
        mutating func append(_ byte: UInt8) { put(byte) }

        @inline(__always)
        mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
            (base + position).update(from: bytes.baseAddress!, count: bytes.count)
            position += bytes.count
        }

        /// A quoted string, escaped by `JSON.writeQuoted` (the one escaper) into the line buffer in place.
        mutating func string(_ value: String) {
            var value = value
            value.withUTF8 { JSON.writeQuoted($0, to: &self) }
        }
    }
}
