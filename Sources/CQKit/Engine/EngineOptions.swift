import CQ
import Foundation

/// Limits and permissions of an engine.
public struct EngineOptions: Sendable {
    /// Writes, files, steps, depth, rows and the time limit.
    public var evaluation: EvaluationOptions
    /// The clock `now()` reads at the start of each run.
    public var now: @Sendable () -> Date
    /// Let the ``QueryPlanner`` rewrite queries (on by default). Off, every
    /// `where` runs in cq and lists are read to their end: for measuring what
    /// the planner saves.
    public var plansQueries: Bool

    /// Creates options: read-only by default.
    public init(
        evaluation: EvaluationOptions = .init(), now: @escaping @Sendable () -> Date = { Date() },
        plansQueries: Bool = true
    ) {
        self.evaluation = evaluation
        self.now = now
        self.plansQueries = plansQueries
    }
}
