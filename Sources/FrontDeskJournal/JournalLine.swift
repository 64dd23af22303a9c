package import FrontDeskModel

/// One line of `records.jsonl`: `{"v":1,"seq":N,"event":"create|update|audit","data":{…},"crc":"xxxxxxxx"}`,
/// the CRC-32 covering the bytes before `,"crc":` (docs/ARCHITECTURE.md).
package enum JournalLine {
    /// The format version this build writes and reads.
    package static let version = 1
    private static let crcMarker: [UInt8] = Array(#","crc":""#.utf8)

    /// Why a line is not a good journal line.
    package enum Damage: Error, Sendable, Equatable, CustomStringConvertible {
        case incomplete
        case checksum
        case syntax(String)
        case shape(String)
        case newerVersion(Int)

        package var description: String {
            switch self {
            case .incomplete: "incomplete line (no newline)"
            case .checksum: "checksum mismatch"
            case .syntax(let why): "not JSON (\(why))"
            case .shape(let why): why
            case .newerVersion(let v): "format version \(v) is newer than this FrontDesk reads (\(version))"
            }
        }
    }

    /// Appends the line for `event` with sequence number `seq`, newline included, to `out`.
    package static func encode(seq: Int, event: JournalEvent, to out: inout [UInt8]) {
        let start = out.count
        out.append(contentsOf: #"{"v":1,"seq":"#.utf8)
        out.append(contentsOf: String(seq).utf8)
        out.append(contentsOf: #","event":""#.utf8)
        out.append(contentsOf: event.kind.utf8)
        out.append(contentsOf: #"","data":"#.utf8)
        event.data.write(to: &out)
        let crc = out[start...].withUnsafeBytes { CRC32.checksum($0) }
        out.append(contentsOf: crcMarker)
        out.append(contentsOf: CRC32.hex(crc))
        out.append(contentsOf: "\"}\n".utf8)
    }

    /// The kinds of event a line holds.
    package enum Kind: Sendable, Equatable {
        case create, update, audit
    }

    /// What every good line has, whatever its event: sequence number, kind, and where its `data`
    /// object lies in the line's bytes.
    package struct Envelope: Sendable, Equatable {
        package var seq: Int
        package var kind: Kind
        /// The byte range of the `data` object (braces included).
        package var data: Range<Int>
    }

    /// The one place that decides whether a line (without its newline) is a good journal line:
    /// its checksum, its shape `{"v","seq","event","data","crc"}`, its version, a positive sequence
    /// number and a known event with an object as data. Walks the line without decoding `data`, so
    /// a fast reader decodes only the fields it needs; `decode` decodes them all.
    ///
    /// - Throws: the `Damage` found.
    package static func envelope(_ b: UnsafeBufferPointer<UInt8>) throws(Damage) -> Envelope {
        let tail = crcMarker.count + 8 + 2  // ,"crc":" + 8 hex + "}
        guard b.count > tail else { throw .checksum }
        let marker = b.count - tail
        for k in 0..<crcMarker.count where b[marker + k] != crcMarker[k] { throw .checksum }
        guard b[b.count - 2] == UInt8(ascii: "\""), b[b.count - 1] == UInt8(ascii: "}") else { throw .checksum }
        let crc = CRC32.hex(CRC32.checksum(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: b[0..<marker]))))
        for k in 0..<8 where b[marker + crcMarker.count + k] != crc[k] { throw .checksum }
        let skim = JSONSkim(b: b)
        var v: Int?
        var seq: Int?
        var kind: Range<Int>?
        var data: Range<Int>?
        let end = skim.object(at: 0) { key, value in
            if skim.key(key, is: "v") {
                v = skim.int(value)
            } else if skim.key(key, is: "seq") {
                seq = skim.int(value)
            } else if skim.key(key, is: "event") {
                kind = value
            } else if skim.key(key, is: "data") {
                data = value
            }
        }
        guard let end, skim.skipSpace(end) == b.count else { throw .syntax("not one JSON object") }
        guard let v else { throw .shape("no version \"v\"") }
        if v > version { throw .newerVersion(v) }
        guard v == version else { throw .shape("unknown version \(v)") }
        guard let seq, seq > 0 else { throw .shape("no sequence number \"seq\"") }
        guard let kind, let data, b[data.lowerBound] == UInt8(ascii: "{") else {
            throw .shape("no \"event\" or \"data\"")
        }
        let known: Kind
        if skim.raw(kind, is: "\"create\"") {
            known = .create
        } else if skim.raw(kind, is: "\"update\"") {
            known = .update
        } else if skim.raw(kind, is: "\"audit\"") {
            known = .audit
        } else {
            throw .shape("unknown event '\(skim.string(kind) ?? "?")'")
        }
        return Envelope(seq: seq, kind: known, data: data)
    }

    /// Reads one line (without its newline): its sequence number and event, every field decoded.
    ///
    /// - Throws: the `Damage` found (`envelope`'s, or a `data` that does not make its event).
    package static func decode(_ line: ArraySlice<UInt8>) throws(Damage) -> (seq: Int, event: JournalEvent) {
        let result = line.withUnsafeBufferPointer { b in
            Result { () throws(Damage) -> (seq: Int, event: JournalEvent) in
                let envelope = try envelope(b)
                let data: JSON
                do {
                    data = try JSON.parse(UnsafeBufferPointer(rebasing: b[envelope.data]))
                } catch {
                    throw .syntax("\(error)")
                }
                switch envelope.kind {
                case .create:
                    guard let record = Record(json: data), !record.id.isEmpty else {
                        throw .shape("create without a record")
                    }
                    return (envelope.seq, .create(record))
                case .update:
                    guard let update = RecordUpdate(json: data) else { throw .shape("update without id and time") }
                    return (envelope.seq, .update(update))
                case .audit:
                    guard let event = AuditEvent(json: data) else { throw .shape("audit without kind and time") }
                    return (envelope.seq, .audit(event))
                }
            }
        }
        return try result.get()
    }
}

extension JournalEvent {
    /// `create`, `update` or `audit`.
    package var kind: String {
        switch self {
        case .create: "create"
        case .update: "update"
        case .audit: "audit"
        }
    }

    /// The event's `data` object.
    package var data: JSON {
        switch self {
        case .create(let record): record.json
        case .update(let update): update.json
        case .audit(let event): event.json
        }
    }
}
