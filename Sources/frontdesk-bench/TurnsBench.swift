import Foundation
import FrontDeskContent
import FrontDeskDialogue
import FrontDeskJournal
import FrontDeskMatching
import FrontDeskModel

/// `frontdesk-bench turns [--n 100000] [--runs 5] [--mix bench/mix.txt] [--intents DIR] [--estate FILE]`: whole chat
/// turns in process (match, dialogue, reply, transcript event) per second and µs per turn, over the sessions of the
/// message mix that `bench/run-load.sh` sends too, with transcripts written by a real `TranscriptWriter` to a
/// temporary directory (on) against `NullTranscriptSink` (off). Runs alternate on/off; medians are reported with
/// their ratio (target: on < 10% slower).
func turnsBench(_ argv: [String]) -> Int32 {
    var options: [String: String] = [:]
    var i = 0
    while i + 1 < argv.count {
        options[argv[i]] = argv[i + 1]
        i += 2
    }
    let n = Int(options["--n"] ?? "") ?? 100_000
    let runs = Int(options["--runs"] ?? "") ?? 5
    let catalog: Catalog
    let estate: Estate
    do {
        catalog = try Catalog.load(directory: options["--intents"] ?? "intents")
        estate = try Estate.load(path: options["--estate"] ?? "estate/sample.json")
    } catch {
        FileHandle.standardError.write(Data("turns: cannot load content: \(error)\n".utf8))
        return 1
    }
    // The bot turn of the writer-only run (bench/corpus.json).
    guard let reply = BenchCorpus.loadOrReport("turns")?.turnsReply else { return 1 }
    let mixPath = options["--mix"] ?? "bench/mix.txt"
    guard let scripts = readMix(mixPath), !scripts.isEmpty else {
        FileHandle.standardError.write(Data("turns: cannot read the message mix \(mixPath)\n".utf8))
        return 1
    }
    var on: [Double] = []
    var off: [Double] = []
    var onCPU: [Double] = []
    var offCPU: [Double] = []
    let lines = scripts.reduce(0) { $0 + $1.count }
    print("turns: \(n) turns per run, \(runs) runs each, alternating; mix \(mixPath): \(scripts.count) sessions, \(lines) lines")
    for run in 0..<(runs * 2) {
        let transcriptsOn = run % 2 == 1
        guard let (rate, cpuRate) = turnsRun(n: n, scripts: scripts, catalog: catalog, estate: estate, transcripts: transcriptsOn)
        else { return 1 }
        if transcriptsOn {
            on.append(rate)
            onCPU.append(cpuRate)
        } else {
            off.append(rate)
            offCPU.append(cpuRate)
        }
        print(
            "  run \(run / 2 + 1) transcripts \(transcriptsOn ? "on " : "off"): \(Int(rate)) turns/s, \(Int(cpuRate)) turns/CPU-s"
                + " (\(microseconds(cpuRate)) µs of CPU per turn)"
        )
    }
    var classifyRates: [Double] = []
    for _ in 0..<runs { classifyRates.append(classifyOnly(n: n, scripts: scripts, catalog: catalog, estate: estate)) }
    let classifyShare = median(off) / median(classifyRates) * 100
    print(
        "classify alone (the same \(n) messages, Matcher.classify as Engine.respond calls it): median "
            + "\(Int(median(classifyRates))) messages/s: about \(String(format: "%.1f", classifyShare))% of a turn's time "
            + "at the off median, the rest (dialogue, reply, transcript event) \(String(format: "%.1f", 100 - classifyShare))%"
    )
    if let eventsPerSecond = writerOnly(events: 2 * n, reply: reply) {
        let share = 2 / eventsPerSecond * median(off) * 100
        print(
            "transcript writer alone: \(Int(eventsPerSecond)) events/s (2 per turn): about "
                + "\(String(format: "%.1f", share))% of a turn's time at the off median")
    }
    report("wall clock", unit: "turns/s", on: median(on), off: median(off))
    report("CPU time (all threads)", unit: "turns/CPU-s", on: median(onCPU), off: median(offCPU))
    return 0
}

