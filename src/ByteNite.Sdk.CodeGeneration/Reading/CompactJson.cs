using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ByteNite.Sdk.Model.Json;

namespace ByteNite.Sdk.CodeGeneration.Reading;

/// <summary>Writes the position-tracking tree back as compact JSON, numbers exactly as written.</summary>
internal static class CompactJson
{
    public static string Write(JsonNode node)
    {
        var text = new StringBuilder();
        Write(node, text, null);
        return text.ToString();
    }

    /// <summary>Writes <paramref name="node"/>; <paramref name="custom"/> may write a node (or a nested one) itself and return true.</summary>
    public static void Write(JsonNode node, StringBuilder text, Func<JsonNode, bool>? custom)
    {
        if (custom is not null && custom(node))
        {
            return;
        }

        switch (node)
        {
            case JsonObject obj:
                WriteObject(obj.Properties, text, property => Write(property.Value, text, custom));
                break;
            case JsonArray array:
                WriteArray(array.Items, text, item => Write(item, text, custom));
                break;
            case JsonString s:
                WriteString(s.Value, text);
                break;
            case JsonNumber n:
                text.Append(n.RawText);
                break;
            case JsonBoolean b:
                text.Append(b.Value ? "true" : "false");
                break;
            default:
                text.Append("null");
                break;
        }
    }

    public static void WriteObject(IEnumerable<JsonProperty> properties, StringBuilder text, Action<JsonProperty> writeValue)
    {
        text.Append('{');
        bool first = true;
        foreach (JsonProperty property in properties)
        {
            text.Append(first ? string.Empty : ",");
            first = false;
            WriteString(property.Name, text);
            text.Append(':');
            writeValue(property);
        }

        text.Append('}');
    }

    public static void WriteArray(IEnumerable<JsonNode> items, StringBuilder text, Action<JsonNode> writeItem)
    {
        text.Append('[');
        bool first = true;
        foreach (JsonNode item in items)
        {
            text.Append(first ? string.Empty : ",");
            first = false;
            writeItem(item);
        }

        text.Append(']');
    }

    public static void WriteString(string value, StringBuilder text)
    {
        text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                default:
                    if (c < 0x20)
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }
}
