using System.Collections.Generic;
using System.IO;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Json;
using ByteNite.Sdk.Model.Rules;

namespace ByteNite.Sdk.LocalRunner;

/// <summary>
/// What the runner prints: progress lines for a person, and diagnostics in MSBuild's canonical format
/// (<c>file(line,col): error BN4xxx: message</c>) on their own lines, so that an Exec or ToolTask turns them into build
/// errors and warnings. Everything goes to one writer (stdout), so the order is kept.
/// </summary>
public sealed class Reporter
{
    private readonly TextWriter _writer;
    private readonly List<Diagnostic> _diagnostics = new();
    private readonly object _gate = new();

    public Reporter(TextWriter writer)
    {
        _writer = writer;
    }

    public IReadOnlyList<Diagnostic> Diagnostics
    {
        get
        {
            lock (_gate)
            {
                return _diagnostics.ToArray();
            }
        }
    }

    public bool HasErrors
    {
        get
        {
            lock (_gate)
            {
                return _diagnostics.Exists(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);
            }
        }
    }

    /// <summary>A progress line.</summary>
    public void Info(string text) => Write(text);

    /// <summary>A line of the app's own output.</summary>
    public void AppOutput(string line) => Write("  | " + line);

    public void Report(Diagnostic diagnostic)
    {
        lock (_gate)
        {
            _diagnostics.Add(diagnostic);
            _writer.WriteLine(diagnostic.ToCanonicalString(diagnostic.Descriptor.DefaultSeverity));
            _writer.Flush();
        }
    }

    public void Report(DiagnosticDescriptor descriptor, string filePath, params object[] args) =>
        Report(Diagnostic.CreateForFile(descriptor, filePath, args));

    public void Report(DiagnosticDescriptor descriptor, SourceFile file, JsonNode node, params object[] args) =>
        Report(Diagnostic.Create(descriptor, file, node.Span, args));

    /// <summary>At <paramref name="node"/> of manifest.json when the manifest has it; else at <paramref name="origin"/>.</summary>
    public void ReportAt(DiagnosticDescriptor descriptor, Manifest manifest, JsonNode? node, string origin, params object[] args)
    {
        if (node is not null && manifest.File is not null)
        {
            Report(descriptor, manifest.File, node, args);
        }
        else
        {
            Report(descriptor, manifest.File?.Path ?? origin, args);
        }
    }

    private void Write(string text)
    {
        lock (_gate)
        {
            _writer.WriteLine(text);
            _writer.Flush();
        }
    }
}
