import Foundation
import Testing

/// Accuracy on the office's own labelled messages (`dev.jsonl`, copied from the shared corpus).
@Suite struct CorpusTests {
    @Test func devCorpusAccuracyIsAtLeast95Percent() throws {
        let score = try BlindCorpusTests.score("dev.jsonl")
        #expect(score.all > 200)
        #expect(score.accuracy >= 0.95)
    }
}
