using System;
using System.Collections.Generic;
using System.Text;

namespace ByteNite.Sdk.Model.Rules;

/// <summary>
/// The seed dialect's contract for app/runner.py: a top-level <c>def run</c> that main.py can call as
/// <c>runner.run(basepath, params, metadata)</c>, three positional arguments, without awaiting it. Checked on the text
/// (no Python at build time) with a scanner that knows Python's strings, comments, brackets and line continuations, so
/// that a <c>def run</c> inside a docstring does not count and a signature with annotations, defaults or comments does.
/// </summary>
public static class RunnerContract
{
    private const int ArgumentsPassed = 3;

    /// <summary>Null when runner.py keeps the contract; otherwise why not, as a sentence for BN1016.</summary>
    public static string? Problem(string pythonSource)
    {
        var scanner = new Scanner(pythonSource);
        Definition? last = null;
        while (scanner.NextTopLevelLine() is int start)
        {
            // Python's last definition of a name is the one main.py gets.
            if (ReadDefinition(pythonSource, start, scanner) is { } definition)
            {
                last = definition;
            }
        }

        if (last is null)
        {
            return "app/runner.py does not define 'run' at the top level (a 'def run' at the start of a line, outside strings).";
        }

        if (last.IsAsync)
        {
            return "app/runner.py defines 'run' with 'async def', but main.py calls runner.run(basepath, params, metadata) without awaiting it, so the app would do nothing; make it a plain 'def'.";
        }

        return CallProblem(last.Parameters) is { } problem
            ? "app/runner.py defines 'run', but main.py's call runner.run(basepath, params, metadata) would fail: " + problem + "."
            : null;
    }

    private sealed class Definition
    {
        public Definition(bool isAsync, List<string> parameters)
        {
            IsAsync = isAsync;
            Parameters = parameters;
        }

        public bool IsAsync { get; }

        /// <summary>Each parameter's text without comments and white space at its ends.</summary>
        public List<string> Parameters { get; }
    }

    private static Definition? ReadDefinition(string source, int start, Scanner scanner)
    {
        int i = start;
        bool isAsync = Keyword(source, ref i, "async");
        if (!Keyword(source, ref i, "def") || !Keyword(source, ref i, "run"))
        {
            return null;
        }

        return i < source.Length && source[i] == '(' ? new Definition(isAsync, scanner.ReadParameters(i)) : null;
    }

    /// <summary>Reads a keyword not followed by more of an identifier ('run(' or 'def '), advancing past it and the spaces after it.</summary>
    private static bool Keyword(string source, ref int i, string word)
    {
        if (string.CompareOrdinal(source, i, word, 0, word.Length) != 0)
        {
            return false;
        }

        int end = i + word.Length;
        if (end < source.Length && (char.IsLetterOrDigit(source[end]) || source[end] == '_'))
        {
            return false;
        }

        i = end;
        while (i < source.Length && source[i] is ' ' or '\t')
        {
            i++;
        }

        return true;
    }

    /// <summary>Why a call with three positional arguments fails for these parameters, or null when it works.</summary>
    private static string? CallProblem(List<string> parameters)
    {
        int positional = 0;
        var requiredPositional = new List<string>();
        bool variadic = false;
        bool keywordOnly = false;
        foreach (string parameter in parameters)
        {
            string name = Name(parameter);
            if (parameter == "/")
            {
                continue;
            }

            if (parameter == "*")
            {
                keywordOnly = true;
            }
            else if (parameter.StartsWith("**", StringComparison.Ordinal))
            {
                continue;
            }
            else if (parameter.StartsWith("*", StringComparison.Ordinal))
            {
                variadic = !keywordOnly;
                keywordOnly = true;
            }
            else if (keywordOnly)
            {
                if (!HasDefault(parameter))
                {
                    return "'" + name + "' is keyword-only and has no default";
                }
            }
            else
            {
                positional++;
                if (!HasDefault(parameter))
                {
                    requiredPositional.Add(name);
                }
            }
        }

        if (requiredPositional.Count > ArgumentsPassed)
        {
            return "it needs " + requiredPositional.Count + " arguments (" + string.Join(", ", requiredPositional) + "), and '" + requiredPositional[ArgumentsPassed] + "' has no default";
        }

        if (positional < ArgumentsPassed && !variadic)
        {
            return "it takes " + (positional == 0 ? "no" : "only " + positional) + " positional argument" + (positional == 1 ? string.Empty : "s") + " ("
                + string.Join(", ", parameters) + "), and main.py passes three";
        }

        return null;
    }

