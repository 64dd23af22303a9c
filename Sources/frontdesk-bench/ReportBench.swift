// `frontdesk-bench report`: a generated year of a 5,000-unit estate (about 100,000 records and
// 2,000,000 transcript events) reported end to end; prints wall time and peak memory (VmHWM).
import Foundation
import FrontDeskJournal
import FrontDeskModel
import FrontDeskReports

/// Runs the report benchmark. Options: `--dir DIR` (keep and reuse the generated data),
/// `--records N`, `--events N`, `--html FILE` (also write the year's HTML page).
func reportBenchmark(_ argv: [String]) -> Int32 {
    func option(_ name: String) -> String? {
        argv.firstIndex(of: name).flatMap { $0 + 1 < argv.count ? argv[$0 + 1] : nil }
    }
    let records = option("--records").flatMap(Int.init) ?? 100_000
    let events = option("--events").flatMap(Int.init) ?? 2_000_000
    let keep = option("--dir")
    // The estate's name, the records' names and notes, and the chat lines: bench/corpus.json.
    guard let corpus = BenchCorpus.loadOrReport("report")?.report else { return 1 }
    let satisfaction: SatisfactionNames
    do { satisfaction = try SatisfactionNames.load(intentsDirectory: "intents") } catch {
        print("report bench: \(error)")
        return 1
    }
    let dir = keep ?? NSTemporaryDirectory() + "frontdesk-report-bench-\(getpid())"
    let fm = FileManager.default
    if !fm.fileExists(atPath: dir + "/records.jsonl") {
        let start = Date()
        do {
            var data = ReportBenchData(records: records, events: events, words: corpus, satisfaction: satisfaction)
            try data.write(to: dir)
        } catch {
            print("report bench: cannot generate data: \(error)")
            return 1
        }
        print(
            "generated \(dir) in \(String(format: "%.1f", Date().timeIntervalSince(start))) s, VmHWM so far \(peakMemoryMB()) MB"
        )
    }
    let journalMB = ((try? fm.attributesOfItem(atPath: dir + "/records.jsonl"))?[.size] as? Int ?? 0) >> 20
    let transcriptMB =
        ((try? fm.contentsOfDirectory(atPath: dir + "/transcripts")) ?? []).reduce(0) {
            $0 + (((try? fm.attributesOfItem(atPath: dir + "/transcripts/" + $1))?[.size] as? Int) ?? 0)
        } >> 20
    guard let period = try? ReportPeriod.range(from: "2026-01-01", to: "2026-12-31", offset: 28_800) else {
        FileHandle.standardError.write(Data("report: the benchmark's period does not parse\n".utf8))
        return 1
    }
    let now = Timestamp.seconds("2027-01-05T09:00:00+08:00")!
    let start = Date()
    let cpuStart = cpuSeconds()
    let built: (monthly: MonthlyReport, understanding: UnderstandingReport)
    do {
        let han = try GroupingText.loadTable(intentsDirectory: "intents")
        let words = try GroupingText.loadWords(intentsDirectory: "intents")
        built = try ReportBuilder(
            dataDirectory: dir, estateName: corpus.estateName, period: period, now: now, han: han, words: words,
            satisfaction: satisfaction
        ).build()
    } catch {
        print("report bench: \(error)")
        return 1
    }
    let labels: ReportLabels
    do {
        labels = try ReportLabels.load(phraseDirectory: "intents/phrases", estateName: corpus.estateName)
    } catch {
        print("report bench: \(error)")
        return 1
    }
    let text = TextReport(labels: labels, offset: 28_800).render(built.monthly)
    let html = HTMLReport(labels: labels, offset: 28_800).render(built.monthly, built.understanding)
    let seconds = Date().timeIntervalSince(start)
    let cpu = cpuSeconds() - cpuStart
    let m = built.monthly
    print("data: journal \(journalMB) MB, transcripts \(transcriptMB) MB")
    print(
        "records \(m.total), resident messages \(m.messages.resident), bot turns \(m.messages.bot), "
            + "sessions \(m.messages.sessions), unrecognized \(built.understanding.unrecognized) in "
            + "\(built.understanding.groups.count) groups, corrections \(built.understanding.corrections)")
    print("text \(text.utf8.count) bytes, html \(html.utf8.count) bytes")
    print(
        String(
            format:
                "report: %.2f s wall, %.2f s CPU on 2 threads (target < 5 s), peak memory VmHWM %d MB (target < 200 MB)",
            seconds, cpu, peakMemoryMB()))
    var load = [Double](repeating: 0, count: 3)
    if getloadavg(&load, 3) == 3 { print(String(format: "load average during the run: %.2f (2 cores)", load[0])) }
    if let path = option("--html") { _ = fm.createFile(atPath: path, contents: Data(html.utf8)) }
    if keep == nil { try? fm.removeItem(atPath: dir) }
    return 0
}

