import CQ
import CircleCI

/// Sources about people, organisations and projects.
struct ProjectBuiltins {
    let session: APISession
    var factory: RecordFactory { RecordFactory(session: session) }

    var all: [Builtin] {
        [
            source(
                "me", [], returns: .record(APISchemas.user), summary: "The user the token belongs to.",
                examples: ["me()"], endpoint: APIEndpoints.currentUser
            ) { _ in
                try factory.record(try await session.client.me(), APISchemas.user)
            },
            source(
                "collaborations", [], returns: .list(.record(APISchemas.collaboration)),
                summary: "The organisations the user belongs to.", examples: ["collaborations() | select name, slug"],
                endpoint: APIEndpoints.collaborations
            ) { _ in
                .list(try await session.client.collaborations().map { try factory.record($0, APISchemas.collaboration) })
            },
            source(
                "user", [Parameter("id", .string)], returns: .record(APISchemas.user), summary: "A user by id.",
                examples: ["user(me().id).name"],
                endpoint: APIEndpoints.user
            ) { invocation in
                try factory.record(try await session.client.user(id: try invocation.requiredString("id")), APISchemas.user)
            },
            source(
                "organization", [Parameter("org", .string, summary: "an org slug such as gh/acme, or an org id")],
                returns: .record(APISchemas.organization), summary: "An organisation by slug or id.",
                examples: [#"organization("gh/acme")"#],
                endpoint: APIEndpoints.organization
            ) { invocation in
                try factory.record(
                    try await session.client.organization(try invocation.requiredString("org")), APISchemas.organization)
            },
            source(
                "project", [Parameter("project", .string, required: false, summary: "a slug such as gh/acme/api")],
                returns: .record(APISchemas.project), summary: "A project by slug.",
                examples: ["project(\"gh/acme/api\").vcs_info.default_branch"], endpoint: APIEndpoints.project
            ) { invocation in
                try factory.record(try await session.client.project(try invocation.project(session: session)), APISchemas.project)
            },
        ]
    }

    /// A source that returns one value.
    func source(
        _ name: String, _ parameters: [Parameter], returns type: ValueType, summary: String, examples: [String] = [],
        endpoint: Endpoint, _ body: @escaping @Sendable (Invocation) async throws -> Value
    ) -> Builtin {
        .apiValue(name, parameters, returns: type, summary: summary, examples: examples, endpoints: [endpoint], body)
    }
}
