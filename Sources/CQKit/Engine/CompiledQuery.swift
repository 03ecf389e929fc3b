import CQ

/// A parsed and checked query, ready to run any number of times.
public struct CompiledQuery: Sendable {
    /// The source it came from.
    public let source: SourceFile
    /// The syntax tree.
    public let program: Program
    /// The program bound and planned: what runs.
    public let plan: BoundProgram
    /// Non-fatal diagnostics.
    public let warnings: [Diagnostic]
}

/// A query that could not be compiled, with every problem found.
public struct CompileError: Error, Sendable, CustomStringConvertible {
    /// The source the diagnostics point into.
    public let source: SourceFile
    /// The problems, in source order.
    public let diagnostics: [Diagnostic]

    /// The problems rendered as `file:line:col: error: …` with source lines and carets.
    public func rendered(colored: Bool = false) -> String {
        DiagnosticRenderer(colored: colored).render(diagnostics, in: source)
    }

    public var description: String { rendered() }
}
