import CircleCI
import CircleCISimulator
import Foundation
import Testing

extension TypedRead {
    static let projectReads: [TypedRead] = [
        TypedRead("getProjectBySlug", "every simulated project, every slug form") { world in
            for text in await world.live.simulator.projectSlugs() {
                let project = try await world.client.project(try ProjectSlug(text))
                #expect(project.slug == text)
                expectKnown(project.vcsInfo.provider, "VCS provider")
                #expect(!project.vcsInfo.defaultBranch.isEmpty)
                #expect(project.organizationSlug == text.split(separator: "/").prefix(2).joined(separator: "/"))
                let organization = try await world.client.organization(project.organizationID)
                #expect(organization.slug == project.organizationSlug)
            }
            let long = try await world.client.project(try ProjectSlug("github/acme/api"))
            #expect(long.id == world.landmarks.projectID)
        },
        TypedRead("getProjectSettings", "advanced settings") { world in
            let settings = try await world.client.projectSettings(Landmarks.api)
            let advanced = try #require(settings.advanced)
            #expect(advanced.autocancelBuilds != nil && advanced.prOnlyBranchOverrides != nil)
        },
        TypedRead("listEnvVars", "values are masked") { world in
            let variables = try await world.client.environmentVariables(project: Landmarks.api).collect()
            #expect(!variables.isEmpty)
            #expect(variables.allSatisfy { $0.value.hasPrefix("xxxx") && $0.value.count == 8 })
        },
        TypedRead("getEnvVar", "the same masked variable the list shows") { world in
            let name = world.landmarks.environmentVariableName
            let listed = try await world.client.environmentVariables(project: Landmarks.api).collect()
            let variable = try await world.client.environmentVariable(project: Landmarks.api, name: name)
            #expect(listed.first { $0.name == name } == variable)
        },
        TypedRead("listCheckoutKeys", "MD5 by default, SHA-256 on request") { world in
            let client = world.client
            let md5 = try await client.checkoutKeys(project: Landmarks.api).collect()
            let explicit = try await client.checkoutKeys(project: Landmarks.api, digest: .md5).collect()
            let sha = try await client.checkoutKeys(project: Landmarks.api, digest: .sha256).collect()
            #expect(!md5.isEmpty && md5 == explicit && sha.count == md5.count)
            for (plain, hashed) in zip(md5, sha) {
                expectKnown(plain.type, "checkout key type")
                #expect(plain.publicKey == hashed.publicKey && plain.fingerprint != hashed.fingerprint)
                #expect(plain.fingerprint.split(separator: ":").count == 16, "MD5 is 16 hex pairs")
                #expect(hashed.fingerprint.hasPrefix("SHA256:"))
            }
        },
        TypedRead("getCheckoutKey", "by MD5 and SHA-256 fingerprint") { world in
            let client = world.client
            let byMD5 = try await client.checkoutKey(project: Landmarks.api, fingerprint: world.landmarks.fingerprint)
            #expect(byMD5.fingerprint == world.landmarks.fingerprint)
            let sha = try #require(try await client.checkoutKeys(project: Landmarks.api, digest: .sha256).collect().first)
            #expect(try await client.checkoutKey(project: Landmarks.api, fingerprint: sha.fingerprint) == sha)
        },
        TypedRead("listSchedulesForProject", "the project's schedules") { world in
            let schedules = try await world.client.schedules(project: Landmarks.api).collect()
            #expect(!schedules.isEmpty)
            for schedule in schedules {
                #expect(schedule.projectSlug == "gh/acme/api")
                #expect(!schedule.timetable.hoursOfDay.isEmpty && schedule.timetable.perHour > 0)
                #expect(schedule.timetable.daysOfWeek?.allSatisfy(\.isKnown) ?? true)
            }
        },
        TypedRead("getScheduleById", "the same schedule the list shows") { world in
            let schedule = try await world.client.schedule(id: world.landmarks.scheduleID)
            let listed = try await world.client.schedules(project: Landmarks.api).collect()
            #expect(listed.contains(schedule))
        },
        TypedRead("listContexts", "by owner slug and owner ID alike") { world in
            let bySlug = try await world.client.contexts(owner: .slug(Landmarks.acme)).collect()
            let byID = try await world.client.contexts(owner: .id(world.landmarks.organizationID)).collect()
            #expect(!bySlug.isEmpty && bySlug == byID)
        },
        TypedRead("getContext", "the same context the list shows") { world in
            let context = try await world.client.context(id: world.landmarks.contextID)
            #expect(try await world.client.contexts(owner: .slug(Landmarks.acme)).collect().contains(context))
        },
        TypedRead("listEnvironmentVariablesFromContext", "variable names of the context") { world in
            let id = world.landmarks.contextID
            let variables = try await world.client.contextEnvironmentVariables(contextID: id).collect()
            #expect(!variables.isEmpty && variables.allSatisfy { $0.contextID == id && !$0.variable.isEmpty })
        },
        TypedRead("getContextRestrictions", "restrictions of the context") { world in
            let id = world.landmarks.contextID
            let restrictions = try await world.client.contextRestrictions(contextID: id).collect()
            #expect(restrictions.allSatisfy { $0.contextID == id })
        },
        TypedRead("getWebhooks", "by project ID") { world in
            let hooks = try await world.client.webhooks(projectID: world.landmarks.projectID).collect()
            #expect(!hooks.isEmpty)
            #expect(hooks.allSatisfy { $0.scope.id == world.landmarks.projectID && $0.scope.type == "project" })
            #expect(hooks.allSatisfy { $0.events.allSatisfy(\.isKnown) })
        },
        TypedRead("getWebhookById", "the same webhook the list shows") { world in
            let hook = try await world.client.webhook(id: world.landmarks.webhookID)
            #expect(try await world.client.webhooks(projectID: world.landmarks.projectID).collect().contains(hook))
        },
    ]

