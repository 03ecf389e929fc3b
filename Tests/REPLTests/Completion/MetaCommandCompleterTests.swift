import Testing

@testable import REPL

struct MetaCommandCompleterTests {
    /// Answers every request with one candidate naming the text it was given.
    struct EchoProvider: CompletionProvider {
        func completions(for request: CompletionRequest) -> Completions {
            Completions(replacementStart: 0, candidates: [CompletionCandidate("<\(request.text)>")])
        }

        func words(_ kind: CompletionWordKind) -> [String] {
            kind == .projectSlug ? ["gh/acme/api", "gh/acme/web", "bb/acme/legacy"] : ["pipelines", "Pipeline"]
        }
    }

    let completer = MetaCommandCompleter(wrapping: EchoProvider())

    private func complete(_ text: String, pending: String = "") -> Completions {
        completer.completions(for: CompletionRequest(text: pending + text, currentLineStart: pending.utf8.count))
    }

    @Test func commandNamesComplete() {
        let answer = complete(":fo")
        #expect(answer.replacementStart == 0)
        #expect(answer.candidates == [CompletionCandidate(":format", suffix: " ")])
        #expect(complete("  :q").candidates == [CompletionCandidate(":quit")])
        #expect(complete(":").candidates.count == MetaCommandSpec.all.count)
    }

    @Test func projectSlugsCompleteForUse() {
        let answer = complete(":use gh/ac")
        #expect(answer.replacementStart == ":use ".utf8.count)
        #expect(answer.candidates.map(\.replacement) == ["gh/acme/api", "gh/acme/web"])
    }

    @Test func helpTopicsIncludeTheHostsWords() {
        #expect(complete(":help pip").candidates.map(\.replacement) == ["pipelines", "Pipeline"])
    }

    @Test func choicesComplete() {
        let answer = complete(":format j")
        #expect(answer.replacementStart == ":format ".utf8.count)
        #expect(answer.candidates.map(\.replacement) == ["json"])
        #expect(complete(":time o").candidates.map(\.replacement) == ["on", "off"])
        #expect(complete(":help hi").candidates.map(\.replacement) == ["history"])
    }

    @Test func expressionsAreCompletedByTheHost() {
        let schema = complete(":schema pipel")
        #expect(schema.candidates.map(\.replacement) == ["<pipel>"])
        #expect(schema.replacementStart == ":schema ".utf8.count)
        let watch = complete(":watch 5 pipel")
        #expect(watch.candidates.map(\.replacement) == ["<pipel>"])
        #expect(watch.replacementStart == ":watch 5 ".utf8.count)
    }

    @Test func argumentsWithoutCompletionsOfferNothing() {
        #expect(complete(":watch 5").candidates.isEmpty)
        #expect(complete(":history 1").candidates.isEmpty)
        #expect(complete(":nonsense x").candidates.isEmpty)
    }

    @Test func everythingElseGoesToTheHost() {
        #expect(complete("pipel").candidates.map(\.replacement) == ["<pipel>"])
        #expect(complete(":x", pending: "pipelines(\n").candidates.map(\.replacement) == ["<pipelines(\n:x>"])
    }

    @Test func requestsKnowWhereTheCurrentLineStarts() {
        let request = CompletionRequest(text: "a(\nb, c")
        #expect(request.currentLineStart == 3)
        #expect(request.currentLine == "b, c")
        #expect(CompletionRequest(text: "abc").currentLineStart == 0)
    }
}
