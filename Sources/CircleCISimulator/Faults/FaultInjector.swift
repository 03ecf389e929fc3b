import Foundation

/// Latency and scoped faults: "the next N requests matching X get fault F".
public actor FaultInjector {
    private struct Rule {
        let matcher: FaultMatcher
        let fault: SimulatorFault
        var remaining: Int?
    }

    private var rules: [Rule] = []
    private var latency: Duration = .zero

    init() {}

    /// Adds `latency` before every response (in-process and over HTTP).
    public func setLatency(_ latency: Duration) {
        self.latency = latency
    }

    /// Applies `fault` to the next `count` matching requests (`nil`: every
    /// matching request until ``clear()``). Rules apply in the order added;
    /// one request gets at most one fault.
    public func inject(_ fault: SimulatorFault, count: Int? = 1, matching matcher: FaultMatcher = .any) {
        rules.append(Rule(matcher: matcher, fault: fault, remaining: count))
    }

    /// Removes every fault and the latency.
    public func clear() {
        rules.removeAll()
        latency = .zero
    }

    /// How many injected faults are still waiting to fire (unlimited rules count once).
    public var pendingCount: Int {
        rules.reduce(0) { $0 + ($1.remaining ?? 1) }
    }

    /// The latency and the fault (if any) for one request, consuming the fault.
    func next(for target: FaultTarget) -> (latency: Duration, fault: SimulatorFault?) {
        guard let index = rules.firstIndex(where: { $0.matcher.matches(target) }) else { return (latency, nil) }
        let fault = rules[index].fault
        if let remaining = rules[index].remaining {
            if remaining <= 1 { rules.remove(at: index) } else { rules[index].remaining = remaining - 1 }
        }
        return (latency, fault)
    }
}
