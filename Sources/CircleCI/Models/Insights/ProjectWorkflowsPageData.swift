import Foundation

/// Metrics and trends of a project, of its workflows and of its branches
/// (`getProjectWorkflowsPageData`).
public struct ProjectWorkflowsPageData: Codable, Sendable, Hashable {
    /// The unique ID of the organization
    public var orgID: String?
    /// The unique ID of the project
    public var projectID: String?
    /// Metrics and trends data aggregated for a given project.
    public var projectData: AggregateSummary?
    /// A list of metrics and trends data for workflows for a given project.
    public var projectWorkflowData: [WorkflowData]?
    /// A list of metrics and trends data for branches for a given project.
    public var projectWorkflowBranchData: [BranchData]?
    /// A list of all the branches for a given project.
    public var allBranches: [String]?
    /// A list of all the workflows for a given project.
    public var allWorkflows: [String]?

    /// Creates a `ProjectWorkflowsPageData` from its fields.
    public init(
        orgID: String? = nil,
        projectID: String? = nil,
        projectData: AggregateSummary? = nil,
        projectWorkflowData: [WorkflowData]? = nil,
        projectWorkflowBranchData: [BranchData]? = nil,
        allBranches: [String]? = nil,
        allWorkflows: [String]? = nil
    ) {
        self.orgID = orgID
        self.projectID = projectID
        self.projectData = projectData
        self.projectWorkflowData = projectWorkflowData
        self.projectWorkflowBranchData = projectWorkflowBranchData
        self.allBranches = allBranches
        self.allWorkflows = allWorkflows
    }

    enum CodingKeys: String, CodingKey {
        case orgID = "org_id"
        case projectID = "project_id"
        case projectData = "project_data"
        case projectWorkflowData = "project_workflow_data"
        case projectWorkflowBranchData = "project_workflow_branch_data"
        case allBranches = "all_branches"
        case allWorkflows = "all_workflows"
    }
}


extension ProjectWorkflowsPageData {
    /// A list of metrics and trends data for workflows for a given project.
    public struct WorkflowData: Codable, Sendable, Hashable {
        /// The name of the workflow.
        public var workflowName: String
        /// Metrics aggregated across a workflow or branchfor a project.
        public var metrics: Metrics
        /// Trends aggregated across a workflow or branch for a project.
        public var trends: Trends

        /// Creates a `WorkflowData` from its fields.
        public init(workflowName: String, metrics: Metrics, trends: Trends) {
            self.workflowName = workflowName
            self.metrics = metrics
            self.trends = trends
        }

        enum CodingKeys: String, CodingKey {
            case workflowName = "workflow_name"
            case metrics
            case trends
        }
    }
}

extension ProjectWorkflowsPageData {
    /// A list of metrics and trends data for branches for a given project.
    public struct BranchData: Codable, Sendable, Hashable {
        /// The name of the workflow.
        public var workflowName: String
        /// The VCS branch of a workflow's trigger.
        public var branch: String
        /// Metrics aggregated across a workflow or branchfor a project.
        public var metrics: WorkflowData.Metrics
        /// Trends aggregated across a workflow or branch for a project.
        public var trends: WorkflowData.Trends

        /// Creates a `BranchData` from its fields.
        public init(
            workflowName: String,
            branch: String,
            metrics: WorkflowData.Metrics,
            trends: WorkflowData.Trends
        ) {
            self.workflowName = workflowName
            self.branch = branch
            self.metrics = metrics
            self.trends = trends
        }

        enum CodingKeys: String, CodingKey {
            case workflowName = "workflow_name"
            case branch
            case metrics
            case trends
        }
    }
}

extension ProjectWorkflowsPageData.WorkflowData {
    /// Metrics aggregated across a workflow or branchfor a project.
    public struct Metrics: Codable, Sendable, Hashable {
        /// The total credits consumed over the current timeseries interval.
        public var totalCreditsUsed: Int
        /// The 95th percentile duration among a group of workflow runs.
        public var p95DurationSecs: Double
        /// The total number of runs, including runs that are still on-hold or running.
        public var totalRuns: Int
        /// The share of successful runs, from 0 to 1.
        public var successRate: Double

        /// Creates a `Metrics` from its fields.
        public init(totalCreditsUsed: Int, p95DurationSecs: Double, totalRuns: Int, successRate: Double) {
            self.totalCreditsUsed = totalCreditsUsed
            self.p95DurationSecs = p95DurationSecs
            self.totalRuns = totalRuns
            self.successRate = successRate
        }

        enum CodingKeys: String, CodingKey {
            case totalCreditsUsed = "total_credits_used"
            case p95DurationSecs = "p95_duration_secs"
            case totalRuns = "total_runs"
            case successRate = "success_rate"
        }
    }
}

extension ProjectWorkflowsPageData.WorkflowData {
    /// Trends aggregated across a workflow or branch for a project.
    public struct Trends: Codable, Sendable, Hashable {
        /// The trend value for total credits consumed.
        public var totalCreditsUsed: Double
        /// The 95th percentile duration among a group of workflow runs.
        public var p95DurationSecs: Double
        /// The trend value for total number of runs.
        public var totalRuns: Double
        /// The trend value for the success rate.
        public var successRate: Double

        /// Creates a `Trends` from its fields.
        public init(
            totalCreditsUsed: Double,
            p95DurationSecs: Double,
            totalRuns: Double,
            successRate: Double
        ) {
            self.totalCreditsUsed = totalCreditsUsed
            self.p95DurationSecs = p95DurationSecs
            self.totalRuns = totalRuns
            self.successRate = successRate
        }

        enum CodingKeys: String, CodingKey {
            case totalCreditsUsed = "total_credits_used"
            case p95DurationSecs = "p95_duration_secs"
            case totalRuns = "total_runs"
            case successRate = "success_rate"
        }
    }
}
