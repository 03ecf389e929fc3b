import Foundation

/// A project's advanced settings (`getProjectSettings`).
public struct ProjectSettings: Codable, Sendable, Hashable {
    /// Advanced project settings.
    public var advanced: Advanced?

    /// Creates a `ProjectSettings` from its fields.
    public init(advanced: Advanced? = nil) {
        self.advanced = advanced
    }

    enum CodingKeys: String, CodingKey {
        case advanced
    }
}

extension ProjectSettings {
    /// The `advanced` object.
    public struct Advanced: Codable, Sendable, Hashable {
        /// Except for the default branch, cancel running pipelines on a branch when a new pipeline
        /// starts on that branch.
        public var autocancelBuilds: Bool?
        /// Run builds for pull requests from forks.
        public var buildForkPrs: Bool?
        /// Once enabled, we will only build branches that have associated pull requests open.
        public var buildPrsOnly: Bool?
        /// When set to true, job re-runs with SSH debugging access will be disabled for the
        /// project.
        public var disableSSH: Bool?
        /// Run builds for forked pull requests with this project's configuration, environment
        /// variables, and secrets.
        public var forksReceiveSecretEnvVars: Bool?
        /// Free and Open Source. Enabling this grants additional credits, and lets others see your
        /// builds, both through the web UI and the API.
        public var oss: Bool?
        /// Report the status of every pushed commit to GitHub's status API. Updates reported per
        /// job.
        public var setGithubStatus: Bool?
        /// Enabling allows you to conditionally trigger configurations outside of the primary
        /// `.circleci` parent directory.
        public var setupWorkflows: Bool?
        /// Whether updating these settings requires a user to be an organization administrator.
        /// When disabled, updating settings can be done by any member.
        public var writeSettingsRequiresAdmin: Bool?
        /// This field is used in conjunction with the `build_prs_only`, it allows you to specify a
        /// list of branches that will always triger a build. The value passed will overwrite the
        /// existing value.
        public var prOnlyBranchOverrides: [String]?

        /// Creates an `Advanced` from its fields.
        public init(
            autocancelBuilds: Bool? = nil,
            buildForkPrs: Bool? = nil,
            buildPrsOnly: Bool? = nil,
            disableSSH: Bool? = nil,
            forksReceiveSecretEnvVars: Bool? = nil,
            oss: Bool? = nil,
            setGithubStatus: Bool? = nil,
            setupWorkflows: Bool? = nil,
            writeSettingsRequiresAdmin: Bool? = nil,
            prOnlyBranchOverrides: [String]? = nil
        ) {
            self.autocancelBuilds = autocancelBuilds
            self.buildForkPrs = buildForkPrs
            self.buildPrsOnly = buildPrsOnly
            self.disableSSH = disableSSH
            self.forksReceiveSecretEnvVars = forksReceiveSecretEnvVars
            self.oss = oss
            self.setGithubStatus = setGithubStatus
            self.setupWorkflows = setupWorkflows
            self.writeSettingsRequiresAdmin = writeSettingsRequiresAdmin
            self.prOnlyBranchOverrides = prOnlyBranchOverrides
        }

        enum CodingKeys: String, CodingKey {
            case autocancelBuilds = "autocancel_builds"
            case buildForkPrs = "build_fork_prs"
            case buildPrsOnly = "build_prs_only"
            case disableSSH = "disable_ssh"
            case forksReceiveSecretEnvVars = "forks_receive_secret_env_vars"
            case oss
            case setGithubStatus = "set_github_status"
            case setupWorkflows = "setup_workflows"
            case writeSettingsRequiresAdmin = "write_settings_requires_admin"
            case prOnlyBranchOverrides = "pr_only_branch_overrides"
        }
    }
}
