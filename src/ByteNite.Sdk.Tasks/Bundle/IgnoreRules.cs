using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace ByteNite.Sdk.Tasks.Bundle;

/// <summary>
/// One line of gitignore syntax (https://git-scm.com/docs/gitignore), matched against '/'-separated paths relative to
/// the app folder: '*', '?', '[...]', leading/trailing/middle '**', '!' negation, a trailing '/' for directories only,
/// and anchoring by a leading or middle '/'. Matching is case-sensitive, as git's is by default.
/// </summary>
public sealed class IgnorePattern
{
    private readonly Regex _regex;

    /// <summary>Whether the pattern has no separator and so matches the last component of a path at any depth.</summary>
    private readonly bool _matchesName;

    private IgnorePattern(string text, string source, bool negated, bool directoryOnly, Regex regex, bool matchesName)
    {
        Text = text;
        Source = source;
        Negated = negated;
        DirectoryOnly = directoryOnly;
        _regex = regex;
        _matchesName = matchesName;
    }

    /// <summary>The line as written (without trailing spaces).</summary>
    public string Text { get; }

    /// <summary>Where the pattern comes from, for messages: e.g. ".byteniteignore line 3" or "the default exclusion".</summary>
    public string Source { get; }

    public bool Negated { get; }

    public bool DirectoryOnly { get; }

    public bool IsMatch(string relativePath, bool isDirectory) =>
        (!DirectoryOnly || isDirectory) && _regex.IsMatch(relativePath, _matchesName ? relativePath.LastIndexOf('/') + 1 : 0);

