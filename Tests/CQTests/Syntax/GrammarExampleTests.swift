import Foundation
import Testing

@testable import CQ

/// The `.cq` examples under `Grammar/examples`, which the grammar promises parse.
private let exampleFiles: [String] = {
    let directory = repositoryRoot.appendingPathComponent("Grammar/examples")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".cq") }.sorted()
}()

private func example(_ name: String) throws -> SourceFile {
    let url = repositoryRoot.appendingPathComponent("Grammar/examples").appendingPathComponent(name)
    return SourceFile(name: name, text: try String(contentsOf: url, encoding: .utf8))
}

@Suite struct GrammarExampleTests {
    @Test func thereAreExamples() {
        #expect(exampleFiles.count >= 12)
    }

    @Test(arguments: exampleFiles)
    func parsesWithoutDiagnostics(_ name: String) throws {
        let source = try example(name)
        let result = Parser.parse(source)
        #expect(result.diagnostics.isEmpty, "\(DiagnosticRenderer().render(result.diagnostics, in: source))")
        #expect(!result.program.statements.isEmpty)
    }

    @Test(arguments: exampleFiles)
    func printThenParseGivesTheSameTree(_ name: String) throws {
        let program = Parser.parse(try example(name)).program
        let printed = program.printed()
        let reparsed = Parser.parse(SourceFile(name: name, text: printed))
        #expect(reparsed.diagnostics.isEmpty, "\(printed)")
        #expect(Program(statements: reparsed.program.statements).isEqualIgnoringRanges(Program(statements: program.statements)))
    }

    @Test(arguments: exampleFiles)
    func formattingKeepsTreeAndComments(_ name: String) throws {
        let source = try example(name)
        let original = Parser.parse(source).program
        let formatted = try Formatter.format(source)
        let reparsed = Parser.parse(SourceFile(name: name, text: formatted))
        #expect(reparsed.diagnostics.isEmpty, "\(formatted)")
        #expect(
            Program(statements: reparsed.program.statements).isEqualIgnoringRanges(Program(statements: original.statements)),
            "\(formatted)")
        #expect(reparsed.program.comments.map(\.text).sorted() == original.comments.map(\.text).sorted())
        let again = try Formatter.format(SourceFile(name: name, text: formatted))
        #expect(again == formatted, "formatting is not idempotent")
    }
}
