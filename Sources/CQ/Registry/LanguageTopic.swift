/// A word of the language itself — a keyword stage such as `where`, an operator
/// such as `=~`, a literal form such as durations — documented like a builtin.
///
/// Topics live in the same ``BuiltinRegistry`` as builtins, so `cq help WORD`,
/// `:help WORD`, the README reference and completion details all read one
/// table. ``BuiltinRegistry/standard`` registers a topic for every word of the
/// grammar; embedders may add their own (a house style, a glossary entry).
public struct LanguageTopic: Sendable, Hashable {
    /// Which part of the language a topic describes; it orders `cq help`.
    public enum Category: String, Sendable, Hashable, CaseIterable {
        /// A keyword stage written after `|`: `where`, `sort by`, `take`.
        case stage
        /// An operator: `==`, `=~`, `??`, `and`.
        case `operator`
        /// A form of expression: string interpolation, durations, lambdas, `it`.
        case expression
        /// A statement: `let`, `def`.
        case statement

        /// The heading `cq help` lists these topics under.
        public var title: String {
            switch self {
            case .stage: "Keyword stages (after |)"
            case .operator: "Operators"
            case .expression: "Values and expressions"
            case .statement: "Statements"
            }
        }
    }

    /// The name `cq help` looks it up by, e.g. `where`, `=~`, `durations`.
    public var name: String
    /// Other words that find it: `each` for `map`, `sort by` and `order by` for `sort`.
    public var aliases: [String]
    /// Which part of the language it belongs to.
    public var category: Category
    /// How `cq help` lists it, e.g. `== != < <= > >=`; when not given, the
    /// syntax if it is short, else the name.
    public var heading: String
    /// How it is written, e.g. `sort by KEY [asc|desc], …`.
    public var syntax: String
    /// One line for `cq help` and completion.
    public var summary: String
    /// A sentence or two more: precedence, null handling, caveats.
    public var details: String
    /// Queries that run as written: against the standard library, or against
    /// the simulator (`cq --demo`) when they read the API.
    public var examples: [String]
    /// Other topics or builtins worth reading next.
    public var related: [String]

    /// Creates a topic.
    public init(
        _ name: String,
        aliases: [String] = [],
        category: Category,
        heading: String? = nil,
        syntax: String,
        summary: String,
        details: String = "",
        examples: [String],
        related: [String] = []
    ) {
        self.name = name
        self.aliases = aliases
        self.category = category
        self.heading = heading ?? (syntax.count <= 24 ? syntax : name)
        self.syntax = syntax
        self.summary = summary
        self.details = details
        self.examples = examples
        self.related = related
    }

    /// Every word that finds this topic: its name, then its aliases.
    public var words: [String] { [name] + aliases }
}
