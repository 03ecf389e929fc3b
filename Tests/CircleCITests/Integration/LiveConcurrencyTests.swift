import CircleCI
import CircleCISimulator
import Foundation
import Testing

/// One client shared by many tasks, as `cq` fans out over a list.
@Suite("Concurrent requests through one client")
struct LiveConcurrencyTests {
    @Test func fortyConcurrentLookupsAllSucceed() async throws {
        try await withLiveSimulator { live in
            let client = live.client
            let pipelines = try await client.pipelines(project: Landmarks.api).collect(limit: 40)
            await live.log.reset()
            let fetched = try await withThrowingTaskGroup(of: Pipeline.self) { group in
                for pipeline in pipelines {
                    group.addTask { try await client.pipeline(id: pipeline.id) }
                }
                return try await group.reduce(into: [Pipeline]()) { $0.append($1) }
            }
            #expect(Set(fetched) == Set(pipelines))
            let entries = await live.log.entries
            #expect(entries.count == 40 && entries.allSatisfy { $0.status == 200 && $0.authPresented })
            #expect(client.metrics.snapshot.retries == 0)
        }
    }
}
