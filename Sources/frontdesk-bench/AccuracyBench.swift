import Foundation
import FrontDeskContent
import FrontDeskMatching
import FrontDeskModel

/// `frontdesk-bench accuracy [--intents DIR] [--folds 5] [--test FILE] [--exclude a.jsonl,b.jsonl] [--misses 1]
/// [--rules-only 1] [--alpha X --weight X --threshold X --rule-scale X --temperature X]`: honest accuracy.
/// Without `--test`: k-fold cross-validation over every example in `intents/examples/` (each fold's learned
/// layer trained without it). With `--test FILE`: the held-out file scored by a matcher trained on all examples
/// (less `--exclude`). Prints overall, hard cases, units, emergency recall and false emergencies on their own
/// lines, per language, and per-intent precision and recall.
func accuracyBenchmark(_ argv: [String]) -> Int32 {
    let options = BenchOptions(argv)
    let directory = options.string("--intents", "intents")
    let catalog: Catalog
    do { catalog = try Catalog.load(directory: directory) } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        return 1
    }
    var learning = catalog.learning
    if options.string("--rules-only", "0") == "1" { learning.enabled = false }
    if let v = options.values["--alpha"].flatMap(Double.init) { learning.alpha = v }
    if let v = options.values["--weight"].flatMap(Double.init) { learning.weight = v }
    if let v = options.values["--threshold"].flatMap(Double.init) { learning.threshold = v }
    if let v = options.values["--rule-scale"].flatMap(Double.init) { learning.ruleScale = v }
    if let v = options.values["--temperature"].flatMap(Double.init) { learning.temperature = v }
    if let v = options.values["--silent-threshold"].flatMap(Double.init) { learning.silentThreshold = v }
    if let v = options.values["--clear-lead"].flatMap(Double.init) { learning.clearLead = v }
    if let v = options.values["--hold-score"].flatMap(Double.init) { learning.holdScore = v }
    if let v = options.values["--overturn"].flatMap(Double.init) { learning.overturn = v }
    if let v = options.values["--min-count"].flatMap(Int.init) { learning.minimumCount = v }
    if let v = options.values["--min-features"].flatMap(Int.init) { learning.minimumFeatures = v }
    let excluded = Set(options.string("--exclude", "").split(separator: ",").map(String.init))
    let examples = catalog.examples.filter { !excluded.contains(($0.file as NSString).lastPathComponent) }
    let misses = options.string("--misses", "0") == "1"
    let started = DispatchTime.now()
    let evaluation: Evaluation
    let title: String
    if let file = options.values["--test"] {
        let test: [LabeledExample]
        do { test = try Catalog.loadExamples(file: file) } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return 1
        }
        evaluation = Evaluation.score(catalog: catalog, train: examples, test: test, learning: learning)
        title = "\(file): \(test.count) held-out messages, learned layer trained on \(examples.count) examples"
    } else {
        let folds = options.int("--folds", 5)
        evaluation = Evaluation.crossValidate(catalog: catalog, examples: examples, folds: folds, learning: learning)
        title = "\(folds)-fold cross-validation over \(examples.count) examples of \(directory)/examples"
    }
    print(evaluation.report(title: title + (learning.enabled ? "" : " (rules only)"), misses: misses))
    print("  time               \(ms(started, DispatchTime.now())) ms")
    return 0
}