    static let accountReads: [TypedRead] = [
        TypedRead("getCurrentUser", "the token's owner") { world in
            let me = try await world.client.me()
            #expect(me.id == world.landmarks.userID && !me.login.isEmpty)
        },
        TypedRead("getCollaborations", "the organizations of the user") { world in
            let collaborations = try await world.client.collaborations()
            #expect(collaborations.contains { $0.slug == "gh/acme" && $0.id == world.landmarks.organizationID })
        },
        TypedRead("getUser", "by ID, the same as /me") { world in
            let user = try await world.client.user(id: world.landmarks.userID)
            #expect(try await world.client.me() == user)
        },
        TypedRead("getOrganization", "a GitHub App organization by its circleci/<id> slug") { world in
            let text = try #require(await world.live.simulator.projectSlugs().first { $0.hasPrefix("circleci/") })
            let slug = try ProjectSlug(text)
            let project = try await world.client.project(slug)
            let organization = try await world.client.organization(slug.orgSlug.description)
            #expect(organization.id == project.organizationID && organization.vcsType == .circleci)
            #expect(organization.slug == slug.orgSlug.description)
            let contexts = try await world.client.contexts(owner: .slug(slug.orgSlug)).collect()
            let byID = try await world.client.contexts(owner: .id(organization.id)).collect()
            #expect(contexts == byID)
            let summary = try await world.client.orgSummary(org: slug.orgSlug)
            #expect(summary.orgProjectData.map(\.projectName) == [project.name])
            let pipelines = try await world.client.orgPipelines(orgSlug: slug.orgSlug.description).collect(limit: 5)
            #expect(!pipelines.isEmpty && pipelines.allSatisfy { $0.projectSlug == text })
        },
        TypedRead("getOrganization", "by slug and by ID alike") { world in
            let bySlug = try await world.client.organization("gh/acme")
            #expect(bySlug.id == world.landmarks.organizationID && bySlug.slug == "gh/acme")
            expectKnown(bySlug.vcsType, "VCS type")
            #expect(try await world.client.organization(world.landmarks.organizationID) == bySlug)
        },
    ]
}
