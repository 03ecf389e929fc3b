import Foundation
import TestSupport
import Testing

@testable import CQ

/// Feeds garbage and mangled queries to the front end: nothing may crash, and
/// every diagnostic must point inside the text.
@Suite struct FuzzTests {
    static let examples: [String] = {
        let directory = repositoryRoot.appendingPathComponent("Grammar/examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().compactMap {
            try? String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8)
        }
    }()

    /// Pieces that make interesting mutations.
    static let fragments = [
        "(", ")", "[", "]", "{", "}", "|", "\"", "'", "`", "\\(", "\\", "#", "\n", ";", ",", ":", "=",
        "==", "=>", ".", "-", "not ", " and ", "if ", " then ", " else ", "let ", "def ", "where ",
        "sort ", "by ", "7d", "1.5", "$", "é", "😀", "\t", "\r\n", "&&", "?.", "//", "\u{0}",
    ]

    private func check(_ text: String) {
        let source = SourceFile(name: "fuzz.cq", text: text)
        let result = Parser.parse(source)
        let length = text.utf8.count
        for diagnostic in result.diagnostics {
            #expect(diagnostic.range.start >= 0 && diagnostic.range.end <= length, "\(text.debugDescription)")
            for note in diagnostic.notes {
                if let range = note.range { #expect(range.end <= length) }
            }
            if let fixIt = diagnostic.fixIt { #expect(fixIt.range.end <= length) }
        }
        _ = DiagnosticRenderer().render(result.diagnostics, in: source)
        _ = result.program.printed()
        _ = InputCompleteness.check(text)
        if !result.hasErrors {
            _ = Formatter.format(result.program, source: source)
        }
    }

    @Test(arguments: 0..<4)
    func randomBytes(_ batch: Int) {
        var rng = SplitMix64(seed: UInt64(batch) + 99)
        for _ in 0..<500 {
            let count = Int.random(in: 0..<60, using: &rng)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
            check(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test(arguments: 0..<4)
    func randomFragments(_ batch: Int) {
        var rng = SplitMix64(seed: UInt64(batch) + 7)
        for _ in 0..<500 {
            let count = Int.random(in: 0..<30, using: &rng)
            check((0..<count).map { _ in Self.fragments.randomElement(using: &rng) ?? "" }.joined())
        }
    }

    @Test func truncatedExamples() {
        for example in Self.examples {
            let characters = Array(example)
            for end in stride(from: 0, through: characters.count, by: 3) {
                check(String(characters[0..<end]))
            }
        }
    }

    @Test(arguments: 0..<4)
    func mutatedExamples(_ batch: Int) {
        var rng = SplitMix64(seed: UInt64(batch) + 1234)
        for _ in 0..<300 {
            guard var characters = Self.examples.randomElement(using: &rng).map(Array.init) else { return }
            for _ in 0..<Int.random(in: 1...4, using: &rng) where !characters.isEmpty {
                let position = Int.random(in: 0..<characters.count, using: &rng)
                if Bool.random(using: &rng) {
                    characters.remove(at: position)
                } else {
                    characters.insert(contentsOf: Self.fragments.randomElement(using: &rng) ?? "", at: position)
                }
            }
            check(String(characters))
        }
    }

    @Test func cursorContextAtEveryOffset() {
        for example in Self.examples.prefix(4) {
            let lexed = Lexer.tokenize(example)
            for offset in 0...example.utf8.count {
                _ = lexed.context(at: offset, in: example)
            }
        }
    }
}
