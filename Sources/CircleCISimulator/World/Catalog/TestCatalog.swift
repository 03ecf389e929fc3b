import Foundation

/// A test's identity. Names alone repeat across classes (`test_handles_timeout`
/// in every Python module), so a test is its class and its name.
struct TestID: Sendable, Hashable {
    let classname: String
    let name: String
}

/// One test a job runs, before it has a result.
struct TestCase: Sendable, Hashable {
    let name: String
    let classname: String
    let file: String
    /// Typical run time in seconds.
    let baseRunTime: Double

    var id: TestID { TestID(classname: classname, name: name) }
}

/// The test suites of a project, per kind of test job.
struct TestSuite: Sendable {
    let unit: [TestCase]
    let integration: [TestCase]
    /// Tests that fail now and then without a code change, in a fixed order.
    let flaky: [TestID]
    /// Tests that are always skipped.
    let skipped: Set<TestID>

    func isFlaky(_ test: TestCase) -> Bool { flaky.contains(test.id) }

    func isSkipped(_ test: TestCase) -> Bool { skipped.contains(test.id) }

    func tests(for kind: JobKind) -> [TestCase] {
        switch kind {
        case .unitTests: unit
        case .integrationTests, .e2e: integration
        default: []
        }
    }
}

enum TestCatalog {
    static func suite(for blueprint: ProjectBlueprint) -> TestSuite {
        let project = blueprint.name
        let org = blueprint.organizationKey.split(separator: "/").last.map(String.init) ?? "acme"
        let modules = ["billing", "auth", "orders", "webhooks", "storage", "search"]
        let cases = ["parses valid input", "rejects empty payload", "handles timeout",
                     "retries on conflict", "computes totals"]
        let integrationCases = ["creates and fetches", "paginates results", "survives restart",
                                "enforces permissions"]
        func make(_ module: String, _ name: String, integration: Bool, index: Int) -> TestCase {
            let base = Double(5 + (index * 37) % 180) / (integration ? 10 : 100)
            return Self.testCase(language: blueprint.language, org: org, project: project, module: module,
                            testCase: name, integration: integration, baseRunTime: base)
        }
        var unit: [TestCase] = []
        for (m, module) in modules.enumerated() {
            for (c, name) in cases.enumerated() {
                unit.append(make(module, name, integration: false, index: m * 7 + c))
            }
        }
        var integration: [TestCase] = []
        for (m, module) in modules.prefix(3).enumerated() {
            for (c, name) in integrationCases.enumerated() {
                integration.append(make(module, name, integration: true, index: m * 5 + c))
            }
        }
        // Two flaky unit tests in different modules and one flaky integration test.
        let flaky = [unit[17].id, unit[8].id, integration[6].id]
        let skipped: Set<TestID> = [unit[4].id, integration[11].id]
        return TestSuite(unit: unit, integration: integration, flaky: flaky, skipped: skipped)
    }

    private static func testCase(language: Language, org: String, project: String, module: String,
                                 testCase: String, integration: Bool, baseRunTime: Double) -> TestCase {
        let words = testCase.split(separator: " ").map(String.init)
        let camel = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        let moduleCamel = module.prefix(1).uppercased() + module.dropFirst()
        let snake = words.joined(separator: "_")
        switch language {
        case .go:
            let pkg = integration ? "integration/\(module)" : "internal/\(module)"
            return TestCase(name: "Test\(moduleCamel)\(camel)", classname: "github.com/\(org)/\(project)/\(pkg)",
                            file: "\(pkg)/\(module)_test.go", baseRunTime: baseRunTime)
        case .typescript:
            let dir = integration ? "e2e" : "src/\(module)"
            return TestCase(name: "\(moduleCamel) \(testCase)", classname: "\(moduleCamel) \(testCase)",
                            file: "\(dir)/\(module).\(integration ? "spec" : "test").ts", baseRunTime: baseRunTime)
        case .python:
            let dir = integration ? "tests/integration" : "tests/unit"
            let dotted = dir.replacingOccurrences(of: "/", with: ".")
            return TestCase(name: "test_\(snake)", classname: "\(dotted).test_\(module).Test\(moduleCamel)",
                            file: "\(dir)/test_\(module).py", baseRunTime: baseRunTime)
        case .java:
            let cls = "com.\(org).\(project).\(module).\(moduleCamel)\(integration ? "IT" : "Test")"
            return TestCase(name: words.first.map { $0 + words.dropFirst().map { $0.capitalized }.joined() } ?? camel,
                            classname: cls,
                            file: "src/test/java/" + cls.replacingOccurrences(of: ".", with: "/") + ".java",
                            baseRunTime: baseRunTime)
        case .rust:
            let file = integration ? "tests/\(module).rs" : "src/\(module)/mod.rs"
            return TestCase(name: "\(module)::tests::\(snake)", classname: integration ? module : "\(project)::\(module)",
                            file: file, baseRunTime: baseRunTime)
        }
    }
}
