/// A function, source, stage or aggregate the language knows, with everything
/// needed to check, document, complete and run it.
///
/// One table (``BuiltinRegistry``) feeds evaluation, `cq help`, the checker and
/// REPL completion; embedders add their own entries to it.
public struct Builtin: Sendable {
    /// Where a builtin may be used.
    public enum Kind: String, Sendable, Hashable {
        /// Produces data from nothing but its arguments: `pipelines(slug)`, `me()`.
        case source
        /// A plain function of its arguments: `lower(s)`, `ago(7d)`.
        case function
        /// Transforms the rows piped into it: `| count`, `| flatten`.
        case stage
        /// Maps each row piped into it to zero or more rows: `| jobs`, `| workflows`.
        case fanOut
        /// Reduces a list of values to one: `avg(duration)` in `group by … with`,
        /// `| sum(credits)` as a stage, `avg([1, 2])` as a function.
        case aggregate
    }

    /// What running a builtin may touch; writes and files need permission.
    public enum Effect: String, Sendable, Hashable {
        /// Computes from its arguments only.
        case pure
        /// Reads from the CircleCI API.
        case readsAPI
        /// Changes CircleCI state (trigger, rerun, cancel, approve).
        case writesAPI
        /// Reads local files.
        case readsFiles
    }

    /// How a builtin is run. Each receives the evaluated arguments in an ``Invocation``.
    public enum Implementation: Sendable {
        /// Sources and functions.
        case function(@Sendable (Invocation) async throws -> PipelineData)
        /// Stages: the whole input.
        case stage(@Sendable (PipelineData, Invocation) async throws -> PipelineData)
        /// Fan-out stages: one input row at a time.
        case fanOut(@Sendable (Value, Invocation) async throws -> PipelineData)
        /// Aggregates over a list of values.
        case aggregate(@Sendable ([Value], Invocation) throws -> Value)
    }

    /// The static type of what a builtin returns.
    public enum ResultType: Sendable, Hashable {
        /// Always this type.
        case fixed(ValueType)
        /// The type of the input rows (stages such as `| sort_by_key` keep rows unchanged).
        case input
        /// The type of the first argument.
        case firstArgument
        /// The element type of the first argument, which is a list.
        case elementOfFirstArgument
    }

    /// The name it is called by.
    public var name: String
    /// Where it may be used.
    public var kind: Kind
    /// Its parameters, positional ones first.
    public var parameters: [Parameter]
    /// One line for `cq help` and completion.
    public var summary: String
    /// Further explanation, examples of use, caveats.
    public var details: String
    /// Example queries shown by `cq help NAME`.
    public var examples: [String]
    /// For stages and fan-outs: the record types the input rows may have
    /// (empty: any). For example `jobs` takes `Pipeline` or `Workflow` rows.
    public var inputTypes: [String]
    /// What it returns.
    public var result: ResultType
    /// What running it may touch.
    public var effect: Effect
    /// The requests it makes, for `cq explain` and the planner (empty for
    /// builtins that make none, or that do not describe them).
    public var endpoints: [Endpoint]
    /// How it runs.
    public var implementation: Implementation

    /// Creates a builtin.
    public init(
        _ name: String,
        kind: Kind,
        parameters: [Parameter] = [],
        summary: String,
        details: String = "",
        examples: [String] = [],
        inputTypes: [String] = [],
        result: ResultType,
        effect: Effect = .pure,
        endpoints: [Endpoint] = [],
        implementation: Implementation
    ) {
        self.name = name
        self.kind = kind
        self.parameters = parameters
        self.summary = summary
        self.details = details
        self.examples = examples
        self.inputTypes = inputTypes
        self.result = result
        self.effect = effect
        self.endpoints = endpoints
        self.implementation = implementation
    }

    /// `name(a, [b], c:)` as shown in help and completion: parameter names,
    /// optional ones in brackets, labelled ones with a colon.
    public var signature: String {
        let list = parameters.map { parameter in
            let label = parameter.isLabelRequired ? "\(parameter.name):" : parameter.name
            return parameter.isRequired ? label : "[\(label)]"
        }
        if (kind == .stage || kind == .fanOut) && parameters.isEmpty { return name }
        return "\(name)(\(list.joined(separator: ", ")))"
    }
}

/// One parameter of a builtin.
public struct Parameter: Sendable, Hashable {
    /// The name; also the label for named arguments.
    public var name: String
    /// The accepted type.
    public var type: ValueType
    /// Must be given.
    public var isRequired: Bool
    /// May only be passed as `name: value` (e.g. `branch:` of `pipelines`).
    public var isLabelRequired: Bool
    /// For aggregates: the argument is an expression evaluated once per row.
    public var isPerRow: Bool
    /// What it means.
    public var summary: String

    /// Creates a parameter.
    public init(
        _ name: String,
        _ type: ValueType,
        required: Bool = true,
        labelled: Bool = false,
        perRow: Bool = false,
        summary: String = ""
    ) {
        self.name = name
        self.type = type
        self.isRequired = required
        self.isLabelRequired = labelled
        self.isPerRow = perRow
        self.summary = summary
    }
}
