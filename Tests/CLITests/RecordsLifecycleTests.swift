import Foundation
import FrontDeskJournal
import FrontDeskModel
import Synchronization
import Testing

@testable import FrontDeskCLI

/// Runs `frontdesk` in process; `terminal` says whether stdout is a terminal.
private func run(_ argv: [String], terminal: Bool = false) -> (status: Int32, out: String, err: String) {
    let out = Mutex("")
    let err = Mutex("")
    let console = Console(
        out: { text in out.withLock { $0 += text } }, err: { text in err.withLock { $0 += text } },
        outIsTerminal: terminal)
    let status = FrontDesk.main(argv, console: console)
    return (status, out.withLock { $0 }, err.withLock { $0 })
}

private func scratch() -> String { NSTemporaryDirectory() + "frontdesk-lifecycle-" + UUID().uuidString }

/// A journal with one record of `type` brought to `status` directly through the store.
private func journal(with type: RecordType, in status: String) throws -> String {
    let dir = scratch()
    let journal = try FileJournal(directory: dir)
    defer { journal.close() }
    let record = try journal.create(Record(type: type, createdAt: "2026-11-20T09:00:00+08:00", unit: "3-2-501"))
    if status != record.status {
        _ = try journal.update(
            RecordUpdate(id: record.id, at: "2026-11-20T10:00:00+08:00", actor: "qa", status: status))
    }
    return dir
}

@Suite struct RecordsLifecycleTests {
    static let forward: [String: Set<String>] = [
        "open": ["dispatched", "in_progress", "resolved", "closed"],
        "dispatched": ["in_progress", "resolved", "closed"],
        "in_progress": ["resolved", "closed"],
        "resolved": ["closed"],
    ]
    static let reopen: [String: Set<String>] = [
        "resolved": ["open", "in_progress"], "closed": ["open", "in_progress"],
    ]
    static let permitForward: [String: Set<String>] = [
        "pending_review": ["approved", "rejected"], "approved": ["inspected", "closed"], "rejected": ["closed"],
        "inspected": ["closed"],
    ]
    static let permitReopen: [String: Set<String>] = ["rejected": ["pending_review"], "closed": ["pending_review"]]

    @Test(arguments: [RecordType.repair, .complaint, .emergency, .callback, .decorationPermit])
    func everyStepIsAllowedRefusedOrNeedsANote(type: RecordType) throws {
        let permit = type == .decorationPermit
        let forward = permit ? Self.permitForward : Self.forward
        let reopen = permit ? Self.permitReopen : Self.reopen
        for from in type.statuses {
            for to in type.statuses {
                let dir = try journal(with: type, in: from)
                defer { try? FileManager.default.removeItem(atPath: dir) }
                let id = "\(type.prefix)-20261120-0001"
                let base = [
                    "records", "update", id, "--status", to, "--data-dir", dir, "--now", "2026-11-21T09:00:00+08:00",
                ]
                let bare = run(base)
                if forward[from]?.contains(to) == true {
                    #expect(bare.status == 0, "\(from) → \(to): \(bare.err)")
                } else if reopen[from]?.contains(to) == true {
                    #expect(bare.status == 1, "\(from) → \(to) without a note")
                    #expect(
                        bare.err == "frontdesk records: reopening \(id) (\(from) → \(to)) needs --note saying why\n")
                    let noted = run(base + ["--note", "住户说还在漏"])
                    #expect(noted.status == 0, "\(from) → \(to) with a note: \(noted.err)")
                } else if from == to {
                    #expect(bare.status == 1)
                    #expect(bare.err == "frontdesk records: \(id) is already \(from)\n")
                } else {
                    #expect(bare.status == 1, "\(from) → \(to) must be refused")
                    #expect(
                        bare.err.hasPrefix("frontdesk records: \(id) cannot go from \(from) to \(to) (from \(from): "))
                    #expect(run(base + ["--note", "试试"]).status == 1, "a note does not make \(from) → \(to) allowed")
                }
                let stored = try FileJournal(directory: dir)
                let expected = forward[from]?.contains(to) == true || reopen[from]?.contains(to) == true ? to : from
                #expect(stored.record(id: id)?.status == expected, "\(from) → \(to)")
                stored.close()
            }
        }
    }

    @Test func refusalNamesTheStepsThatAreAllowed() throws {
        let dir = try journal(with: .repair, in: "resolved")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = run(["records", "update", "REP-20261120-0001", "--status", "dispatched", "--data-dir", dir])
        #expect(
            result.err
                == "frontdesk records: REP-20261120-0001 cannot go from resolved to dispatched (from resolved: closed; open or in_progress with --note to reopen)\n"
        )
    }
}