    private static string Name(string parameter)
    {
        int end = 0;
        string trimmed = parameter.TrimStart('*');
        while (end < trimmed.Length && (char.IsLetterOrDigit(trimmed[end]) || trimmed[end] == '_'))
        {
            end++;
        }

        return trimmed.Substring(0, end);
    }

    /// <summary>A '=' at the parameter's own level (annotations' brackets and strings are already folded into it).</summary>
    private static bool HasDefault(string parameter)
    {
        int depth = 0;
        for (int i = 0; i < parameter.Length; i++)
        {
            char c = parameter[i];
            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth--;
            }
            else if (c is '"' or '\'')
            {
                i = Scanner.EndOfString(parameter, i) - 1;
            }
            else if (c == '=' && depth == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Walks Python source outside strings and comments, tracking brackets and line continuations.</summary>
    private sealed class Scanner
    {
        private readonly string _source;
        private int _position;
        private int _depth;
        private bool _atLineStart = true;

        public Scanner(string source) => _source = source;

        /// <summary>The start of the next line that begins a top-level statement (column 0, not inside brackets, a string or a continuation).</summary>
        public int? NextTopLevelLine()
        {
            while (_position < _source.Length)
            {
                char c = _source[_position];
                if (_atLineStart && _depth == 0 && c is not (' ' or '\t' or '\r' or '\n' or '#'))
                {
                    // The statement itself is scanned on the next call, from the same character (it may open a string).
                    _atLineStart = false;
                    return _position;
                }

                _atLineStart = false;
                switch (c)
                {
                    case '#':
                        while (_position < _source.Length && _source[_position] != '\n')
                        {
                            _position++;
                        }

                        continue;
                    case '"' or '\'':
                        _position = EndOfString(_source, _position);
                        continue;
                    case '\\' when _position + 1 < _source.Length && _source[_position + 1] is '\n' or '\r':
                        // A continued line: what follows is not a new statement.
                        _position += _source[_position + 1] == '\r' && _position + 2 < _source.Length && _source[_position + 2] == '\n' ? 3 : 2;
                        continue;
                    case '(' or '[' or '{':
                        _depth++;
                        break;
                    case ')' or ']' or '}':
                        _depth = Math.Max(0, _depth - 1);
                        break;
                    case '\n':
                        _atLineStart = true;
                        break;
                }

                _position++;
            }

            return null;
        }

        /// <summary>The parameters between the '(' at <paramref name="open"/> and its ')', split at their own commas.</summary>
        public List<string> ReadParameters(int open)
        {
            var parameters = new List<string>();
            var current = new StringBuilder();
            int depth = 0;
            int i = open + 1;
            while (i < _source.Length)
            {
                char c = _source[i];
                if (c is '"' or '\'')
                {
                    int end = EndOfString(_source, i);
                    current.Append(_source, i, end - i);
                    i = end;
                    continue;
                }

                if (c == '#')
                {
                    while (i < _source.Length && _source[i] != '\n')
                    {
                        i++;
                    }

                    continue;
                }

                if (c == '\\' && i + 1 < _source.Length && _source[i + 1] is '\n' or '\r')
                {
                    i++;
                    continue;
                }

                if (c is '(' or '[' or '{')
                {
                    depth++;
                }
                else if (c is ')' or ']' or '}')
                {
                    if (depth == 0)
                    {
                        break;
                    }

                    depth--;
                }
                else if (c == ',' && depth == 0)
                {
                    Add(parameters, current);
                    i++;
                    continue;
                }

                current.Append(char.IsWhiteSpace(c) ? ' ' : c);
                i++;
            }

            Add(parameters, current);
            // On after the ')' (the statement's own brackets are closed).
            _position = Math.Max(_position, i + 1);
            return parameters;
        }

        private static void Add(List<string> parameters, StringBuilder current)
        {
            string parameter = current.ToString().Trim();
            if (parameter.Length > 0)
            {
                parameters.Add(parameter);
            }

            current.Clear();
        }

        /// <summary>The index just after the string literal that starts with the quote at <paramref name="quote"/> (its prefix, if any, is before it).</summary>
        public static int EndOfString(string source, int quote)
        {
            char q = source[quote];
            bool triple = quote + 2 < source.Length && source[quote + 1] == q && source[quote + 2] == q;
            int i = quote + (triple ? 3 : 1);
            while (i < source.Length)
            {
                char c = source[i];
                if (c == '\\')
                {
                    i += 2;
                    continue;
                }

                if (c == q && (!triple || (i + 2 < source.Length && source[i + 1] == q && source[i + 2] == q)))
                {
                    return i + (triple ? 3 : 1);
                }

                if (c == '\n' && !triple)
                {
                    // An unterminated one-line string ends at the line's end (Python would refuse the file).
                    return i;
                }

                i++;
            }

            return source.Length;
        }
    }
}
