import Foundation
import Testing

/// Accuracy on held-out resident messages (`heldout.jsonl`), written and labelled
/// independently of `dev.jsonl` and before the matcher was run on them.
@Suite struct HeldoutCorpusTests {
    @Test func heldoutCorpusAccuracyIsAtLeast95Percent() throws {
        let score = try BlindCorpusTests.score("heldout.jsonl")
        #expect(score.all >= 400)
        #expect(score.accuracy >= 0.95)
    }
}
