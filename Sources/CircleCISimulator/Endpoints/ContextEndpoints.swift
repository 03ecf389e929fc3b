import Foundation

/// Contexts, their variables and restrictions; outbound webhooks.
enum ContextEndpoints {
    static let routes: [Route] = [
        .get("/context", "listContexts", listContexts),
        .get("/context/{context_id}", "getContext") { world, context throws(APIError) in
            .json(try requireContext(world, context).json)
        },
        .get("/context/{context_id}/environment-variable", "listEnvironmentVariablesFromContext") {
            world, context throws(APIError) in
            let found = try requireContext(world, context)
            return try Pagination.response(found.variables, list: "context-vars/\(found.id)", context: context,
                                           key: \.name) { variable in
                .object([
                    ("variable", .string(variable.name)),
                    ("created_at", .date(variable.createdAt)),
                    ("updated_at", .date(variable.updatedAt)),
                    ("context_id", .uuid(found.id)),
                ])
            }
        },
        .get("/context/{context_id}/restrictions", "getContextRestrictions") { world, context throws(APIError) in
            let found = try requireContext(world, context)
            return try Pagination.response(found.restrictions, list: "restrictions/\(found.id)", context: context,
                                           key: \.id.lowercasedString) { restriction in
                var members: [(String, JSON)] = [("id", .uuid(restriction.id)), ("context_id", .uuid(found.id))]
                if let projectID = restriction.projectID { members.append(("project_id", .uuid(projectID))) }
                members += [("name", .string(restriction.name)), ("restriction_type", .string(restriction.type)),
                            ("restriction_value", .string(restriction.value))]
                return .object(members)
            }
        },
        .get("/webhook", "getWebhooks") { world, context throws(APIError) in
            guard let scope = context.queryValue("scope-id"), context.queryValue("scope-type") == "project" else {
                throw .badRequest("scope-id and scope-type=project are required.")
            }
            let projectID = try World.uuid(scope, entity: "Project")
            guard world.project(id: projectID) != nil else { throw .notFound("Project") }
            let hooks = world.webhooks.filter { $0.projectID == projectID }
            return try Pagination.response(hooks, list: "webhooks/\(projectID)", context: context,
                                           key: \.id.lowercasedString) { $0.json }
        },
        .get("/webhook/{webhook_id}", "getWebhookById") { world, context throws(APIError) in
            let id = try World.uuid(context.parameter("webhook_id"), entity: "Webhook")
            guard let hook = world.webhooks.first(where: { $0.id == id }) else { throw .notFound("Webhook") }
            return .json(hook.json)
        },
    ]

    private static func listContexts(_ world: World, _ context: RequestContext) throws(APIError) -> SimulatorResponse {
        let ownerType = context.queryValue("owner-type") ?? "organization"
        guard ownerType == "organization" || ownerType == "account" else {
            throw .badRequest("Invalid owner-type: \(ownerType).")
        }
        let organization: Organization?
        if let id = context.queryValue("owner-id") {
            organization = world.organization(try World.uuid(id, entity: "Owner"))
        } else if let slug = context.queryValue("owner-slug") {
            organization = world.organization(slugOrID: slug)
        } else {
            throw .badRequest("Must provide either owner-id or owner-slug.")
        }
        guard let organization else { throw .notFound("Owner") }
        let contexts = world.contexts.filter { $0.organizationID == organization.id }
        return try Pagination.response(contexts, list: "contexts/\(organization.id)", context: context,
                                       key: \.id.lowercasedString) { $0.json }
    }

    private static func requireContext(_ world: World, _ context: RequestContext) throws(APIError) -> Context {
        let id = try World.uuid(context.parameter("context_id"), entity: "Context")
        guard let found = world.contexts.first(where: { $0.id == id }) else { throw .notFound("Context") }
        return found
    }
}

extension Context {
    var json: JSON {
        .object([("id", .uuid(id)), ("name", .string(name)), ("created_at", .date(createdAt))])
    }
}

extension Webhook {
    var json: JSON {
        .object([
            ("id", .uuid(id)),
            ("name", .string(name)),
            ("url", .string(url)),
            ("verify_tls", .bool(verifyTLS)),
            ("signing_secret", .string(signingSecret)),
            ("events", .array(events.map(JSON.string))),
            ("scope", .object([("id", .uuid(projectID)), ("type", .string("project"))])),
            ("created_at", .date(createdAt)),
            ("updated_at", .date(updatedAt)),
        ])
    }
}
