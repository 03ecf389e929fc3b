import Foundation

/// The one place the world changes. Reads take a snapshot (a value) and run
/// outside the actor; writes run here, one at a time, on a copy that is
/// committed only when the endpoint succeeds. The generated base is kept so
/// ``reset()`` can drop every mutation.
actor WorldStore {
    private let base: World
    private var current: World
    private(set) var mutationCount = 0

    init(_ world: World) {
        base = world
        current = world
    }

    func snapshot() -> World { current }

    func apply(_ handler: @Sendable (inout World, RequestContext) throws(APIError) -> SimulatorResponse,
               context: RequestContext) -> SimulatorResponse {
        var copy = current
        do {
            let response = try handler(&copy, context)
            current = copy
            mutationCount += 1
            return response
        } catch {
            return error.response
        }
    }

    /// Forgets every mutation.
    func reset() {
        current = base
        mutationCount = 0
    }
}
