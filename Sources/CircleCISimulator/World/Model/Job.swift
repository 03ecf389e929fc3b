import Foundation

enum JobType: String, Sendable, Hashable {
    case build, approval
}

enum JobStatus: String, Sendable, Hashable {
    case success, running, notRun = "not_run", failed, retried, queued
    case notRunning = "not_running", infrastructureFail = "infrastructure_fail"
    case timedout, onHold = "on_hold", terminatedUnknown = "terminated-unknown"
    case blocked, canceled, unauthorized

    /// Whether the job will not change any more.
    var isTerminal: Bool {
        switch self {
        case .success, .failed, .timedout, .infrastructureFail, .canceled, .notRun,
             .unauthorized, .terminatedUnknown, .retried: true
        case .running, .queued, .notRunning, .onHold, .blocked: false
        }
    }

    /// Whether the job ended badly.
    var isFailure: Bool {
        [.failed, .timedout, .infrastructureFail, .terminatedUnknown].contains(self)
    }
}

/// What a job does, which decides its steps, tests and artifacts.
enum JobKind: String, Sendable, Hashable {
    case lint, unitTests, integrationTests, build, package, approval, deploy, securityScan, e2e
}

struct Executor: Sendable, Hashable {
    let type: String
    let resourceClass: String

    /// Credits per minute, roughly CircleCI's docker pricing.
    var creditsPerMinute: Int {
        switch resourceClass {
        case "small": 5
        case "large": 20
        case "xlarge": 40
        default: 10
        }
    }
}

struct Job: Sendable, Hashable {
    let id: UUID
    let workflowID: UUID
    let pipelineID: UUID
    let projectID: UUID
    let name: String
    let kind: JobKind
    let type: JobType
    var status: JobStatus
    var number: Int?
    let dependencies: [UUID]
    let createdAt: Date
    var queuedAt: Date?
    var startedAt: Date?
    var stoppedAt: Date?
    var approvedBy: UUID?
    var canceledBy: UUID?
    let parallelism: Int
    let executor: Executor
    let contexts: [String]
    /// The parallel node that failed, for failed build jobs.
    var failedNode: Int?
    var tests: [TestResult]
    var artifacts: [Artifact]

    /// The approval request id: the job's own id, as the real API does.
    var approvalRequestID: UUID? { type == .approval ? id : nil }

    /// Milliseconds between start and stop.
    var durationMillis: Int? {
        guard let startedAt, let stoppedAt else { return nil }
        return Int((stoppedAt.timeIntervalSince(startedAt) * 1000).rounded())
    }

    /// Credits used: per started minute of every parallel node.
    var creditsUsed: Int {
        guard type == .build, let millis = durationMillis else { return 0 }
        let minutes = max(1, (millis + 59_999) / 60_000)
        return minutes * executor.creditsPerMinute * parallelism
    }
}

struct TestResult: Sendable, Hashable {
    let name: String
    let classname: String
    let file: String
    let source: String
    let result: String
    let runTime: Double
    let message: String?
}

struct Artifact: Sendable, Hashable {
    let path: String
    let nodeIndex: Int
}
