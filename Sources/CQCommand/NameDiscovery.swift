import CQ
import CircleCI

/// Finds what Tab completes inside strings: the user's project slugs, and a
/// project's branch, workflow and job names, with a few cheap requests.
///
/// It runs in the background through a client of its own (no response cache,
/// its own request counters, so a query's progress line and `:time` never
/// count it). It never prints: a request that fails just adds nothing.
struct NameDiscovery: Sendable {
    let client: CircleCIClient

    /// Job names are looked up for at most this many workflows of a project.
    static let maximumWorkflows = 8

    /// The projects of the most recent pipelines in each organisation the
    /// user belongs to: one request for the organisations, one per organisation.
    func projectSlugs() async -> [String] {
        guard let collaborations = try? await client.collaborations() else { return [] }
        var found: [String] = []
        for organization in collaborations {
            found += await Self.collect(client.orgPipelines(orgSlug: organization.slug), limit: 20) { $0.projectSlug }
        }
        return found
    }

    /// A project's names: branches of its newest pipelines (newest first),
    /// then the branches Insights knows; its workflows (Insights, all
    /// branches); the jobs of each workflow (Insights job metrics). That is
    /// three requests plus one per workflow, at most ``maximumWorkflows``.
    func names(of project: ProjectSlug) async -> ProjectNames {
        let client = self.client
        async let recent = Self.collect(client.pipelines(project: project), limit: 20) { $0.vcs?.branch }
        async let insights = try? await client.insightsBranches(project: project).branches
        let workflows = await Self.collect(client.workflowMetrics(project: project, branch: .allBranches), limit: 50) {
            $0.name
        }
        var jobs: [String: [String]] = [:]
        await withTaskGroup(of: (String, [String]).self) { group in
            for workflow in workflows.prefix(Self.maximumWorkflows) {
                group.addTask {
                    let list = client.jobMetrics(project: project, workflowName: workflow, branch: .allBranches)
                    return (workflow, await Self.collect(list, limit: 100) { $0.name })
                }
            }
            for await (workflow, names) in group where !names.isEmpty { jobs[workflow] = names }
        }
        var seen = Set<String>()
        let branches = (await recent + (await insights ?? [])).filter { seen.insert($0).inserted }
        return ProjectNames(branches: branches, workflows: workflows, jobs: jobs)
    }

    /// Up to `limit` distinct non-nil values of `key` over the first items of
    /// `list`; whatever was read before an error.
    private static func collect<Element: Sendable>(
        _ list: Paginated<Element>, limit: Int, _ key: (Element) -> String?
    ) async -> [String] {
        var values: [String] = []
        var seen = Set<String>()
        var iterator = list.makeAsyncIterator()
        for _ in 0..<limit {
            guard let element = try? await iterator.next() else { break }
            if let value = key(element), seen.insert(value).inserted { values.append(value) }
        }
        return values
    }
}
