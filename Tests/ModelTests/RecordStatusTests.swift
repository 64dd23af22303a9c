import FrontDeskModel
import Testing

/// The statuses of SPEC 5 are one typed list: each type's lifecycle, the steps between them and the
/// strings the journal stores all come from `RecordStatus`.
@Suite struct RecordStatusTests {
    @Test func theStoredNamesAreSpecFives() {
        #expect(RecordType.repair.statuses == ["open", "dispatched", "in_progress", "resolved", "closed"])
        #expect(
            RecordType.decorationPermit.statuses == ["pending_review", "approved", "rejected", "inspected", "closed"])
        #expect(RecordType.allCases.map(\.initialStatus) == ["open", "open", "pending_review", "open", "open"])
        // Every status belongs to some lifecycle, and only `closed` to both.
        let work = Set(RecordType.repair.lifecycle)
        let permit = Set(RecordType.decorationPermit.lifecycle)
        #expect(work.union(permit) == Set(RecordStatus.allCases))
        #expect(work.intersection(permit) == [.closed])
    }

    @Test(arguments: [
        (RecordType.repair, RecordStatus.open, RecordStatus.resolved, RecordLifecycle.Step.allowed),
        (.callback, .resolved, .open, .reopen),
        (.complaint, .closed, .dispatched, .refused),
        (.repair, .open, .open, .refused),
        (.decorationPermit, .pendingReview, .approved, .allowed),
        (.decorationPermit, .rejected, .pendingReview, .reopen),
        (.decorationPermit, .open, .approved, .refused),
    ])
    func stepsAreTheSameTypedAndStored(type: RecordType, from: RecordStatus, to: RecordStatus, step: RecordLifecycle.Step) {
        #expect(RecordLifecycle.step(type, from: from, to: to) == step)
        #expect(RecordLifecycle.step(type, from: from.rawValue, to: to.rawValue) == step)
    }

    @Test func aStatusOutsideSpecFiveIsNeverAStep() {
        #expect(RecordLifecycle.step(.repair, from: "open", to: "done") == .refused)
        #expect(RecordLifecycle.step(.repair, from: "Open", to: "resolved") == .refused)
        let none: (forward: [String], reopen: [String]) = RecordLifecycle.next(.repair, from: "done")
        #expect(none.forward.isEmpty && none.reopen.isEmpty)
    }

    @Test func nextListsForwardThenReopening() {
        let typed: (forward: [RecordStatus], reopen: [RecordStatus]) = RecordLifecycle.next(.repair, from: .resolved)
        #expect(typed.forward == [.closed] && typed.reopen == [.open, .inProgress])
        let stored: (forward: [String], reopen: [String]) = RecordLifecycle.next(.repair, from: "resolved")
        #expect(stored.forward == ["closed"] && stored.reopen == ["open", "in_progress"])
    }

    @Test func resolvingStampsTheTimeAndMakesAReturnVisitDue() throws {
        let store = InMemoryRecordStore()
        let record = try store.create(
            Record(type: .repair, createdAt: "2026-11-22T10:00:00+08:00", unit: "3-2-501", description: "漏水"))
        #expect(record.status == RecordStatus.open.rawValue)
        let resolved = try store.update(
            RecordUpdate(id: record.id, at: "2026-11-23T10:00:00+08:00", actor: "o", status: "resolved"))
        #expect(resolved.resolvedAt == "2026-11-23T10:00:00+08:00")
        #expect(Record.isAwaitingRevisit(resolved))
        #expect(throws: StoreError.self) {
            try store.update(RecordUpdate(id: record.id, at: "2026-11-23T11:00:00+08:00", actor: "o", status: "done"))
        }
    }
}
