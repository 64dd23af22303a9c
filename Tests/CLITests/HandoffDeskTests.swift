import Foundation
import FrontDeskModel
import FrontDeskTestSupport
import Synchronization
import Testing

@testable import FrontDeskCLI

/// A resident as the desk sees it, recording what the desk told it.
final class FakeResident: HandoffResident {
    /// Guards the calls received.
    let calls = Mutex<[String]>([])
    var log: [String] { calls.withLock { $0 } }
    func operatorJoined(_ name: String) { calls.withLock { $0.append("joined \(name)") } }
    func operatorSaid(_ name: String, _ text: String) { calls.withLock { $0.append("\(name): \(text)") } }
    func operatorReleased(_ name: String, note: String) { calls.withLock { $0.append("released \(name) \(note)") } }
    func operatorClosed(_ name: String) { calls.withLock { $0.append("closed \(name)") } }
    func waitExpired() { calls.withLock { $0.append("expired") } }
}

/// An operator as the desk sees it, recording the events sent.
final class FakeOperator: HandoffOperator {
    let name: String
    /// Guards the events received.
    let events = Mutex<[String]>([])
    init(_ name: String) { self.name = name }
    func send(_ event: JSON) { events.withLock { $0.append(event.serialized) } }
    var kinds: [String] { events.withLock { $0.compactMap { try? JSON.parse($0)["event"]?.string } } }
}

/// A clock the test moves.
final class TestTicker: Sendable {
    /// Guards the current reading.
    let value = Mutex(0.0)
    func now() -> Double { value.withLock { $0 } }
    func advance(_ seconds: Double) { value.withLock { $0 += seconds } }
}

@Suite("HandoffDesk routing")
struct HandoffDeskTests {
    static func ticket(_ session: String) -> HandoffTicket {
        HandoffTicket(
            session: session, since: "2026-11-22T10:00:00+08:00", language: "zh-Hans", unit: nil, reason: "asked",
            summary: [])
    }

    @Test func queuePlacesWaitingEventsOnJoinAndExpiry() throws {
        let ticker = TestTicker()
        let desk = HandoffDesk(waitLimit: 120, monotonic: { ticker.now() })
        let resident = FakeResident()
        #expect(desk.enqueue(Self.ticket("s-1"), resident) == nil)  // nobody on duty
        let wang = FakeOperator("wang")
        desk.join(wang, welcome: "welcome")
        #expect(desk.enqueue(Self.ticket("s-1"), resident) == 1)
        let other = FakeResident()
        #expect(desk.enqueue(Self.ticket("s-2"), other) == 2)
        ticker.advance(60)
        let li = FakeOperator("li")
        desk.join(li, welcome: "welcome")  // the queue, in order, with how long each waited
        let late = li.events.withLock { $0 }.dropFirst().compactMap { try? JSON.parse($0) }
        #expect(late.map { $0["session"]?.string } == ["s-1", "s-2"])
        #expect(late.map { $0["waited"]?.int } == [60, 60])
        ticker.advance(59)
        desk.expireWaits()
        #expect(resident.log.isEmpty)
        ticker.advance(1)
        desk.expireWaits()
        #expect(resident.log == ["expired"])
        #expect(other.log == ["expired"])
        #expect(wang.kinds == ["waiting", "waiting", "left", "left"])
        #expect(wang.events.withLock { $0.first } == #""welcome""#)
    }

    @Test func onlyTheHolderSpeaksAndAnOperatorLeavingHandsItsSessionsBack() throws {
        let desk = HandoffDesk(waitLimit: 120, monotonic: { 0 })
        let wang = FakeOperator("wang")
        let li = FakeOperator("li")
        desk.join(wang, welcome: "welcome")
        desk.join(li, welcome: "welcome")
        let resident = FakeResident()
        _ = desk.enqueue(Self.ticket("s-1"), resident)
        try desk.take("s-1", by: wang)
        #expect(throws: HandoffRefusal.notHolder) { try desk.say("hi", to: "s-1", by: li) }
        #expect(throws: HandoffRefusal.unknownSession) { try desk.say("hi", to: "s-9", by: wang) }
        try desk.say("您好", to: "s-1", by: wang)
        desk.forward("s-1", text: "谢谢", language: "zh-Hans")
        #expect(wang.kinds.last == "message")
        #expect(li.kinds.last == "taken")  // a held session's lines go to the holder only
        desk.leave(wang)
        #expect(resident.log == ["joined wang", "wang: 您好", "released wang "])
        #expect(throws: HandoffRefusal.unknownSession) { try desk.take("s-1", by: li) }
    }

