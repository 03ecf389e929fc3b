import Foundation

extension Pipeline {
    /// The v2 pipeline object.
    func json(in world: World) -> JSON {
        let project = world.project(id: projectID)
        let actor = world.user(actorID)
        var members: [(String, JSON)] = [
            ("id", .uuid(id)),
            ("errors", .array(errors.map { .object([("type", .string($0.type)), ("message", .string($0.message))]) })),
            ("project_slug", .string(project?.slug ?? "")),
            ("updated_at", .date(updatedAt)),
            ("number", .int(number)),
        ]
        if !parameters.isEmpty {
            members.append(("trigger_parameters", .object(parameters.map { ($0.name, $0.value.json) })))
        }
        members += [
            ("state", .string(state.rawValue)),
            ("created_at", .date(createdAt)),
            ("trigger", .object([
                ("received_at", .date(createdAt.addingTimeInterval(-0.35))),
                ("type", .string(triggerType.rawValue)),
                ("actor", .object([("login", .string(actor?.login ?? "unknown")),
                                   ("avatar_url", .string(actor?.avatarURL))])),
            ])),
            ("vcs", vcsJSON(project: project)),
            ("warnings", .array([])),
        ]
        return .object(members)
    }

    private func vcsJSON(project: Project?) -> JSON {
        let url = project?.vcsURL ?? ""
        var members: [(String, JSON)] = [
            ("origin_repository_url", .string(url)),
            ("target_repository_url", .string(url)),
            ("revision", .string(vcs.revision)),
            ("provider_name", .string(project?.vcsType.providerName ?? "GitHub")),
            ("commit", .object([("body", .string(vcs.body)), ("subject", .string(vcs.subject))])),
        ]
        if let branch = vcs.branch { members.append(("branch", .string(branch))) }
        if let tag = vcs.tag { members.append(("tag", .string(tag))) }
        if let reviewID = vcs.reviewID {
            members.append(("review_id", .string(reviewID)))
            members.append(("review_url", .string("\(url)/pull/\(reviewID)")))
        }
        return .object(members)
    }

    /// `{id, state, number, created_at}`, the trigger response.
    var creationJSON: JSON {
        .object([("id", .uuid(id)), ("state", .string(state.rawValue)), ("number", .int(number)),
                 ("created_at", .date(createdAt))])
    }
}

extension ParameterValue {
    var json: JSON {
        switch self {
        case let .string(value): .string(value)
        case let .int(value): .int(value)
        case let .bool(value): .bool(value)
        }
    }
}
