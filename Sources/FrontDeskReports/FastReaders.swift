import FrontDeskJournal
import FrontDeskModel

/// The report's fast path over the journal and the transcripts: the journal through
/// `JournalReader`'s envelope path (the journal decides which lines are good), the transcripts
/// by the same rules as `TranscriptReader`; only the fields a report needs are decoded, and
/// transcript text only for resident turns. A test checks it gives the same report as the standard readers.
enum FastReaders {
    /// Folds every valid journal line of `path` into `fold`; returns the damaged lines skipped.
    /// Which lines are good is `JournalReader`'s decision (the journal's own); only the fields
    /// a report reads are decoded from each line's data.
    ///
    /// - Throws: `ReportError` when the file cannot be read.
    static func journal(path: String, into fold: inout RecordFold) throws(ReportError) -> Int {
        do {
            return try JournalReader.forEachEnvelope(path: path) { envelope, skim in
                journalData(envelope, skim, into: &fold)
            }
        } catch {
            throw ReportError("\(error)")
        }
    }

    /// Folds the data of one good journal line; false when it lacks the fields a report needs.
    static func journalData(_ envelope: JournalLine.Envelope, _ skim: JSONSkim, into fold: inout RecordFold) -> Bool {
        let data = envelope.data
        switch envelope.kind {
        case .create:
            guard let record = record(skim, data) else { return false }
            fold.add(.create(record))
        case .update:
            var id: String?
            var at: String?
            var actor = ""
            var status: String?
            var satisfaction: String?
            _ = skim.object(at: data.lowerBound) { key, value in
                if skim.key(key, is: "id") {
                    id = skim.string(value)
                } else if skim.key(key, is: "at") {
                    at = skim.string(value)
                } else if skim.key(key, is: "actor") {
                    actor = skim.string(value) ?? ""
                } else if skim.key(key, is: "status") {
                    status = skim.string(value)
                } else if skim.key(key, is: "satisfaction") {
                    satisfaction = skim.string(value)
                }
            }
            guard let id, let at else { return false }
            fold.add(.update(RecordUpdate(id: id, at: at, actor: actor, status: status, satisfaction: satisfaction)))
        case .audit:
            var kindName: String?
            var at: String?
            _ = skim.object(at: data.lowerBound) { key, value in
                if skim.key(key, is: "kind") {
                    kindName = skim.string(value)
                } else if skim.key(key, is: "at") {
                    at = skim.string(value)
                }
            }
            guard let kindName, let at else { return false }
            fold.add(.audit(AuditEvent(kind: kindName, at: at, session: "")))
        }
        return true
    }

    /// The fields of a created record that a report reads.
    static func record(_ skim: JSONSkim, _ data: Range<Int>) -> Record? {
        var id: String?
        var type: RecordType?
        var status: String?
        var created: String?
        var category: String?
        var priority: String?
        var due: String?
        var resolved: String?
        var revisited: String?
        var satisfaction: String?
        var history: [HistoryEntry] = []
        _ = skim.object(at: data.lowerBound) { key, value in
            if skim.key(key, is: "id") {
                id = skim.string(value)
            } else if skim.key(key, is: "type") {
                type = skim.string(value).flatMap(RecordType.init(rawValue:))
            } else if skim.key(key, is: "status") {
                status = skim.string(value)
            } else if skim.key(key, is: "created_at") {
                created = skim.string(value)
            } else if skim.key(key, is: "category") {
                category = skim.string(value)
            } else if skim.key(key, is: "priority") {
                priority = skim.string(value)
            } else if skim.key(key, is: "due_at") {
                due = skim.string(value)
            } else if skim.key(key, is: "resolved_at") {
                resolved = skim.string(value)
            } else if skim.key(key, is: "revisited_at") {
                revisited = skim.string(value)
            } else if skim.key(key, is: "satisfaction") {
                satisfaction = skim.string(value)
            } else if skim.key(key, is: "history") {
                history = entries(skim, value)
            }
        }
        guard let id, let type, let status, let created else { return nil }
        var record = Record(
            id: id, type: type, status: status, createdAt: created, category: category,
            priority: priority, dueAt: due, history: history)
        record.resolvedAt = resolved
        record.revisitedAt = revisited
        record.satisfaction = satisfaction
        return record
    }

