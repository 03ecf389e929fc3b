import Foundation

struct JobTemplate: Sendable {
    let name: String
    let kind: JobKind
    let requires: [String]
    let parallelism: Int
    let resourceClass: String
    /// Typical duration in seconds.
    let duration: ClosedRange<Int>
    var contexts: [String] = []

    var type: JobType { kind == .approval ? .approval : .build }

    /// Whether the job produces test metadata.
    var hasTests: Bool { [.unitTests, .integrationTests, .e2e].contains(kind) }
}

struct WorkflowTemplate: Sendable {
    let name: String
    let jobs: [JobTemplate]
}

/// The workflows each project's config defines.
enum WorkflowTemplates {
    static func buildAndTest(for language: Language) -> WorkflowTemplate {
        switch language {
        case .typescript:
            WorkflowTemplate(name: "build-and-test", jobs: [
                JobTemplate(name: "install", kind: .build, requires: [], parallelism: 1,
                            resourceClass: "medium", duration: 40...80),
                JobTemplate(name: "lint", kind: .lint, requires: ["install"], parallelism: 1,
                            resourceClass: "small", duration: 30...70),
                JobTemplate(name: "unit-tests", kind: .unitTests, requires: ["install"], parallelism: 2,
                            resourceClass: "medium", duration: 150...300),
                JobTemplate(name: "e2e", kind: .e2e, requires: ["unit-tests"], parallelism: 1,
                            resourceClass: "large", duration: 240...480),
                JobTemplate(name: "build", kind: .build, requires: ["lint", "unit-tests"], parallelism: 1,
                            resourceClass: "medium", duration: 90...180),
            ])
        case .java:
            WorkflowTemplate(name: "build-and-test", jobs: [
                JobTemplate(name: "compile", kind: .build, requires: [], parallelism: 1,
                            resourceClass: "large", duration: 180...300),
                JobTemplate(name: "unit-tests", kind: .unitTests, requires: ["compile"], parallelism: 2,
                            resourceClass: "large", duration: 300...600),
                JobTemplate(name: "integration-tests", kind: .integrationTests, requires: ["compile"],
                            parallelism: 1, resourceClass: "large", duration: 420...840),
            ])
        case .go, .python, .rust:
            WorkflowTemplate(name: "build-and-test", jobs: [
                JobTemplate(name: "lint", kind: .lint, requires: [], parallelism: 1,
                            resourceClass: "small", duration: 35...90),
                JobTemplate(name: "unit-tests", kind: .unitTests, requires: [],
                            parallelism: language == .go ? 4 : 2, resourceClass: "medium", duration: 180...420),
                JobTemplate(name: "integration-tests", kind: .integrationTests, requires: ["lint"], parallelism: 1,
                            resourceClass: "large", duration: 300...660),
                JobTemplate(name: "build", kind: .build, requires: ["unit-tests", "integration-tests"],
                            parallelism: 1, resourceClass: "medium", duration: 90...210),
            ])
        }
    }

    static let deploy = WorkflowTemplate(name: "deploy", jobs: [
        JobTemplate(name: "package", kind: .package, requires: [], parallelism: 1,
                    resourceClass: "medium", duration: 120...240),
        JobTemplate(name: "hold", kind: .approval, requires: ["package"], parallelism: 1,
                    resourceClass: "", duration: 0...0),
        JobTemplate(name: "deploy-production", kind: .deploy, requires: ["hold"], parallelism: 1,
                    resourceClass: "small", duration: 60...180, contexts: ["production-deploy"]),
    ])

    static let nightly = WorkflowTemplate(name: "nightly", jobs: [
        JobTemplate(name: "integration-tests", kind: .integrationTests, requires: [], parallelism: 2,
                    resourceClass: "large", duration: 600...1200),
        JobTemplate(name: "security-scan", kind: .securityScan, requires: [], parallelism: 1,
                    resourceClass: "medium", duration: 120...300, contexts: ["security-scanners"]),
    ])
}
