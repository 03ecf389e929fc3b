import Foundation

/// A snapshot of the simulated organisation: every entity plus the indexes
/// the endpoints read. A `World` is a value; mutations produce a new one.
struct World: Sendable {
    /// The instant the world was generated for; nothing happens after it
    /// except recorded mutations.
    let now: Date
    /// The clock that stamps mutations: it starts at `now` and only moves forward.
    var clock: Date
    /// The seed the world was generated from; mutations draw from it too.
    let seed: UInt64
    /// How many mutations drew random numbers, so each draws fresh ones.
    var mutationCount = 0

    var organizations: [Organization] = []
    var users: [User] = []
    /// The owner of ``Simulator/demoToken``.
    var currentUserID: UUID
    var projects: [Project] = []

    var pipelines: [UUID: Pipeline] = [:]
    /// Per project, newest first.
    var pipelineIDsByProject: [UUID: [UUID]] = [:]
    var workflows: [UUID: Workflow] = [:]
    /// Per pipeline, in creation order.
    var workflowIDsByPipeline: [UUID: [UUID]] = [:]
    var jobs: [UUID: Job] = [:]
    /// Per workflow, in definition order.
    var jobIDsByWorkflow: [UUID: [UUID]] = [:]
    /// Per project, job number → job id.
    var jobIDsByNumber: [UUID: [Int: UUID]] = [:]
    /// Per project, the next job number to hand out.
    var nextJobNumber: [UUID: Int] = [:]

    var envVars: [UUID: [ProjectEnvVar]] = [:]
    var checkoutKeys: [UUID: [CheckoutKey]] = [:]
    var schedules: [Schedule] = []
    var webhooks: [Webhook] = []
    var contexts: [Context] = []

    init(now: Date, seed: UInt64, currentUserID: UUID) {
        self.now = now
        self.clock = now
        self.seed = seed
        self.currentUserID = currentUserID
    }
}

// MARK: - Lookups

extension World {
    func user(_ id: UUID) -> User? { users.first { $0.id == id } }

    func organization(_ id: UUID) -> Organization? { organizations.first { $0.id == id } }

    func project(id: UUID) -> Project? { projects.first { $0.id == id } }

    /// Resolves any accepted slug form: `gh|github|bb|bitbucket/<org>/<repo>`
    /// or `circleci/<org-id>/<project-id>`. Org and repo match case-insensitively.
    func project(slug: String) -> Project? {
        let parts = slug.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let vcs = Self.vcsType(forSlugPrefix: parts[0]) else { return nil }
        return projects.first { project in
            guard project.vcsType == vcs else { return false }
            if vcs == .circleci {
                return project.slug.lowercased() == "circleci/\(parts[1])/\(parts[2])".lowercased()
            }
            let org = organization(project.organizationID)
            return org?.name.lowercased() == parts[1].lowercased() && project.name.lowercased() == parts[2].lowercased()
        }
    }

    /// Resolves `gh/acme`, `github/acme`, `circleci/<id>`, or an org id.
    func organization(slugOrID value: String) -> Organization? {
        if let id = UUID(uuidString: value) { return organization(id) }
        let parts = value.split(separator: "/").map(String.init)
        guard parts.count == 2, let vcs = Self.vcsType(forSlugPrefix: parts[0]) else { return nil }
        return organizations.first { org in
            org.vcsType == vcs && (vcs == .circleci
                ? org.id.lowercasedString == parts[1].lowercased()
                : org.name.lowercased() == parts[1].lowercased())
        }
    }

    static func vcsType(forSlugPrefix prefix: String) -> VCSType? {
        switch prefix.lowercased() {
        case "gh", "github": .github
        case "bb", "bitbucket": .bitbucket
        case "circleci": .circleci
        default: nil
        }
    }

    func pipelines(of project: Project) -> [Pipeline] {
        (pipelineIDsByProject[project.id] ?? []).compactMap { pipelines[$0] }
    }

    func workflows(of pipeline: Pipeline) -> [Workflow] {
        (workflowIDsByPipeline[pipeline.id] ?? []).compactMap { workflows[$0] }
    }

    func jobs(of workflow: Workflow) -> [Job] {
        (jobIDsByWorkflow[workflow.id] ?? []).compactMap { jobs[$0] }
    }

    func job(project: Project, number: Int) -> Job? {
        jobIDsByNumber[project.id]?[number].flatMap { jobs[$0] }
    }
}
