using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ByteNite.Sdk.Model.Diagnostics;

namespace ByteNite.Sdk.Model.Json;

/// <summary>The codes a parser reports with; each file kind has its own band (manifest/template BN1xxx, schema/params BN2xxx).</summary>
public sealed class JsonDiagnosticCodes
{
    public JsonDiagnosticCodes(DiagnosticDescriptor syntax, DiagnosticDescriptor duplicateKey, DiagnosticDescriptor encoding)
    {
        Syntax = syntax;
        DuplicateKey = duplicateKey;
        Encoding = encoding;
    }

    public DiagnosticDescriptor Syntax { get; }

    public DiagnosticDescriptor DuplicateKey { get; }

    public DiagnosticDescriptor Encoding { get; }
}

/// <summary>
/// A strict RFC 8259 parser that keeps the span of every key and value. It stops at the first syntax error and
/// reports it at the offending character, because everything after it would be guesswork.
/// </summary>
public sealed class JsonParser
{
    /// <summary>Deep enough for any real configuration file, shallow enough that recursion cannot exhaust the stack.</summary>
    public const int MaxDepth = 128;

    private readonly SourceFile _file;
    private readonly string _text;
    private readonly JsonDiagnosticCodes _codes;
    private readonly List<Diagnostic> _diagnostics;
    private int _pos;

    private JsonParser(SourceFile file, JsonDiagnosticCodes codes, List<Diagnostic> diagnostics)
    {
        _file = file;
        _text = file.Text;
        _codes = codes;
        _diagnostics = diagnostics;
    }

    /// <summary>Parses the whole text; returns null (with a diagnostic added) when it is not one well-formed JSON value.</summary>
    public static JsonNode? Parse(SourceFile file, JsonDiagnosticCodes codes, List<Diagnostic> diagnostics)
    {
        var parser = new JsonParser(file, codes, diagnostics);
        try
        {
            return parser.ParseDocument();
        }
        catch (SyntaxError e)
        {
            diagnostics.Add(Diagnostic.Create(codes.Syntax, file, e.Span, e.Message));
            return null;
        }
    }

    /// <summary>Reads a file from disk and parses it, reporting a file that is not UTF-8 where its bytes stop being UTF-8.</summary>
    public static JsonNode? ParseFile(string path, JsonDiagnosticCodes codes, List<Diagnostic> diagnostics, out SourceFile file)
    {
        file = SourceFile.Read(path, out string? encodingProblem);
        if (encodingProblem is not null)
        {
            // The decoded text ends where the bytes stop being UTF-8.
            diagnostics.Add(Diagnostic.Create(codes.Encoding, file, file.EndSpan, encodingProblem));
            return null;
        }

        return Parse(file, codes, diagnostics);
    }

    private JsonNode ParseDocument()
    {
        SkipWhitespace();
        if (_pos >= _text.Length)
        {
            throw Error(_pos, 0, "the file is empty; expected a JSON value such as an object '{ ... }'");
        }

        JsonNode root = ParseValue(0);
        SkipWhitespace();
        if (_pos < _text.Length)
        {
            throw Error(_pos, 1, "unexpected " + Describe(_pos) + " after the end of the JSON value; a file holds exactly one value");
        }

        return root;
    }

