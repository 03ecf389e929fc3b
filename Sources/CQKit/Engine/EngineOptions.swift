import CQ
import Foundation

/// Limits and permissions of an engine.
public struct EngineOptions: Sendable {
    /// Writes, files, steps, depth, rows and the time limit.
    public var evaluation: EvaluationOptions
    /// The clock `now()` reads at the start of each run.
    public var now: @Sendable () -> Date

    /// Creates options: read-only by default.
    public init(evaluation: EvaluationOptions = .init(), now: @escaping @Sendable () -> Date = { Date() }) {
        self.evaluation = evaluation
        self.now = now
    }
}
