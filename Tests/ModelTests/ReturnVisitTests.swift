import Foundation
import FrontDeskModel
import Testing

/// The one return-visit window (SPEC 5: within 3 days of the resolution), read by `records overdue` and the report.
@Suite struct ReturnVisitTests {
    func record(status: RecordStatus, resolvedAt: String?, revisitedAt: String? = nil) -> Record {
        var record = Record(
            id: "REP-20261120-0001", type: .repair, status: status.rawValue, createdAt: "2026-11-20T09:00:00+08:00")
        record.resolvedAt = resolvedAt
        record.revisitedAt = revisitedAt
        return record
    }

    func instant(_ iso: String) -> Date { CivilTime.parse(iso)!.date }

    @Test func theWindowIsThreeDays() {
        #expect(ReturnVisit.windowDays == 3)
        #expect(ReturnVisit.window == 259_200)
        #expect(
            ReturnVisit.deadline(resolved: instant("2026-11-20T15:00:00+08:00")) == instant("2026-11-23T15:00:00+08:00")
        )
    }

    @Test(arguments: [
        (RecordStatus.resolved, "2026-11-20T15:00:00+08:00", nil, "2026-11-23T15:01:00+08:00", true),
        (.resolved, "2026-11-20T15:00:00+08:00", nil, "2026-11-23T15:00:00+08:00", false),
        (.resolved, "2026-11-20T15:00:00+08:00", "2026-11-24T09:00:00+08:00", "2026-11-25T08:00:00+08:00", false),
        (.inProgress, "2026-11-20T15:00:00+08:00", nil, "2026-11-25T08:00:00+08:00", false),
        (.closed, "2026-11-20T15:00:00+08:00", nil, "2026-11-25T08:00:00+08:00", false),
    ])
    func overdueOnlyWhileAwaitingAVisit(
        status: RecordStatus, resolved: String, revisited: String?, now: String, overdue: Bool
    ) {
        #expect(
            ReturnVisit.isOverdue(
                record(status: status, resolvedAt: resolved, revisitedAt: revisited), now: instant(now)) == overdue)
    }
}
