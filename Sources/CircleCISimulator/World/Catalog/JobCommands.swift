import Foundation

/// The shell commands and images behind each kind of job, shared by the
/// pipeline config and the v1.1 step list.
enum JobCommands {
    static func image(for language: Language) -> String {
        switch language {
        case .go: "cimg/go:1.23"
        case .typescript: "cimg/node:22.11"
        case .python: "cimg/python:3.12"
        case .java: "cimg/openjdk:21.0"
        case .rust: "cimg/rust:1.82"
        }
    }

    /// The main `run` step of a job: its name and command.
    static func mainStep(for kind: JobKind, language: Language, project: String) -> (name: String, command: String) {
        switch (kind, language) {
        case (.lint, .go): ("Lint", "golangci-lint run ./...")
        case (.lint, .typescript): ("Lint", "npm run lint")
        case (.lint, .python): ("Lint", "ruff check . && mypy src")
        case (.lint, .rust): ("Lint", "cargo clippy --all-targets -- -D warnings")
        case (.lint, .java): ("Lint", "./gradlew spotlessCheck")
        case (.unitTests, .go): ("Run unit tests", "gotestsum --junitfile test-results/junit.xml -- ./internal/...")
        case (.unitTests, .typescript): ("Run unit tests", "npx jest --ci --shard=$((CIRCLE_NODE_INDEX + 1))/$CIRCLE_NODE_TOTAL")
        case (.unitTests, .python): ("Run unit tests", "pytest tests/unit --junitxml=test-results/junit.xml")
        case (.unitTests, .java): ("Run unit tests", "./gradlew test")
        case (.unitTests, .rust): ("Run unit tests", "cargo nextest run --lib --profile ci")
        case (.integrationTests, .go): ("Run integration tests", "gotestsum --junitfile test-results/junit.xml -- ./integration/...")
        case (.integrationTests, .python): ("Run integration tests", "pytest tests/integration --junitxml=test-results/junit.xml")
        case (.integrationTests, .java): ("Run integration tests", "./gradlew integrationTest")
        case (.integrationTests, .rust): ("Run integration tests", "cargo nextest run --test '*' --profile ci")
        case (.integrationTests, .typescript), (.e2e, _): ("Run end-to-end tests", "npx playwright test")
        case (.build, .go): ("Build", "go build -o dist/\(project) ./cmd/\(project)")
        case (.build, .typescript): ("Install dependencies", "npm ci")
        case (.build, .python): ("Build", "python -m build")
        case (.build, .java): ("Compile", "./gradlew compileJava compileTestJava")
        case (.build, .rust): ("Build", "cargo build --release")
        case (.package, _): ("Build image", "docker build -t acme/\(project):$CIRCLE_SHA1 .")
        case (.deploy, _): ("Deploy", "./scripts/deploy.sh production")
        case (.securityScan, _): ("Scan dependencies", "snyk test --severity-threshold=high")
        case (.approval, _): ("Approve", "")
        }
    }
}
