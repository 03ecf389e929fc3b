/// The names inside one project that Tab offers in strings: its branches,
/// its workflows and the jobs of each workflow.
///
/// The completion engine never looks them up itself; the REPL discovers them
/// in the background and hands them over (``CompletionEngine/projectNames``).
public struct ProjectNames: Sendable, Hashable, Codable {
    /// What a name names.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        case branch, workflow, job
    }

    /// Branch names, best first (the default branch, then recently used ones).
    public var branches: [String]
    /// Workflow names.
    public var workflows: [String]
    /// The job names of each workflow, by workflow name.
    public var jobs: [String: [String]]

    /// Creates the names of a project.
    public init(branches: [String] = [], workflows: [String] = [], jobs: [String: [String]] = [:]) {
        self.branches = branches
        self.workflows = workflows
        self.jobs = jobs
    }

    /// Whether nothing is known.
    public var isEmpty: Bool { branches.isEmpty && workflows.isEmpty && jobs.values.allSatisfy(\.isEmpty) }

    /// The names of `kind`; for jobs, those of `workflow` when it is known,
    /// else of every workflow (each name once, in workflow order).
    public func names(_ kind: Kind, workflow: String? = nil) -> [String] {
        switch kind {
        case .branch:
            return branches
        case .workflow:
            return workflows
        case .job:
            if let workflow, let names = jobs[workflow] { return names }
            var seen = Set<String>()
            let ordered = workflows.filter { jobs[$0] != nil } + jobs.keys.sorted().filter { !workflows.contains($0) }
            return ordered.flatMap { jobs[$0] ?? [] }.filter { seen.insert($0).inserted }
        }
    }
}

/// Which strings hold which kind of name: arguments of parameters with
/// certain names, and the right side of a comparison with certain fields.
public struct NameRules: Sendable, Hashable {
    /// Parameter name → the kind of name its string argument is (`branch:`, `workflow`, `job:`).
    public var parameters: [String: ProjectNames.Kind]
    /// Field name → the kind of name it holds, on any record (`branch`, `workflow_name`, `job_name`).
    public var fields: [String: ProjectNames.Kind]
    /// Record type → the kind of name its `name` field holds (a `Job`'s is a job name).
    public var nameFields: [String: ProjectNames.Kind]

    /// Creates rules.
    public init(
        parameters: [String: ProjectNames.Kind], fields: [String: ProjectNames.Kind],
        nameFields: [String: ProjectNames.Kind]
    ) {
        self.parameters = parameters
        self.fields = fields
        self.nameFields = nameFields
    }

    /// The CircleCI records' names: `branch:`, `vcs.branch`, `workflow`,
    /// `workflow_name`, `job:`, `job_name`, and `name` on jobs and workflows.
    public static let standard = NameRules(
        parameters: ["branch": .branch, "workflow": .workflow, "job": .job],
        fields: ["branch": .branch, "workflow": .workflow, "workflow_name": .workflow, "job_name": .job],
        nameFields: [
            "Job": .job, "JobDetails": .job, "JobMetrics": .job, "Workflow": .workflow, "WorkflowMetrics": .workflow,
        ])

    /// The kind of name held by `field` of records of type `recordType`.
    public func kind(ofField field: String, in recordType: String?) -> ProjectNames.Kind? {
        if field == "name" { return recordType.flatMap { nameFields[$0] } }
        return fields[field]
    }
}
