/// A lazy, re-iterable sequence of values: what API list builtins return.
///
/// Nothing is fetched until a consumer iterates, and only as far as it
/// iterates: `pipelines(slug) | take 3` pulls three elements, so the paginated
/// source requests one page. Each iteration starts afresh (a second iteration
/// of an API list fetches again, or hits a cache).
///
/// Cancellation is cooperative: elements are produced in the consuming task,
/// so cancelling it stops the in-flight request.
public struct ValueStream: AsyncSequence, Sendable {
    public typealias Element = Value

    private let makeIterator: @Sendable () -> AsyncIterator

    /// Creates a stream from a factory of "next element" functions.
    ///
    /// `makeNext` is called once per iteration and returns a function that yields
    /// the next value, or `nil` at the end.
    public init(_ makeNext: @escaping @Sendable () -> (() async throws -> Value?)) {
        self.makeIterator = { AsyncIterator(produce: makeNext()) }
    }

    /// A stream over the elements of `values`.
    public init(_ values: [Value]) {
        self.init {
            let index = IterationState(0)
            return {
                guard index.value < values.count else { return nil }
                defer { index.value += 1 }
                return values[index.value]
            }
        }
    }

    /// A stream over any sendable async sequence, converting each element.
    public init<Source: AsyncSequence & Sendable>(
        _ source: Source,
        transform: @escaping @Sendable (Source.Element) throws -> Value
    ) {
        self.init {
            var iterator = source.makeAsyncIterator()
            return {
                guard let element = try await iterator.next() else { return nil }
                return try transform(element)
            }
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { makeIterator() }

    /// Iterates a ``ValueStream``.
    ///
    /// Checks for cancellation before the first element and every 64th: a
    /// cancelled consumer stops within a few rows, and a chain of stages does
    /// not pay a check per row and stage.
    public struct AsyncIterator: AsyncIteratorProtocol {
        fileprivate var produce: () async throws -> Value?
        private var sinceCheck = 0

        fileprivate init(produce: @escaping () async throws -> Value?) {
            self.produce = produce
        }

        public mutating func next() async throws -> Value? {
            if sinceCheck == 0 { try Task.checkCancellation() }
            sinceCheck = (sinceCheck + 1) % 64
            return try await produce()
        }
    }

    /// Reads the whole stream into a list.
    public func collect() async throws -> [Value] {
        var values: [Value] = []
        for try await value in self { values.append(value) }
        return values
    }
}

extension ValueStream {
    /// The stream of `transform(element)` for each element.
    public func map(_ transform: @escaping @Sendable (Value) async throws -> Value) -> ValueStream {
        let base = self
        return ValueStream {
            let source = IterationState(base.makeAsyncIterator())
            return {
                guard let value = try await source.value.next() else { return nil }
                return try await transform(value)
            }
        }
    }

    /// The elements for which `isIncluded` is true.
    public func filter(_ isIncluded: @escaping @Sendable (Value) async throws -> Bool) -> ValueStream {
        let base = self
        return ValueStream {
            let source = IterationState(base.makeAsyncIterator())
            return {
                while let value = try await source.value.next() {
                    if try await isIncluded(value) { return value }
                }
                return nil
            }
        }
    }

    /// At most the first `count` elements; the source is not pulled past them.
    public func prefix(_ count: Int) -> ValueStream {
        let base = self
        return ValueStream {
            let source = IterationState(base.makeAsyncIterator())
            let taken = IterationState(0)
            return {
                guard taken.value < count else { return nil }
                taken.value += 1
                return try await source.value.next()
            }
        }
    }

    /// The elements up to (not including) the first for which `isIncluded` is
    /// false; the source is not pulled past it.
    public func prefix(while isIncluded: @escaping @Sendable (Value) throws -> Bool) -> ValueStream {
        let base = self
        return ValueStream {
            var iterator = base.makeAsyncIterator()
            var done = false
            return {
                guard !done, let value = try await iterator.next() else { return nil }
                guard try isIncluded(value) else {
                    done = true
                    return nil
                }
                return value
            }
        }
    }

    /// All but the first `count` elements.
    public func dropFirst(_ count: Int) -> ValueStream {
        let base = self
        return ValueStream {
            var iterator = base.makeAsyncIterator()
            var skipped = 0
            return {
                while skipped < count {
                    skipped += 1
                    guard try await iterator.next() != nil else { return nil }
                }
                return try await iterator.next()
            }
        }
    }

    /// For each element, the elements of the stream `transform` returns: fan-out.
    public func flatMap(_ transform: @escaping @Sendable (Value) async throws -> ValueStream) -> ValueStream {
        let base = self
        return ValueStream {
            var outer = base.makeAsyncIterator()
            var inner: ValueStream.AsyncIterator?
            return {
                while true {
                    if var current = inner {
                        if let value = try await current.next() {
                            inner = current
                            return value
                        }
                        inner = nil
                    }
                    guard let next = try await outer.next() else { return nil }
                    inner = try await transform(next).makeAsyncIterator()
                }
            }
        }
    }
}

extension ValueStream {
    /// Passes every error the iteration throws through `transform`.
    public func mapErrors(_ transform: @escaping @Sendable (any Error) -> any Error) -> ValueStream {
        let base = self
        return ValueStream {
            let source = IterationState(base.makeAsyncIterator())
            return {
                do {
                    return try await source.value.next()
                } catch {
                    throw transform(error)
                }
            }
        }
    }
}

/// The mutable state of one iteration of a stream stage (its source's
/// iterator, a count), shared with the stage's `next` closure.
///
/// Exclusivity is unchecked: an iteration is driven by one task, one
/// `next()` at a time, so no two accesses overlap — and a checked access
/// per row and stage cost as much as the stage's work.
final class IterationState<State> {
    @exclusivity(unchecked) var value: State

    init(_ value: State) { self.value = value }
}
