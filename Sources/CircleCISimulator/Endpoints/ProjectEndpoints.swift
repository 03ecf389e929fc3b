import Foundation

/// Project reads: the project, its settings, env vars, checkout keys and schedules.
enum ProjectEndpoints {
    static let routes: [Route] = [
        .get("/project/{project-slug}", "getProjectBySlug") { world, context throws(APIError) in
            let project = try world.requireProject(context)
            let organization = world.organization(project.organizationID)
            return .json(.object([
                ("slug", .string(project.slug)),
                ("name", .string(project.name)),
                ("id", .uuid(project.id)),
                ("organization_name", .string(organization?.name ?? "")),
                ("organization_slug", .string(organization?.slug ?? "")),
                ("organization_id", .uuid(project.organizationID)),
                ("vcs_info", .object([
                    ("vcs_url", .string(project.vcsURL)),
                    ("provider", .string(project.vcsType.providerName)),
                    ("default_branch", .string(project.defaultBranch)),
                ])),
            ]))
        },
        .get("/project/{project-slug}/settings", "getProjectSettings") { world, context throws(APIError) in
            .json(try world.requireProject(context).settings.json)
        },
        .get("/project/{project-slug}/envvar", "listEnvVars") { world, context throws(APIError) in
            let project = try world.requireProject(context)
            return try Pagination.response(world.envVars[project.id] ?? [], list: "envvars/\(project.id)",
                                           context: context, key: \.name) { $0.json }
        },
        .get("/project/{project-slug}/envvar/{name}", "getEnvVar") { world, context throws(APIError) in
            let project = try world.requireProject(context)
            guard let variable = world.envVars[project.id]?.first(where: { $0.name == context.parameter("name") })
            else { throw .notFound("Environment variable") }
            return .json(variable.json)
        },
        .get("/project/{project-slug}/checkout-key", "listCheckoutKeys") { world, context throws(APIError) in
            let project = try world.requireProject(context)
            let digest = context.queryValue("digest") ?? "md5"
            guard digest == "md5" || digest == "sha256" else {
                throw .badRequest("Invalid digest: \(digest). Expected sha256 or md5.")
            }
            return try Pagination.response(world.checkoutKeys[project.id] ?? [], list: "keys/\(project.id)/\(digest)",
                                           context: context, key: \.md5Fingerprint) { $0.json(sha256: digest == "sha256") }
        },
        .get("/project/{project-slug}/checkout-key/{fingerprint}", "getCheckoutKey") { world, context throws(APIError) in
            let project = try world.requireProject(context)
            let fingerprint = context.parameter("fingerprint")
            guard let key = world.checkoutKeys[project.id]?.first(where: {
                $0.md5Fingerprint == fingerprint || $0.sha256Fingerprint == fingerprint
            }) else { throw .notFound("Checkout key") }
            return .json(key.json(sha256: key.sha256Fingerprint == fingerprint))
        },
        .get("/project/{project-slug}/schedule", "listSchedulesForProject") { world, context throws(APIError) in
            let project = try world.requireProject(context)
            let schedules = world.schedules.filter { $0.projectID == project.id }
            return try Pagination.response(schedules, list: "schedules/\(project.id)", context: context,
                                           key: \.id.lowercasedString) { $0.json(in: world) }
        },
        .get("/schedule/{schedule-id}", "getScheduleById") { world, context throws(APIError) in
            let id = try World.uuid(context.parameter("schedule-id"), entity: "Schedule")
            guard let schedule = world.schedules.first(where: { $0.id == id }) else { throw .notFound("Schedule") }
            return .json(schedule.json(in: world))
        },
    ]
}

extension ProjectSettings {
    var json: JSON {
        .object([("advanced", .object([
            ("autocancel_builds", .bool(autocancelBuilds)),
            ("build_fork_prs", .bool(buildForkPRs)),
            ("build_prs_only", .bool(buildPRsOnly)),
            ("disable_ssh", .bool(disableSSH)),
            ("forks_receive_secret_env_vars", .bool(forksReceiveSecretEnvVars)),
            ("oss", .bool(oss)),
            ("set_github_status", .bool(setGitHubStatus)),
            ("setup_workflows", .bool(setupWorkflows)),
            ("write_settings_requires_admin", .bool(writeSettingsRequiresAdmin)),
            ("pr_only_branch_overrides", .array(prOnlyBranchOverrides.map(JSON.string))),
        ]))])
    }
}

extension ProjectEnvVar {
    var json: JSON {
        .object([("name", .string(name)), ("value", .string(maskedValue)), ("created-at", .date(createdAt))])
    }
}

extension CheckoutKey {
    func json(sha256: Bool) -> JSON {
        .object([
            ("public-key", .string(publicKey)),
            ("type", .string(type)),
            ("fingerprint", .string(sha256 ? sha256Fingerprint : md5Fingerprint)),
            ("preferred", .bool(preferred)),
            ("created-at", .date(createdAt)),
        ])
    }
}

extension Schedule {
    func json(in world: World) -> JSON {
        let actor = world.user(actorID)
        return .object([
            ("id", .uuid(id)),
            ("name", .string(name)),
            ("timetable", .object([
                ("per-hour", .int(perHour)),
                ("hours-of-day", .array(hoursOfDay.map(JSON.int))),
                ("days-of-week", .array(daysOfWeek.map(JSON.string))),
            ])),
            ("description", .string(description)),
            ("project-slug", .string(world.project(id: projectID)?.slug ?? "")),
            ("actor", .object([
                ("id", .uuid(actorID)),
                ("login", .string(actor?.login ?? "")),
                ("name", .string(actor?.name ?? "")),
                ("avatar_url", .string(actor?.avatarURL)),
            ])),
            ("created-at", .date(createdAt)),
            ("updated-at", .date(updatedAt)),
            ("parameters", .object([("branch", .string(branch)), ("run_integration_tests", .bool(true))])),
        ])
    }
}
