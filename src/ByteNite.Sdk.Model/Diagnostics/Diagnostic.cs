using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using ByteNite.Sdk.Model.Json;

namespace ByteNite.Sdk.Model.Diagnostics;

/// <summary>A problem found in one file, located by a span of its text.</summary>
public sealed class Diagnostic
{
    // What ToCanonicalString writes: "path(line,col): error BNxxxx: message" or "path: warning BNxxxx: message".
    private static readonly Regex CanonicalPattern = new(
        @"^(?<path>.+?)(?:\((?<line>\d+),(?<column>\d+)\))?: (?:error|warning|info) (?<id>BN\d{4}): (?<message>.*)$",
        RegexOptions.CultureInvariant);

    private Diagnostic(DiagnosticDescriptor descriptor, string filePath, LinePositionSpan location, TextSpan span, string message)
    {
        Descriptor = descriptor;
        FilePath = filePath;
        Location = location;
        Span = span;
        Message = message;
    }

    public DiagnosticDescriptor Descriptor { get; }

    public string Id => Descriptor.Id;

    public string FilePath { get; }

    /// <summary>Character offsets in the decoded text (what Roslyn's <c>Location.Create</c> takes).</summary>
    public TextSpan Span { get; }

    /// <summary>One-based line and column of the start and end (what MSBuild's canonical format takes).</summary>
    public LinePositionSpan Location { get; }

    public string Message { get; }

    public static Diagnostic Create(DiagnosticDescriptor descriptor, SourceFile file, TextSpan span, params object[] messageArgs) =>
        new(descriptor, file.Path, file.GetLinePositionSpan(span), span, Format(descriptor, messageArgs));

    /// <summary>For problems that have no position inside a file (a missing file, an unreadable one).</summary>
    public static Diagnostic CreateForFile(DiagnosticDescriptor descriptor, string filePath, params object[] messageArgs) =>
        new(descriptor, filePath, default, default, Format(descriptor, messageArgs));

    /// <summary>BN0002 for a file that exists but cannot be read; the exception's own sentence explains why.</summary>
    public static Diagnostic CreateForUnreadableFile(string filePath, System.Exception exception) =>
        CreateForFile(DiagnosticCatalog.FileUnreadable, filePath, filePath, Sentence(exception));

    /// <summary>BN0099: the catch-all for a bug in the SDK, naming the exception so the report can be acted on.</summary>
    public static Diagnostic CreateForInternalError(string filePath, System.Exception exception) =>
        CreateForFile(DiagnosticCatalog.InternalError, filePath, exception.GetType().Name + ": " + Sentence(exception));

    /// <summary>An exception message without its final period, to sit inside a message that has its own.</summary>
    private static string Sentence(System.Exception exception) => exception.Message.TrimEnd().TrimEnd('.');

    private static string Format(DiagnosticDescriptor descriptor, object[] messageArgs) =>
        messageArgs.Length == 0
            ? descriptor.MessageFormat
            : string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, messageArgs.Select(a => a is string text ? EscapeControlCharacters(text) : a).ToArray());

    /// <summary>
    /// A value quoted in a message ("0.4\n") as one line: a diagnostic is one line of the build's output, and a raw line
    /// break would cut it in two (the console logger repeats the code on each part; the terminal logger breaks it).
    /// </summary>
    private static string EscapeControlCharacters(string text)
    {
        if (!text.Any(c => c < ' ' || c == '\u007F'))
        {
            return text;
        }

        var escaped = new System.Text.StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c < ' ' || c == '\u007F' => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>The MSBuild canonical form, e.g. <c>manifest.json(7,16): error BN1004: ...</c>.</summary>
    public string ToCanonicalString(DiagnosticSeverity severity)
    {
        string origin = Location.Start.Line == 0
            ? FilePath
            : string.Format(CultureInfo.InvariantCulture, "{0}({1},{2})", FilePath, Location.Start.Line, Location.Start.Column);
        string kind = severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        return origin + ": " + kind + " " + Id + ": " + Message;
    }

    /// <summary>
    /// Reads back a line written by <see cref="ToCanonicalString"/> in another process (the local runner's output), so
    /// that its host can report it with the configured severity and help link. False for any other line.
    /// </summary>
    public static bool TryParseCanonical(string line, out Diagnostic? diagnostic)
    {
        diagnostic = null;
        Match match = CanonicalPattern.Match(line);
        DiagnosticDescriptor? descriptor = match.Success ? DiagnosticCatalog.All.FirstOrDefault(d => d.Id == match.Groups["id"].Value) : null;
        if (descriptor is null)
        {
            return false;
        }

        LinePositionSpan location = default;
        if (match.Groups["line"].Success)
        {
            var start = new LinePosition(
                int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups["column"].Value, CultureInfo.InvariantCulture));
            location = new LinePositionSpan(start, start);
        }

        diagnostic = new Diagnostic(descriptor, match.Groups["path"].Value, location, default, match.Groups["message"].Value);
        return true;
    }

    public override string ToString() => ToCanonicalString(Descriptor.DefaultSeverity);
}
