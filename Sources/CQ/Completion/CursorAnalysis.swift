/// The structure around a completion cursor, worked out from tokens: the
/// word typed so far, the innermost bracket group, the pipeline stages before
/// the cursor and the tokens of the current stage.
struct CursorAnalysis {
    /// What has been typed of the word or string being completed.
    let prefix: String
    /// The bytes a candidate replaces.
    let replaceRange: SourceRange
    /// The tokens before the word, in the innermost statement or bracket group.
    let segment: [Token]
    /// The opening bracket of that group and the token before it (a call's name).
    let opener: Token?
    let openerCallee: String?
    /// The source text of the pipeline before the current stage (source and
    /// complete stages), or `nil` when the cursor is in the source itself.
    let upstreamText: String?
    /// The tokens of the stage the cursor is in, before the word.
    let stageTokens: [Token]
    /// Whether the cursor is in a stage (after a `|`).
    let isInStage: Bool
    /// All tokens before the word.
    let allTokens: [Token]
    /// The word token the cursor is at the end of, if any.
    let currentWord: Token?

    init(context: CursorContext, text: String, cursor: Int) {
        let bytes = Array(text.utf8)
        var prefix = ""
        var start = cursor
        var currentWord: Token?
        if context.isInsideString, let stringPrefix = context.stringPrefix {
            prefix = stringPrefix
            start = cursor - stringPrefix.utf8.count
        } else if let token = context.token, Self.isWord(token.kind) {
            currentWord = token
            start = token.range.start
            if case .variable = token.kind { start += 1 }
            prefix = String(decoding: bytes[min(start, bytes.count)..<min(cursor, bytes.count)], as: UTF8.self)
        }
        self.prefix = prefix
        self.currentWord = currentWord
        self.replaceRange = SourceRange(start: start, end: cursor)

        let tokens = context.precedingTokens
        self.allTokens = tokens
        var (segmentStart, opener) = Self.innermostGroup(tokens)
        segmentStart = Self.statementStart(tokens, from: segmentStart)
        var segment = Array(tokens[segmentStart...])
        if segment.count >= 3, segment[0].kind == .keyword(.let), segment[2].kind == .punctuation(.equal) {
            segment.removeFirst(3)
        }
        segment.removeAll { $0.kind == .newline }
        self.segment = segment
        self.opener = opener
        if let opener, let index = tokens.firstIndex(of: opener), index > 0 {
            self.openerCallee = tokens[index - 1].kind.anyIdentifier
        } else {
            self.openerCallee = nil
        }

        // The pipeline the cursor is in: the innermost bracket group holding a
        // `|` before the cursor, or the statement itself.
        var upstream: String?
        var stage = segment
        for groupStart in Self.groupStarts(tokens).reversed() {
            let start = Self.statementStart(tokens, from: groupStart)
            var level = Array(tokens[start...])
            if level.count >= 3, level[0].kind == .keyword(.let), level[2].kind == .punctuation(.equal) {
                level.removeFirst(3)
            }
            level.removeAll { $0.kind == .newline }
            guard let pipe = Self.lastTopLevelPipe(level), let first = level.first else { continue }
            upstream = String(decoding: bytes[first.range.start..<min(level[pipe].range.start, bytes.count)], as: UTF8.self)
            stage = Array(level[(pipe + 1)...])
            break
        }
        self.upstreamText = upstream
        self.stageTokens = upstream == nil ? segment : stage
        self.isInStage = upstream != nil
    }

    /// The index of the last `|` not inside brackets.
    private static func lastTopLevelPipe(_ tokens: [Token]) -> Int? {
        var depth = 0
        var last: Int?
        for (index, token) in tokens.enumerated() {
            guard case .punctuation(let punctuation) = token.kind else { continue }
            if punctuation.closing != nil { depth += 1 }
            if punctuation.isClosing { depth -= 1 }
            if punctuation == .pipe, depth == 0 { last = index }
        }
        return last
    }

    /// The start indexes of the statement and of every unclosed bracket group around the cursor, outermost first.
    private static func groupStarts(_ tokens: [Token]) -> [Int] {
        var stack: [Int] = []
        for (index, token) in tokens.enumerated() {
            guard case .punctuation(let punctuation) = token.kind else { continue }
            if punctuation.closing != nil { stack.append(index + 1) }
            if punctuation.isClosing, !stack.isEmpty { stack.removeLast() }
        }
        return [0] + stack
    }

    /// The tokens after the innermost opening bracket, up to the word.
    var segmentSinceOpener: [Token] {
        guard let opener else { return [] }
        return Array(allTokens.drop { $0 != opener }.dropFirst()).filter { $0.kind != .newline }
    }

    /// The tokens since the last `|` of the statement, including those before
    /// an enclosing bracket (`status in [` for a cursor inside the list).
    var currentStageTokensAcrossGroups: [Token] {
        let tokens = allTokens.filter { $0.kind != .newline }
        guard let pipe = tokens.lastIndex(where: { $0.kind == .punctuation(.pipe) }) else { return tokens }
        return Array(tokens[(pipe + 1)...])
    }

    /// The last significant token before the word.
    var previous: Token? { stageTokens.last ?? (isInStage ? nil : segment.last) }

    private static func isWord(_ kind: TokenKind) -> Bool {
        switch kind {
        case .identifier, .keyword, .variable, .quotedIdentifier: true
        default: false
        }
    }

    /// The index after the innermost unclosed bracket, and that bracket.
    private static func innermostGroup(_ tokens: [Token]) -> (Int, Token?) {
        var stack: [Int] = []
        for (index, token) in tokens.enumerated() {
            guard case .punctuation(let punctuation) = token.kind else { continue }
            if punctuation.closing != nil { stack.append(index) }
            if punctuation.isClosing, !stack.isEmpty { stack.removeLast() }
        }
        guard let open = stack.last else { return (0, nil) }
        return (open + 1, tokens[open])
    }

    /// The start of the statement containing the cursor, at or after `from`:
    /// after the last `;`, `,` (inside a group) or statement-ending newline.
    private static func statementStart(_ tokens: [Token], from start: Int) -> Int {
        var depth = 0
        var result = start
        var index = start
        while index < tokens.count {
            let token = tokens[index]
            if case .punctuation(let punctuation) = token.kind {
                if punctuation.closing != nil { depth += 1 }
                if punctuation.isClosing { depth -= 1 }
                if depth == 0, punctuation == .semicolon || punctuation == .comma { result = index + 1 }
                if depth == 0, punctuation == .colon, index > result, index == result + 1 { result = index + 1 }
            }
            if depth == 0, token.kind == .newline, index + 1 < tokens.count,
                tokens[index + 1].kind != .punctuation(.pipe), index > 0,
                !NewlineRules.continuesLine(after: tokens[index - 1], previous: index > 1 ? tokens[index - 2] : nil)
            {
                result = index + 1
            }
            index += 1
        }
        return result
    }
}
