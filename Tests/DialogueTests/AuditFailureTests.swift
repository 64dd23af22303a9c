import FrontDeskDialogue
import FrontDeskModel
import Testing

/// A store whose audit writes fail: the verification step fails politely, discloses nothing, and
/// the attempt is still counted against the session (no `try?` on `store.audit`).
@Suite struct AuditFailureTests {
    @Test func aFailedAuditWriteFailsVerificationPolitelyAndCounts() {
        let desk = Desk()
        desk.send("查一下物业费")
        #expect(desk.send("3栋2单元501").awaiting == .verify)
        desk.store.failWrites("disk full")
        let output = desk.send("5678")
        #expect(output.reply.contains("抱歉"), "\(output.reply)")
        #expect(!showsAmount(output.reply), "\(output.reply)")
        #expect(desk.state.verification == nil)
        #expect(desk.state.verifyFailures == 1)
        #expect(desk.store.auditEvents(since: "2026-01-01").isEmpty)
        // The same tail once the store works again: verified and disclosed, with its audit events.
        desk.store.failWrites(nil)
        desk.send("查一下物业费")
        desk.send("3栋2单元501")
        #expect(showsAmount(desk.send("5678").reply))
        #expect(desk.store.auditEvents(since: "2026-01-01").map(\.auditKind) == [.verifySucceeded, .feeDisclosure])
    }
}
