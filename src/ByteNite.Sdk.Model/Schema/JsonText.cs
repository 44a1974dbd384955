using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ByteNite.Sdk.Model.Json;

namespace ByteNite.Sdk.Model.Schema;

/// <summary>Values as messages show them: compact JSON, shortened when long.</summary>
internal static class JsonText
{
    private const int MaxLength = 60;

    public static string Render(JsonNode node)
    {
        var text = new StringBuilder();
        Append(node, text, 0);
        return text.Length > MaxLength ? text.ToString(0, MaxLength - 1) + "…" : text.ToString();
    }

    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2);
        AppendString(value, text);
        return text.ToString();
    }

    public static string List(IEnumerable<JsonNode> values, int max = 10)
    {
        var parts = new List<string>();
        int count = 0;
        foreach (JsonNode value in values)
        {
            if (count++ < max)
            {
                parts.Add(Render(value));
            }
        }

        string list = string.Join(", ", parts);
        return count > max ? list + " and " + (count - max).ToString(CultureInfo.InvariantCulture) + " more" : list;
    }

    public static string Count(long n, string singular) => Count(n, singular, singular + "s");

    public static string Count(long n, string singular, string plural) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? singular : plural);

    private static void Append(JsonNode node, StringBuilder text, int depth)
    {
        if (text.Length > MaxLength)
        {
            return;
        }

        switch (node)
        {
            case JsonString s:
                AppendString(s.Value, text);
                break;
            case JsonNumber n:
                text.Append(n.RawText);
                break;
            case JsonBoolean b:
                text.Append(b.Value ? "true" : "false");
                break;
            case JsonObject o:
                if (depth > 3)
                {
                    text.Append("{…}");
                    break;
                }

                text.Append('{');
                for (int i = 0; i < o.Properties.Count && text.Length <= MaxLength; i++)
                {
                    text.Append(i == 0 ? string.Empty : ", ");
                    AppendString(o.Properties[i].Name, text);
                    text.Append(": ");
                    Append(o.Properties[i].Value, text, depth + 1);
                }

                text.Append('}');
                break;
            case JsonArray a:
                if (depth > 3)
                {
                    text.Append("[…]");
                    break;
                }

                text.Append('[');
                for (int i = 0; i < a.Items.Count && text.Length <= MaxLength; i++)
                {
                    text.Append(i == 0 ? string.Empty : ", ");
                    Append(a.Items[i], text, depth + 1);
                }

                text.Append(']');
                break;
            default:
                text.Append("null");
                break;
        }
    }

    private static void AppendString(string value, StringBuilder text)
    {
        text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                default:
                    if (c < ' ')
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
