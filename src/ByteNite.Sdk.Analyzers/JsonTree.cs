using ByteNite.Sdk.Model.Json;

namespace ByteNite.Sdk.Analyzers;

/// <summary>Look-ups in a parsed file for the additional locations of a diagnostic.</summary>
internal static class JsonTree
{
    /// <summary>The name span of the first occurrence of the key whose repetition is at <paramref name="duplicate"/>.</summary>
    public static TextSpan? FirstOccurrenceOfDuplicateKey(ParsedAppFile parsed, TextSpan duplicate)
    {
        JsonObject? owner = InnermostObject(parsed.Root, duplicate);
        if (owner is null || duplicate.End > parsed.File.Text.Length)
        {
            return null;
        }

        string raw = parsed.File.Text.Substring(duplicate.Start, duplicate.Length);
        foreach (JsonProperty property in owner.Properties)
        {
            if (property.NameSpan.Start < duplicate.Start && parsed.File.Text.Substring(property.NameSpan.Start, property.NameSpan.Length) == raw)
            {
                return property.NameSpan;
            }
        }

        return null;
    }

    /// <summary>The value span of the first of <paramref name="keys"/> that the root object has.</summary>
    public static TextSpan? ValueOfTopLevelKey(ParsedAppFile parsed, string[] keys)
    {
        if (parsed.Root is not JsonObject root)
        {
            return null;
        }

        foreach (string key in keys)
        {
            if (root.Find(key) is { } property)
            {
                return property.Value.Span;
            }
        }

        return null;
    }

    private static JsonObject? InnermostObject(JsonNode? node, TextSpan span)
    {
        if (node is null || span.Start < node.Span.Start || span.End > node.Span.End)
        {
            return null;
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (JsonProperty property in obj.Properties)
                {
                    if (InnermostObject(property.Value, span) is { } inner)
                    {
                        return inner;
                    }
                }

                return obj;
            case JsonArray array:
                foreach (JsonNode item in array.Items)
                {
                    if (InnermostObject(item, span) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
