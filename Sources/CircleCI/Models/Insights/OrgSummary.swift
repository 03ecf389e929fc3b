import Foundation

/// Metrics and trends of an organization and of each of its projects (`getOrgSummaryData`).
public struct OrgSummary: Codable, Sendable, Hashable {
    /// Aggregated metrics for an org, with trends.
    public var orgData: AggregateSummary
    /// Metrics for a single project, across all branches
    public var orgProjectData: [ProjectData]
    /// A list of all the project names in the organization.
    @ExplicitNull public var allProjects: [String]?

    /// Creates an `OrgSummary` from its fields.
    public init(orgData: AggregateSummary, orgProjectData: [ProjectData], allProjects: [String]? = nil) {
        self.orgData = orgData
        self.orgProjectData = orgProjectData
        self.allProjects = allProjects
    }

    enum CodingKeys: String, CodingKey {
        case orgData = "org_data"
        case orgProjectData = "org_project_data"
        case allProjects = "all_projects"
    }
}


extension OrgSummary {
    /// Metrics for a single project, across all branches
    public struct ProjectData: Codable, Sendable, Hashable {
        /// The name of the project.
        public var projectName: String
        /// Metrics for a single project, across all branches.
        public var metrics: Metrics
        /// Trends for a single project, across all branches.
        public var trends: Trends

        /// Creates a `ProjectData` from its fields.
        public init(projectName: String, metrics: Metrics, trends: Trends) {
            self.projectName = projectName
            self.metrics = metrics
            self.trends = trends
        }

        enum CodingKeys: String, CodingKey {
            case projectName = "project_name"
            case metrics
            case trends
        }
    }
}

extension OrgSummary.ProjectData {
    /// Metrics for a single project, across all branches.
    public struct Metrics: Codable, Sendable, Hashable {
        /// The total credits consumed over the current timeseries interval.
        public var totalCreditsUsed: Int
        /// Total duration, in seconds.
        public var totalDurationSecs: Int
        /// The total number of runs, including runs that are still on-hold or running.
        public var totalRuns: Int
        /// The share of successful runs, from 0 to 1.
        public var successRate: Double

        /// Creates a `Metrics` from its fields.
        public init(totalCreditsUsed: Int, totalDurationSecs: Int, totalRuns: Int, successRate: Double) {
            self.totalCreditsUsed = totalCreditsUsed
            self.totalDurationSecs = totalDurationSecs
            self.totalRuns = totalRuns
            self.successRate = successRate
        }

        enum CodingKeys: String, CodingKey {
            case totalCreditsUsed = "total_credits_used"
            case totalDurationSecs = "total_duration_secs"
            case totalRuns = "total_runs"
            case successRate = "success_rate"
        }
    }
}

extension OrgSummary.ProjectData {
    /// Trends for a single project, across all branches.
    public struct Trends: Codable, Sendable, Hashable {
        /// The trend value for total credits consumed.
        public var totalCreditsUsed: Double
        /// Trend value for total duration.
        public var totalDurationSecs: Double
        /// The trend value for total number of runs.
        public var totalRuns: Double
        /// The trend value for the success rate.
        public var successRate: Double

        /// Creates a `Trends` from its fields.
        public init(
            totalCreditsUsed: Double,
            totalDurationSecs: Double,
            totalRuns: Double,
            successRate: Double
        ) {
            self.totalCreditsUsed = totalCreditsUsed
            self.totalDurationSecs = totalDurationSecs
            self.totalRuns = totalRuns
            self.successRate = successRate
        }

        enum CodingKeys: String, CodingKey {
            case totalCreditsUsed = "total_credits_used"
            case totalDurationSecs = "total_duration_secs"
            case totalRuns = "total_runs"
            case successRate = "success_rate"
        }
    }
}
