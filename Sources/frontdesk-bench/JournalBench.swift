// `frontdesk-bench journal`: durable record creation (write + fsync, group-committed) with
// 1, 16 and 200 concurrent writer threads: records/s, fsyncs/s, p50/p99 latency, median of 3 runs.
import Foundation
import FrontDeskJournal
import FrontDeskModel
import Synchronization

/// One run's figures.
private struct JournalRun {
    var recordsPerSecond: Double
    var fsyncsPerSecond: Double
    var p50: Double
    var p99: Double
    var records: Int
    var fsyncs: Int
}

func journalBenchmark(_ args: [String]) -> Int32 {
    var writers = [1, 16, 200]
    var total = 20_000
    var base = NSTemporaryDirectory() + "frontdesk-journal-bench"
    var i = 0
    while i < args.count {
        let value = i + 1 < args.count ? args[i + 1] : ""
        switch args[i] {
        case "--writers": writers = value.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
        case "--records": total = max(1, Int(value) ?? total)
        case "--dir": base = value
        default:
            FileHandle.standardError.write(
                Data("usage: frontdesk-bench journal [--writers 1,16,200] [--records N] [--dir DIR]\n".utf8))
            return 2
        }
        i += 2
    }
    guard let words = BenchCorpus.loadOrReport("journal")?.journal else { return 1 }
    print(
        "journal: durable creates (write + fsync per batch), \(ProcessInfo.processInfo.activeProcessorCount) cores, dir \(base)"
    )
    print("| writers | records/run | records/s | fsyncs/s | records/fsync | p50 ms | p99 ms |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for count in writers {
        // One writer is bound by fsync latency: fewer records keep the run short.
        let records = count == 1 ? min(total, 2_000) : total
        var runs: [JournalRun] = []
        for run in 0..<3 {
            let dir = "\(base)/w\(count)-r\(run)-\(getpid())"
            try? FileManager.default.removeItem(atPath: dir)
            guard let result = journalRun(directory: dir, writers: count, records: records, words: words) else {
                return 1
            }
            runs.append(result)
            try? FileManager.default.removeItem(atPath: dir)
        }
        let median = runs.sorted { $0.recordsPerSecond < $1.recordsPerSecond }[1]
        print(
            String(
                format: "| %d | %d | %.0f | %.0f | %.1f | %.2f | %.2f |", count, median.records,
                median.recordsPerSecond,
                median.fsyncsPerSecond, Double(median.records) / Double(max(1, median.fsyncs)), median.p50, median.p99))
    }
    transcriptAppendBenchmark(directory: base + "/transcripts-\(getpid())", words: words)
    return 0
}

/// The cost of `TranscriptWriter.append` on the caller's thread (the flusher writes in the background).
private func transcriptAppendBenchmark(directory: String, words: BenchCorpus.Journal) {
    guard let writer = try? TranscriptWriter(directory: directory) else { return }
    let event = TranscriptEvent(
        time: "2026-11-22T10:03:00+08:00", session: "s-0001", seq: 3, channel: "tcp", peer: "127.0.0.1:53122",
        role: .bot, text: words.botReply, intent: "repair",
        confidence: 0.92, language: "zh-Hans", awaiting: "confirm",
        slots: JSONObject([("unit", .string("3-2-501")), ("description", .string(words.slotDescription))]))
    let count = 50_000  // below the backlog limit: what a turn pays while the flusher keeps up
    var best = Double.infinity
    var sustained = 0.0
    for _ in 0..<3 {
        let t0 = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<count { writer.append(event) }
        let t1 = DispatchTime.now().uptimeNanoseconds
        writer.flush()
        let t2 = DispatchTime.now().uptimeNanoseconds
        best = min(best, Double(t1 - t0) / Double(count))
        sustained = max(sustained, Double(count) / (Double(t2 - t0) / 1e9))
    }
    writer.close()
    print(
        String(
            format:
                "transcript append: %.0f ns/event on the caller (best of 3 x %d); with writing and fsync: %.0f events/s",
            best, count, sustained))
    try? FileManager.default.removeItem(atPath: directory)
}

private func journalRun(directory: String, writers: Int, records: Int, words: BenchCorpus.Journal) -> JournalRun? {
    let io = CountingJournalIO()
    let journal: FileJournal
    do {
        journal = try FileJournal(directory: directory, io: io)
    } catch {
        FileHandle.standardError.write(Data("journal bench: \(error)\n".utf8))
        return nil
    }
    let latencies = Mutex<[Double]>([])
    let failures = Atomic<Int>(0)
    let ready = DispatchGroup()
    let done = DispatchGroup()
    let start = DispatchSemaphore(value: 0)
    for w in 0..<writers {
        let share = records / writers + (w < records % writers ? 1 : 0)
        ready.enter()
        done.enter()
        Thread {
            var mine: [Double] = []
            mine.reserveCapacity(share)
            ready.leave()
            start.wait()
            for n in 0..<share {
                let draft = Record(
                    type: n % 3 == 0 ? .complaint : .repair, createdAt: "2026-11-22T10:03:00+08:00",
                    unit: "\(w % 9 + 1)-\(n % 4 + 1)-\(501 + n % 7)", phone: "13812345678", category: "plumbing",
                    description: words.recordDescription + " writer \(w) #\(n)", priority: "normal")
                let t0 = DispatchTime.now().uptimeNanoseconds
                do {
                    _ = try journal.create(draft)
                } catch {
                    failures.add(1, ordering: .relaxed)
                }
                mine.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
            }
            latencies.withLock { $0 += mine }
            done.leave()
        }.start()
    }
    ready.wait()
    let t0 = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<writers { start.signal() }
    done.wait()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
    journal.close()
    if failures.load(ordering: .relaxed) > 0 {
        FileHandle.standardError.write(
            Data("journal bench: \(failures.load(ordering: .relaxed)) creates failed\n".utf8))
        return nil
    }
    let sorted = latencies.withLock { $0 }.sorted()
    let fsyncs = io.fsyncCount
    return JournalRun(
        recordsPerSecond: Double(records) / seconds, fsyncsPerSecond: Double(fsyncs) / seconds,
        p50: sorted[sorted.count / 2], p99: sorted[min(sorted.count - 1, sorted.count * 99 / 100)],
        records: records, fsyncs: fsyncs)
}
