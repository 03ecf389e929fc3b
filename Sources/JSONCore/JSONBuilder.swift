/// What a ``JSONReader`` builds values with: the reader tokenises bytes and
/// calls these methods, so a caller's own value type is built directly,
/// without an intermediate tree.
///
/// Objects and arrays are built in three steps: `begin…` returns a state,
/// each member or element is added to it, and `end…` turns it into a value.
/// Keys come first as raw UTF-8 bytes (most keys have no escapes), so a
/// builder can intern them: the same few keys repeat in every row of a file.
public protocol JSONBuilder {
    /// The values built.
    associatedtype Value
    /// An object key, as the builder keeps it.
    associatedtype Key
    /// An object being built.
    associatedtype ObjectState
    /// An array being built.
    associatedtype ArrayState

    /// `null`.
    mutating func null() -> Value
    /// `true` or `false`.
    mutating func bool(_ value: Bool) -> Value
    /// A number without fraction or exponent that fits in 64 bits, exactly.
    mutating func integer(_ value: Int) -> Value
    /// Any other number.
    mutating func double(_ value: Double) -> Value
    /// A string, escapes decoded.
    mutating func string(_ value: String) -> Value

    /// A key without escapes, as the UTF-8 bytes between its quotes (not
    /// validated: decode with repair, as `String(decoding:as:)` does).
    mutating func key(utf8 bytes: UnsafeRawBufferPointer) -> Key
    /// A key that had escapes, decoded.
    mutating func key(_ decoded: String) -> Key

    /// Starts an object.
    mutating func beginObject() -> ObjectState
    /// Adds `key: value` to `object`; a later duplicate key replaces the earlier value.
    mutating func member(_ key: consuming Key, _ value: consuming Value, to object: inout ObjectState)
    /// Finishes an object.
    mutating func endObject(_ object: ObjectState) -> Value

    /// Starts an array.
    mutating func beginArray() -> ArrayState
    /// Appends `value` to `array`.
    mutating func element(_ value: consuming Value, to array: inout ArrayState)
    /// Finishes an array.
    mutating func endArray(_ array: ArrayState) -> Value

    /// Forgets any partly built value: called before a value is parsed again
    /// from its start (more input arrived) or after a syntax error.
    mutating func reset()
}

extension JSONBuilder {
    /// Does nothing: builders that keep no scratch state need not reset.
    public mutating func reset() {}
}

extension JSONBuilder where Key == String {
    /// The key decoded, invalid UTF-8 repaired.
    public mutating func key(utf8 bytes: UnsafeRawBufferPointer) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The decoded key itself.
    public mutating func key(_ decoded: String) -> String { decoded }
}
