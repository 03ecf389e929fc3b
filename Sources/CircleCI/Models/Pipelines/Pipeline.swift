import Foundation

/// A pipeline: one run of a project's configuration, as returned by `getPipelineById`,
/// `getPipelineByNumber` and the pipeline lists.
///
/// Its ``state`` says how far the pipeline got, not whether it passed: failure lives in
/// ``Workflow/status``.
public struct Pipeline: Codable, Sendable, Hashable {
    /// The unique ID of the pipeline.
    public var id: String
    /// A sequence of errors that have occurred within the pipeline.
    public var errors: [PipelineError]
    /// The project-slug for the pipeline.
    public var projectSlug: String
    /// The date and time the pipeline was last updated.
    public var updatedAt: Date?
    /// The number of the pipeline.
    public var number: Int
    /// The pipeline parameters the trigger supplied.
    public var triggerParameters: [String: JSONValue]?
    /// The current state of the pipeline.
    public var state: PipelineState
    /// The date and time the pipeline was created.
    public var createdAt: Date
    /// A sequence of warnings that have occurred within the pipeline.
    public var warnings: [PipelineWarning]
    /// A summary of the trigger.
    public var trigger: Trigger
    /// VCS information for the pipeline.
    public var vcs: VCS?

    /// Creates a `Pipeline` from its fields.
    public init(
        id: String,
        errors: [PipelineError],
        projectSlug: String,
        updatedAt: Date? = nil,
        number: Int,
        triggerParameters: [String: JSONValue]? = nil,
        state: PipelineState,
        createdAt: Date,
        warnings: [PipelineWarning],
        trigger: Trigger,
        vcs: VCS? = nil
    ) {
        self.id = id
        self.errors = errors
        self.projectSlug = projectSlug
        self.updatedAt = updatedAt
        self.number = number
        self.triggerParameters = triggerParameters
        self.state = state
        self.createdAt = createdAt
        self.warnings = warnings
        self.trigger = trigger
        self.vcs = vcs
    }

    enum CodingKeys: String, CodingKey {
        case id
        case errors
        case projectSlug = "project_slug"
        case updatedAt = "updated_at"
        case number
        case triggerParameters = "trigger_parameters"
        case state
        case createdAt = "created_at"
        case warnings
        case trigger
        case vcs
    }
}

extension Pipeline {
    /// An error with a type and message.
    public struct PipelineError: Codable, Sendable, Hashable {
        /// The type of error.
        public var type: PipelineErrorType
        /// A human-readable error message.
        public var message: String

        /// Creates a `PipelineError` from its fields.
        public init(type: PipelineErrorType, message: String) {
            self.type = type
            self.message = message
        }

        enum CodingKeys: String, CodingKey {
            case type
            case message
        }
    }
}

extension Pipeline {
    /// A warning with a type and message.
    public struct PipelineWarning: Codable, Sendable, Hashable {
        /// The type of warning.
        public var type: PipelineWarningType
        /// A human-readable warning message.
        public var message: String

        /// Creates a `PipelineWarning` from its fields.
        public init(type: PipelineWarningType, message: String) {
            self.type = type
            self.message = message
        }

        enum CodingKeys: String, CodingKey {
            case type
            case message
        }
    }
}

extension Pipeline {
    /// A summary of the trigger.
    public struct Trigger: Codable, Sendable, Hashable {
        /// The type of trigger.
        public var type: TriggerType
        /// The date and time the trigger was received.
        public var receivedAt: Date
        /// The user who triggered the Pipeline.
        public var actor: Actor

        /// Creates a `Trigger` from its fields.
        public init(type: TriggerType, receivedAt: Date, actor: Actor) {
            self.type = type
            self.receivedAt = receivedAt
            self.actor = actor
        }

        enum CodingKeys: String, CodingKey {
            case type
            case receivedAt = "received_at"
            case actor
        }
    }
}

extension Pipeline {
    /// VCS information for the pipeline.
    public struct VCS: Codable, Sendable, Hashable {
        /// Name of the VCS provider (e.g. GitHub, Bitbucket).
        public var providerName: String
        /// URL for the repository the trigger targets (i.e. the repository where the PR will be
        /// merged). For fork-PR pipelines, this is the URL to the parent repo. For other pipelines,
        /// the `origin_` and `target_repository_url`s will be the same.
        public var targetRepositoryURL: String
        /// The branch where the pipeline ran. The HEAD commit on this branch was used for the
        /// pipeline. Note that `branch` and `tag` are mutually exclusive. To trigger a pipeline for
        /// a PR by number use `pull/<number>/head` for the PR ref or `pull/<number>/merge` for the
        /// merge ref (GitHub only).
        public var branch: String?
        /// The code review id.
        public var reviewID: String?
        /// The code review URL.
        public var reviewURL: String?
        /// The code revision the pipeline ran.
        @ExplicitNull public var revision: String?
        /// The tag used by the pipeline. The commit that this tag points to was used for the
        /// pipeline. Note that `branch` and `tag` are mutually exclusive.
        public var tag: String?
        /// The latest commit in the pipeline.
        public var commit: Commit?
        /// URL for the repository where the trigger originated. For fork-PR pipelines, this is the
        /// URL to the fork. For other pipelines the `origin_` and `target_repository_url`s will be
        /// the same.
        public var originRepositoryURL: String

        /// Creates a `VCS` from its fields.
        public init(
            providerName: String,
            targetRepositoryURL: String,
            branch: String? = nil,
            reviewID: String? = nil,
            reviewURL: String? = nil,
            revision: String? = nil,
            tag: String? = nil,
            commit: Commit? = nil,
            originRepositoryURL: String
        ) {
            self.providerName = providerName
            self.targetRepositoryURL = targetRepositoryURL
            self.branch = branch
            self.reviewID = reviewID
            self.reviewURL = reviewURL
            self.revision = revision
            self.tag = tag
            self.commit = commit
            self.originRepositoryURL = originRepositoryURL
        }

        enum CodingKeys: String, CodingKey {
            case providerName = "provider_name"
            case targetRepositoryURL = "target_repository_url"
            case branch
            case reviewID = "review_id"
            case reviewURL = "review_url"
            case revision
            case tag
            case commit
            case originRepositoryURL = "origin_repository_url"
        }
    }
}

extension Pipeline.Trigger {
    /// The user who triggered the Pipeline.
    public struct Actor: Codable, Sendable, Hashable {
        /// The login information for the user on the VCS.
        public var login: String
        /// URL to the user's avatar on the VCS
        @ExplicitNull public var avatarURL: String?

        /// Creates an `Actor` from its fields.
        public init(login: String, avatarURL: String? = nil) {
            self.login = login
            self.avatarURL = avatarURL
        }

        enum CodingKeys: String, CodingKey {
            case login
            case avatarURL = "avatar_url"
        }
    }
}

extension Pipeline.VCS {
    /// The latest commit in the pipeline.
    public struct Commit: Codable, Sendable, Hashable {
        /// The subject of the commit message.
        @ExplicitNull public var subject: String?
        /// The body of the commit message.
        @ExplicitNull public var body: String?

        /// Creates a `Commit` from its fields.
        public init(subject: String? = nil, body: String? = nil) {
            self.subject = subject
            self.body = body
        }

        enum CodingKeys: String, CodingKey {
            case subject
            case body
        }
    }
}
