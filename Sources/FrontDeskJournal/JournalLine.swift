import FrontDeskModel

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

    /// Reads one line (without its newline): its sequence number and event.
    ///
    /// - Throws: the `Damage` found.
    package static func decode(_ line: ArraySlice<UInt8>) throws(Damage) -> (seq: Int, event: JournalEvent) {
        let tail = crcMarker.count + 8 + 2  // ,"crc":" + 8 hex + "}
        guard line.count > tail else { throw .checksum }
        let markerStart = line.endIndex - tail
        guard line[markerStart..<markerStart + crcMarker.count].elementsEqual(crcMarker),
            line[line.endIndex - 2] == UInt8(ascii: "\""), line[line.endIndex - 1] == UInt8(ascii: "}")
        else { throw .checksum }
        let expected = CRC32.hex(CRC32.checksum(line[line.startIndex..<markerStart]))
        guard line[(markerStart + crcMarker.count)..<(line.endIndex - 2)].elementsEqual(expected) else {
            throw .checksum
        }
        let json: JSON
        do {
            json = try JSON.parse(line)
        } catch {
            throw .syntax(error.description)
        }
        guard let v = json["v"]?.int else { throw .shape("no version \"v\"") }
        if v > version { throw .newerVersion(v) }
        guard v == version else { throw .shape("unknown version \(v)") }
        guard let seq = json["seq"]?.int, seq > 0 else { throw .shape("no sequence number \"seq\"") }
        guard let kind = json["event"]?.string, let data = json["data"] else {
            throw .shape("no \"event\" or \"data\"")
        }
        switch kind {
        case "create":
            guard let record = Record(json: data), !record.id.isEmpty else { throw .shape("create without a record") }
            return (seq, .create(record))
        case "update":
            guard let update = RecordUpdate(json: data) else { throw .shape("update without id and time") }
            return (seq, .update(update))
        case "audit":
            guard let event = AuditEvent(json: data) else { throw .shape("audit without kind and time") }
            return (seq, .audit(event))
        default:
            throw .shape("unknown event '\(kind)'")
        }
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
