import Foundation

/// Env vars, checkout keys, schedules and webhooks of one project.
struct ProjectResourceGenerator {
    let project: Project
    let now: Date
    let users: [User]
    var random: SeededRandom

    mutating func generate(into world: inout World, hasNightly: Bool) {
        let names = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "CODECOV_TOKEN", "DATABASE_URL",
                     "NPM_TOKEN", "SENTRY_DSN", "SLACK_WEBHOOK_URL"]
        world.envVars[project.id] = names.prefix(project.name == "api" ? 7 : 4).map { name in
            ProjectEnvVar(projectID: project.id, name: name, suffix: random.hex(4),
                          createdAt: daysAgo(random.int(30...400)))
        }
        world.checkoutKeys[project.id] = [
            makeKey(type: "deploy-key", preferred: true),
            makeKey(type: "github-user-key", preferred: false),
        ]
        if hasNightly {
            let created = daysAgo(120)
            world.schedules.append(Schedule(
                id: random.uuid(), projectID: project.id, name: "nightly-integration",
                description: "Full integration suite against staging every night", actorID: users[0].id,
                createdAt: created, updatedAt: created.addingTimeInterval(86_400 * 3), perHour: 1,
                hoursOfDay: [3], daysOfWeek: ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"],
                branch: project.defaultBranch))
        }
        if project.vcsType == .github {
            let created = daysAgo(random.int(40...200))
            world.webhooks.append(Webhook(
                id: random.uuid(), projectID: project.id, name: "deploy-notifier",
                url: "https://hooks.example.com/circleci/\(project.name)", verifyTLS: true,
                signingSecret: "****************", events: ["workflow-completed", "job-completed"],
                createdAt: created, updatedAt: created))
        }
    }

    private mutating func makeKey(type: String, preferred: Bool) -> CheckoutKey {
        let body = (0..<6).map { _ in random.hex(16) }.joined()
        let md5 = stride(from: 0, to: 32, by: 2).map { _ in random.hex(2) }.joined(separator: ":")
        return CheckoutKey(projectID: project.id, type: type,
                           publicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI\(body.prefix(43))",
                           md5Fingerprint: md5, sha256Fingerprint: "SHA256:" + random.hex(43),
                           preferred: preferred, createdAt: daysAgo(random.int(100...700)))
    }

    private func daysAgo(_ days: Int) -> Date {
        now.addingTimeInterval(-Double(days) * 86_400 - 3_600 * 5)
    }
}

/// The organisation-level contexts.
enum ContextCatalog {
    static func contexts(for world: World, now: Date, random: inout SeededRandom) -> [Context] {
        var contexts: [Context] = []
        let specs: [(String, [String])] = [
            ("production-deploy", ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "DEPLOY_TOKEN"]),
            ("security-scanners", ["SNYK_TOKEN"]),
            ("docker-hub", ["DOCKER_LOGIN", "DOCKER_PASSWORD"]),
        ]
        for organization in world.organizations {
            let projects = world.projects.filter { $0.organizationID == organization.id }
            for (index, spec) in specs.enumerated() where organization.vcsType != .bitbucket || index != 1 {
                let created = now.addingTimeInterval(-Double(random.int(60...500)) * 86_400)
                let variables = spec.1.map {
                    ContextVariable(name: $0, createdAt: created,
                                    updatedAt: created.addingTimeInterval(Double(random.int(0...40)) * 86_400))
                }
                var restrictions: [ContextRestriction] = []
                if index == 0, let project = projects.first {
                    restrictions.append(ContextRestriction(id: random.uuid(), projectID: project.id, name: project.name,
                                                           type: "project", value: project.id.lowercasedString))
                    restrictions.append(ContextRestriction(id: random.uuid(), projectID: nil, name: "main only",
                                                           type: "expression",
                                                           value: "pipeline.git.branch == \"\(project.defaultBranch)\""))
                }
                contexts.append(Context(id: random.uuid(), organizationID: organization.id, name: spec.0,
                                        createdAt: created, variables: variables, restrictions: restrictions))
            }
        }
        return contexts
    }
}
