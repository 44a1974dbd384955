using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ByteNite.Sdk.Model.Schema;

/// <summary>
/// JSON Schema patterns are ECMA-262 regular expressions (with Unicode semantics, as the test suite expects). .NET's
/// engine differs in ways that change results, so a pattern is rewritten before it is compiled:
/// <c>\d \w \s \b</c> and their negations take their ECMA (ASCII / ECMA white space) meaning, <c>$</c> matches only at
/// the very end, <c>.</c> excludes all ECMA line terminators, <c>.</c> and negated classes consume a whole surrogate
/// pair, a literal astral character is quantified as one unit, long Unicode property names (<c>\p{Letter}</c>) map to
/// .NET's short ones, <c>\u{...}</c> is understood, and ECMA's empty classes <c>[]</c> / <c>[^]</c> work.
/// docs/params-validation.md lists what remains different.
/// </summary>
internal static class EcmaRegex
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private const string SurrogatePair = @"[\uD800-\uDBFF][\uDC00-\uDFFF]";
    private const string WordClass = "a-zA-Z0-9_";
    private const string SpaceClass = @"\t\n\x0B\f\r \u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";

    private static readonly Regex EngineMessage = new(@"^(?:Invalid pattern '.*' at offset \d+\. |parsing "".*"" - |parsing '.*' - )(.+)$", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static readonly Regex SurrogateEscape = new(@"\\u[dD][89a-fA-F]", RegexOptions.CultureInvariant);

    private static readonly Dictionary<string, string> GeneralCategories = BuildCategories();

    /// <summary>Compiles a pattern; null with a reason when it is not valid or uses what cannot be translated.</summary>
    public static Regex? TryCreate(string pattern, out string? error)
    {
        error = null;
        string? translated = Translate(pattern, out error);
        if (translated is null)
        {
            return null;
        }

        try
        {
            return new Regex(translated, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            // The engine quotes the rewritten pattern and an offset into it; only its reason means something to the author.
            Match reason = EngineMessage.Match(e.Message);
            error = reason.Success ? reason.Groups[1].Value.TrimEnd('.') : e.Message;
            return null;
        }
    }

    internal static string? Translate(string pattern, out string? error)
    {
        error = null;
        var output = new StringBuilder(pattern.Length + 16);
        int i = 0;
        while (i < pattern.Length)
        {
            char c = pattern[i];
            switch (c)
            {
                case '\\':
                    if (!TranslateEscape(pattern, ref i, output, inClass: false, out error))
                    {
                        return null;
                    }

                    break;
                case '[':
                    if (!TranslateClass(pattern, ref i, output, out error))
                    {
                        return null;
                    }

                    break;
                case '.':
                    output.Append("(?:" + SurrogatePair + @"|[^\n\r\u2028\u2029])");
                    i++;
                    break;
                case '$':
                    output.Append(@"\z");
                    i++;
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < pattern.Length && char.IsLowSurrogate(pattern[i + 1]))
                    {
                        // One astral character: a following quantifier applies to both halves.
                        output.Append("(?:").Append(c).Append(pattern[i + 1]).Append(')');
                        i += 2;
                    }
                    else
                    {
                        output.Append(c);
                        i++;
                    }

                    break;
            }
        }

        return output.ToString();
    }

    private static bool TranslateEscape(string pattern, ref int i, StringBuilder output, bool inClass, out string? error)
    {
        error = null;
        if (i + 1 >= pattern.Length)
        {
            error = "the pattern ends with a lone backslash";
            return false;
        }

        char e = pattern[i + 1];
        i += 2;
        switch (e)
        {
            case 'd':
                output.Append(inClass ? "0-9" : "[0-9]");
                return true;
            case 'w':
                output.Append(inClass ? WordClass : "[" + WordClass + "]");
                return true;
            case 's':
                output.Append(inClass ? SpaceClass : "[" + SpaceClass + "]");
                return true;
            case 'D':
            case 'W':
            case 'S':
                if (inClass)
                {
                    // Inside a class .NET's Unicode-aware negations are kept (documented difference).
                    output.Append('\\').Append(e);
                }
                else
                {
                    string set = e == 'D' ? "0-9" : e == 'W' ? WordClass : SpaceClass;
                    output.Append("(?:" + SurrogatePair + "|[^" + set + "])");
                }

                return true;
            case 'b':
            case 'B':
                if (inClass)
                {
                    output.Append(@"\b"); // backspace in both dialects
                }
                else
                {
                    string word = "[" + WordClass + "]";
                    output.Append(e == 'b'
                        ? "(?:(?<=" + word + ")(?!" + word + ")|(?<!" + word + ")(?=" + word + "))"
                        : "(?:(?<=" + word + ")(?=" + word + ")|(?<!" + word + ")(?!" + word + "))");
                }

                return true;
            case 'p':
            case 'P':
                return TranslateProperty(pattern, ref i, e == 'P', output, inClass, out error);
            case 'u':
                if (i < pattern.Length && pattern[i] == '{')
                {
                    int close = pattern.IndexOf('}', i);
                    if (close < 0 || !int.TryParse(pattern.Substring(i + 1, close - i - 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int codePoint) || codePoint > 0x10FFFF)
                    {
                        error = @"'\u{...}' must hold a hexadecimal code point up to 10FFFF";
                        return false;
                    }

                    i = close + 1;
                    AppendCodePoint(codePoint, output, inClass);
                    return true;
                }

                if (i + 4 <= pattern.Length && int.TryParse(pattern.Substring(i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int high)
                    && high >= 0xD800 && high <= 0xDBFF && !inClass
                    && i + 10 <= pattern.Length && pattern[i + 4] == '\\' && pattern[i + 5] == 'u'
                    && int.TryParse(pattern.Substring(i + 6, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int low)
                    && low >= 0xDC00 && low <= 0xDFFF)
                {
                    output.Append("(?:\\u").Append(pattern, i, 4).Append("\\u").Append(pattern, i + 6, 4).Append(')');
                    i += 10;
                    return true;
                }

                output.Append("\\u");
                return true;
            case '[':
                output.Append(@"\[");
                return true;
            default:
                output.Append('\\').Append(e);
                return true;
        }
    }

    private static bool TranslateClass(string pattern, ref int i, StringBuilder output, out string? error)
    {
        error = null;
        int start = i;
        i++;
        bool negated = i < pattern.Length && pattern[i] == '^';
        if (negated)
        {
            i++;
        }

        var body = new StringBuilder();
        while (true)
        {
            if (i >= pattern.Length)
            {
                error = "the character class opened at index " + start.ToString(CultureInfo.InvariantCulture) + " is not closed";
                return false;
            }

            char c = pattern[i];
            if (c == ']')
            {
                i++;
                break;
            }

            if (c == '\\')
            {
                if (!TranslateEscape(pattern, ref i, body, inClass: true, out error))
                {
                    return false;
                }

                continue;
            }

            if (c == '[')
            {
                body.Append(@"\["); // literal in ECMA; would start a subtraction in .NET
            }
            else
            {
                body.Append(c);
            }

            i++;
        }

        if (body.Length == 0)
        {
            // ECMA: [] matches nothing, [^] matches any character.
            output.Append(negated ? "(?:" + SurrogatePair + @"|[\s\S])" : "(?!)");
            return true;
        }

        // Without surrogates in the class, no astral character is excluded, so a whole pair may match.
        string text = body.ToString();
        bool hasSurrogates = ContainsSurrogate(text) || SurrogateEscape.IsMatch(text);
        if (negated && !hasSurrogates)
        {
            output.Append("(?:" + SurrogatePair + "|[^").Append(body).Append("])");
        }
        else
        {
            output.Append(negated ? "[^" : "[").Append(body).Append(']');
        }

        return true;
    }

    private static bool TranslateProperty(string pattern, ref int i, bool negated, StringBuilder output, bool inClass, out string? error)
    {
        error = null;
        int close = i < pattern.Length && pattern[i] == '{' ? pattern.IndexOf('}', i) : -1;
        if (close < 0)
        {
            error = @"'\p' must be followed by a property name in braces, e.g. \p{L}";
            return false;
        }

        string name = pattern.Substring(i + 1, close - i - 1);
        i = close + 1;
        int equals = name.IndexOf('=');
        if (equals >= 0)
        {
            string key = name.Substring(0, equals);
            if (key != "General_Category" && key != "gc")
            {
                error = "Unicode property '" + name + "' (scripts and other non-category properties) is not supported by .NET regular expressions";
                return false;
            }

            name = name.Substring(equals + 1);
        }

        if (!GeneralCategories.TryGetValue(name, out string? categories))
        {
            error = "Unicode property '" + name + "' is not supported; use a general category such as L, Lu, Nd or Letter";
            return false;
        }

        // .NET has no LC or Any; those map to several categories or everything.
        if (categories.IndexOf(',') < 0 && categories != "Any")
        {
            output.Append(negated ? "\\P{" : "\\p{").Append(categories).Append('}');
            return true;
        }

        string set = string.Empty;
        foreach (string category in categories.Split(','))
        {
            set += category == "Any" ? @"\s\S" : "\\p{" + category + "}";
        }

        if (inClass && negated)
        {
            error = "negated '" + name + "' inside a character class is not supported";
            return false;
        }

        output.Append(inClass ? set : (negated ? "[^" : "[") + set + "]");
        return true;
    }

    private static void AppendCodePoint(int codePoint, StringBuilder output, bool inClass)
    {
        string text = char.ConvertFromUtf32(codePoint);
        string escaped = string.Empty;
        foreach (char unit in text)
        {
            escaped += "\\u" + ((int)unit).ToString("X4", CultureInfo.InvariantCulture);
        }

        output.Append(text.Length == 2 && !inClass ? "(?:" + escaped + ")" : escaped);
    }

    private static bool ContainsSurrogate(string text)
    {
        foreach (char c in text)
        {
            if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, string> BuildCategories()
    {
        // Short name, long name and aliases from Unicode's PropertyValueAliases.txt (gc), as ECMA-262 accepts them.
        string[] rows =
        {
            "L Letter", "LC Cased_Letter", "Lu Uppercase_Letter", "Ll Lowercase_Letter", "Lt Titlecase_Letter",
            "Lm Modifier_Letter", "Lo Other_Letter", "M Mark Combining_Mark", "Mn Nonspacing_Mark", "Mc Spacing_Mark",
            "Me Enclosing_Mark", "N Number", "Nd Decimal_Number digit", "Nl Letter_Number", "No Other_Number",
            "P Punctuation punct", "Pc Connector_Punctuation", "Pd Dash_Punctuation", "Ps Open_Punctuation",
            "Pe Close_Punctuation", "Pi Initial_Punctuation", "Pf Final_Punctuation", "Po Other_Punctuation",
            "S Symbol", "Sm Math_Symbol", "Sc Currency_Symbol", "Sk Modifier_Symbol", "So Other_Symbol",
            "Z Separator", "Zs Space_Separator", "Zl Line_Separator", "Zp Paragraph_Separator", "C Other",
            "Cc Control cntrl", "Cf Format", "Cs Surrogate", "Co Private_Use", "Cn Unassigned",
        };
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string row in rows)
        {
            string[] names = row.Split(' ');
            string target = names[0] == "LC" ? "Lu,Ll,Lt" : names[0];
            foreach (string name in names)
            {
                map[name] = target;
            }
        }

        map["Any"] = "Any";
        return map;
    }
}
