import CircleCISimulator
import Foundation

/// One simulator shared by read-only tests, and ids worth asking about.
enum Shared {
    static let simulator = Simulator(now: fixedNow, seed: Simulator.defaultSeed)
    static let samples = Task { try await Samples.collect(from: simulator) }
}

/// Interesting ids found by walking the API: one of each status, kind and project.
struct Samples: Sendable {
    var values: [String: String] = [:]

    /// Replaces `{name}` placeholders in `path`.
    func expand(_ path: String) -> String {
        var result = path
        for (name, value) in values { result = result.replacingOccurrences(of: "{\(name)}", with: value) }
        return result
    }

    static func collect(from sim: Simulator) async throws -> Samples {
        var samples = Samples()
        let slugs = await sim.projectSlugs()
        samples.values["circleci-slug"] = slugs.first { $0.hasPrefix("circleci/") }
        let project = try await sim.call(.get, "/project/gh/acme/api")
        samples.values["project-id"] = project.object["id"] as? String
        samples.values["org-id"] = project.object["organization_id"] as? String
        samples.values["api-page-2"] = try await sim.call(.get, "/project/gh/acme/api/pipeline").nextPageToken
        samples.values["me"] = try await sim.call(.get, "/me").object["id"] as? String
        for slug in ["gh/acme/api", "gh/org/repo"] {
            for pipeline in try await sim.all("/project/\(slug)/pipeline") {
                try await note(pipeline, slug: slug, sim: sim, into: &samples)
            }
        }
        let schedules = try await sim.call(.get, "/project/gh/acme/api/schedule").items
        samples.values["schedule"] = schedules.first?["id"] as? String
        let contexts = try await sim.call(.get, "/context?owner-slug=gh/acme").items
        samples.values["context"] = contexts.first?["id"] as? String
        let keys = try await sim.call(.get, "/project/gh/acme/api/checkout-key").items
        samples.values["fingerprint"] = keys.first?["fingerprint"] as? String
        let hooks = try await sim.call(.get, "/webhook?scope-id=\(samples.values["project-id"] ?? "")&scope-type=project")
        samples.values["webhook"] = hooks.items.first?["id"] as? String
        return samples
    }

    private static func note(_ pipeline: [String: Any], slug: String, sim: Simulator,
                             into samples: inout Samples) async throws {
        guard let id = pipeline["id"] as? String else { return }
        let prefix = slug == "gh/acme/api" ? "" : "repo-"
        samples.values[prefix + "pipeline"] = samples.values[prefix + "pipeline"] ?? id
        samples.values[prefix + "pipeline-number"] = samples.values[prefix + "pipeline-number"]
            ?? (pipeline["number"] as? Int).map(String.init)
        if pipeline["state"] as? String == "errored" { samples.values[prefix + "errored-pipeline"] = id }
        for workflow in try await sim.all("/pipeline/\(id)/workflow") {
            guard let workflowID = workflow["id"] as? String, let status = workflow["status"] as? String else { continue }
            samples.values["\(prefix)\(status)-workflow"] = samples.values["\(prefix)\(status)-workflow"] ?? workflowID
            for job in try await sim.all("/workflow/\(workflowID)/job") {
                guard let jobStatus = job["status"] as? String, let type = job["type"] as? String else { continue }
                let key = "\(prefix)\(type)-\(jobStatus)"
                guard samples.values[key + "-id"] == nil else { continue }
                samples.values[key + "-id"] = job["id"] as? String
                samples.values[key + "-number"] = (job["job_number"] as? Int).map(String.init)
                if type == "approval" { samples.values[key + "-workflow"] = workflowID }
            }
        }
    }
}
