import Foundation
import Testing

@testable import CQ

/// Parses `text` as a program named `test.cq`.
func parse(_ text: String) -> ParseResult {
    Parser.parse(SourceFile(name: "test.cq", text: text))
}

/// The dump of a program that must parse without diagnostics.
func dumpClean(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    let result = parse(text)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))", sourceLocation: sourceLocation)
    return result.program.dump()
}

/// The messages of the diagnostics for `text`.
func messages(_ text: String) -> [String] {
    parse(text).diagnostics.map(\.message)
}

/// The repository root, found from this file's path.
let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
