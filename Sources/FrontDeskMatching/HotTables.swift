/// The matcher's hot-path tables copied once into raw memory, so that the per-character loop
/// reads plain pointers (no array bounds or reference-count traffic).
///
/// `@unchecked Sendable`: every buffer is written only in `init` and never again, so sharing
/// the object between threads needs no lock; `deinit` frees the buffers.
final class HotTables: @unchecked Sendable {
    let normalization: UnsafeMutableBufferPointer<UInt32>
    let expansionStarts: UnsafeMutableBufferPointer<Int32>
    let expansionScalars: UnsafeMutableBufferPointer<UInt32>
    let symbolOf: UnsafeMutableBufferPointer<UInt16>
    let rootNext: UnsafeMutableBufferPointer<Int32>
    let edgeStart: UnsafeMutableBufferPointer<Int32>
    let edgeSymbol: UnsafeMutableBufferPointer<UInt16>
    let edgeTarget: UnsafeMutableBufferPointer<Int32>
    let fail: UnsafeMutableBufferPointer<Int32>
    let stateOutputStart: UnsafeMutableBufferPointer<Int32>
    let stateOutputs: UnsafeMutableBufferPointer<Int32>
    let patternLength: UnsafeMutableBufferPointer<Int32>
    let patternFlags: UnsafeMutableBufferPointer<UInt8>
    let patternOutputStart: UnsafeMutableBufferPointer<Int32>
    let outputs: UnsafeMutableBufferPointer<RuleOutput>
    let categoryStart: UnsafeMutableBufferPointer<Int>
    let categoryPlace: UnsafeMutableBufferPointer<Bool>
    let categoryWeight: UnsafeMutableBufferPointer<Double>
    let priority: UnsafeMutableBufferPointer<Int>
    let astralSymbols: [UInt32: UInt16]

    init(normalizer: Normalizer, rules: CompiledRules) {
        normalization = Self.copy(normalizer.table)
        expansionStarts = Self.copy(normalizer.expansionStarts)
        expansionScalars = Self.copy(normalizer.expansionScalars)
        let automaton = rules.automaton
        symbolOf = Self.copy(automaton.symbolOf)
        rootNext = Self.copy(automaton.rootNext)
        edgeStart = Self.copy(automaton.edgeStart)
        edgeSymbol = Self.copy(automaton.edgeSymbol)
        edgeTarget = Self.copy(automaton.edgeTarget)
        fail = Self.copy(automaton.fail)
        stateOutputStart = Self.copy(automaton.outputStart)
        stateOutputs = Self.copy(automaton.outputs)
        patternLength = Self.copy(automaton.patternLength)
        patternFlags = Self.copy(rules.patternFlags)
        patternOutputStart = Self.copy(rules.patternOutputStart)
        outputs = Self.copy(rules.outputs)
        categoryStart = Self.copy(rules.categoryStart)
        categoryPlace = Self.copy(rules.categoryPlace)
        categoryWeight = Self.copy(rules.intentCategoryWeight)
        priority = Self.copy(rules.intentPriority)
        astralSymbols = automaton.astralSymbols
    }

    deinit {
        normalization.deallocate()
        expansionStarts.deallocate()
        expansionScalars.deallocate()
        symbolOf.deallocate()
        rootNext.deallocate()
        edgeStart.deallocate()
        edgeSymbol.deallocate()
        edgeTarget.deallocate()
        fail.deallocate()
        stateOutputStart.deallocate()
        stateOutputs.deallocate()
        patternLength.deallocate()
        patternFlags.deallocate()
        patternOutputStart.deallocate()
        outputs.deallocate()
        categoryStart.deallocate()
        categoryPlace.deallocate()
        categoryWeight.deallocate()
        priority.deallocate()
    }

    private static func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, array.count))
        _ = buffer.initialize(from: array)
        return buffer
    }

    /// The automaton's next state after the normalized scalar `value` (following failure links), on raw tables.
    @inline(__always)
    func step(_ state: Int, _ value: UInt32) -> Int {
        let symbol = value < 65_536 ? Int(symbolOf[Int(value)]) : Int(astralSymbols[value] ?? 0)
        if symbol == 0 { return 0 }
        var state = state
        while state != 0 {
            var i = Int(edgeStart[state])
            let end = Int(edgeStart[state + 1])
            while i < end {
                let s = Int(edgeSymbol[i])
                if s == symbol { return Int(edgeTarget[i]) }
                if s > symbol { break }
                i += 1
            }
            state = Int(fail[state])
        }
        return Int(rootNext[symbol])
    }
}
