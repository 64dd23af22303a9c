import FrontDeskModel

/// The lines one group-commit batch will append, worked out under the journal's lock: IDs and
/// sequence numbers assigned in queue order, updates checked, nothing applied to the book until
/// the batch is on disk (a failed batch leaves no trace).
struct BatchPlan {
    /// The events to append, in order.
    var events: [JournalEvent] = []
    /// One answer per request, in queue order (a `.done` one turns into a failure if the write fails).
    var outcomes: [CommitOutcome] = []
    /// The `seq` of the first line.
    var firstSeq: Int
    /// Where the batch starts in the file.
    var startOffset: Int
    /// Where the file ends after the batch (set once it is written).
    var endOffset: Int
    /// Whether a `close` request was in the batch.
    var closes = false

    init(batch: [CommitRequest], state: FileJournal.State) {
        firstSeq = state.lastSeq + 1
        startOffset = state.readOffset
        endOffset = state.readOffset
        // Records created or changed earlier in this batch, as they will be.
        var overlay: [String: Record] = [:]
        // IDs already handed out in this batch per `TYPE-YYYYMMDD` prefix.
        var pending: [Substring: Int] = [:]
        for request in batch {
            if closes {
                outcomes.append(.failed(.writeFailed("the records journal is closed")))
                continue
            }
            switch request.operation {
            case .create(let draft):
                do {
                    var record = try state.book.prepare(draft)
                    if let dash = record.id.lastIndex(of: "-"),
                        let base = Int(record.id[record.id.index(after: dash)...])
                    {
                        let prefix = record.id[..<dash]
                        let extra = pending[prefix, default: 0]
                        if extra > 0 { record.id = BatchPlan.id(prefix: prefix, sequence: base + extra) }
                        pending[prefix] = extra + 1
                    }
                    overlay[record.id] = record
                    events.append(.create(record))
                    outcomes.append(.done(record))
                } catch {
                    outcomes.append(.failed(error))
                }
            case .update(let update):
                do {
                    let record: Record
                    if let current = overlay[update.id] {
                        var scratch = RecordBook()
                        scratch.insert(current)
                        record = try scratch.apply(update)
                    } else {
                        record = try state.book.applying(update)
                    }
                    overlay[update.id] = record
                    events.append(.update(update))
                    outcomes.append(.done(record))
                } catch {
                    outcomes.append(.failed(error))
                }
            case .audit(let event):
                events.append(.audit(event))
                outcomes.append(.done(nil))
            case .refresh:
                outcomes.append(.done(nil))
            case .close:
                closes = true
                outcomes.append(.done(nil))
            }
        }
    }

    /// `REP-20261122` + 7 → `REP-20261122-0007`.
    static func id(prefix: Substring, sequence: Int) -> String {
        let digits = String(sequence)
        return prefix + "-" + (digits.count >= 4 ? digits : String(repeating: "0", count: 4 - digits.count) + digits)
    }
}