/// Classifies the messages the turns runs send, in the same order, as `Engine.respond` does
/// (trimmed, at the bench's fixed time): the matcher's share of a turn. Messages per second.
private func classifyOnly(n: Int, scripts: [[String]], catalog: Catalog, estate: Estate) -> Double {
    let matcher = Matcher(catalog: catalog)
    let now = CivilTime(year: 2026, month: 11, day: 22, hour: 10, offset: estate.utcOffset).date
    let messages = scripts.flatMap { $0 }.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    var done = 0
    var checksum = 0.0
    let start = ContinuousClock.now
    while done < n {
        for message in messages where done < n {
            checksum += matcher.classify(message, now: now, utcOffset: estate.utcOffset).confidence
            done += 1
        }
    }
    let elapsed = ContinuousClock.now - start
    if checksum.isNaN { print("  (warning: NaN confidence)") }
    return Double(n) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

/// Appends `events` typical transcript events (built and masked as `Conversation` does) to a real
/// writer and closes it: the whole transcript cost, without the engine.
private func writerOnly(events: Int, reply: String) -> Double? {
    let directory = NSTemporaryDirectory() + "/frontdesk-bench-writer-\(UUID().uuidString.prefix(8))"
    defer { try? FileManager.default.removeItem(atPath: directory) }
    guard let writer = try? TranscriptWriter(directory: directory) else { return nil }
    let slots = JSONObject([("unit", .string("3-2-501")), ("phone", .string("138****5678"))])
    let start = ContinuousClock.now
    for i in 0..<events {
        var event = TranscriptEvent(
            time: "2026-11-22T10:00:00+08:00", session: "b-\(i / 12)", seq: i % 12 + 1, channel: "test", peer: "bench",
            role: i % 2 == 0 ? .resident : .bot, text: PhoneMask.mask(i % 2 == 0 ? "13812345678" : reply),
            intent: "repair", language: "zh-Hans")
        if i % 2 == 1 {
            event.awaiting = "confirm"
            event.slots = slots
        }
        writer.append(event)
    }
    writer.close()
    let elapsed = ContinuousClock.now - start
    return Double(events) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

private func report(_ title: String, unit: String, on: Double, off: Double) {
    let slower = (1 - on / off) * 100
    print(
        "\(title): transcripts off median \(Int(off)) \(unit) (\(microseconds(off)) µs per turn), on median"
            + " \(Int(on)) \(unit) (\(microseconds(on)) µs per turn)")
    print(
        "  on/off ratio \(String(format: "%.3f", on / off)) (\(String(format: "%.1f", slower))% slower; target < 10%)")
}

/// The sessions of a message mix (`bench/mix.txt`): blank lines separate sessions, `#` lines are comments.
func readMix(_ path: String) -> [[String]]? {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
    var scripts: [[String]] = [[]]
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
        let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
        if line.hasPrefix("#") { continue }
        if line.isEmpty {
            if !(scripts.last?.isEmpty ?? true) { scripts.append([]) }
        } else {
            scripts[scripts.count - 1].append(line)
        }
    }
    return scripts.filter { !$0.isEmpty }
}

/// Microseconds per turn at `rate` turns per second, one decimal.
private func microseconds(_ rate: Double) -> String { String(format: "%.1f", 1e6 / rate) }

/// User and system CPU time of the whole process (every thread, the transcript flusher included).
private func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return user + system
}

/// Wall-clock turns/s and turns per CPU second of one run.
private func turnsRun(n: Int, scripts: [[String]], catalog: Catalog, estate: Estate, transcripts on: Bool) -> (
    Double, Double
)? {
    let directory = NSTemporaryDirectory() + "/frontdesk-bench-turns-\(UUID().uuidString.prefix(8))"
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let writer: TranscriptWriter?
    do {
        writer = on ? try TranscriptWriter(directory: directory) : nil
    } catch {
        FileHandle.standardError.write(Data("turns: \(error)\n".utf8))
        return nil
    }
    let sink: any TranscriptSink = writer ?? NullTranscriptSink()
    let clock = FixedClock(CivilTime(year: 2026, month: 11, day: 22, hour: 10, offset: estate.utcOffset).date)
    let engine = Engine(catalog: catalog, estate: estate, store: InMemoryRecordStore(), clock: clock)
    var done = 0
    var session = 0
    var replyBytes = 0
    let cpuStart = processCPUSeconds()
    let start = ContinuousClock.now
    while done < n {
        let script = scripts[session % scripts.count]
        session += 1
        var conversation = Conversation(
            engine: engine, sessionID: "b-\(session)", channel: .test, peer: "bench", transcripts: sink)
        for message in script where done < n {
            replyBytes &+= conversation.handle(message).reply.utf8.count
            done += 1
        }
    }
    writer?.close()
    let elapsed = ContinuousClock.now - start
    let cpu = processCPUSeconds() - cpuStart
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    if replyBytes == 0 { print("  (warning: every reply was empty)") }
    return (Double(n) / seconds, Double(n) / cpu)
}

private func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted.count % 2 == 1
        ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}
