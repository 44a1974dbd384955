using System;
using System.Collections.Generic;
using System.Globalization;

namespace ByteNite.Sdk.Model.Json;

public enum JsonNodeKind
{
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>A JSON value with the span of its text, so that every rule can point at what it checks.</summary>
public abstract class JsonNode
{
    private protected JsonNode(TextSpan span)
    {
        Span = span;
    }

    public TextSpan Span { get; }

    public abstract JsonNodeKind Kind { get; }

    /// <summary>The name JSON Schema uses for the value's type; what messages say a value is.</summary>
    public string KindName => Kind switch
    {
        JsonNodeKind.Object => "an object",
        JsonNodeKind.Array => "an array",
        JsonNodeKind.String => "a string",
        JsonNodeKind.Number => ((JsonNumber)this).IsInteger ? "an integer" : "a number",
        JsonNodeKind.Boolean => "a boolean",
        _ => "null",
    };
}

public sealed class JsonProperty
{
    public JsonProperty(string name, TextSpan nameSpan, JsonNode value)
    {
        Name = name;
        NameSpan = nameSpan;
        Value = value;
    }

    public string Name { get; }

    /// <summary>The span of the key, quotes included.</summary>
    public TextSpan NameSpan { get; }

    public JsonNode Value { get; }
}

public sealed class JsonObject : JsonNode
{
    public JsonObject(TextSpan span, IReadOnlyList<JsonProperty> properties)
        : base(span)
    {
        Properties = properties;
    }

    public override JsonNodeKind Kind => JsonNodeKind.Object;

    /// <summary>In document order; a duplicate key appears once, at its first occurrence (the parser reports the rest).</summary>
    public IReadOnlyList<JsonProperty> Properties { get; }

    /// <summary>The span of the opening brace: where a missing key is reported without underlining the whole object.</summary>
    public TextSpan OpeningBraceSpan => new(Span.Start, 1);

    public JsonProperty? Find(string name)
    {
        foreach (JsonProperty property in Properties)
        {
            if (property.Name == name)
            {
                return property;
            }
        }

        return null;
    }

    /// <summary>The property with this name in any casing; Go's encoding/json, which the platform's CLI uses, matches that way.</summary>
    public JsonProperty? FindIgnoreCase(string name)
    {
        JsonProperty? exact = Find(name);
        if (exact is not null)
        {
            return exact;
        }

        foreach (JsonProperty property in Properties)
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property;
            }
        }

        return null;
    }
}

public sealed class JsonArray : JsonNode
{
    public JsonArray(TextSpan span, IReadOnlyList<JsonNode> items)
        : base(span)
    {
        Items = items;
    }

    public override JsonNodeKind Kind => JsonNodeKind.Array;

    public IReadOnlyList<JsonNode> Items { get; }
}

public sealed class JsonString : JsonNode
{
    public JsonString(TextSpan span, string value)
        : base(span)
    {
        Value = value;
    }

    public override JsonNodeKind Kind => JsonNodeKind.String;

    public string Value { get; }
}

public sealed class JsonNumber : JsonNode
{
    public JsonNumber(TextSpan span, string rawText)
        : base(span)
    {
        RawText = rawText;
    }

    public override JsonNodeKind Kind => JsonNodeKind.Number;

    /// <summary>The literal as written: numbers such as 1e400 or 20-digit integers are kept exactly.</summary>
    public string RawText { get; }

    /// <summary>True when the literal has no fraction and no exponent (JSON Schema would also accept 2.0; the platform's Go structs do not).</summary>
    public bool IsInteger => RawText.IndexOfAny(new[] { '.', 'e', 'E' }) < 0;

    public bool TryGetInt64(out long value) =>
        long.TryParse(RawText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}

public sealed class JsonBoolean : JsonNode
{
    public JsonBoolean(TextSpan span, bool value)
        : base(span)
    {
        Value = value;
    }

    public override JsonNodeKind Kind => JsonNodeKind.Boolean;

    public bool Value { get; }
}

public sealed class JsonNull : JsonNode
{
    public JsonNull(TextSpan span)
        : base(span)
    {
    }

    public override JsonNodeKind Kind => JsonNodeKind.Null;
}
