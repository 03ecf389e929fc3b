import CQ
import CircleCI

extension Builtin {
    /// A source listing API items page by page, each as a record of `schema`.
    static func apiList<Element: Encodable & Sendable>(
        _ name: String, _ parameters: [Parameter], of schema: RecordSchema, session: APISession, summary: String,
        examples: [String] = [], endpoints: [Endpoint],
        _ makeList: @escaping @Sendable (Invocation) throws -> Paginated<Element>
    ) -> Builtin {
        Builtin(
            name, kind: .source, parameters: parameters, summary: summary, examples: examples,
            result: .fixed(.list(.record(schema))), effect: .readsAPI, endpoints: endpoints,
            implementation: .function { invocation in
                let factory = RecordFactory(session: session)
                return .stream(APIErrors.stream(try makeList(invocation)) { try factory.record($0, schema) })
            })
    }

    /// A source returning one value computed from API calls; client errors are mapped.
    static func apiValue(
        _ name: String, _ parameters: [Parameter], returns type: ValueType, summary: String, examples: [String] = [],
        endpoints: [Endpoint], _ body: @escaping @Sendable (Invocation) async throws -> Value
    ) -> Builtin {
        Builtin(
            name, kind: .source, parameters: parameters, summary: summary, examples: examples, result: .fixed(type),
            effect: .readsAPI, endpoints: endpoints,
            implementation: .function { invocation in .value(try await APIErrors.mapping { try await body(invocation) }) })
    }
}