    @Test func theLastOperatorLeavingSendsTheQueueToTheCallback() {
        let desk = HandoffDesk(waitLimit: 120, monotonic: { 0 })
        let wang = FakeOperator("wang")
        desk.join(wang, welcome: "welcome")
        let resident = FakeResident()
        _ = desk.enqueue(Self.ticket("s-1"), resident)
        desk.leave(wang)
        #expect(resident.log == ["expired"])
        #expect(desk.operatorCount == 0)
    }

    @Test func concurrentTakesHaveExactlyOneWinner() throws {
        for round in 0..<50 {
            let desk = HandoffDesk(waitLimit: 120, monotonic: { 0 })
            let operators = (0..<4).map { FakeOperator("op\($0)") }
            for op in operators { desk.join(op, welcome: "welcome") }
            let resident = FakeResident()
            _ = desk.enqueue(Self.ticket("s-\(round)"), resident)
            let wins = Atomic<Int>(0)
            DispatchQueue.concurrentPerform(iterations: operators.count) { index in
                if (try? desk.take("s-\(round)", by: operators[index])) != nil {
                    wins.wrappingAdd(1, ordering: .relaxed)
                }
            }
            #expect(wins.load(ordering: .relaxed) == 4)  // a lost race is answered, not an error
            #expect(resident.log.count == 1)
            let holders = Set(
                operators.flatMap { op in
                    op.events.withLock { $0 }.compactMap { try? JSON.parse($0) }.filter {
                        $0["event"]?.string == "taken"
                    }
                    .compactMap { $0["by"]?.string }
                })
            #expect(holders.count == 1)
        }
    }

    @Test(arguments: [
        ("08:30-17:30", 8, 29, false), ("08:30-17:30", 8, 30, true), ("08:30-17:30", 17, 29, true),
        ("08:30-17:30", 17, 30, false), ("08:30-12:00, 13:30-17:30", 12, 30, false),
        ("08:30-12:00, 13:30-17:30", 14, 0, true), ("around the clock", 10, 0, false),
    ])
    func officeHours(_ text: String, _ hour: Int, _ minute: Int, _ open: Bool) {
        let time = CivilTime(year: 2026, month: 11, day: 22, hour: hour, minute: minute, offset: 28_800)
        #expect(OfficeHours(text).contains(time) == open)
    }

    @Test func signInFailuresFromOneAddressAreSlowedDown() {
        let throttle = SignInThrottle()
        let delays = (0..<7).map { _ in throttle.fail("10.0.0.1", now: 0) }
        #expect(delays == [0, 0, 1, 2, 4, 8, 8])
        #expect(throttle.fail("10.0.0.2", now: 0) == 0)  // another address is not slowed
        #expect(throttle.fail("10.0.0.1", now: 700) == 0)  // forgotten after 10 quiet minutes
    }

    @Test(arguments: [
        ("您好，我是客服小王", true), ("tab\tok", true), ("nul\u{0}", false), ("esc\u{1B}[31m", false),
        ("c1\u{85}", false), ("   ", false), (String(repeating: "长", count: 30), false),
    ])
    func operatorText(_ text: String, _ valid: Bool) {
        #expect(OperatorText.isValid(text, maxBytes: 64) == valid)
    }

    @Test func tokenFileLinesAndTokens() throws {
        let directory = try Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("tokens").path
        _ = FileManager.default.createFile(
            atPath: path, contents: Data("# desk\nwang\tsecret-0001\n\nli\tsecret-0002\n".utf8),
            attributes: [.posixPermissions: 0o600])
        let tokens = try OperatorTokens.load(path: path)
        #expect(tokens.name(for: "secret-0001") == "wang")
        #expect(tokens.name(for: "secret-0002") == "li")
        #expect(tokens.name(for: "secret-000") == nil)
        #expect(tokens.name(for: "") == nil)
        _ = FileManager.default.createFile(
            atPath: path, contents: Data("wang secret-0001\n".utf8), attributes: [.posixPermissions: 0o400])
        #expect(throws: CommandFailure.self) { try OperatorTokens.load(path: path) }
    }
}
