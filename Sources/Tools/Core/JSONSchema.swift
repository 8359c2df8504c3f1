import Store
public import JSON

/// A JSON Schema (2020-12 subset) for a tool's input or output, built from typed helpers so
/// schemas read like the arguments they describe.
///
/// The subset is what tools need and what `SchemaValidator` checks: `type` (one or several),
/// `properties`, `required`, `additionalProperties`, `items`, `enum`, `const`, `minimum`,
/// `maximum`, `minLength`, `maxLength`, `pattern`, `minItems`, `maxItems`; `description`,
/// `default`, `format`, `title` and `examples` are carried for the model.
public struct JSONSchema: Sendable, Equatable {
    /// The schema as JSON.
    public var value: JSONValue

    /// Wraps a schema written as JSON.
    public init(_ value: JSONValue) { self.value = value }

    /// An object with these properties; unknown properties are refused unless `additionalProperties`.
    public static func object(
        _ description: String? = nil,
        properties: KeyValuePairs<String, JSONSchema> = [:],
        required: [String] = [],
        additionalProperties: Bool = false
    ) -> JSONSchema {
        var schema: JSONObject = ["type": "object"]
        if let description { schema["description"] = .string(description) }
        var props = JSONObject()
        for (name, property) in properties { props[name] = property.value }
        schema["properties"] = .object(props)
        if !required.isEmpty { schema["required"] = .array(required.map { .string($0) }) }
        schema["additionalProperties"] = .bool(additionalProperties)
        return JSONSchema(.object(schema))
    }

    /// A string, optionally bounded in length, matched by a pattern or one of `oneOf` values.
    public static func string(
        _ description: String,
        minLength: Int? = nil,
        maxLength: Int? = nil,
        pattern: String? = nil,
        enum values: [String]? = nil,
        format: String? = nil,
        default defaultValue: String? = nil
    ) -> JSONSchema {
        var schema: JSONObject = ["type": "string", "description": .string(description)]
        if let minLength { schema["minLength"] = .integer(Int64(minLength)) }
        if let maxLength { schema["maxLength"] = .integer(Int64(maxLength)) }
        if let pattern { schema["pattern"] = .string(pattern) }
        if let values { schema["enum"] = .array(values.map { .string($0) }) }
        if let format { schema["format"] = .string(format) }
        if let defaultValue { schema["default"] = .string(defaultValue) }
        return JSONSchema(.object(schema))
    }

    /// An integer, optionally within `range`.
    public static func integer(_ description: String, in range: ClosedRange<Int64>? = nil, default defaultValue: Int64? = nil) -> JSONSchema {
        var schema: JSONObject = ["type": "integer", "description": .string(description)]
        if let range {
            schema["minimum"] = .integer(range.lowerBound)
            schema["maximum"] = .integer(range.upperBound)
        }
        if let defaultValue { schema["default"] = .integer(defaultValue) }
        return JSONSchema(.object(schema))
    }

    /// A number (integer or fraction).
    public static func number(_ description: String) -> JSONSchema {
        JSONSchema(["type": "number", "description": .string(description)])
    }

    /// A Boolean.
    public static func boolean(_ description: String, default defaultValue: Bool? = nil) -> JSONSchema {
        var schema: JSONObject = ["type": "boolean", "description": .string(description)]
        if let defaultValue { schema["default"] = .bool(defaultValue) }
        return JSONSchema(.object(schema))
    }

    /// An array of `items`, optionally bounded in count.
    public static func array(_ description: String, of items: JSONSchema, minItems: Int? = nil, maxItems: Int? = nil) -> JSONSchema {
        var schema: JSONObject = ["type": "array", "description": .string(description), "items": items.value]
        if let minItems { schema["minItems"] = .integer(Int64(minItems)) }
        if let maxItems { schema["maxItems"] = .integer(Int64(maxItems)) }
        return JSONSchema(.object(schema))
    }

    /// Any JSON value (no constraint), described for the model.
    public static func any(_ description: String) -> JSONSchema {
        JSONSchema(["description": .string(description)])
    }

    /// This schema, also accepting `null`.
    public var nullable: JSONSchema {
        guard case .object(var schema) = value, let type = schema["type"] else { return self }
        switch type {
        case .string(let name): schema["type"] = [.string(name), "null"]
        case .array(let names): schema["type"] = .array(names + ["null"])
        default: break
        }
        return JSONSchema(.object(schema))
    }

    /// The names in `required`, for an object schema.
    public var requiredProperties: [String] {
        value["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// The property schemas in order, for an object schema.
    public var properties: JSONObject { value["properties"]?.objectValue ?? JSONObject() }
}
