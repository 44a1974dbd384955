using ByteNite.Sdk.Model.Json;

namespace ByteNite.Sdk.Model.Schema;

/// <summary>The value semantics JSON Schema gives JSON: equality by value and lengths in code points.</summary>
internal static class JsonValues
{
    /// <summary>JSON equality: numbers by value (1 == 1.0), objects regardless of key order, arrays item by item.</summary>
    public static bool AreEqual(JsonNode a, JsonNode b)
    {
        if (a.Kind != b.Kind)
        {
            return false;
        }

        switch (a)
        {
            case JsonString s:
                return s.Value == ((JsonString)b).Value;
            case JsonNumber n:
                return NumberEquals(n, (JsonNumber)b);
            case JsonBoolean t:
                return t.Value == ((JsonBoolean)b).Value;
            case JsonArray x:
                var y = (JsonArray)b;
                if (x.Items.Count != y.Items.Count)
                {
                    return false;
                }

                for (int i = 0; i < x.Items.Count; i++)
                {
                    if (!AreEqual(x.Items[i], y.Items[i]))
                    {
                        return false;
                    }
                }

                return true;
            case JsonObject o:
                var p = (JsonObject)b;
                if (o.Properties.Count != p.Properties.Count)
                {
                    return false;
                }

                foreach (JsonProperty property in o.Properties)
                {
                    JsonProperty? other = p.Find(property.Name);
                    if (other is null || !AreEqual(property.Value, other.Value))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true; // null
        }
    }

    public static bool TryGetDecimal(JsonNumber number, out JsonDecimal value) => JsonDecimal.TryParse(number.RawText, out value);

    /// <summary>The length JSON Schema (and Python's len) gives a string: code points, so "😀" has length 1.</summary>
    public static long CodePointLength(string value)
    {
        long length = value.Length;
        for (int i = 0; i + 1 < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && char.IsLowSurrogate(value[i + 1]))
            {
                length--;
                i++;
            }
        }

        return length;
    }

    private static bool NumberEquals(JsonNumber a, JsonNumber b)
    {
        if (a.RawText == b.RawText)
        {
            return true;
        }

        return TryGetDecimal(a, out JsonDecimal x) && TryGetDecimal(b, out JsonDecimal y) && x.Equals(y);
    }
}
