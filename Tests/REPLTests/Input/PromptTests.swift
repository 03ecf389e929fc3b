import TestSupport
import Testing

@testable import REPL

struct PromptTests {
    @Test func plainPrompts() {
        #expect(Prompt().text == "cq> ")
        #expect(Prompt(decoration: "gh/acme/api").text == "cq gh/acme/api> ")
        #expect(Prompt(open: "(").text == "cq(> ")
        #expect(Prompt(decoration: "gh/acme/api", open: "\"").text == "cq gh/acme/api\"> ")
    }

    @Test func colouredPromptsWrapEachRunOfEscapesOnce() {
        let escaped = Prompt(open: "|").rendered(colors: true, escape: "\u{1}")
        #expect(escaped == "\u{1}\u{1B}[1m\u{1}cq\u{1}\u{1B}[0m\u{1B}[33m\u{1}|\u{1}\u{1B}[0m\u{1}> ")
        #expect(TranscriptText.clean(Prompt(decoration: "x").rendered(colors: true)) == "cq x> ")
    }
}
