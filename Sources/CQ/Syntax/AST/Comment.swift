/// A `#` comment, kept so that `cq fmt` can put it back.
///
/// The parser collects every comment of a program, in source order, in
/// ``Program/comments``; the formatter attaches each one to the statement or
/// stage it belongs to (see ``CommentAttachment``).
public struct Comment: Sendable, Hashable {
    /// The comment's text, from the `#` to the end of the line (without the newline).
    public var text: String
    /// Where it was written.
    public var range: SourceRange

    /// Creates a comment.
    public init(_ text: String, range: SourceRange) {
        self.text = text
        self.range = range
    }
}