/// What a clerk needs from `records list`, `show`, `update` and `overdue`.
@Suite struct RecordsClerkTests {
    let dir: String

    init() throws {
        dir = scratch()
        let journal = try FileJournal(directory: dir)
        defer { journal.close() }
        _ = try journal.create(
            Record(
                type: .repair, createdAt: "2026-11-20T09:00:00+08:00", unit: "3-2-501", name: "张伟",
                phone: "13812345678", category: "plumbing", description: "厨房水槽下面进水管的接头在滴水，已经滴了一整晚了",
                team: "水电班", priority: "normal", dueAt: "2026-11-21T09:00:00+08:00"))
        _ = try journal.create(
            Record(
                type: .complaint, createdAt: "2026-11-21T10:00:00+08:00", unit: "1-1-101", name: "陈晓燕",
                phone: "15957112233", category: "noise", description: "楼上装修太吵", team: "客服部", priority: "high"))
        _ = try journal.update(
            RecordUpdate(id: "CMP-20261121-0001", at: "2026-11-21T12:00:00+08:00", actor: "王经理", status: "resolved"))
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: dir) }

    @Test func listShowsWhatAClerkNeedsAndMasksPhonesOnATerminal() {
        defer { cleanUp() }
        let piped = run(["records", "list", "--data-dir", dir])
        #expect(piped.status == 0)
        #expect(
            piped.out == """
                ID                 STATUS    PRIORITY  UNIT     PHONE        CATEGORY  TEAM    ASSIGNED  CREATED           DUE               DESCRIPTION
                REP-20261120-0001  open      normal    3-2-501  13812345678  plumbing  水电班  -         2026-11-20 09:00  2026-11-21 09:00  厨房水槽下面进水管的接头在滴…
                CMP-20261121-0001  resolved  high      1-1-101  15957112233  noise     客服部  -         2026-11-21 10:00  -                 楼上装修太吵
                2 records

                """)
        let terminal = run(["records", "list", "--data-dir", dir], terminal: true)
        #expect(terminal.out.contains("138****5678") && terminal.out.contains("159****2233"))
        #expect(!terminal.out.contains("13812345678"))
        let full = run(["records", "list", "--data-dir", dir, "--full"], terminal: true)
        #expect(full.out.contains("13812345678"))
        let json = run(["records", "list", "--data-dir", dir, "--json"], terminal: true)
        #expect(json.out.contains("\"phone\":\"13812345678\""))
    }

    @Test(arguments: [
        (["--phone", "5678"], ["REP-20261120-0001"]),
        (["--phone", "159-5711-2233"], ["CMP-20261121-0001"]),
        (["--phone", "0000"], []),
        (["--name", "晓燕"], ["CMP-20261121-0001"]),
        (["--name", "张伟", "--phone", "2233"], []),
    ])
    func searchByPhoneAndName(filters: [String], ids: [String]) throws {
        defer { cleanUp() }
        let result = run(["records", "list", "--data-dir", dir, "--json"] + filters)
        #expect(result.status == 0)
        #expect(result.out.split(separator: "\n").compactMap { try? JSON.parse(String($0))["id"]?.string } == ids)
    }

    @Test(arguments: [
        (
            ["records", "list", "--from", "2026-11-22", "--to", "2026-11-20"],
            "frontdesk records: the period ends (2026-11-20) before it starts (2026-11-22)\n"
        ),
        (
            ["records", "list", "--phone", "138abc"],
            "frontdesk records: option '--phone' expects digits (all or part of a number), got '138abc'\n"
        ),
        (
            ["records", "update", "REP-20261120-0001", "--tell-resident", "--status", "dispatched"],
            "frontdesk records: --tell-resident needs --note TEXT (the words the resident will see)\n"
        ),
    ])
    func usageErrors(argv: [String], firstLine: String) {
        defer { cleanUp() }
        let result = run(argv + ["--data-dir", dir])
        #expect(result.status == 2)
        #expect(result.err.hasPrefix(firstLine))
        #expect(result.out == "")
    }

    @Test func showAndUpdateTakeIDsInAnyCase() {
        defer { cleanUp() }
        let shown = run(["records", "show", "rep-20261120-0001", "--data-dir", dir])
        #expect(shown.status == 0)
        #expect(shown.out.hasPrefix("REP-20261120-0001  repair  open\n"))
        let updated = run(["records", "update", "Rep-20261120-0001", "--status", "dispatched", "--data-dir", dir])
        #expect(updated.status == 0, "\(updated.err)")
    }

    @Test func assignAndANoteForTheResidentAreStoredAndShown() throws {
        defer { cleanUp() }
        let now = "2026-11-20T11:00:00+08:00"
        let assigned = run([
            "records", "update", "REP-20261120-0001", "--assign", "李师傅", "--status", "dispatched", "--data-dir", dir,
            "--now", now,
        ])
        #expect(
            assigned.out == "REP-20261120-0001 repair: dispatched (by operator at \(now)) — assigned to 李师傅\n")
        let told = run([
            "records", "update", "REP-20261120-0001", "--note", "下午2点上门", "--tell-resident", "--data-dir", dir,
            "--now", now,
        ])
        #expect(
            told.out
                == "REP-20261120-0001 repair: dispatched (by operator at \(now)) — [to resident] 下午2点上门 — assigned to 李师傅\n"
        )
        _ = run(["records", "update", "REP-20261120-0001", "--note", "内部：备件已订", "--data-dir", dir])
        let journal = try FileJournal(directory: dir)
        defer { journal.close() }
        let record = try #require(journal.record(id: "REP-20261120-0001"))
        #expect(record.assignee == "李师傅")
        #expect(record.noteForResident == "下午2点上门")
        #expect(record.history.map(\.tellResident) == [false, false, true, false])
        #expect(record.json["assignee"]?.string == "李师傅")
        #expect(record.json["history"]?.array?[2]["tell_resident"]?.bool == true)
        #expect(record.json["history"]?.array?[3]["tell_resident"] == nil)
        let list = run(["records", "list", "--data-dir", dir, "--type", "repair"])
        #expect(list.out.contains("水电班  李师傅"))
        let show = run(["records", "show", "REP-20261120-0001", "--data-dir", dir])
        #expect(show.out.contains("  assignee     李师傅\n"))
        #expect(show.out.contains("[to resident] 下午2点上门\n"))
    }

    @Test(arguments: [
        ("2026-11-24T22:00:00+08:00", "10h"), ("2026-11-25T11:59:00+08:00", "23h"), ("2026-11-25T12:00:00+08:00", "1d"),
        ("2026-11-28T13:00:00+08:00", "4d"),
    ])
    func overdueShowsHoursUnderADay(now: String, shown: String) {
        defer { cleanUp() }
        let result = run(["records", "overdue", "--data-dir", dir, "--now", now])
        #expect(result.out.contains("2026-11-21 12:00  \(shown)\n"), "\(result.out)")
    }

    @Test func aDataDirectoryWithoutAJournalIsSaidOnStderr() {
        defer { cleanUp() }
        let missing = dir + "-misspelt"
        let list = run(["records", "overdue", "--data-dir", missing])
        #expect(list.status == 0)
        #expect(list.err.contains("no journal at \(missing)/records.jsonl"))
        let show = run(["records", "show", "REP-20261120-0001", "--data-dir", missing])
        #expect(show.status == 1)
        #expect(show.err.contains("no journal at \(missing)/records.jsonl"))
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}