/// User + system CPU time of the whole process so far, in seconds.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// The process's peak resident set (VmHWM) in MB, from /proc/self/status.
func peakMemoryMB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    else { return -1 }
    return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
}

/// A deterministic year of a 5,000-unit estate, written day by day so generating it needs
/// little memory: records with their lifecycle and return visits, audit events, and chat
/// sessions with some messages the bot does not understand and some corrections.
struct ReportBenchData {
    var records: Int
    var events: Int
    /// The names, notes and chat lines (bench/corpus.json).
    var words: BenchCorpus.Report
    /// The stored names of the return-visit answers (intents/journal.json).
    var satisfaction: SatisfactionNames
    var rng = SplitMix(seed: 20_261_122)

    static let units = 5000
    static let repair = ["plumbing", "electrical", "door_window", "elevator", "public_facility", "appliance", "other"]
    static let complaint = ["noise", "sanitation", "parking", "staff", "pet", "smell", "security", "service", "other"]
    static let emergency = ["gas", "fire", "flood", "elevator_trapped", "electrical"]

    /// Writes `records.jsonl` and `transcripts/YYYY-MM-DD.jsonl` under `dir`.
    mutating func write(to dir: String) throws {
        try FileManager.default.createDirectory(atPath: dir + "/transcripts", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: dir + "/records.jsonl", contents: nil)
        let journal = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/records.jsonl"))
        defer { try? journal.close() }
        var seq = 0
        var buffer: [UInt8] = []
        func emit(_ event: JournalEvent) {
            seq += 1
            JournalLine.encode(seq: seq, event: event, to: &buffer)
        }
        let first = CivilTime(year: 2026, month: 1, day: 1, offset: 28_800)
        let perDay = records / 365
        let eventsPerDay = events / 365
        for day in 0..<365 {
            let date = first.addingDays(day)
            for n in 0..<perDay {
                let created = date.date.addingTimeInterval(Double(rng.next(86_400)))
                emitRecord(created: created, number: n + 1, date: date, emit: emit)
            }
            for _ in 0..<(perDay / 5) {
                let at = CivilTime(date.date.addingTimeInterval(Double(rng.next(86_400))), offset: 28_800).iso8601
                let kind = ["verify_succeeded", "verify_succeeded", "verify_failed", "fee_disclosure", "lockout"][
                    rng.next(5)]
                emit(.audit(AuditEvent(kind: kind, at: at, session: "s-\(rng.next(1 << 30))", unit: "1-1-101")))
            }
            try journal.write(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
            try writeTranscripts(day: date, count: eventsPerDay, to: dir + "/transcripts/\(date.isoDate).jsonl")
        }
    }

    mutating func emitRecord(created: Date, number: Int, date: CivilTime, emit: (JournalEvent) -> Void) {
        let iso = { (d: Date) in CivilTime(d, offset: 28_800).iso8601 }
        let roll = rng.next(100)
        let type: RecordType =
            roll < 55
            ? .repair : roll < 85 ? .complaint : roll < 90 ? .decorationPermit : roll < 93 ? .emergency : .callback
        let category: String? =
            switch type {
            case .repair: Self.repair[rng.next(Self.repair.count)]
            case .complaint: Self.complaint[rng.next(Self.complaint.count)]
            case .emergency: Self.emergency[rng.next(Self.emergency.count)]
            default: nil
            }
        let dueHours = type == .emergency ? 0.5 : type == .repair ? 4 : 24
        var record = Record(
            id: "\(type.prefix)-\(date.compactDate)-\(String(format: "%04d", number))", type: type,
            createdAt: iso(created),
            unit: "\(rng.next(20) + 1)-\(rng.next(4) + 1)-\(rng.next(30) + 1)01", name: words.residentName,
            phone: "13812345678",
            category: category, description: words.description, priority: "normal",
            dueAt: iso(created.addingTimeInterval(dueHours * 3600)), session: "s-\(number)", language: "zh-Hans")
        record.history = [HistoryEntry(at: record.createdAt, status: record.status, actor: "bot")]
        emit(.create(record))
        let response = created.addingTimeInterval(Double(rng.next(Int(dueHours * 3600 * 1.3)) + 60))
        let first = type == .decorationPermit ? "approved" : "dispatched"
        emit(
            .update(
                RecordUpdate(
                    id: record.id, at: iso(response), actor: words.technician, status: first, note: words.dispatchedNote
                )))
        guard type != .decorationPermit, rng.next(10) < 9 else { return }
        let resolved = response.addingTimeInterval(Double(rng.next(96 * 3600)))
        emit(
            .update(
                RecordUpdate(
                    id: record.id, at: iso(resolved), actor: words.technician, status: "resolved",
                    note: words.resolvedNote)))
        guard rng.next(10) < 8 else { return }
        let levels = Satisfaction.allCases
        let visited = resolved.addingTimeInterval(Double(rng.next(4 * 86_400)))
        emit(
            .update(
                RecordUpdate(
                    id: record.id, at: iso(visited), actor: words.visitor,
                    satisfaction: satisfaction.stored(levels[min(rng.next(6), levels.count - 1)]))))
    }

    mutating func writeTranscripts(day: CivilTime, count: Int, to path: String) throws {
        var out: [UInt8] = []
        out.reserveCapacity(count * 300)
        var written = 0
        while written < count {
            let session = "s-\(day.compactDate)-\(rng.next(1 << 40))"
            var time = day.date.addingTimeInterval(Double(rng.next(86_000)))
            var seq = 1
            func add(_ role: Role, _ text: String, _ intent: String?, _ choices: [String] = []) {
                var event = TranscriptEvent(
                    time: CivilTime(time, offset: 28_800).iso8601, session: session, seq: seq,
                    channel: "tcp", peer: "127.0.0.1:53122", role: role, text: text, intent: intent,
                    confidence: 0.9, language: "zh-Hans")
                event.choices = choices
                event.json.write(to: &out)
                out.append(0x0A)
                seq += 1
                written += 1
                time.addTimeInterval(7)
            }
            add(.bot, words.greeting, "greeting")
            for _ in 0..<(1 + rng.next(6)) {
                if rng.next(100) < 6 {
                    let text =
                        words.unknown[rng.next(words.unknown.count)] + (rng.next(3) == 0 ? words.questionMark : "")
                    add(.resident, text, nil)
                    if rng.next(3) == 0 {
                        add(.bot, words.whichOne, "fallback", ["repair", "complaint"])
                    } else {
                        add(.bot, words.notUnderstood, "fallback")
                    }
                } else {
                    let (text, intent) = words.understood[rng.next(words.understood.count)]
                    add(.resident, rng.next(50) == 0 ? words.correction + text : text, nil)
                    add(.bot, words.recorded(text), intent)
                }
            }
        }
        _ = FileManager.default.createFile(atPath: path, contents: Data(out))
    }
}

/// A small deterministic random number generator (SplitMix64).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    /// A number in `0..<bound`.
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
