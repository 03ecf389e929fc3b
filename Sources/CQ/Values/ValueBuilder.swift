#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
internal import JSONCore
import OrderedCollections

/// Builds ``Value``s straight from JSON bytes (a ``JSONBuilder`` for
/// `JSONReader`), fast for the shape of saved data: many records with the
/// same keys.
///
/// - Keys are interned: the same key bytes give the same `String`, decoded once.
/// - Records share the key storage of the last few shapes seen (their keys in
///   order), so a record of a known shape costs one allocation, its values.
/// - Members and elements wait on one reusable stack and are moved, not
///   copied, into their record or list.
///
/// Strings are never turned into timestamps: JSON does not say which are dates.
struct ValueBuilder: JSONBuilder {
    struct ObjectState {
        let keyBase: Int
        let valueBase: Int
    }

    struct ArrayState {
        let valueBase: Int
    }

    private var keys: [String] = []
    private let values = ValueStack()
    private var keyCache = KeyCache()
    private var shapes = ShapeCache()

    func null() -> Value { .null }
    func bool(_ value: Bool) -> Value { .bool(value) }
    func integer(_ value: Int) -> Value { .int(value) }
    func double(_ value: Double) -> Value { .double(value) }
    func string(_ value: String) -> Value { .string(value) }

    mutating func key(utf8 bytes: UnsafeRawBufferPointer) -> String { keyCache.string(for: bytes) }
    func key(_ decoded: String) -> String { decoded }

    func beginObject() -> ObjectState { ObjectState(keyBase: keys.count, valueBase: values.count) }

    mutating func member(_ key: String, _ value: Value, to object: inout ObjectState) {
        keys.append(key)
        values.push(value)
    }

    mutating func endObject(_ object: ObjectState) -> Value {
        let record = shapes.record(keys: keys[object.keyBase...], values: values, from: object.valueBase)
        keys.removeSubrange(object.keyBase...)
        return .record(record)
    }

    func beginArray() -> ArrayState { ArrayState(valueBase: values.count) }

    func element(_ value: Value, to array: inout ArrayState) { values.push(value) }

    func endArray(_ array: ArrayState) -> Value {
        .list(Array(values.pop(from: array.valueBase)))
    }

    mutating func reset() {
        keys.removeAll(keepingCapacity: true)
        values.removeAll()
    }
}

/// Values of objects and arrays not finished yet, moved out when they are.
private final class ValueStack {
    private var base: UnsafeMutablePointer<Value>
    private var capacity = 64
    private(set) var count = 0

    init() { base = .allocate(capacity: capacity) }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func push(_ value: Value) {
        if count == capacity {
            let larger = UnsafeMutablePointer<Value>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = larger
            capacity *= 2
        }
        (base + count).initialize(to: value)
        count += 1
    }

    /// Moves the values from `start` up into an array, and off the stack.
    func pop(from start: Int) -> ContiguousArray<Value> {
        let moved = count - start
        let source = base + start
        count = start
        return ContiguousArray(unsafeUninitializedCapacity: moved) { buffer, initialized in
            if let target = buffer.baseAddress { target.moveInitialize(from: source, count: moved) }
            initialized = moved
        }
    }

    /// Moves the values from `start` up over the first elements of `target`
    /// (whose old values are trivial: `null`s), and off the stack.
    func pop(from start: Int, over target: UnsafeMutableBufferPointer<Value>) {
        let moved = count - start
        if let destination = target.baseAddress {
            destination.deinitialize(count: moved)
            destination.moveInitialize(from: base + start, count: moved)
        }
        count = start
    }

    func removeAll() {
        base.deinitialize(count: count)
        count = 0
    }
}

/// Strings for key bytes, decoded once: a small direct-mapped cache.
private struct KeyCache {
    private static let size = 256
    private var strings: [String] = []

    mutating func string(for bytes: UnsafeRawBufferPointer) -> String {
        guard bytes.count <= 64 else { return String(decoding: bytes, as: UTF8.self) }
        if strings.isEmpty { strings = Array(repeating: "", count: Self.size) }
        let slot = Int(Self.hash(bytes) % UInt32(Self.size))
        let cached = strings[slot]
        let matches =
            cached.utf8.withContiguousStorageIfAvailable { stored in
                guard stored.count == bytes.count else { return false }
                guard let storedBase = stored.baseAddress, let base = bytes.baseAddress else { return true }
                return memcmp(storedBase, base, bytes.count) == 0
            } ?? false
        if matches { return cached }
        let string = String(decoding: bytes, as: UTF8.self)
        strings[slot] = string
        return string
    }

    /// FNV-1a.
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }
}

/// The last few record shapes (keys in order): a new record of a known
/// shape shares its key storage (and, past 15 keys, its hash table).
private struct ShapeCache {
    private struct Shape {
        let keys: ContiguousArray<String>
        /// For records too large to look keys up without a hash table: a
        /// record of this shape whose values are `null`.
        let template: OrderedDictionary<String, Value>?
    }

    private static let size = 8
    /// Records up to this size look keys up by scanning (`OrderedSet` builds no hash table).
    private static let unhashedCount = 15
    private var shapes: [Shape] = []

    mutating func record(keys: ArraySlice<String>, values: ValueStack, from start: Int) -> Record {
        for index in shapes.indices where shapes[index].keys.count == keys.count && Self.same(shapes[index].keys, keys) {
            let shape = shapes[index]
            if index > 0 { shapes.swapAt(index, index - 1) }
            guard var fields = shape.template else {
                return Record(OrderedDictionary(uncheckedUniqueKeys: shape.keys, values: values.pop(from: start)))
            }
            fields.values.withUnsafeMutableBufferPointer { values.pop(from: start, over: $0) }
            return Record(fields)
        }
        let moved = values.pop(from: start)
        var fields = OrderedDictionary<String, Value>(minimumCapacity: keys.count)
        for (key, value) in zip(keys, moved) { fields[key] = value }
        if fields.count == keys.count {
            // No duplicate keys: a shape worth remembering.
            var template: OrderedDictionary<String, Value>?
            if keys.count > Self.unhashedCount {
                template = OrderedDictionary(
                    uncheckedUniqueKeys: fields.keys, values: repeatElement(Value.null, count: keys.count))
            }
            if shapes.count == Self.size { shapes.removeLast() }
            shapes.append(Shape(keys: ContiguousArray(keys), template: template))
        }
        return Record(fields)
    }

    /// The same keys in the same order; interned keys compare by identity first.
    private static func same(_ known: ContiguousArray<String>, _ keys: ArraySlice<String>) -> Bool {
        var position = keys.startIndex
        for key in known {
            guard key == keys[position] else { return false }
            position += 1
        }
        return true
    }
}
