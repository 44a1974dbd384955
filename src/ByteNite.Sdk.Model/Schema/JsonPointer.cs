using System.Collections.Generic;
using System.Globalization;

namespace ByteNite.Sdk.Model.Schema;

/// <summary>RFC 6901 JSON pointers: building them for messages and walking them for <c>$ref</c>.</summary>
internal static class JsonPointer
{
    public static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");

    public static string Append(string pointer, string token) => pointer + "/" + Escape(token);

    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Splits "" or "/a/b~1c" into unescaped tokens; false when the text is not a pointer.</summary>
    public static bool TryParse(string pointer, out List<string> tokens)
    {
        tokens = new List<string>();
        if (pointer.Length == 0)
        {
            return true;
        }

        if (pointer[0] != '/')
        {
            return false;
        }

        foreach (string raw in pointer.Substring(1).Split('/'))
        {
            for (int i = raw.IndexOf('~'); i >= 0; i = raw.IndexOf('~', i + 1))
            {
                if (i + 1 >= raw.Length || (raw[i + 1] != '0' && raw[i + 1] != '1'))
                {
                    return false;
                }
            }

            tokens.Add(raw.Replace("~1", "/").Replace("~0", "~"));
        }

        return true;
    }

    /// <summary>An array index token: "0" or digits without a leading zero.</summary>
    public static bool TryParseIndex(string token, out int index)
    {
        index = -1;
        if (token.Length == 0 || token.Length > 9 || (token.Length > 1 && token[0] == '0'))
        {
            return false;
        }

        foreach (char c in token)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        index = int.Parse(token, NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }
}
