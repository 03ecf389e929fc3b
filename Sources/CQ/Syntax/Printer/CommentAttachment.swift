/// Where each comment of a program goes when it is formatted.
///
/// A statement is printed as segments: the head (up to and including the
/// pipeline's source, or the first stage of a `def` stage chain) and one
/// segment per top-level stage. Each comment is attached to a statement or a
/// segment by its position:
/// - on its own line(s) before a statement: leading comment of the statement;
/// - on its own line(s) between two stages: leading comment of the later stage;
/// - after a segment on the same line: trailing comment of that segment;
/// - inside a segment (e.g. within a multi-line list): moved to the segment's
///   leading comments, i.e. printed on the line before it;
/// - after the last statement: trailing comments of the program.
///
/// No comment is ever dropped.
struct CommentAttachment {
    /// Comments of one segment.
    struct Segment {
        /// Printed on their own lines before the segment.
        var leading: [Comment] = []
        /// Printed after the segment on its line.
        var trailing: [Comment] = []
    }

    /// Comments of one statement; `segments[0]` is the head, whose leading
    /// comments are printed before the statement.
    struct Statement {
        var segments: [Segment]
    }

    /// Per statement, in order.
    var statements: [Statement]
    /// Comments after the last statement.
    var trailing: [Comment] = []

    /// Attaches `program.comments` using their positions in `source`.
    init(_ program: Program, source: SourceFile) {
        let segmentRanges = program.statements.map(Self.segmentRanges)
        statements = segmentRanges.map { Statement(segments: Array(repeating: Segment(), count: $0.count)) }
        for comment in program.comments {
            let start = comment.range.start
            guard let index = program.statements.lastIndex(where: { $0.range.start <= start }) else {
                if statements.isEmpty { trailing.append(comment) } else { statements[0].segments[0].leading.append(comment) }
                continue
            }
            let statement = program.statements[index]
            if start >= statement.range.end {
                if source.location(of: start).line == source.location(of: statement.range.end).line {
                    statements[index].segments[statements[index].segments.count - 1].trailing.append(comment)
                } else if index + 1 < statements.count {
                    statements[index + 1].segments[0].leading.append(comment)
                } else {
                    trailing.append(comment)
                }
                continue
            }
            let ranges = segmentRanges[index]
            let segment = ranges.lastIndex { $0.start <= start } ?? 0
            if start < ranges[segment].end || segment + 1 == ranges.count {
                statements[index].segments[segment].leading.append(comment)
            } else if source.location(of: start).line == source.location(of: ranges[segment].end).line {
                statements[index].segments[segment].trailing.append(comment)
            } else {
                statements[index].segments[segment + 1].leading.append(comment)
            }
        }
    }

    /// The source ranges of a statement's segments, as printed by
    /// ``CQ/Statement/printedSegments()``.
    private static func segmentRanges(_ statement: CQ.Statement) -> [SourceRange] {
        let stages = statement.topLevelStages
        guard let first = stages.first else { return [statement.range] }
        var ranges = [SourceRange(start: statement.range.start, end: first.range.start)]
        ranges += stages.map(\.range)
        // The head ends where its source expression ends, before the first `|`.
        ranges[0].end = Self.headEnd(statement) ?? first.range.start
        return ranges
    }

    private static func headEnd(_ statement: CQ.Statement) -> Int? {
        switch statement.kind {
        case .let(_, let value), .expression(let value), .def(_, _, let value):
            switch value.kind {
            case .pipeline(let source, _): return source.range.end
            case .stageChain(let stages): return stages.first?.range.end
            default: return nil
            }
        }
    }
}
