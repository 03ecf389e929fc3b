import Foundation

/// Duration statistics, in seconds, over a group of runs (Insights).
public struct DurationMetrics: Codable, Sendable, Hashable {
    /// The minimum duration, in seconds, among a group of runs.
    @ExplicitNull public var min: Int?
    /// The mean duration, in seconds, among a group of runs.
    @ExplicitNull public var mean: Int?
    /// The median duration, in seconds, among a group of runs.
    @ExplicitNull public var median: Int?
    /// The 95th percentile duration, in seconds, among a group of runs.
    @ExplicitNull public var p95: Int?
    /// The max duration, in seconds, among a group of runs.
    @ExplicitNull public var max: Int?
    /// The standard deviation, in seconds, among a group of runs.
    @ExplicitNull public var standardDeviation: Double?

    /// Creates a `DurationMetrics` from its fields.
    public init(
        min: Int? = nil,
        mean: Int? = nil,
        median: Int? = nil,
        p95: Int? = nil,
        max: Int? = nil,
        standardDeviation: Double? = nil
    ) {
        self.min = min
        self.mean = mean
        self.median = median
        self.p95 = p95
        self.max = max
        self.standardDeviation = standardDeviation
    }

    enum CodingKeys: String, CodingKey {
        case min
        case mean
        case median
        case p95
        case max
        case standardDeviation = "standard_deviation"
    }
}
