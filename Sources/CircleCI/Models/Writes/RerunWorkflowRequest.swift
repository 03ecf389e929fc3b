import Foundation

/// The body of `rerunWorkflow` (`POST /workflow/{id}/rerun`).
///
/// Rerun everything (``entireWorkflow``), only from the failed jobs
/// (``fromFailedJobs``), or chosen jobs (``jobs(_:enableSSH:sparseTree:)``); the
/// API rejects other combinations, so these are the only ways to build one.
public struct RerunWorkflowRequest: Encodable, Sendable, Hashable {
    /// Whether to enable SSH access on the rerun jobs (requires ``jobs``).
    public private(set) var enableSSH: Bool?
    /// Whether to rerun from the failed jobs.
    public private(set) var fromFailed: Bool?
    /// The IDs of the jobs to rerun.
    public private(set) var jobs: [String]?
    /// Whether to use sparse-tree logic (requires ``jobs``).
    public private(set) var sparseTree: Bool?

    private init(enableSSH: Bool? = nil, fromFailed: Bool? = nil, jobs: [String]? = nil, sparseTree: Bool? = nil) {
        self.enableSSH = enableSSH
        self.fromFailed = fromFailed
        self.jobs = jobs
        self.sparseTree = sparseTree
    }

    /// Reruns the whole workflow.
    public static let entireWorkflow = RerunWorkflowRequest()

    /// Reruns the workflow from its failed jobs.
    public static let fromFailedJobs = RerunWorkflowRequest(fromFailed: true)

    /// Reruns the given jobs (UUIDs from ``Job/id``).
    public static func jobs(_ ids: [String], enableSSH: Bool = false, sparseTree: Bool = false) -> RerunWorkflowRequest {
        RerunWorkflowRequest(enableSSH: enableSSH ? true : nil, jobs: ids, sparseTree: sparseTree ? true : nil)
    }

    enum CodingKeys: String, CodingKey {
        case enableSSH = "enable_ssh"
        case fromFailed = "from_failed"
        case jobs
        case sparseTree = "sparse_tree"
    }
}
