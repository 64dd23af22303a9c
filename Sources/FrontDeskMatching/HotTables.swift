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
    /// One row per automaton state (edges, failure link and outputs together: one cache line read per state).
    let states: UnsafeMutableBufferPointer<StateRow>
    /// The edges of every state, sorted by symbol within a state.
    let edges: UnsafeMutableBufferPointer<StateEdge>
    /// The patterns ending at every state, longest first, with their lengths.
    let stateOutputs: UnsafeMutableBufferPointer<StateOutput>
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
        var rows: [StateRow] = []
        rows.reserveCapacity(automaton.stateCount)
        for s in 0..<automaton.stateCount {
            let edgeCount = automaton.edgeStart[s + 1] - automaton.edgeStart[s]
            let outputCount = automaton.outputStart[s + 1] - automaton.outputStart[s]
            // The root's edges are `rootNext`; no other state has more edges than there are symbols (UInt16).
            precondition(s == 0 || edgeCount <= Int32(UInt16.max), "too many edges in one automaton state")
            precondition(outputCount <= Int32(UInt16.max), "too many patterns ending in one automaton state")
            rows.append(
                StateRow(
                    edgeStart: automaton.edgeStart[s], fail: automaton.fail[s], outputStart: automaton.outputStart[s],
                    edgeCount: s == 0 ? 0 : UInt16(edgeCount), outputCount: UInt16(outputCount)))
        }
        states = Self.copy(rows)
        edges = Self.copy(
            zip(automaton.edgeSymbol, automaton.edgeTarget).map { StateEdge(symbol: UInt32($0), target: $1) })
        stateOutputs = Self.copy(
            automaton.outputs.map { StateOutput(pattern: $0, length: automaton.patternLength[Int($0)]) })
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
        states.deallocate()
        edges.deallocate()
        stateOutputs.deallocate()
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
        let symbol = value < 65_536 ? UInt32(symbolOf[Int(value)]) : UInt32(astralSymbols[value] ?? 0)
        if symbol == 0 { return 0 }
        var state = state
        while state != 0 {
            let row = states[state]
            var i = Int(row.edgeStart)
            var end = i + Int(row.edgeCount)
            // A state with many edges (the first characters of many keywords) is searched by halves first.
            while end - i > 8 {
                let middle = (i + end) >> 1
                if edges[middle].symbol <= symbol { i = middle } else { end = middle }
            }
            while i < end {
                let edge = edges[i]
                if edge.symbol == symbol { return Int(edge.target) }
                if edge.symbol > symbol { break }
                i += 1
            }
            state = Int(row.fail)
        }
        return Int(rootNext[Int(symbol)])
    }
}

/// One automaton state: its edges `edges[edgeStart..<edgeStart + edgeCount]` (none for the root, whose
/// transitions are `rootNext`), its failure link, and the patterns ending at it,
/// `stateOutputs[outputStart..<outputStart + outputCount]`. 16 bytes: four states to a cache line.
struct StateRow {
    var edgeStart: Int32
    var fail: Int32
    var outputStart: Int32
    var edgeCount: UInt16
    var outputCount: UInt16
}

/// One edge of an automaton state: the symbol and the state it leads to.
struct StateEdge {
    var symbol: UInt32
    var target: Int32
}

/// A pattern ending at an automaton state, with its length in scalars.
struct StateOutput {
    var pattern: Int32
    var length: Int32
}
