import CQ
import Foundation
import Testing

/// The README's builtin reference is generated from the registry
/// (`cq help --markdown`); this keeps the two from drifting apart.
@Suite struct ReadmeReferenceTests {
    @Test func readmeListsExactlyTheRegisteredBuiltins() throws {
        let readme = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appending(path: "README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let start = try #require(text.range(of: "<!-- builtins:start -->"))
        let end = try #require(text.range(of: "<!-- builtins:end -->"))
        let section = text[start.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        let generated = HelpText(registry: Harness().engine.registry).markdown.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(section == generated, "run Scripts/update-readme-reference.py")
    }
}
