/// What the line editor knows when Tab is pressed.
public struct CompletionRequest: Sendable, Hashable {
    /// The entry up to the cursor: the earlier lines of a multi-line entry, each
    /// ending in `"\n"`, then the current line up to the cursor.
    public var text: String
    /// The UTF-8 offset in ``text`` where the current line starts. Only text from
    /// here to the cursor can be replaced.
    public var currentLineStart: Int

    /// Creates a request; `currentLineStart` defaults to the start of the last line.
    public init(text: String, currentLineStart: Int? = nil) {
        self.text = text
        self.currentLineStart = currentLineStart ?? text.utf8.lastIndex(of: UInt8(ascii: "\n")).map {
            text.utf8.distance(from: text.utf8.startIndex, to: $0) + 1
        } ?? 0
    }

    /// The current line up to the cursor.
    public var currentLine: Substring {
        let start = text.utf8.index(text.utf8.startIndex, offsetBy: min(currentLineStart, text.utf8.count))
        return text[start...]
    }
}

/// One thing Tab can insert.
public struct CompletionCandidate: Sendable, Hashable {
    /// The text that replaces the token being completed.
    public var replacement: String
    /// How the candidate is shown in the list of several (a name, maybe with a hint).
    public var display: String
    /// Appended after ``replacement`` when this is the only candidate: `(` after a
    /// function, a space after a keyword, `")` after a slug inside `pipelines("`.
    public var suffix: String

    /// Creates a candidate; `display` defaults to `replacement`.
    public init(_ replacement: String, display: String? = nil, suffix: String = "") {
        self.replacement = replacement
        self.display = display ?? replacement
        self.suffix = suffix
    }
}

/// The answer to a ``CompletionRequest``.
public struct Completions: Sendable, Hashable {
    /// The UTF-8 offset in ``CompletionRequest/text`` where the replaced token
    /// starts; the token runs from here to the cursor (the end of the text). It
    /// must not be before ``CompletionRequest/currentLineStart``.
    public var replacementStart: Int
    /// The candidates, best first; the editor keeps this order when listing them.
    public var candidates: [CompletionCandidate]

    /// Creates an answer.
    public init(replacementStart: Int, candidates: [CompletionCandidate]) {
        self.replacementStart = replacementStart
        self.candidates = candidates
    }

    /// Nothing to offer: Tab beeps.
    public static let none = Completions(replacementStart: 0, candidates: [])
}

/// Produces Tab completions from memory.
///
/// It runs synchronously inside the line editor's read loop and cannot await, so
/// it must answer from data it already has (the real one reads caches that are
/// filled in the background) and return quickly.
public protocol CompletionProvider: Sendable {
    /// The candidates for the token that ends at the cursor.
    func completions(for request: CompletionRequest) -> Completions

    /// Words of a kind the meta commands take: project slugs for `:use`,
    /// help topics for `:help`. Answers from memory, like ``completions(for:)``.
    func words(_ kind: CompletionWordKind) -> [String]
}

/// Kinds of words meta commands complete from the host.
public enum CompletionWordKind: Sendable, Hashable {
    /// Project slugs (`gh/acme/api`).
    case projectSlug
    /// Builtin and record-type names, for `:help NAME`.
    case helpTopic
}

extension CompletionProvider {
    /// By default a provider knows no words.
    public func words(_ kind: CompletionWordKind) -> [String] { [] }
}
