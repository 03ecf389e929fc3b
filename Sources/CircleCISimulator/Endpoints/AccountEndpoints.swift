import Foundation

/// The current user, other users, collaborations and organisations.
enum AccountEndpoints {
    static let routes: [Route] = [
        .get("/me", "getCurrentUser") { world, _ throws(APIError) in
            guard let user = world.user(world.currentUserID) else { throw .notFound("User") }
            return .json(user.json)
        },
        .get("/me/collaborations", "getCollaborations") { world, _ throws(APIError) in
            .json(.array(world.organizations.map { organization in
                .object([
                    ("id", .uuid(organization.id)),
                    ("vcs-type", .string(organization.vcsType.longName)),
                    ("name", .string(organization.name)),
                    ("avatar_url", .string(organization.avatarURL)),
                    ("slug", .string(organization.slug)),
                ])
            }))
        },
        .get("/user/{id}", "getUser") { world, context throws(APIError) in
            let id = try World.uuid(context.parameter("id"), entity: "User")
            guard let user = world.user(id) else { throw .notFound("User") }
            return .json(user.json)
        },
        .get("/organization/{org-slug-or-id}", "getOrganization") { world, context throws(APIError) in
            guard let organization = world.organization(slugOrID: context.parameter("org-slug-or-id"))
            else { throw .notFound("Organization") }
            return .json(organization.json)
        },
        .get("/organization/{vcs}/{name}", "getOrganization") { world, context throws(APIError) in
            let slug = "\(context.parameter("vcs"))/\(context.parameter("name"))"
            guard let organization = world.organization(slugOrID: slug) else { throw .notFound("Organization") }
            return .json(organization.json)
        },
    ]
}

extension User {
    var json: JSON {
        .object([("avatar_url", .string(avatarURL)), ("id", .uuid(id)), ("login", .string(login)),
                 ("name", .string(name))])
    }
}

extension Organization {
    var json: JSON {
        .object([("id", .uuid(id)), ("name", .string(name)), ("slug", .string(slug)),
                 ("vcs_type", .string(vcsType.rawValue))])
    }
}
