/// Which names can be written without backticks.
public enum Identifiers {
    /// Whether `name` matches the identifier syntax: a letter or `_`, then
    /// letters, digits, marks and `_`. Says nothing about keywords.
    public static func isIdentifierShaped(_ name: String) -> Bool {
        var scalars = name.unicodeScalars.makeIterator()
        guard let first = scalars.next(), Lexer.isIdentifierStart(first) else { return false }
        while let scalar = scalars.next() {
            guard Lexer.isIdentifierContinue(scalar) else { return false }
        }
        return true
    }

    /// Whether `name` can be written bare in an expression: identifier-shaped
    /// and not a reserved word.
    public static func isPlain(_ name: String) -> Bool {
        isIdentifierShaped(name) && Keyword(rawValue: name) == nil
    }

    /// `name` as written in source: bare when plain, otherwise in backticks.
    public static func spelled(_ name: String) -> String {
        isPlain(name) ? name : "`\(name)`"
    }

    /// A name that may also be written as a string — an argument's label, a
    /// shorthand record entry (`{"a b"}`) — as written in source: bare when
    /// plain, in backticks when it fits in them, otherwise as a string (a
    /// backtick identifier holds no backtick and no line break).
    public static func spelledLabel(_ name: String) -> String {
        guard !isPlain(name) else { return name }
        let fitsInBackticks = !name.isEmpty && !name.unicodeScalars.contains { $0 == "`" || $0 == "\n" }
        return fitsInBackticks ? "`\(name)`" : StringEscaping.quoted(name)
    }
}
