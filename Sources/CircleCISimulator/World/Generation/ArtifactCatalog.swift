import Foundation

/// The files a finished build job stores as artifacts.
enum ArtifactCatalog {
    static func artifacts(for job: Job, projectName: String) -> [Artifact] {
        guard job.status.isTerminal, job.type == .build, job.startedAt != nil else { return [] }
        switch job.kind {
        case .unitTests, .integrationTests:
            var files = (0..<job.parallelism).map { Artifact(path: "test-results/junit-\($0).xml", nodeIndex: $0) }
            if job.kind == .unitTests { files.append(Artifact(path: "coverage/index.html", nodeIndex: 0)) }
            return files
        case .e2e:
            var files = [Artifact(path: "playwright-report/index.html", nodeIndex: 0)]
            if job.status == .failed {
                files.append(Artifact(path: "playwright-report/screenshots/checkout-failure.png", nodeIndex: 0))
            }
            return files
        case .build, .package:
            guard job.status == .success else { return [] }
            return [Artifact(path: "dist/\(projectName)-linux-amd64.tar.gz", nodeIndex: 0),
                    Artifact(path: "dist/checksums.txt", nodeIndex: 0)]
        case .securityScan:
            return [Artifact(path: "reports/vulnerabilities.json", nodeIndex: 0)]
        case .lint, .approval, .deploy:
            return []
        }
    }
}
