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
        // The highest sequence handed out in this batch per `TYPE-YYYYMMDD` prefix.
        var taken: [Substring: Int] = [:]
        for request in batch {
            if closes {
                outcomes.append(.failed(.writeFailed("the records journal is closed")))
                continue
            }
            switch request.operation {
            case .create(let draft):
                do {
                    var record = try state.book.prepare(draft)
                    if let (prefix, base) = RecordIDParts.split(record.id) {
                        // After every ID stored, reserved for a deferred commit, or handed out earlier in the batch.
                        let sequence = max(base, state.reservedHigh(prefix) + 1, (taken[prefix] ?? 0) + 1)
                        if sequence != base { record.id = BatchPlan.id(prefix: prefix, sequence: sequence) }
                        taken[prefix] = sequence
                    }
                    overlay[record.id] = record
                    events.append(.create(record))
                    outcomes.append(.done(record))
                } catch {
                    outcomes.append(.failed(error))
                }
            case .update(let update):
                do {
                    let record = try BatchPlan.applying(update, book: state.book, overlay: overlay)
                    overlay[update.id] = record
                    events.append(.update(update))
                    outcomes.append(.done(record))
                } catch {
                    outcomes.append(.failed(error))
                }
            case .audit(let event):
                events.append(.audit(event))
                outcomes.append(.done(nil))
            case .group(let writes):
                // All or none: a taken ID or an update no longer valid drops the whole group.
                var groupEvents: [JournalEvent] = []
                var groupOverlay = overlay
                var groupTaken = taken
                var failure: StoreError?
                for write in writes {
                    switch write {
                    case .create(let record):
                        if state.book.record(id: record.id) != nil || groupOverlay[record.id] != nil {
                            failure = .writeFailed("the ID \(record.id) was taken by another process")
                        } else if let (prefix, sequence) = RecordIDParts.split(record.id) {
                            groupTaken[prefix] = max(groupTaken[prefix] ?? 0, sequence)
                        }
                        groupOverlay[record.id] = record
                        groupEvents.append(.create(record))
                    case .update(let update):
                        do {
                            groupOverlay[update.id] = try BatchPlan.applying(
                                update, book: state.book, overlay: groupOverlay)
                            groupEvents.append(.update(update))
                        } catch {
                            failure = error
                        }
                    case .audit(let event):
                        groupEvents.append(.audit(event))
                    }
                    if failure != nil { break }
                }
                if let failure {
                    outcomes.append(.failed(failure))
                } else {
                    overlay = groupOverlay
                    taken = groupTaken
                    events += groupEvents
                    outcomes.append(.done(nil))
                }
            case .refresh:
                outcomes.append(.done(nil))
            case .close:
                closes = true
                outcomes.append(.done(nil))
            }
        }
    }

    /// The record as `update` makes it, over what this batch created or changed before it.
    static func applying(_ update: RecordUpdate, book: RecordBook, overlay: [String: Record]) throws(StoreError)
        -> Record
    {
        guard let current = overlay[update.id] else { return try book.applying(update) }
        var scratch = RecordBook()
        scratch.insert(current)
        return try scratch.applying(update)
    }

    /// `REP-20261122` + 7 → `REP-20261122-0007`.
    static func id(prefix: Substring, sequence: Int) -> String {
        let digits = String(sequence)
        return prefix + "-" + (digits.count >= 4 ? digits : String(repeating: "0", count: 4 - digits.count) + digits)
    }
}
