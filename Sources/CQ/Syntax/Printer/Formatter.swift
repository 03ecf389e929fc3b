/// `cq fmt`: rewrites a program in canonical form, keeping its comments.
///
/// Each statement is printed on one line when it fits ``FormatOptions/lineWidth``
/// and no comment sits between its stages; otherwise its top-level pipeline is
/// broken one stage per line with a leading `|`:
///
/// ```
/// pipelines("gh/acme/api")
///   | where state == "failed"  # comment
///   | jobs
/// ```
///
/// One blank line between statements is kept where the source had any.
/// Comments are attached as described by ``CommentAttachment``; none is dropped.
public enum Formatter {
    /// Formats `source`, or throws its syntax errors: a file with errors is never rewritten.
    public static func format(_ source: SourceFile, options: FormatOptions = FormatOptions()) throws(FormatError) -> String {
        let result = Parser.parse(source)
        guard !result.hasErrors else { throw FormatError(diagnostics: result.diagnostics) }
        return format(result.program, source: source, options: options)
    }

    /// Formats an already parsed `program` whose ranges refer to `source`.
    public static func format(_ program: Program, source: SourceFile, options: FormatOptions = FormatOptions()) -> String {
        var writer = Writer(source: source, options: options)
        let attachment = CommentAttachment(program, source: source)
        for (statement, comments) in zip(program.statements, attachment.statements) {
            writer.write(statement, comments: comments)
        }
        for comment in attachment.trailing { writer.writeLine(comment.text, at: comment.range.start) }
        return writer.output
    }

    private struct Writer {
        let source: SourceFile
        let options: FormatOptions
        var output = ""

        init(source: SourceFile, options: FormatOptions) {
            self.source = source
            self.options = options
        }

        mutating func write(_ statement: Statement, comments: CommentAttachment.Statement) {
            let (head, stages) = statement.printedSegments()
            let segments = [head] + stages
            for comment in comments.segments[0].leading { writeLine(comment.text, at: comment.range.start) }
            let oneLine = segments.joined(separator: " | ")
            let lastTrailing = comments.segments.last?.trailing ?? []
            let commentsInside = comments.segments.dropFirst().contains { !$0.leading.isEmpty }
                || comments.segments.dropLast().contains { !$0.trailing.isEmpty }
            if !commentsInside, oneLine.count + trailingWidth(lastTrailing) <= options.lineWidth {
                writeLine(oneLine + trailingText(lastTrailing), at: statement.range.start)
                return
            }
            writeLine(head + trailingText(comments.segments[0].trailing), at: statement.range.start)
            for (stage, stageComments) in zip(stages, comments.segments.dropFirst()) {
                for comment in stageComments.leading { output += options.indent + comment.text + "\n" }
                output += options.indent + "| " + stage + trailingText(stageComments.trailing) + "\n"
            }
        }

        /// Writes a line that starts at source `offset`, after a blank line when
        /// the source had one before it.
        mutating func writeLine(_ text: String, at offset: Int) {
            let line = source.location(of: offset).line
            if !output.isEmpty, !output.hasSuffix("\n\n"), line > 1,
                source.lineText(line - 1).allSatisfy({ $0 == " " || $0 == "\t" })
            {
                output += "\n"
            }
            output += text + "\n"
        }

        private func trailingText(_ comments: [Comment]) -> String {
            comments.map { "  " + $0.text }.joined()
        }

        private func trailingWidth(_ comments: [Comment]) -> Int {
            trailingText(comments).count
        }
    }
}

/// How ``Formatter`` lays out a program.
public struct FormatOptions: Sendable, Hashable {
    /// The longest line a statement may take before its pipeline is broken.
    public var lineWidth: Int
    /// The indentation of `| stage` continuation lines.
    public var indent: String

    /// Creates format options; the defaults are 80 columns and two spaces.
    public init(lineWidth: Int = 80, indent: String = "  ") {
        self.lineWidth = lineWidth
        self.indent = indent
    }
}

/// Why ``Formatter/format(_:options:)`` refused: the source has syntax errors.
public struct FormatError: Error, Sendable, Hashable {
    /// The diagnostics of the source, errors included.
    public var diagnostics: [Diagnostic]
}
