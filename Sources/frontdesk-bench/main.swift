// frontdesk-bench: benchmarks, release builds only (`swift run -c release frontdesk-bench <name>`).
// Never run by `swift test`. Each benchmark lives in its own file and registers one line here.
import Foundation

let benchmarks: [(name: String, summary: String, run: ([String]) -> Int32)] = [
    // BENCHMARKS: one line per benchmark (keep this marker for merges)
    ("startup", "load intents, matcher, estate and journal: median ms (--estate FILE, --runs N)", startupBenchmark),
    ("entities", "entity extraction, messages/s on one core", benchEntities),
    ("estate-load", "load and validate an estate file (FILE [RUNS])", benchEstateLoad),
    ("journal", "durable record creation, 1/16/200 concurrent writers", journalBenchmark),
    ("classify", "classify throughput over a generated corpus (--n, --passes, --intents)", classifyBenchmark),
    ("peers", "outside-engine contract of shared/bench (--corpus --spec --runs --limit)", peersBenchmark),
    ("gen-hant-hans", "print the Traditional → Simplified table for intents/hant-hans.txt", generateHanTable),
    ("report", "a year of a 5,000-unit estate through frontdesk report (time, VmHWM)", reportBenchmark),
    ("turns", "whole chat turns in process, transcripts on vs off", turnsBench),
    (
        "accuracy", "cross-validated or held-out intent accuracy, per intent, emergencies (--folds, --test)",
        accuracyBenchmark
    ),
]

let argv = Array(CommandLine.arguments.dropFirst())
guard let name = argv.first, let bench = benchmarks.first(where: { $0.name == name }) else {
    var usage = "usage: frontdesk-bench <benchmark> [options]\n\nbenchmarks:\n"
    for b in benchmarks { usage += "  \(b.name)\t\(b.summary)\n" }
    FileHandle.standardError.write(Data(usage.utf8))
    exit(2)
}
exit(bench.run(Array(argv.dropFirst())))
