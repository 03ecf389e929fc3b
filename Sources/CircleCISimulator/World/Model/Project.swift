import Foundation

struct Project: Sendable, Hashable {
    let id: UUID
    let organizationID: UUID
    let name: String
    /// The canonical slug the API echoes: `gh/acme/api`, `circleci/<org>/<project>`.
    let slug: String
    let vcsType: VCSType
    let vcsURL: String
    let defaultBranch: String
    let settings: ProjectSettings
}

struct ProjectSettings: Sendable, Hashable {
    var autocancelBuilds: Bool
    var buildForkPRs: Bool
    var buildPRsOnly: Bool
    var disableSSH: Bool
    var forksReceiveSecretEnvVars: Bool
    var oss: Bool
    var setGitHubStatus: Bool
    var setupWorkflows: Bool
    var writeSettingsRequiresAdmin: Bool
    var prOnlyBranchOverrides: [String]
}

struct ProjectEnvVar: Sendable, Hashable {
    let projectID: UUID
    let name: String
    /// The last four characters CircleCI shows after `xxxx`.
    let suffix: String
    let createdAt: Date

    var maskedValue: String { "xxxx" + suffix }
}

struct CheckoutKey: Sendable, Hashable {
    let projectID: UUID
    let type: String
    let publicKey: String
    let md5Fingerprint: String
    let sha256Fingerprint: String
    let preferred: Bool
    let createdAt: Date
}

struct Schedule: Sendable, Hashable {
    let id: UUID
    let projectID: UUID
    let name: String
    let description: String?
    let actorID: UUID
    let createdAt: Date
    let updatedAt: Date
    let perHour: Int
    let hoursOfDay: [Int]
    let daysOfWeek: [String]
    let branch: String
}

struct Webhook: Sendable, Hashable {
    let id: UUID
    let projectID: UUID
    let name: String
    let url: String
    let verifyTLS: Bool
    let signingSecret: String
    let events: [String]
    let createdAt: Date
    let updatedAt: Date
}

struct Context: Sendable, Hashable {
    let id: UUID
    let organizationID: UUID
    let name: String
    let createdAt: Date
    let variables: [ContextVariable]
    let restrictions: [ContextRestriction]
}

struct ContextVariable: Sendable, Hashable {
    let name: String
    let createdAt: Date
    let updatedAt: Date
}

struct ContextRestriction: Sendable, Hashable {
    let id: UUID
    let projectID: UUID?
    let name: String
    let type: String
    let value: String
}
