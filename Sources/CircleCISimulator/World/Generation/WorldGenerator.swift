import Foundation

/// Builds the whole simulated organisation from a seed and an instant.
/// Everything is a pure function of `(seed, now)`.
struct WorldGenerator {
    let seed: UInt64
    let now: Date

    func generate() -> World {
        var random = SeededRandom(seed: seed, stream: "people")
        let users = WorldCatalog.users.enumerated().map { index, person in
            User(id: random.uuid(), login: person.login, name: person.name,
                 avatarURL: person.hasAvatar ? "https://avatars.githubusercontent.com/u/\(58_100 + index * 977)?v=4" : nil)
        }
        var world = World(now: now, seed: seed, currentUserID: users[0].id)
        world.users = users
        world.organizations = WorldCatalog.organizations.map { makeOrganization($0) }
        for blueprint in WorldCatalog.projects {
            guard let organization = world.organizations.first(where: { key(of: $0) == blueprint.organizationKey })
            else { continue }
            let project = makeProject(blueprint, organization: organization)
            world.projects.append(project)
            var resources = ProjectResourceGenerator(
                project: project, now: now, users: users,
                random: SeededRandom(seed: seed, stream: "resources/\(project.slug)"))
            resources.generate(into: &world, hasNightly: blueprint.hasNightly)
            var pipelines = PipelineGenerator(
                blueprint: blueprint, project: project,
                people: Array(users.dropLast()), bot: users[users.count - 1], scheduleActor: users[0], now: now,
                random: SeededRandom(seed: seed, stream: "pipelines/\(project.slug)"))
            pipelines.generate(into: &world)
        }
        var contexts = SeededRandom(seed: seed, stream: "contexts")
        world.contexts = ContextCatalog.contexts(for: world, now: now, random: &contexts)
        return world
    }

    private func key(of organization: Organization) -> String {
        organization.vcsType == .circleci ? "circleci/\(organization.name)" : organization.slug
    }

    private func makeOrganization(_ blueprint: OrganizationBlueprint) -> Organization {
        var random = SeededRandom(seed: seed, stream: "org/\(blueprint.key)")
        let id = random.uuid()
        let slug = blueprint.vcsType == .circleci ? "circleci/\(id.lowercasedString)" : blueprint.key
        return Organization(id: id, name: blueprint.name, vcsType: blueprint.vcsType, slug: slug,
                            avatarURL: "https://avatars.githubusercontent.com/u/\(StableHash.fnv1a(blueprint.key) % 90_000_000)?v=4")
    }

    private func makeProject(_ blueprint: ProjectBlueprint, organization: Organization) -> Project {
        var random = SeededRandom(seed: seed, stream: "project/\(blueprint.organizationKey)/\(blueprint.name)")
        let id = random.uuid()
        let slug: String
        let vcsURL: String
        switch organization.vcsType {
        case .github:
            slug = "gh/\(organization.name)/\(blueprint.name)"
            vcsURL = "https://github.com/\(organization.name)/\(blueprint.name)"
        case .bitbucket:
            slug = "bb/\(organization.name)/\(blueprint.name)"
            vcsURL = "https://bitbucket.org/\(organization.name)/\(blueprint.name)"
        case .circleci:
            slug = "circleci/\(organization.id.lowercasedString)/\(id.lowercasedString)"
            vcsURL = "https://gitlab.com/\(organization.name)/\(blueprint.name)"
        }
        let settings = ProjectSettings(
            autocancelBuilds: random.chance(0.5), buildForkPRs: false, buildPRsOnly: blueprint.name == "web",
            disableSSH: false, forksReceiveSecretEnvVars: false, oss: blueprint.name == "repo",
            setGitHubStatus: organization.vcsType == .github, setupWorkflows: false,
            writeSettingsRequiresAdmin: true,
            prOnlyBranchOverrides: [blueprint.defaultBranch] + (blueprint.releaseBranch.map { [$0] } ?? []))
        return Project(id: id, organizationID: organization.id, name: blueprint.name, slug: slug,
                       vcsType: organization.vcsType, vcsURL: vcsURL, defaultBranch: blueprint.defaultBranch,
                       settings: settings)
    }
}
