import CQ
import CircleCI

/// Sources about project and organisation settings: schedules, environment
/// variables (masked, as the API returns them), checkout keys, contexts, webhooks.
struct SettingsBuiltins {
    let session: APISession
    var factory: RecordFactory { RecordFactory(session: session) }

    private static let project = Parameter("project", .string, required: false, summary: "a project slug (default: `:use`)")

    var all: [Builtin] {
        [
            list(
                "schedules", [Self.project], of: APISchemas.schedule, summary: "A project's scheduled pipelines.",
                examples: ["schedules(\"gh/acme/api\") | select name, description"],
                endpoint: APIEndpoints.schedules
            ) { invocation in
                session.client.schedules(project: try invocation.project(session: session))
            },
            list(
                "envvars", [Self.project], of: CircleCISchemas.environmentVariable,
                summary: "A project's environment variables; values are masked by CircleCI.",
                examples: ["envvars(\"gh/acme/api\") | map name"],
                endpoint: APIEndpoints.environmentVariables
            ) { invocation in
                session.client.environmentVariables(project: try invocation.project(session: session))
            },
            list(
                "checkout_keys", [Self.project], of: APISchemas.checkoutKey, summary: "A project's checkout keys.",
                examples: ["checkout_keys(\"gh/acme/api\") | select type, fingerprint"],
                endpoint: APIEndpoints.checkoutKeys
            ) { invocation in
                session.client.checkoutKeys(project: try invocation.project(session: session))
            },
            list(
                "contexts", [Parameter("org", .string, summary: "an org slug such as gh/acme, or an org id")],
                of: APISchemas.context, summary: "An organisation's contexts.",
                examples: ["contexts(\"gh/acme\") | context_envvars"], endpoint: APIEndpoints.contexts
            ) { invocation in
                let org = try invocation.requiredString("org")
                if org.contains("/") {
                    do { return session.client.contexts(owner: .slug(try OrgSlug(org))) } catch { throw BuiltinError("\(error)") }
                }
                return session.client.contexts(owner: .id(org))
            },
            Builtin(
                "context_envvars", kind: .fanOut, summary: "The names of each context's environment variables (values are never returned).",
                examples: ["contexts(\"gh/acme\") | context_envvars | select variable"],
                inputTypes: ["Context"], result: .fixed(.list(.record(APISchemas.contextEnvironmentVariable))), effect: .readsAPI,
                endpoints: [APIEndpoints.contextVariables],
                implementation: .fanOut { row, _ in
                    guard let id = row.recordValue?["id"]?.stringValue else { return .value(.list([])) }
                    let factory = self.factory
                    return .stream(APIErrors.stream(session.client.contextEnvironmentVariables(contextID: id)) {
                        try factory.record($0, APISchemas.contextEnvironmentVariable)
                    })
                }),
            Builtin(
                "restrictions", kind: .fanOut, summary: "Each context's restrictions (projects, expressions, groups).",
                examples: ["contexts(\"gh/acme\") | restrictions | select name, restriction_type, restriction_value"],
                inputTypes: ["Context"], result: .fixed(.list(.record(APISchemas.contextRestriction))), effect: .readsAPI,
                endpoints: [APIEndpoints.contextRestrictions],
                implementation: .fanOut { row, _ in
                    guard let id = row.recordValue?["id"]?.stringValue else { return .value(.list([])) }
                    let factory = self.factory
                    return .stream(APIErrors.stream(session.client.contextRestrictions(contextID: id)) {
                        try factory.record($0, APISchemas.contextRestriction)
                    })
                }),
            Builtin(
                "webhooks", kind: .source, parameters: [Self.project], summary: "A project's outbound webhooks.",
                examples: ["webhooks(\"gh/acme/api\") | select name, url, events"],
                result: .fixed(.list(.record(APISchemas.webhook))), effect: .readsAPI, endpoints: APIEndpoints.webhooks,
                implementation: .function { invocation in
                    let slug = try invocation.project(session: session)
                    let client = session.client
                    let project = try await APIErrors.mapping { try await client.project(slug) }
                    let factory = self.factory
                    return .stream(APIErrors.stream(client.webhooks(projectID: project.id)) {
                        try factory.record($0, APISchemas.webhook)
                    })
                }),
        ]
    }

    private func list<Element: Encodable & Sendable>(
        _ name: String, _ parameters: [Parameter], of schema: RecordSchema, summary: String, examples: [String] = [],
        endpoint: Endpoint, _ makeList: @escaping @Sendable (Invocation) throws -> Paginated<Element>
    ) -> Builtin {
        .apiList(
            name, parameters, of: schema, session: session, summary: summary, examples: examples, endpoints: [endpoint],
            makeList)
    }
}
