/// Matches the arguments of a call to a builtin's parameters: the one place
/// that decides which parameter `pipelines("gh/a/b", branch: "main")` gives
/// `"main"` to.
///
/// The binder (and so the checker and the evaluator) and REPL completion all
/// use it, so a call can never mean one thing to the checker and another to
/// the evaluator.
public struct ArgumentMatcher: Sendable {
    /// One written argument, as far as matching is concerned.
    public struct Argument: Sendable, Hashable {
        /// The label, for `name: value` arguments.
        public var label: Identifier?
        /// Where the value was written, for problems about it.
        public var range: SourceRange

        /// Creates an argument.
        public init(label: Identifier?, range: SourceRange) {
            self.label = label
            self.range = range
        }
    }

    /// Something wrong with the arguments of a call.
    public struct Problem: Sendable, Hashable {
        /// The diagnostic id: `unknown-argument`, `too-many-arguments`,
        /// `duplicate-argument` or `missing-argument`.
        public var id: String
        /// The message.
        public var message: String
        /// Where it points.
        public var range: SourceRange
        /// Hints.
        public var notes: [String]
    }

    /// The outcome of matching.
    public struct Match: Sendable {
        /// For each argument, in written order, the parameter it binds, or
        /// `nil` when it binds none (a problem says why).
        public var parameters: [Parameter?]
        /// What is wrong, in source order.
        public var problems: [Problem]
    }

    /// The builtin whose parameters are matched.
    public let builtin: Builtin
    /// How many leading parameters are supplied otherwise (by the piped
    /// input, or by the rows an aggregate reads).
    public let skipping: Int

    /// Creates a matcher for `builtin`'s parameters after the first `skipping`.
    public init(_ builtin: Builtin, skipping: Int = 0) {
        self.builtin = builtin
        self.skipping = skipping
    }

    /// The parameters arguments may bind.
    public var parameters: ArraySlice<Parameter> { builtin.parameters.dropFirst(skipping) }

    /// Matches `arguments`: labelled ones by name, the others to the next
    /// positional parameter not yet bound.
    ///
    /// - Parameter callRange: where missing arguments are reported.
    public func match(_ arguments: [Argument], callRange: SourceRange) -> Match {
        var result = Match(parameters: [], problems: [])
        var bound = Set<String>()
        var position = parameters.startIndex
        for argument in arguments {
            let parameter: Parameter?
            if let label = argument.label {
                parameter = parameters.first { $0.name == label.name }
                if parameter == nil {
                    result.problems.append(unknownLabel(label))
                }
            } else {
                while position < parameters.endIndex,
                    parameters[position].isLabelRequired || bound.contains(parameters[position].name)
                {
                    position += 1
                }
                parameter = position < parameters.endIndex ? parameters[position] : nil
                if parameter == nil {
                    result.problems.append(Problem(
                        id: "too-many-arguments", message: "too many arguments to \(builtin.name)", range: argument.range,
                        notes: ["it takes: \(builtin.signature)"]))
                }
            }
            if let parameter, !bound.insert(parameter.name).inserted {
                result.problems.append(Problem(
                    id: "duplicate-argument", message: "`\(parameter.name)` is given twice", range: argument.range,
                    notes: []))
                result.parameters.append(nil)
                continue
            }
            result.parameters.append(parameter)
        }
        for parameter in parameters where parameter.isRequired && !bound.contains(parameter.name) {
            result.problems.append(Problem(
                id: "missing-argument", message: "\(builtin.name) needs `\(parameter.name)`", range: callRange,
                notes: ["it takes: \(builtin.signature)"]))
        }
        return result
    }

    /// The parameter the argument after `given` arguments would bind: what a
    /// cursor inside an unfinished call is typing (completion).
    public func parameter(after given: [Argument], label: String?) -> Parameter? {
        if let label { return parameters.first { $0.name == label } }
        let probe = Argument(label: nil, range: .at(0))
        return match(given + [probe], callRange: .at(0)).parameters.last ?? nil
    }

    private func unknownLabel(_ label: Identifier) -> Problem {
        let suggestion = Suggestions.closest(to: label.name, among: parameters.map(\.name))
        return Problem(
            id: "unknown-argument", message: "\(builtin.name) has no argument `\(label.name)`", range: label.range,
            notes: suggestion.map { ["did you mean `\($0):`?"] } ?? ["it takes: \(builtin.signature)"])
    }
}