    /// <summary>Parses one line; null for blank lines and comments.</summary>
    public static IgnorePattern? Parse(string line, string source)
    {
        string text = TrimTrailingSpaces(line);
        if (text.Length == 0 || text[0] == '#')
        {
            return null;
        }

        string pattern = text;
        bool negated = false;
        if (pattern[0] == '!')
        {
            negated = true;
            pattern = pattern.Substring(1);
        }
        else if (pattern.StartsWith("\\!", StringComparison.Ordinal) || pattern.StartsWith("\\#", StringComparison.Ordinal))
        {
            pattern = pattern.Substring(1);
        }

        bool directoryOnly = false;
        if (pattern.EndsWith("/", StringComparison.Ordinal))
        {
            directoryOnly = true;
            pattern = pattern.TrimEnd('/');
        }

        if (pattern.Length == 0)
        {
            return null;
        }

        // A separator at the start or in the middle anchors the pattern to the folder; otherwise it matches at any depth.
        bool anchored = pattern.IndexOf('/') >= 0;
        if (pattern[0] == '/')
        {
            pattern = pattern.Substring(1);
        }

        // \G: matching starts at the path's start or, for a pattern that matches at any depth, at its last component. That
        // is the same as "^(?:.*/)?" before the body, since no part of an unanchored body matches '/', without backtracking
        // over every folder of the path, which made matching the slowest part of choosing the files.
        var regex = new StringBuilder("\\G");
        AppendBody(regex, pattern);
        regex.Append('$');
        return new IgnorePattern(text, source, negated, directoryOnly, new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline), matchesName: !anchored);
    }

    private static void AppendBody(StringBuilder regex, string pattern)
    {
        string[] segments = pattern.Split('/');
        for (int s = 0; s < segments.Length; s++)
        {
            string segment = segments[s];
            bool last = s == segments.Length - 1;
            if (segment == "**")
            {
                if (last)
                {
                    // "x/**": everything inside x (and, since matching stops at excluded folders, x's whole content).
                    regex.Append(".*");
                }
                else
                {
                    // "**/" at the start or "/**/" in the middle: zero or more folders.
                    regex.Append("(?:.*/)?");
                }

                continue;
            }

            AppendSegment(regex, segment);
            if (!last)
            {
                regex.Append('/');
            }
        }
    }

    private static void AppendSegment(StringBuilder regex, string segment)
    {
        for (int i = 0; i < segment.Length; i++)
        {
            char c = segment[i];
            switch (c)
            {
                case '\\' when i + 1 < segment.Length:
                    regex.Append(Regex.Escape(segment[++i].ToString()));
                    break;
                case '*':
                    // Other runs of asterisks are ordinary asterisks.
                    while (i + 1 < segment.Length && segment[i + 1] == '*')
                    {
                        i++;
                    }

                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[':
                    int end = FindClassEnd(segment, i);
                    if (end < 0)
                    {
                        regex.Append("\\[");
                        break;
                    }

                    regex.Append(TranslateClass(segment.Substring(i + 1, end - i - 1)));
                    i = end;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
    }

    private static int FindClassEnd(string segment, int start)
    {
        int i = start + 1;
        if (i < segment.Length && (segment[i] == '!' || segment[i] == '^'))
        {
            i++;
        }

        // A ']' right after the opening (or its negation) is a member, not the end.
        if (i < segment.Length && segment[i] == ']')
        {
            i++;
        }

        for (; i < segment.Length; i++)
        {
            if (segment[i] == '\\')
            {
                i++;
            }
            else if (segment[i] == ']')
            {
                return i;
            }
        }

        return -1;
    }

    private static string TranslateClass(string body)
    {
        var result = new StringBuilder("(?!/)[");
        int i = 0;
        if (body.Length > 0 && (body[0] == '!' || body[0] == '^'))
        {
            result.Append('^');
            i = 1;
        }

        for (; i < body.Length; i++)
        {
            char c = body[i];
            if (c == '\\' && i + 1 < body.Length)
            {
                c = body[++i];
                result.Append('\\').Append(c);
            }
            else if (c == '-' && i > 0 && i < body.Length - 1)
            {
                result.Append('-');
            }
            else if (c == '[' || c == ']' || c == '^' || c == '-' || c == '\\')
            {
                result.Append('\\').Append(c);
            }
            else
            {
                result.Append(c);
            }
        }

        return result.Append(']').ToString();
    }

    private static string TrimTrailingSpaces(string line)
    {
        line = line.TrimEnd('\r', '\n');
        int end = line.Length;
        while (end > 0 && line[end - 1] == ' ')
        {
            // "\ " keeps a trailing space.
            if (end >= 2 && line[end - 2] == '\\')
            {
                break;
            }

            end--;
        }

        return line.Substring(0, end);
    }

    public override string ToString() => Text;
}

/// <summary>An ordered list of patterns: the last one that matches decides, as in a .gitignore file.</summary>
public sealed class IgnoreRules
{
    private readonly List<IgnorePattern> _patterns = new();

    public IReadOnlyList<IgnorePattern> Patterns => _patterns;

    public void Add(IgnorePattern pattern) => _patterns.Add(pattern);

    public void AddLines(IEnumerable<string> lines, Func<int, string> source)
    {
        int number = 0;
        foreach (string line in lines)
        {
            number++;
            if (IgnorePattern.Parse(line, source(number)) is { } pattern)
            {
                _patterns.Add(pattern);
            }
        }
    }

    /// <summary>The pattern that decides whether this path is excluded, or null when none matches (the path is kept).</summary>
    public IgnorePattern? Decide(string relativePath, bool isDirectory)
    {
        for (int i = _patterns.Count - 1; i >= 0; i--)
        {
            if (_patterns[i].IsMatch(relativePath, isDirectory))
            {
                return _patterns[i];
            }
        }

        return null;
    }

    public bool IsExcluded(string relativePath, bool isDirectory) => Decide(relativePath, isDirectory) is { Negated: false };

    /// <summary>
    /// The pattern that excludes this path or one of its parent folders (git does not look inside an excluded folder, so
    /// a file in it cannot be re-included), or null when the path is kept.
    /// </summary>
    public IgnorePattern? FindExclusion(string relativePath, bool isDirectory)
    {
        int slash = -1;
        while ((slash = relativePath.IndexOf('/', slash + 1)) >= 0)
        {
            if (Decide(relativePath.Substring(0, slash), isDirectory: true) is { Negated: false } parent)
            {
                return parent;
            }
        }

        return Decide(relativePath, isDirectory) is { Negated: false } own ? own : null;
    }
}
