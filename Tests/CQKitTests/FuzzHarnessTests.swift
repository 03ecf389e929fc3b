import CQFuzzing
import CircleCISimulator
import Foundation
import Testing

/// A short, fixed-seed run of the fuzz harness (`Scripts/fuzz.sh` runs the
/// coverage-guided one): every example, every input the fuzzer once broke cq
/// with, and mutations of them keep every invariant.
@Suite(.timeLimit(.minutes(3))) struct FuzzHarnessTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Examples, grammar examples and the fuzzer's regressions.
    static let seeds: [String] = ["Examples", "Grammar/examples", "Fuzz/regressions"].flatMap { folder -> [String] in
        let directory = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().filter { $0.hasSuffix(".cq") }.compactMap {
            try? String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8)
        }
    }

    /// Tokens the fuzzer's dictionary holds.
    static let tokens: [String] = {
        let text = (try? String(contentsOf: root.appendingPathComponent("Fuzz/cq.dict"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { $0.hasPrefix("\"") }.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8), options: .fragmentsAllowed)) as? String
        }
    }()

    @Test func seedsAndRegressionsKeepEveryInvariant() async {
        #expect(Self.seeds.count > 20)
        let harness = FuzzHarness()
        for seed in Self.seeds {
            #expect(await harness.violations(of: Array(seed.utf8)) == [], "\(seed)")
        }
    }

    @Test(arguments: 0..<3)
    func mutationsKeepEveryInvariant(_ batch: Int) async {
        #expect(Self.tokens.count > 50)
        let harness = FuzzHarness()
        var generator = SeededRandom(seed: 2_026_120_6 + UInt64(batch))
        for _ in 0..<120 {
            var text = Self.seeds.randomElement(using: &generator) ?? ""
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                text = Self.mutate(text, using: &generator)
            }
            #expect(await harness.violations(of: Array(text.utf8)) == [], "\(text.debugDescription)")
        }
    }

    /// Inserts a token, deletes a stretch or duplicates one, at a random place.
    private static func mutate(_ text: String, using generator: inout SeededRandom) -> String {
        var characters = Array(text)
        let position = Int.random(in: 0...characters.count, using: &generator)
        switch Int.random(in: 0..<3, using: &generator) {
        case 0: characters.insert(contentsOf: tokens.randomElement(using: &generator) ?? "", at: position)
        case 1:
            characters.removeSubrange(
                position..<min(characters.count, position + Int.random(in: 1...8, using: &generator)))
        default:
            let end = min(characters.count, position + Int.random(in: 1...12, using: &generator))
            characters.insert(contentsOf: characters[position..<end], at: position)
        }
        return String(characters)
    }
}
