import Testing

@testable import REPL

struct CompletionPlanTests {
    @Test func noCandidatesBeep() {
        #expect(CompletionPlan.make(typed: "zz", candidates: []) == .beep)
    }

    @Test func aSingleCandidateIsInsertedWithItsSuffix() {
        let plan = CompletionPlan.make(typed: "pip", candidates: [CompletionCandidate("pipelines", suffix: "(")])
        #expect(plan == .replace("pipelines("))
    }

    @Test func severalCandidatesInsertTheirCommonPrefixAndList() {
        let candidates = [CompletionCandidate("state", display: "state (field)"), CompletionCandidate("status")]
        #expect(
            CompletionPlan.make(typed: "st", candidates: candidates)
                == .list(replacement: "stat", items: ["state (field)", "status"]))
    }

    @Test func aCommonPrefixThatAddsNothingIsNotInserted() {
        let candidates = [CompletionCandidate("select"), CompletionCandidate("sleep")]
        #expect(
            CompletionPlan.make(typed: "s", candidates: candidates)
                == .list(replacement: nil, items: ["select", "sleep"]))
    }

    @Test func fuzzyCandidatesDoNotReplaceWhatWasTyped() {
        let candidates = [CompletionCandidate("last_state"), CompletionCandidate("last_status")]
        #expect(
            CompletionPlan.make(typed: "stat", candidates: candidates)
                == .list(replacement: nil, items: ["last_state", "last_status"]))
    }

    @Test func caseInsensitiveMatchesNormaliseTheTypedText() {
        let candidates = [CompletionCandidate("pipelines"), CompletionCandidate("pipeline_id")]
        #expect(
            CompletionPlan.make(typed: "PIP", candidates: candidates)
                == .list(replacement: "pipeline", items: ["pipelines", "pipeline_id"]))
    }

    @Test func duplicateReplacementsCountOnce() {
        let candidates = [
            CompletionCandidate("where", suffix: " "), CompletionCandidate("where", display: "where (again)"),
        ]
        #expect(CompletionPlan.make(typed: "wh", candidates: candidates) == .replace("where "))
    }

    @Test func commonPrefixStopsAtWholeCharacters() {
        #expect(CompletionPlan.longestCommonPrefix(["café", "cafe"]) == "caf")
        // Characters compare by canonical equivalence: é and e + U+0301 are equal.
        #expect(CompletionPlan.longestCommonPrefix(["cafés", "cafe\u{301}"]) == "café")
        #expect(CompletionPlan.longestCommonPrefix(["日本語", "日本"]) == "日本")
    }
}
