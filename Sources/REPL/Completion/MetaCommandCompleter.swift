/// Completes `:` commands from the meta-command table and hands everything else,
/// including the expressions inside `:schema` and `:watch`, to the host.
public struct MetaCommandCompleter: CompletionProvider {
    /// The host's completion provider.
    public let base: any CompletionProvider

    /// Wraps the host's provider.
    public init(wrapping base: any CompletionProvider) {
        self.base = base
    }

    /// Meta-command names and arguments, or the host's answer.
    public func completions(for request: CompletionRequest) -> Completions {
        let utf8 = Array(request.text.utf8)
        guard request.currentLineStart == 0,
            let colon = utf8.firstIndex(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }),
            utf8[colon] == UInt8(ascii: ":")
        else { return base.completions(for: request) }

        let nameStart = colon + 1
        let nameEnd = utf8[nameStart...].firstIndex(where: Self.isSpace) ?? utf8.count
        let name = String(decoding: utf8[nameStart..<nameEnd], as: UTF8.self)
        if nameEnd == utf8.count {
            let candidates = MetaCommandSpec.all.filter { $0.name.hasPrefix(name.lowercased()) }.map {
                CompletionCandidate(":" + $0.name, suffix: $0.arguments == .nothing ? "" : " ")
            }
            return Completions(replacementStart: colon, candidates: candidates)
        }
        guard let spec = MetaCommandSpec.named(name) else { return .none }
        return completeArguments(of: spec, utf8: utf8, from: nameEnd)
    }

    private func completeArguments(of spec: MetaCommandSpec, utf8: [UInt8], from offset: Int) -> Completions {
        let argumentsStart = utf8[offset...].firstIndex { !Self.isSpace($0) } ?? utf8.count
        let wordStart = (utf8[argumentsStart...].lastIndex(where: Self.isSpace)).map { $0 + 1 } ?? argumentsStart
        let word = String(decoding: utf8[wordStart...], as: UTF8.self).lowercased()
        let isFirstWord = wordStart == argumentsStart
        switch spec.arguments {
        case .choice(let choices, _) where isFirstWord:
            return Completions(
                replacementStart: wordStart,
                candidates: choices.filter { $0.hasPrefix(word) }.map { CompletionCandidate($0) })
        case .commandName where isFirstWord:
            let topics = MetaCommandSpec.all.map(\.name) + base.words(.helpTopic)
            return Completions(
                replacementStart: wordStart,
                candidates: topics.filter { $0.lowercased().hasPrefix(word) }.map { CompletionCandidate($0) })
        case .projectSlug where isFirstWord:
            return Completions(
                replacementStart: wordStart,
                candidates: base.words(.projectSlug).filter { $0.lowercased().hasPrefix(word) }.map { CompletionCandidate($0) })
        case .expression:
            return delegate(utf8: utf8, from: argumentsStart)
        case .intervalThenQuery where !isFirstWord:
            let intervalEnd = utf8[argumentsStart...].firstIndex(where: Self.isSpace) ?? utf8.count
            let queryStart = utf8[intervalEnd...].firstIndex { !Self.isSpace($0) } ?? utf8.count
            return delegate(utf8: utf8, from: queryStart)
        default:
            return .none
        }
    }

    /// Asks the host about the text from `start` on, as if it were a whole entry.
    private func delegate(utf8: [UInt8], from start: Int) -> Completions {
        let inner = CompletionRequest(text: String(decoding: utf8[start...], as: UTF8.self), currentLineStart: 0)
        var answer = base.completions(for: inner)
        answer.replacementStart += start
        return answer
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}
