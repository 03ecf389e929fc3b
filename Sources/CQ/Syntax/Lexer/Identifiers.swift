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
}
