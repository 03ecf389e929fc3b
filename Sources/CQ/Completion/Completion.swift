/// What Tab offers at a cursor: candidates and the text they replace.
public struct Completion: Sendable, Hashable {
    /// The UTF-8 byte range of the text being completed (the word or string
    /// prefix typed so far); a candidate replaces it.
    public var range: SourceRange
    /// The candidates, best first.
    public var candidates: [Candidate]

    /// Creates a completion.
    public init(range: SourceRange, candidates: [Candidate]) {
        self.range = range
        self.candidates = candidates
    }

    /// Nothing to offer.
    public static func none(at offset: Int) -> Completion {
        Completion(range: .at(offset), candidates: [])
    }

    /// One thing Tab may insert.
    public struct Candidate: Sendable, Hashable {
        /// What kind of name it is, for display.
        public enum Kind: String, Sendable, Hashable {
            case stage, function, source, aggregate, field, keyword, variable, value, slug, command, label
        }

        /// The text that replaces the completed range.
        public var text: String
        /// What to append when this is the only candidate: `(` after a
        /// function, a closing quote after a value, a space after a keyword.
        public var suffix: String
        /// What it is.
        public var kind: Kind
        /// A short description: a field's type, a function's summary.
        public var detail: String

        /// Creates a candidate.
        public init(_ text: String, suffix: String = "", kind: Kind, detail: String = "") {
            self.text = text
            self.suffix = suffix
            self.kind = kind
            self.detail = detail
        }
    }
}
