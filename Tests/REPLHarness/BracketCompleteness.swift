import REPL

/// An entry is complete when its brackets and quotes are balanced and it does
/// not end with `|`; otherwise the innermost open thing is reported.
struct BracketCompleteness: InputCompletenessChecking {
    func completeness(of entry: String) -> InputCompleteness {
        var open: [Character] = []
        var inString = false
        var escaped = false
        for character in entry {
            if inString {
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inString = false
                }
                continue
            }
            switch character {
            case "\"": inString = true
            case "(", "[", "{": open.append(character)
            case ")", "]", "}": if !open.isEmpty { open.removeLast() }
            default: break
            }
        }
        if inString { return .incomplete(open: "\"") }
        if let innermost = open.last { return .incomplete(open: String(innermost)) }
        if entry.last(where: { !$0.isWhitespace }) == "|" { return .incomplete(open: "|") }
        return .complete
    }
}
