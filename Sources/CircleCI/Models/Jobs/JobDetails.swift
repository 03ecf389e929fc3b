import Foundation

/// A job's details by project and job number (`GET /project/{slug}/job/{n}`, `getJobDetails`, from
/// the 2025-10 document).
///
/// ``duration`` is in milliseconds. ``startedAt`` and ``queuedAt`` are `null` for jobs that have
/// not started or been queued.
public struct JobDetails: Codable, Sendable, Hashable {
    /// URL of the job in CircleCI Web UI.
    public var webURL: String
    /// Information about a project.
    public var project: ProjectReference
    /// Info about parallels runs and their status.
    public var parallelRuns: [ParallelRun]
    /// The date and time the job started.
    @ExplicitNull public var startedAt: Date?
    /// Info about the latest workflow the job was a part of.
    public var latestWorkflow: WorkflowReference
    /// The name of the job.
    public var name: String
    /// Information about executor used for a job.
    public var executor: Executor
    /// A number of parallel runs the job has.
    public var parallelism: Int
    /// The current status of the job.
    public var status: JobStatus
    /// The number of the job.
    public var number: Int
    /// Info about a pipeline the job is a part of.
    public var pipeline: PipelineReference
    /// Duration of a job in milliseconds.
    @ExplicitNull public var duration: Int?
    /// The time when the job was created.
    public var createdAt: Date
    /// Messages from CircleCI execution platform.
    public var messages: [Message]
    /// List of contexts used by the job.
    public var contexts: [ContextReference]
    /// Information about an organization.
    public var organization: OrganizationReference
    /// The time when the job was placed in a queue.
    @ExplicitNull public var queuedAt: Date?
    /// The time when the job stopped.
    public var stoppedAt: Date?

    /// Creates a `JobDetails` from its fields.
    public init(
        webURL: String,
        project: ProjectReference,
        parallelRuns: [ParallelRun],
        startedAt: Date? = nil,
        latestWorkflow: WorkflowReference,
        name: String,
        executor: Executor,
        parallelism: Int,
        status: JobStatus,
        number: Int,
        pipeline: PipelineReference,
        duration: Int? = nil,
        createdAt: Date,
        messages: [Message],
        contexts: [ContextReference],
        organization: OrganizationReference,
        queuedAt: Date? = nil,
        stoppedAt: Date? = nil
    ) {
        self.webURL = webURL
        self.project = project
        self.parallelRuns = parallelRuns
        self.startedAt = startedAt
        self.latestWorkflow = latestWorkflow
        self.name = name
        self.executor = executor
        self.parallelism = parallelism
        self.status = status
        self.number = number
        self.pipeline = pipeline
        self.duration = duration
        self.createdAt = createdAt
        self.messages = messages
        self.contexts = contexts
        self.organization = organization
        self.queuedAt = queuedAt
        self.stoppedAt = stoppedAt
    }

    enum CodingKeys: String, CodingKey {
        case webURL = "web_url"
        case project
        case parallelRuns = "parallel_runs"
        case startedAt = "started_at"
        case latestWorkflow = "latest_workflow"
        case name
        case executor
        case parallelism
        case status
        case number
        case pipeline
        case duration
        case createdAt = "created_at"
        case messages
        case contexts
        case organization
        case queuedAt = "queued_at"
        case stoppedAt = "stopped_at"
    }
}

extension JobDetails {
    /// Information about a project.
    public struct ProjectReference: Codable, Sendable, Hashable {
        /// The unique ID.
        public var id: String
        /// Project slug in the form `vcs-slug/org-name/repo-name`. The `/` characters may be URL-
        /// escaped. For projects that use GitLab or GitHub App, use `circleci` as the `vcs-slug`,
        /// replace `org-name` with the organization ID (found in Organization Settings), and
        /// replace `repo-name` with the project ID (found in Project Settings).
        public var slug: String
        /// The name of the project
        public var name: String
        /// URL to the repository hosting the project's code
        public var externalURL: String

        /// Creates a `ProjectReference` from its fields.
        public init(id: String, slug: String, name: String, externalURL: String) {
            self.id = id
            self.slug = slug
            self.name = name
            self.externalURL = externalURL
        }

        enum CodingKeys: String, CodingKey {
            case id
            case slug
            case name
            case externalURL = "external_url"
        }
    }
}

extension JobDetails {
    /// Info about a status of the parallel run.
    public struct ParallelRun: Codable, Sendable, Hashable {
        /// Index of the parallel run.
        public var index: Int
        /// Status of the parallel run.
        public var status: String

        /// Creates a `ParallelRun` from its fields.
        public init(index: Int, status: String) {
            self.index = index
            self.status = status
        }

        enum CodingKeys: String, CodingKey {
            case index
            case status
        }
    }
}

extension JobDetails {
    /// Info about the latest workflow the job was a part of.
    public struct WorkflowReference: Codable, Sendable, Hashable {
        /// The unique ID of the workflow.
        public var id: String
        /// The name of the workflow.
        public var name: String

        /// Creates a `WorkflowReference` from its fields.
        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }

        enum CodingKeys: String, CodingKey {
            case id
            case name
        }
    }
}

extension JobDetails {
    /// Information about executor used for a job.
    public struct Executor: Codable, Sendable, Hashable {
        /// Resource class name.
        public var resourceClass: String
        /// Executor type.
        public var type: String?

        /// Creates an `Executor` from its fields.
        public init(resourceClass: String, type: String? = nil) {
            self.resourceClass = resourceClass
            self.type = type
        }

        enum CodingKeys: String, CodingKey {
            case resourceClass = "resource_class"
            case type
        }
    }
}

extension JobDetails {
    /// Info about a pipeline the job is a part of.
    public struct PipelineReference: Codable, Sendable, Hashable {
        /// The unique ID of the pipeline.
        public var id: String

        /// Creates a `PipelineReference` from its fields.
        public init(id: String) {
            self.id = id
        }

        enum CodingKeys: String, CodingKey {
            case id
        }
    }
}

extension JobDetails {
    /// Message from CircleCI execution platform.
    public struct Message: Codable, Sendable, Hashable {
        /// Message type.
        public var type: String
        /// Information describing message.
        public var message: String
        /// Value describing the reason for message to be added to the job.
        public var reason: String?

        /// Creates a `Message` from its fields.
        public init(type: String, message: String, reason: String? = nil) {
            self.type = type
            self.message = message
            self.reason = reason
        }

        enum CodingKeys: String, CodingKey {
            case type
            case message
            case reason
        }
    }
}

extension JobDetails {
    /// Information about the context.
    public struct ContextReference: Codable, Sendable, Hashable {
        /// The name of the context.
        public var name: String

        /// Creates a `ContextReference` from its fields.
        public init(name: String) {
            self.name = name
        }

        enum CodingKeys: String, CodingKey {
            case name
        }
    }
}

extension JobDetails {
    /// Information about an organization.
    public struct OrganizationReference: Codable, Sendable, Hashable {
        /// The name of the organization.
        public var name: String

        /// Creates an `OrganizationReference` from its fields.
        public init(name: String) {
            self.name = name
        }

        enum CodingKeys: String, CodingKey {
            case name
        }
    }
}
