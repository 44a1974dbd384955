using System.Globalization;
using System.Text;
using ByteNite.Sdk.CodeGeneration.Model;

namespace ByteNite.Sdk.CodeGeneration.Emitting;

/// <summary>C# literals for values read from schema.json, exact and independent of the culture the build runs in.</summary>
internal static class CSharpLiterals
{
    /// <summary>A regular string literal; everything outside printable ASCII is escaped, so the file's encoding never matters.</summary>
    public static string String(string value)
    {
        var text = new StringBuilder(value.Length + 2);
        text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < 0x20 || c > 0x7E)
                    {
                        text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>
    /// The JSON number as a C# literal of the value's type, or null when it does not fit: integers for int/long
    /// values (2.0 becomes 2), the literal as written for doubles (with a <c>d</c> suffix where C# would read an integer).
    /// </summary>
    public static string? Number(string raw, ValueKind kind)
    {
        if (kind is ValueKind.Int32 or ValueKind.Int64)
        {
            if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value) || value != decimal.Truncate(value))
            {
                return null;
            }

            bool fits = kind == ValueKind.Int32 ? value >= int.MinValue && value <= int.MaxValue : value >= long.MinValue && value <= long.MaxValue;
            return fits ? value.ToString("0", CultureInfo.InvariantCulture) : null;
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) || double.IsInfinity(parsed))
        {
            return null;
        }

        bool integerSyntax = raw.IndexOfAny(new[] { '.', 'e', 'E' }) < 0;
        return integerSyntax && !long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? raw + "d" : raw;
    }

    /// <summary>A bound to compare a value of <paramref name="kind"/> with: an integer literal when it is one, else a double.</summary>
    public static string Bound(string raw, ValueKind kind) =>
        (kind is ValueKind.Int32 or ValueKind.Int64 ? Number(raw, ValueKind.Int64) : null) ?? Number(raw, ValueKind.Double)!;
}
