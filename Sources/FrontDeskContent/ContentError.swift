public import FrontDeskModel

/// Everything wrong with the content or estate files, each with its location.
public struct ContentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Every problem found, in the order found.
    public var diagnostics: [Diagnostic]
    /// An error listing these diagnostics.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    /// One `file: path: message` line per diagnostic.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
