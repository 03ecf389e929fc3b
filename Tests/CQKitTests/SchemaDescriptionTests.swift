import CQ
import CQKit
import Testing

/// `:schema EXPR` and `cq help TYPE` expand nested records, as completion after
/// `trigger.` does: each nested field under its parent, with the dotted path a
/// query writes, its type and whether cq derives it.
@Suite struct SchemaDescriptionTests {
    static let registry = Harness().engine.registry

    private func schema(of query: String) throws -> String {
        let parsed = Parser.parse(SourceFile(name: "schema", text: query))
        guard case .expression(let expr)? = parsed.program.statements.last?.kind else {
            throw Failure("not an expression: \(query)")
        }
        return HelpText(registry: Self.registry).describe(Checker(registry: Self.registry).type(of: expr))
    }

    struct Failure: Error { let message: String; init(_ message: String) { self.message = message } }

    @Test func pipelinesShowNestedFieldsByPath() throws {
        let text = try schema(of: #"pipelines("gh/acme/api")"#)
        #expect(text.hasPrefix("list of Pipeline records:\n"))
        for line in [
            "\n  trigger ", "\n    trigger.type ", "\n    trigger.actor ", "\n      trigger.actor.login ",
            "\n  vcs ", "\n    vcs.branch ", "\n    vcs.commit ", "\n      vcs.commit.subject ",
            "\n    errors.message ",
        ] {
            #expect(text.contains(line), "`\(line.trimmingCharacters(in: .whitespacesAndNewlines))` in:\n\(text)")
        }
        let lines = text.split(separator: "\n")
        let state = lines.first { $0.hasPrefix("  state ") }
        #expect(state?.hasSuffix("[derived]") == true, "\(state ?? "")")
        let login = lines.first { $0.contains("trigger.actor.login") }
        #expect(login?.contains(" string") == true, "\(login ?? "")")
    }

    @Test func aStageChangesWhatIsDescribed() throws {
        let text = try schema(of: #"pipelines("gh/acme/api") | jobs | select name, duration"#)
        #expect(text == "list of records:\n  name      string\n  duration  duration?\n", "\(text)")
    }

    @Test func helpForARecordTypeExpandsItToo() throws {
        let text = try #require(HelpText(registry: Self.registry).topic("Pipeline"))
        #expect(text.contains("\n      trigger.actor.login "))
        #expect(
            text.contains("\n          The login information for the user on the VCS."), "summaries follow, indented")
    }
}
