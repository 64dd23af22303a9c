/// An Aho–Corasick automaton over normalized Unicode scalars, compiled once.
///
/// Characters are first mapped to a compact alphabet (only those that occur in some keyword;
/// everything else is symbol 0, which sends the automaton back to the root). The root has a
/// dense transition array; other states keep their few edges sorted in flat arrays, and
/// failure links fill the gaps. Each state lists every pattern that ends there, longest first,
/// so one pass over the text reports every occurrence of every keyword, overlaps included.
struct KeywordAutomaton: Sendable {
    /// Symbol of each BMP scalar (0: in no keyword).
    let symbolOf: [UInt16]
    /// Symbols of scalars above the BMP (emoji in keywords).
    let astralSymbols: [UInt32: UInt16]
    /// Root transitions by symbol.
    let rootNext: [Int32]
    /// Edges of state `s`: `edgeSymbol/edgeTarget[edgeStart[s]..<edgeStart[s + 1]]`, sorted by symbol.
    let edgeStart: [Int32]
    let edgeSymbol: [UInt16]
    let edgeTarget: [Int32]
    let fail: [Int32]
    /// Patterns ending at state `s`: `outputs[outputStart[s]..<outputStart[s + 1]]`, longest first.
    let outputStart: [Int32]
    let outputs: [Int32]
    /// Length in scalars of each pattern.
    let patternLength: [Int32]

    /// Compiles `patterns` (normalized scalar sequences; empty ones are ignored).
    init(patterns: [[UInt32]]) {
        var symbolOf = [UInt16](repeating: 0, count: 65_536)
        var astral: [UInt32: UInt16] = [:]
        var symbolCount = 1
        for pattern in patterns {
            for value in pattern {
                if value < 65_536 {
                    if symbolOf[Int(value)] == 0 {
                        symbolOf[Int(value)] = UInt16(symbolCount)
                        symbolCount += 1
                    }
                } else if astral[value] == nil {
                    astral[value] = UInt16(symbolCount)
                    symbolCount += 1
                }
            }
        }
        func symbol(_ value: UInt32) -> Int {
            value < 65_536 ? Int(symbolOf[Int(value)]) : Int(astral[value] ?? 0)
        }
        // The trie, with per-state dictionaries while building.
        var children: [[Int: Int]] = [[:]]
        var ends: [[Int32]] = [[]]
        for (id, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state = 0
            for value in pattern {
                let s = symbol(value)
                if let next = children[state][s] {
                    state = next
                } else {
                    children.append([:])
                    ends.append([])
                    children[state][s] = children.count - 1
                    state = children.count - 1
                }
            }
            ends[state].append(Int32(id))
        }
        // Failure links, breadth first; outputs merged along them.
        var fail = [Int32](repeating: 0, count: children.count)
        var order: [Int] = []
        var queue = Array(children[0].values)
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            order.append(state)
            for (s, child) in children[state] {
                var f = Int(fail[state])
                while state != 0, f != 0, children[f][s] == nil { f = Int(fail[f]) }
                let target = state == 0 ? 0 : (children[f][s] ?? 0)
                fail[child] = Int32(target == child ? 0 : target)
                queue.append(child)
            }
        }
        for state in order { ends[state] += ends[Int(fail[state])] }
        let lengths = patterns.map { Int32($0.count) }
        var rootNext = [Int32](repeating: 0, count: symbolCount)
        for (s, child) in children[0] { rootNext[s] = Int32(child) }
        var edgeStart: [Int32] = [0]
        var edgeSymbol: [UInt16] = []
        var edgeTarget: [Int32] = []
        var outputStart: [Int32] = [0]
        var outputs: [Int32] = []
        for state in 0..<children.count {
            for (s, child) in children[state].sorted(by: { $0.key < $1.key }) {
                edgeSymbol.append(UInt16(s))
                edgeTarget.append(Int32(child))
            }
            edgeStart.append(Int32(edgeSymbol.count))
            outputs += ends[state].sorted { lengths[Int($0)] > lengths[Int($1)] }
            outputStart.append(Int32(outputs.count))
        }
        self.symbolOf = symbolOf
        self.astralSymbols = astral
        self.rootNext = rootNext
        self.edgeStart = edgeStart
        self.edgeSymbol = edgeSymbol
        self.edgeTarget = edgeTarget
        self.fail = fail
        self.outputStart = outputStart
        self.outputs = outputs
        self.patternLength = lengths
    }

    /// The number of states, for diagnostics and benchmarks.
    var stateCount: Int { fail.count }
}
