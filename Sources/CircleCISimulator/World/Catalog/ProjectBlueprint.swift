import Foundation

/// The language a project is written in; it names test files and commands.
enum Language: String, Sendable {
    case go, typescript, python, java, rust
}

/// The static description of one simulated project, from which the
/// generator derives its pipelines.
struct ProjectBlueprint: Sendable {
    /// Which organisation (by its key in ``OrganizationBlueprint``) owns it.
    let organizationKey: String
    let name: String
    let language: Language
    let defaultBranch: String
    let featureBranches: [String]
    let releaseBranch: String?
    let tags: [String]
    /// Pipelines triggered by pushes, tags, API and UI (scheduled ones come on top).
    let pushPipelines: Int
    let firstPipelineNumber: Int
    let firstJobNumber: Int
    /// Base probability that a test job fails.
    let failureRate: Double
    /// Whether a nightly schedule runs on the default branch.
    let hasNightly: Bool
    /// How many of the newest pipelines are still in progress.
    let inProgress: Int
}

/// The static description of one organisation.
struct OrganizationBlueprint: Sendable {
    let key: String
    let name: String
    let vcsType: VCSType
}

enum WorldCatalog {
    static let organizations: [OrganizationBlueprint] = [
        OrganizationBlueprint(key: "gh/acme", name: "acme", vcsType: .github),
        OrganizationBlueprint(key: "gh/org", name: "org", vcsType: .github),
        OrganizationBlueprint(key: "bb/acme", name: "acme", vcsType: .bitbucket),
        OrganizationBlueprint(key: "circleci/northwind", name: "northwind", vcsType: .circleci),
    ]

    static let projects: [ProjectBlueprint] = [
        ProjectBlueprint(
            organizationKey: "gh/acme", name: "api", language: .go, defaultBranch: "main",
            featureBranches: ["feature/billing-v2", "feature/rate-limits", "fix/flaky-webhooks", "chore/go-1.23"],
            releaseBranch: "release/2.4", tags: ["v2.3.0", "v2.3.1", "v2.4.0-rc.1"],
            pushPipelines: 38, firstPipelineNumber: 1187, firstJobNumber: 20_412,
            failureRate: 0.22, hasNightly: true, inProgress: 2),
        ProjectBlueprint(
            organizationKey: "gh/acme", name: "web", language: .typescript, defaultBranch: "main",
            featureBranches: ["feature/dark-mode", "feature/checkout-redesign", "renovate/react-19"],
            releaseBranch: nil, tags: ["web-2025.11.1"],
            pushPipelines: 24, firstPipelineNumber: 642, firstJobNumber: 8_810,
            failureRate: 0.18, hasNightly: false, inProgress: 1),
        ProjectBlueprint(
            organizationKey: "gh/org", name: "repo", language: .python, defaultBranch: "main",
            featureBranches: ["feature/parser-rewrite", "fix/unicode-paths"],
            releaseBranch: nil, tags: ["1.8.0"],
            pushPipelines: 22, firstPipelineNumber: 311, firstJobNumber: 3_120,
            failureRate: 0.35, hasNightly: false, inProgress: 1),
        ProjectBlueprint(
            organizationKey: "bb/acme", name: "legacy", language: .java, defaultBranch: "master",
            featureBranches: ["bugfix/LEG-2291-npe", "feature/LEG-2310-export"],
            releaseBranch: "release/7.x", tags: [],
            pushPipelines: 14, firstPipelineNumber: 2_045, firstJobNumber: 51_877,
            failureRate: 0.25, hasNightly: false, inProgress: 0),
        ProjectBlueprint(
            organizationKey: "circleci/northwind", name: "platform", language: .rust, defaultBranch: "main",
            featureBranches: ["feat/otel-export", "fix/tls-reload"],
            releaseBranch: nil, tags: ["v0.9.0"],
            pushPipelines: 14, firstPipelineNumber: 88, firstJobNumber: 940,
            failureRate: 0.2, hasNightly: false, inProgress: 1),
    ]

    /// People who push, trigger and approve. The first is the token's owner.
    static let users: [(login: String, name: String, hasAvatar: Bool)] = [
        ("jdoe", "Jane Doe", true),
        ("rsmith", "Robert Smith", true),
        ("akumar", "Aditi Kumar", true),
        ("mlopez", "María López", true),
        ("tnguyen", "Tuan Nguyen", false),
        ("ci-bot", "Release Bot", true),
    ]
}
