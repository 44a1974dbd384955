using ByteNite.Sdk.Model.Json;

namespace ByteNite.Sdk.Model.Schema;

/// <summary>One way in which a JSON value does not satisfy a schema, located in the value's file.</summary>
public sealed class SchemaViolation
{
    internal SchemaViolation(JsonNode instance, TextSpan span, string instancePointer, string keyword, string schemaLocation, string message, string hint)
    {
        Instance = instance;
        Span = span;
        InstancePointer = instancePointer;
        Keyword = keyword;
        SchemaLocation = schemaLocation;
        Message = message;
        Hint = hint;
    }

    /// <summary>The offending value (for <c>required</c> and <c>dependencies</c>, the object that lacks a property).</summary>
    public JsonNode Instance { get; }

    /// <summary>
    /// Where to report: the value; the opening brace or bracket of an object or array; the key for a property that
    /// <c>additionalProperties</c> or <c>propertyNames</c> rejects.
    /// </summary>
    public TextSpan Span { get; }

    /// <summary>The RFC 6901 pointer to the value within the validated document: "" for the root, "/case", "/items/0".</summary>
    public string InstancePointer { get; }

    /// <summary>The schema keyword that is not satisfied, e.g. "enum".</summary>
    public string Keyword { get; }

    /// <summary>Where the keyword is written: "#/properties/case/enum", after following <c>$ref</c>.</summary>
    public string SchemaLocation { get; }

    /// <summary>What is wrong and what is expected, e.g. <c>"Upper" is not one of the allowed values "upper", "lower"</c>.</summary>
    public string Message { get; }

    /// <summary>What to write instead, e.g. <c>Use one of the allowed values (did you mean "upper"?).</c></summary>
    public string Hint { get; }

    public override string ToString() => (InstancePointer.Length == 0 ? "(root)" : InstancePointer) + ": " + Message + " [" + SchemaLocation + "]";
}

public enum SchemaProblemKind
{
    /// <summary>A <c>$ref</c> to a location that does not exist in its document: an error in the schema.</summary>
    UnresolvedReference,

    /// <summary>A <c>$ref</c> to another document, which the validator does not fetch: that part is not checked.</summary>
    RemoteReference,

    /// <summary>A <c>$ref</c> chain that comes back to the same schema without moving into the value: it would never end.</summary>
    ReferenceCycle,

    /// <summary>A <c>pattern</c> or <c>patternProperties</c> key that is not a valid or supported regular expression: not checked.</summary>
    UnsupportedPattern,
}

/// <summary>Something in the schema itself that the validator cannot check against; the rest of the schema still applies.</summary>
public sealed class SchemaProblem
{
    internal SchemaProblem(SchemaProblemKind kind, string keyword, JsonNode node, string? documentUri, string schemaLocation, string detail)
    {
        Kind = kind;
        Keyword = keyword;
        Node = node;
        DocumentUri = documentUri;
        SchemaLocation = schemaLocation;
        Detail = detail;
    }

    public SchemaProblemKind Kind { get; }

    /// <summary>"$ref", "pattern" or "patternProperties".</summary>
    public string Keyword { get; }

    /// <summary>The keyword's value in the schema (the <c>$ref</c> string, the pattern, or the patternProperties key's value).</summary>
    public JsonNode Node { get; }

    /// <summary>Null for the schema the validator was built from; the URI of a known document otherwise.</summary>
    public string? DocumentUri { get; }

    public string SchemaLocation { get; }

    /// <summary>The reason, e.g. the regular expression engine's message.</summary>
    public string Detail { get; }

    public override string ToString() => Kind + " at " + SchemaLocation + ": " + Detail;
}

/// <summary>A schema's own <c>default</c> that its subschema rejects.</summary>
public sealed class DefaultValueViolation
{
    internal DefaultValueViolation(JsonNode defaultValue, string defaultLocation, SchemaViolation violation)
    {
        DefaultValue = defaultValue;
        DefaultLocation = defaultLocation;
        Violation = violation;
    }

    /// <summary>The value of the <c>default</c> keyword, in the schema file.</summary>
    public JsonNode DefaultValue { get; }

    /// <summary>Where the default is written, e.g. "#/properties/case/default".</summary>
    public string DefaultLocation { get; }

    /// <summary>The violation, with <see cref="SchemaViolation.InstancePointer"/> relative to the default value.</summary>
    public SchemaViolation Violation { get; }
}
