import CQ

extension BuiltinRegistry {
    /// The standard library plus every CircleCI builtin, schema and derived
    /// field, all calling the API through `session`.
    public static func circleCI(session: APISession) -> BuiltinRegistry {
        var registry = BuiltinRegistry.standard
        for schema in CircleCISchemas.all { registry.register(schema: schema) }
        let pipelines = PipelineBuiltins(session: session)
        registry.register(pipelines.all)
        registry.register(derived: pipelines.state)
        registry.register(ProjectBuiltins(session: session).all)
        registry.register(FanOutBuiltins(session: session).all)
        registry.register(InsightsBuiltins(session: session).all)
        registry.register(SettingsBuiltins(session: session).all)
        registry.register(WriteBuiltins(session: session).all)
        registry.register(RawAPIBuiltin(session: session).builtin)
        return registry
    }
}
