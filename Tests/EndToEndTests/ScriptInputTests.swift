import Foundation
import Testing

/// Scripts and queries from every place a shell hands them over, and clear
/// messages for the ones cq cannot read.
@Suite(.timeLimit(.minutes(2))) struct ScriptInputTests {
    @Test func aQueryMayStartWithAMinus() async throws {
        let result = try await CQ.run(["-e", "-1"])
        #expect(result.status == 0 && result.stdout == "-1\n", "\(result)")
    }

    @Test func aScriptFromProcessSubstitutionRuns() async throws {
        let cq = try CQ.binary().path
        let result = try await CQ.run(URL(fileURLWithPath: "/bin/bash"), ["-c", "'\(cq)' <(echo '1 + 1')"])
        #expect(result.status == 0 && result.stdout == "2\n", "\(result)")
    }

    @Test func aDirectoryIsNotAScript() async throws {
        let scratch = try ScratchDirectory()
        let result = try await CQ.run([scratch.url.path])
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr == "cq: \(scratch.url.path) is a directory, not a script\n")
    }

    @Test func textThatIsNotUTF8IsPlacedByLineAndColumn() async throws {
        let scratch = try ScratchDirectory()
        let file = scratch.url.appendingPathComponent("bad.cq")
        try Data("let x = 1\n[1, ".utf8 + [0xFF, 0xFE] + Data(" 2]\n".utf8)).write(to: file)
        let result = try await CQ.run([file.path])
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr == "cq: \(file.path):2:5: the script is not UTF-8 text (byte 0xFF)\n")
    }

    @Test func formatCarriesOnPastAFileItCannotFormat() async throws {
        let scratch = try ScratchDirectory()
        let good = scratch.url.appendingPathComponent("good.cq")
        let bad = scratch.url.appendingPathComponent("bad.cq")
        try "[1,2] | map it*2\n".write(to: good, atomically: true, encoding: .utf8)
        try "(((\n".write(to: bad, atomically: true, encoding: .utf8)
        let result = try await CQ.run(["fmt", good.path, bad.path, good.path])
        #expect(result.status == 65, "\(result)")
        #expect(result.stdout == "[1, 2] | map it * 2\n[1, 2] | map it * 2\n")
        #expect(result.stderr.contains("bad.cq:1:4: error"))
    }
}
