import CQ
import Foundation
import Testing

/// Runs every case of the `.cq` conformance corpus (see `Corpus/README.md`).
@Suite struct CorpusTests {
    static let fixedNow = Date(timeIntervalSince1970: 1_795_176_000)  // 2026-11-20T12:00:00Z

    static let cases: [CorpusCase] = CorpusCase.load()

    @Test func corpusIsNotEmpty() {
        #expect(Self.cases.count > 50)
    }

    @Test(arguments: cases)
    func run(_ corpusCase: CorpusCase) async throws {
        let outcome = await Self.evaluate(corpusCase.source)
        switch corpusCase.expectation {
        case .value(let json):
            let expected = try JSONParser.parse(json).jsonText()
            #expect(outcome == .value(expected), "\(corpusCase.name)")
        case .error(let id):
            guard case .errors(let ids) = outcome else {
                Issue.record("\(corpusCase.name): expected error \(id), got \(outcome)")
                return
            }
            #expect(ids.contains(id), "\(corpusCase.name): expected \(id), got \(ids)")
        }
    }

    enum Outcome: Equatable, CustomStringConvertible {
        case value(String)
        case errors([String])

        var description: String {
            switch self {
            case .value(let json): "value \(json)"
            case .errors(let ids): "errors \(ids)"
            }
        }
    }

    static func evaluate(_ text: String) async -> Outcome {
        let source = SourceFile(name: "corpus", text: text)
        let parsed = Parser.parse(source)
        if !parsed.diagnostics.isEmpty { return .errors(parsed.diagnostics.map(\.id)) }
        let registry = BuiltinRegistry.standard
        var bindings = Checker.Bindings()
        let problems = Checker(registry: registry).check(parsed.program, bindings: &bindings)
        if !problems.isEmpty { return .errors(problems.map(\.id)) }
        let evaluator = Evaluator(context: EvaluationContext(registry: registry, now: fixedNow))
        var environment = Environment()
        do {
            let data = try await evaluator.run(parsed.program, in: &environment)
            return .value(try await data?.collect().jsonText() ?? "null")
        } catch let error as RuntimeError {
            return .errors([error.diagnostic.id])
        } catch {
            return .errors(["\(error)"])
        }
    }
}

/// One case of the corpus.
struct CorpusCase: Sendable, CustomTestStringConvertible {
    enum Expectation: Sendable {
        case value(String)
        case error(String)
    }

    let name: String
    let source: String
    let expectation: Expectation

    var testDescription: String { name }

    static func load() -> [CorpusCase] {
        guard let directory = Bundle.module.url(forResource: "Corpus", withExtension: nil),
            let files = try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        else { return [] }
        return files.filter { $0.pathExtension == "cq" }.sorted { $0.path < $1.path }.flatMap { file in
            parse((try? String(contentsOf: file, encoding: .utf8)) ?? "", file: file.deletingPathExtension().lastPathComponent)
        }
    }

    static func parse(_ text: String, file: String) -> [CorpusCase] {
        var cases: [CorpusCase] = []
        var name: String?
        var lines: [String] = []
        var expectation: Expectation?
        func flush() {
            if let name, let expectation {
                cases.append(CorpusCase(name: "\(file): \(name)", source: lines.joined(separator: "\n"), expectation: expectation))
            }
            lines = []
            expectation = nil
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("# case: ") {
                flush()
                name = String(line.dropFirst("# case: ".count))
            } else if line.hasPrefix("# expect: ") {
                expectation = .value(String(line.dropFirst("# expect: ".count)))
            } else if line.hasPrefix("# expect error: ") {
                expectation = .error(String(line.dropFirst("# expect error: ".count)))
            } else if name != nil {
                lines.append(line)
            }
        }
        flush()
        return cases
    }
}
