using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ByteNite.Sdk.CodeGeneration.Emitting;

/// <summary>Turns JSON names and values into C# identifiers that read as C#.</summary>
internal static class CSharpNames
{
    /// <summary>Every C# keyword; contextual keywords are valid identifiers and need no escaping.</summary>
    private static readonly HashSet<string> Keywords = new()
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>
    /// "case" → "Case", "num_steps" → "NumSteps", "a-b" → "AB", "MAX_SIZE" → "MaxSize", "1x" → "_1x".
    /// Characters that cannot be part of an identifier separate words. Returns <paramref name="fallback"/>
    /// when nothing of the name is left.
    /// </summary>
    public static string ToPascalCase(string name, string fallback)
    {
        var result = new StringBuilder(name.Length + 1);
        int i = 0;
        while (i < name.Length)
        {
            while (i < name.Length && !char.IsLetterOrDigit(name[i]))
            {
                i++;
            }

            int start = i;
            while (i < name.Length && char.IsLetterOrDigit(name[i]))
            {
                i++;
            }

            if (i > start)
            {
                AppendWord(result, name.Substring(start, i - start));
            }
        }

        if (result.Length == 0)
        {
            return fallback;
        }

        if (char.IsDigit(result[0]))
        {
            result.Insert(0, '_');
        }

        return result.ToString();
    }

    private static void AppendWord(StringBuilder result, string word)
    {
        bool shouting = word.Length > 2;
        foreach (char c in word)
        {
            if (char.IsLower(c))
            {
                shouting = false;
                break;
            }
        }

        result.Append(char.ToUpperInvariant(word[0]));
        string rest = word.Substring(1);
        result.Append(shouting ? rest.ToLowerInvariant() : rest);
    }

    /// <summary>True for a name usable as a C# identifier as written (keywords only with a leading '@').</summary>
    public static bool IsValidIdentifier(string name)
    {
        string bare = name.StartsWith("@", System.StringComparison.Ordinal) ? name.Substring(1) : name;
        if (bare.Length == 0 || (!name.StartsWith("@", System.StringComparison.Ordinal) && Keywords.Contains(bare)))
        {
            return false;
        }

        for (int i = 0; i < bare.Length; i++)
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(bare[i]);
            bool letter = category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
                or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.LetterNumber || bare[i] == '_';
            bool part = letter || category is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Format;
            if (i == 0 ? !letter : !part)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A namespace from a project's RootNamespace, which is its file name as written: characters that cannot be in an
    /// identifier become '_', a part that starts with a digit gets a '_' before it, a keyword an '@', and empty parts are
    /// dropped ("hello-world" → "hello_world", "2d.tools" → "_2d.tools", "event" → "@event", "a..b" → "a.b"), as IDE
    /// project templates do.
    /// </summary>
    public static string ToNamespace(string rootNamespace)
    {
        var parts = new List<string>();
        foreach (string part in rootNamespace.Split('.'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var result = new StringBuilder(part.Length + 1);
            if (char.IsDigit(part[0]))
            {
                result.Append('_');
            }

            foreach (char c in part)
            {
                result.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
            }

            string name = result.ToString();
            parts.Add(Keywords.Contains(name) ? "@" + name : name);
        }

        return string.Join(".", parts);
    }

    /// <summary>A dotted namespace such as "HelloWorld.Params"; empty means the global namespace.</summary>
    public static bool IsValidNamespace(string name)
    {
        if (name.Length == 0)
        {
            return true;
        }

        foreach (string part in name.Split('.'))
        {
            if (!IsValidIdentifier(part))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Hands out names that are unique in one scope (a namespace's types, or a type's members), in request order.</summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _used;

    public NameScope(IEnumerable<string> reserved)
    {
        _used = new HashSet<string>(reserved, System.StringComparer.Ordinal);
    }

    public bool IsUsed(string name) => _used.Contains(name);

    /// <summary>The name itself when free, else the name followed by 2, 3, ... (deterministic for a given order of requests).</summary>
    public string Claim(string name)
    {
        string candidate = name;
        for (int n = 2; _used.Contains(candidate); n++)
        {
            candidate = name + n.ToString(CultureInfo.InvariantCulture);
        }

        _used.Add(candidate);
        return candidate;
    }

    public void Reserve(string name) => _used.Add(name);
}