    static func entries(_ skim: JSONSkim, _ range: Range<Int>) -> [HistoryEntry] {
        var out: [HistoryEntry] = []
        var j = skim.skipSpace(range.lowerBound + 1)
        while j < range.upperBound, skim.b[j] == UInt8(ascii: "{") {
            var at: String?
            var status: String?
            var actor = ""
            guard
                let end = skim.object(
                    at: j,
                    { key, value in
                        if skim.key(key, is: "at") {
                            at = skim.string(value)
                        } else if skim.key(key, is: "status") {
                            status = skim.string(value)
                        } else if skim.key(key, is: "actor") {
                            actor = skim.string(value) ?? ""
                        }
                    })
            else { break }
            if let at, let status { out.append(HistoryEntry(at: at, status: status, actor: actor)) }
            j = skim.skipSpace(end)
            if j < range.upperBound, skim.b[j] == UInt8(ascii: ",") { j = skim.skipSpace(j + 1) }
        }
        return out
    }

    /// Folds every event of a transcript file into `fold`; returns the lines skipped (blank lines not counted).
    ///
    /// - Throws: `ReportError` when the file cannot be read.
    static func transcript(path: String, into fold: inout ConversationFold) throws(ReportError) -> Int {
        var skipped = 0
        do {
            try LineScanner.scan(path: path) { line, _, _ in
                var line = line
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
                if !line.withUnsafeBufferPointer({ transcriptLine($0, into: &fold) }) { skipped += 1 }
            }
        } catch {
            throw ReportError("cannot read \(path): \(error)")
        }
        return skipped
    }

    /// Folds one transcript line; false when it is not an event.
    static func transcriptLine(_ b: UnsafeBufferPointer<UInt8>, into fold: inout ConversationFold) -> Bool {
        let skim = JSONSkim(b: b)
        var time: Int?
        var session: UInt64?
        var seq: Int?
        var role: Role?
        var intent: String?
        var text: Range<Int>?
        var choices: [String] = []
        guard
            let end = skim.object(
                at: 0,
                { key, value in
                    if skim.key(key, is: "time") {
                        guard value.count > 2, skim.b[value.lowerBound] == UInt8(ascii: "\"") else { return }
                        time = Timestamp.seconds(
                            utf8: UnsafeBufferPointer(
                                rebasing: skim.b[(value.lowerBound + 1)..<(value.upperBound - 1)]),
                            defaultOffset: fold.period.offset)
                    } else if skim.key(key, is: "session") {
                        guard value.count >= 2, skim.b[value.lowerBound] == UInt8(ascii: "\"") else { return }
                        session = ConversationFold.hash(
                            UnsafeBufferPointer(rebasing: skim.b[(value.lowerBound + 1)..<(value.upperBound - 1)]))
                    } else if skim.key(key, is: "seq") {
                        seq = skim.int(value)
                    } else if skim.key(key, is: "role") {
                        role =
                            skim.raw(value, is: "\"resident\"")
                            ? .resident
                            : skim.raw(value, is: "\"bot\"")
                                ? .bot : skim.raw(value, is: "\"operator\"") ? .operator : nil
                    } else if skim.key(key, is: "intent") {
                        intent = skim.string(value)
                    } else if skim.key(key, is: "text") {
                        text = value
                    } else if skim.key(key, is: "choices") {
                        choices = skim.strings(value)
                    }
                }), skim.skipSpace(end) == b.count, let time, let session, let seq, let role, let text,
            b[text.lowerBound] == UInt8(ascii: "\"")
        else { return false }
        fold.add(
            time: time, sessionKey: session, seq: seq, role: role, intent: intent, choices: choices,
            text: skim.string(text) ?? "")
        return true
    }
}
