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
    private let keyCache = KeyCache()
    private var shapes = ShapeCache()

    func null() -> Value { .null }
    func bool(_ value: Bool) -> Value { .bool(value) }
    func integer(_ value: Int) -> Value { .int(value) }
    func double(_ value: Double) -> Value { .double(value) }
    func string(_ value: String) -> Value { .string(value) }

    func key(utf8 bytes: UnsafeRawBufferPointer) -> String { keyCache.string(for: bytes) }
    func key(_ decoded: String) -> String { decoded }

    func beginObject() -> ObjectState { ObjectState(keyBase: keys.count, valueBase: values.count) }

    mutating func member(_ key: consuming String, _ value: consuming Value, to object: inout ObjectState) {
        keys.append(key)
        values.push(value)
    }

    mutating func endObject(_ object: ObjectState) -> Value {
        let record = shapes.record(keys: keys[object.keyBase...], values: values, from: object.valueBase)
        keys.removeSubrange(object.keyBase...)
        return .record(record)
    }

    func beginArray() -> ArrayState { ArrayState(valueBase: values.count) }

    func element(_ value: consuming Value, to array: inout ArrayState) { values.push(value) }

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
    // Unchecked: the stack belongs to one builder on one thread.
    @exclusivity(unchecked) private var base: UnsafeMutablePointer<Value>
    @exclusivity(unchecked) private var capacity = 64
    @exclusivity(unchecked) private(set) var count = 0

    init() { base = .allocate(capacity: capacity) }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func push(_ value: consuming Value) {
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

/// Strings for key bytes, decoded once: a small direct-mapped cache whose
/// entries hold keys of up to 16 bytes as two words, compared without a call.
private final class KeyCache {
    private struct Entry {
        var length = -1
        var low: UInt64 = 0
        var high: UInt64 = 0
        var string = ""
    }

    private static let size = 256
    private let entries = UnsafeMutablePointer<Entry>.allocate(capacity: KeyCache.size)

    init() { entries.initialize(repeating: Entry(), count: Self.size) }

    deinit {
        entries.deinitialize(count: Self.size)
        entries.deallocate()
    }

    func string(for bytes: UnsafeRawBufferPointer) -> String {
        guard bytes.count <= 16 else { return String(decoding: bytes, as: UTF8.self) }
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: bytes) }
        // A hash of the key's bytes, not arithmetic on values: its multiplications
        // are meant to wrap (they mix the bits); the top 8 bits pick the entry.
        let mixed = (words.0 ^ (words.1 &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(bytes.count)) &* 0xFF51_AFD7_ED55_8CCD
        let entry = entries + Int(mixed >> 56)
        if entry.pointee.length == bytes.count, entry.pointee.low == words.0, entry.pointee.high == words.1 {
            return entry.pointee.string
        }
        let string = String(decoding: bytes, as: UTF8.self)
        entry.pointee = Entry(length: bytes.count, low: words.0, high: words.1, string: string)
        return string
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
            // Most recently used first.
            if index > 0 { shapes.swapAt(index, index - 1) }
            let position = index > 0 ? index - 1 : 0
            guard var fields = shapes[position].template else {
                return Record(
                    OrderedDictionary(uncheckedUniqueKeys: shapes[position].keys, values: values.pop(from: start)))
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
