using System.Collections.Generic;
using System.Text.RegularExpressions;
using ByteNite.Sdk.Model.Json;

namespace ByteNite.Sdk.Model.Schema;

[System.Flags]
internal enum JsonTypes
{
    None = 0,
    Object = 1,
    Array = 2,
    String = 4,
    Number = 8,
    Integer = 16,
    Boolean = 32,
    Null = 64,
}

/// <summary>A numeric keyword: its exact value and where it is written (messages quote it as written).</summary>
internal sealed class NumberKeyword
{
    public NumberKeyword(JsonDecimal value, JsonNumber node)
    {
        Value = value;
        Node = node;
    }

    public JsonDecimal Value { get; }

    public JsonNumber Node { get; }
}

internal sealed class PatternSchema
{
    public PatternSchema(string source, Regex regex, SchemaNode schema)
    {
        Source = source;
        Regex = regex;
        Schema = schema;
    }

    public string Source { get; }

    public Regex Regex { get; }

    public SchemaNode Schema { get; }
}

internal sealed class Dependency
{
    public Dependency(string property, IReadOnlyList<string>? requiredProperties, SchemaNode? schema)
    {
        Property = property;
        RequiredProperties = requiredProperties;
        Schema = schema;
    }

    public string Property { get; }

    public IReadOnlyList<string>? RequiredProperties { get; }

    public SchemaNode? Schema { get; }
}

/// <summary>
/// One schema with its keywords read once: what the evaluator needs, in the form it needs it. Keywords with values of
/// the wrong type are left out here; SchemaRules reports them (BN2004), so they are not reported twice.
/// </summary>
internal sealed class SchemaNode
{
    public SchemaNode(JsonNode json, string location, string baseUri)
    {
        Json = json;
        Location = location;
        BaseUri = baseUri;
        BooleanValue = json is JsonBoolean b ? b.Value : null;
    }

    public JsonNode Json { get; }

    /// <summary>"#/properties/case" in the main document, "uri#/pointer" in another one.</summary>
    public string Location { get; }

    public string BaseUri { get; }

    /// <summary>True or false for a boolean schema; null for an object.</summary>
    public bool? BooleanValue { get; }

    public JsonString? Ref { get; set; }

    public SchemaNode? RefTarget { get; set; }

    public JsonTypes Types { get; set; }

    public JsonArray? Enum { get; set; }

    public JsonNode? Const { get; set; }

    public Dictionary<string, SchemaNode>? Properties { get; set; }

    public List<PatternSchema>? PatternProperties { get; set; }

    /// <summary>True when a patternProperties key could not be compiled: which properties are "additional" is then unknown.</summary>
    public bool PatternPropertiesIncomplete { get; set; }

    public SchemaNode? AdditionalProperties { get; set; }

    public SchemaNode? PropertyNames { get; set; }

    public List<string>? Required { get; set; }

    public long? MinProperties { get; set; }

    public long? MaxProperties { get; set; }

    public List<Dependency>? Dependencies { get; set; }

    public SchemaNode? Items { get; set; }

    public List<SchemaNode>? ItemsTuple { get; set; }

    public SchemaNode? AdditionalItems { get; set; }

    public SchemaNode? Contains { get; set; }

    public long? MinItems { get; set; }

    public long? MaxItems { get; set; }

    public bool UniqueItems { get; set; }

    public long? MinLength { get; set; }

    public long? MaxLength { get; set; }

    public Regex? Pattern { get; set; }

    public string? PatternSource { get; set; }

    public NumberKeyword? Minimum { get; set; }

    public NumberKeyword? Maximum { get; set; }

    public NumberKeyword? ExclusiveMinimum { get; set; }

    public NumberKeyword? ExclusiveMaximum { get; set; }

    public NumberKeyword? MultipleOf { get; set; }

    public List<SchemaNode>? AllOf { get; set; }

    public List<SchemaNode>? AnyOf { get; set; }

    public List<SchemaNode>? OneOf { get; set; }

    public SchemaNode? Not { get; set; }

    public SchemaNode? If { get; set; }

    public SchemaNode? Then { get; set; }

    public SchemaNode? Else { get; set; }

    public JsonNode? Default { get; set; }

    public string KeywordLocation(string keyword) => Location + "/" + JsonPointer.Escape(keyword);
}
