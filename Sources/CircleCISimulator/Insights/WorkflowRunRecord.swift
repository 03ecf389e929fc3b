import Foundation

/// One finished workflow run as Insights sees it.
struct WorkflowRunRecord: Sendable {
    let workflow: Workflow
    let pipeline: Pipeline
    let jobs: [Job]

    /// `success`, `failed`, `error`, `canceled` or `unauthorized`.
    var status: String { workflow.status.rawValue }
    var branch: String? { pipeline.vcs.branch }
    var createdAt: Date { workflow.createdAt }
    var stoppedAt: Date { workflow.stoppedAt ?? workflow.createdAt }
    var durationSeconds: Int { max(0, Int(stoppedAt.timeIntervalSince(createdAt).rounded())) }
    var creditsUsed: Int { jobs.reduce(0) { $0 + $1.creditsUsed } }
    var isApproval: Bool { jobs.contains { $0.type == .approval } }
    var isSuccess: Bool { workflow.status == .success }
    var isFailure: Bool { workflow.status == .failed || workflow.status == .error }
}

extension World {
    /// The finished runs of a project (optionally one workflow), newest first.
    /// Insights only knows runs that reached a final status.
    func runRecords(of project: Project, workflow name: String? = nil,
                    scope: BranchScope = .all) -> [WorkflowRunRecord] {
        pipelines(of: project).flatMap { pipeline -> [WorkflowRunRecord] in
            guard scope.includes(pipeline.vcs.branch) else { return [] }
            return workflows(of: pipeline)
                .filter { ($0.status.isTerminal && $0.status != .notRun) && (name == nil || $0.name == name) }
                .map { WorkflowRunRecord(workflow: $0, pipeline: pipeline, jobs: jobs(of: $0)) }
        }
        .sorted { ($0.createdAt, $0.workflow.id.uuidString) > ($1.createdAt, $1.workflow.id.uuidString) }
    }

    /// Workflow names a project's config defines, in first-seen order.
    func workflowNames(of project: Project) -> [String] {
        var seen: Set<String> = []
        return pipelines(of: project).reversed().flatMap { workflows(of: $0) }.map(\.name)
            .filter { seen.insert($0).inserted }
    }
}
