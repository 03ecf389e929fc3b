import Foundation

/// Totals of an organization or a project with their trends: the `org_data`
/// of `getOrgSummaryData` and the `project_data` of `getProjectWorkflowsPageData`,
/// which the document describes with the same two properties.
public struct AggregateSummary: Codable, Sendable, Hashable {
    /// Run, duration and credit totals.
    public var metrics: AggregateMetrics
    /// How those totals changed against the previous window.
    public var trends: AggregateTrends

    /// Creates an `AggregateSummary` from its fields.
    public init(metrics: AggregateMetrics, trends: AggregateTrends) {
        self.metrics = metrics
        self.trends = trends
    }

    enum CodingKeys: String, CodingKey {
        case metrics
        case trends
    }
}