    private JsonNode ParseValue(int depth)
    {
        if (_pos >= _text.Length)
        {
            throw Error(_pos, 0, "unexpected end of file; expected a value");
        }

        char c = _text[_pos];
        switch (c)
        {
            case '{':
                return ParseObject(depth + 1);
            case '[':
                return ParseArray(depth + 1);
            case '"':
                int start = _pos;
                string value = ParseString();
                return new JsonString(new TextSpan(start, _pos - start), value);
            case 't':
                return ParseLiteral("true", s => new JsonBoolean(s, true));
            case 'f':
                return ParseLiteral("false", s => new JsonBoolean(s, false));
            case 'n':
                return ParseLiteral("null", s => new JsonNull(s));
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ParseNumber();
                }

                if (c == '\'')
                {
                    throw Error(_pos, 1, "strings must be in double quotes, not single quotes");
                }

                throw Error(_pos, 1, "unexpected " + Describe(_pos) + "; expected a value (object, array, string, number, true, false or null)");
        }
    }

    private JsonObject ParseObject(int depth)
    {
        CheckDepth(depth);
        int start = _pos;
        _pos++; // '{'
        var properties = new List<JsonProperty>();
        Dictionary<string, JsonProperty>? seen = null;
        SkipWhitespace();
        if (Peek() == '}')
        {
            _pos++;
            return new JsonObject(new TextSpan(start, _pos - start), properties);
        }

        while (true)
        {
            SkipWhitespace();
            if (_pos >= _text.Length)
            {
                throw Error(_pos, 0, "unexpected end of file; expected a property name or '}' to close the object that starts at " + PositionOf(start));
            }

            if (_text[_pos] != '"')
            {
                throw Error(_pos, 1, "expected a property name in double quotes, found " + Describe(_pos));
            }

            int nameStart = _pos;
            string name = ParseString();
            var nameSpan = new TextSpan(nameStart, _pos - nameStart);
            SkipWhitespace();
            if (Peek() != ':')
            {
                throw Error(_pos, _pos < _text.Length ? 1 : 0, "expected ':' after the property name \"" + name + "\", found " + Describe(_pos));
            }

            _pos++;
            SkipWhitespace();
            JsonNode value = ParseValue(depth);
            var property = new JsonProperty(name, nameSpan, value);
            seen ??= new Dictionary<string, JsonProperty>();
            if (seen.TryGetValue(name, out JsonProperty? first))
            {
                _diagnostics.Add(Diagnostic.Create(_codes.DuplicateKey, _file, nameSpan, name, _file.GetLinePosition(first.NameSpan.Start).Line));
            }
            else
            {
                seen.Add(name, property);
                properties.Add(property);
            }

            SkipWhitespace();
            char next = Peek();
            if (next == ',')
            {
                int comma = _pos;
                _pos++;
                SkipWhitespace();
                if (Peek() == '}')
                {
                    throw Error(comma, 1, "trailing comma before '}'; remove the comma after the last property");
                }

                continue;
            }

            if (next == '}')
            {
                _pos++;
                return new JsonObject(new TextSpan(start, _pos - start), properties);
            }

            if (_pos >= _text.Length)
            {
                throw Error(_pos, 0, "unexpected end of file; expected ',' or '}' to close the object that starts at " + PositionOf(start));
            }

            throw Error(_pos, 1, "expected ',' or '}' after the value of \"" + name + "\", found " + Describe(_pos));
        }
    }

    private JsonArray ParseArray(int depth)
    {
        CheckDepth(depth);
        int start = _pos;
        _pos++; // '['
        var items = new List<JsonNode>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _pos++;
            return new JsonArray(new TextSpan(start, _pos - start), items);
        }

        while (true)
        {
            SkipWhitespace();
            items.Add(ParseValue(depth));
            SkipWhitespace();
            char next = Peek();
            if (next == ',')
            {
                int comma = _pos;
                _pos++;
                SkipWhitespace();
                if (Peek() == ']')
                {
                    throw Error(comma, 1, "trailing comma before ']'; remove the comma after the last item");
                }

                continue;
            }

            if (next == ']')
            {
                _pos++;
                return new JsonArray(new TextSpan(start, _pos - start), items);
            }

            if (_pos >= _text.Length)
            {
                throw Error(_pos, 0, "unexpected end of file; expected ',' or ']' to close the array that starts at " + PositionOf(start));
            }

            throw Error(_pos, 1, "expected ',' or ']' after an array item, found " + Describe(_pos));
        }
    }

    private string ParseString()
    {
        int start = _pos;
        _pos++; // opening quote
        StringBuilder? builder = null;
        int runStart = _pos;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error(start, 1, "unterminated string; add the closing '\"'");
            }

            char c = _text[_pos];
            if (c == '"')
            {
                string value = builder is null
                    ? _text.Substring(runStart, _pos - runStart)
                    : builder.Append(_text, runStart, _pos - runStart).ToString();
                _pos++;
                return value;
            }

            if (c == '\\')
            {
                builder ??= new StringBuilder();
                builder.Append(_text, runStart, _pos - runStart);
                builder.Append(ParseEscape());
                runStart = _pos;
                continue;
            }

            if (c < 0x20)
            {
                string hint = c == '\n' || c == '\r' ? "a line break inside a string; write it as \\n, or close the string with '\"'" : "a control character inside a string; escape it as \\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
                throw Error(_pos, 1, hint);
            }

            _pos++;
        }
    }

    private string ParseEscape()
    {
        int start = _pos;
        _pos++; // backslash
        if (_pos >= _text.Length)
        {
            throw Error(start, 1, "unterminated escape sequence at the end of the file");
        }

        char c = _text[_pos++];
        switch (c)
        {
            case '"': return "\"";
            case '\\': return "\\";
            case '/': return "/";
            case 'b': return "\b";
            case 'f': return "\f";
            case 'n': return "\n";
            case 'r': return "\r";
            case 't': return "\t";
            case 'u':
                if (_pos + 4 <= _text.Length && int.TryParse(_text.Substring(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                {
                    _pos += 4;
                    return ((char)code).ToString();
                }

                throw Error(start, System.Math.Min(6, _text.Length - start), "invalid \\u escape; expected four hexadecimal digits");
            default:
                throw Error(start, 2, "invalid escape sequence '\\" + c + "'; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
        }
    }

    private JsonNode ParseNumber()
    {
        int start = _pos;
        if (Peek() == '-')
        {
            _pos++;
        }

        if (Peek() == '0')
        {
            _pos++;
            if (IsDigit(Peek()))
            {
                throw Error(start, 1, "numbers cannot have leading zeros");
            }
        }
        else if (IsDigit(Peek()))
        {
            SkipDigits();
        }
        else
        {
            throw Error(start, 1, "a '-' must be followed by digits");
        }

        if (Peek() == '.')
        {
            _pos++;
            if (!IsDigit(Peek()))
            {
                throw Error(_pos - 1, 1, "a decimal point must be followed by digits");
            }

            SkipDigits();
        }

        if (Peek() == 'e' || Peek() == 'E')
        {
            _pos++;
            if (Peek() == '+' || Peek() == '-')
            {
                _pos++;
            }

            if (!IsDigit(Peek()))
            {
                throw Error(start, _pos - start, "an exponent must have digits");
            }

            SkipDigits();
        }

        return new JsonNumber(new TextSpan(start, _pos - start), _text.Substring(start, _pos - start));
    }

    private JsonNode ParseLiteral(string literal, System.Func<TextSpan, JsonNode> create)
    {
        if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) == 0)
        {
            var span = new TextSpan(_pos, literal.Length);
            _pos += literal.Length;
            return create(span);
        }

        throw Error(_pos, 1, "unexpected " + Describe(_pos) + "; did you mean '" + literal + "'? (JSON literals are lower-case)");
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            {
                _pos++;
            }
            else if (c == '/' && _pos + 1 < _text.Length && (_text[_pos + 1] == '/' || _text[_pos + 1] == '*'))
            {
                throw Error(_pos, 2, "comments are not allowed in JSON; remove the comment (or move it into a \"description\")");
            }
            else
            {
                return;
            }
        }
    }

    private void SkipDigits()
    {
        while (IsDigit(Peek()))
        {
            _pos++;
        }
    }

    private void CheckDepth(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error(_pos, 1, "nesting deeper than " + MaxDepth + " levels; no ByteNite file needs this, check for a generated or corrupted file");
        }
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private string Describe(int pos)
    {
        if (pos >= _text.Length)
        {
            return "the end of the file";
        }

        char c = _text[pos];
        // A character outside the BMP is a surrogate pair: its code point is the pair's, not its first half's.
        int codePoint = char.IsHighSurrogate(c) && pos + 1 < _text.Length && char.IsLowSurrogate(_text[pos + 1]) ? char.ConvertToUtf32(c, _text[pos + 1]) : c;
        return codePoint < 0x20 || codePoint > 0x7E
            ? "character U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture)
            : "'" + c + "'";
    }

    private string PositionOf(int offset)
    {
        LinePosition p = _file.GetLinePosition(offset);
        return "(" + p.Line + "," + p.Column + ")";
    }

    private SyntaxError Error(int start, int length, string message) => new(new TextSpan(start, length), message);

    private sealed class SyntaxError : System.Exception
    {
        public SyntaxError(TextSpan span, string message)
            : base(message)
        {
            Span = span;
        }

        public TextSpan Span { get; }
    }
}
