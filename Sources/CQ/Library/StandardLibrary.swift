extension BuiltinRegistry {
    /// The builtins every cq evaluation has: aggregates, string, list, math,
    /// time and conversion functions, `flatten` and `open`, with the help
    /// topics of the language's keywords and operators.
    public static var standard: BuiltinRegistry {
        var registry = BuiltinRegistry()
        registry.register(Aggregates.all)
        registry.register(StringFunctions.all)
        registry.register(ListFunctions.all)
        registry.register(MathFunctions.all)
        registry.register(TimeFunctions.all)
        registry.register(ConversionFunctions.all)
        registry.register(CoreStages.all)
        registry.register(FileFunctions.all)
        registry.register(topics: LanguageTopics.all)
        return registry
    }
}
