extern alias analyzer;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading.Tasks;
using analyzer::ByteNite.Sdk.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ByteNite.Sdk.Analyzers.Tests;

/// <summary>An app file as the compiler passes it: a path, the kind the SDK marks it with, and its text.</summary>
internal sealed record AppFile(string Path, string? Kind, SourceText? Text)
{
    public static AppFile Of(string path, string? kind, string text) => new(path, kind, SourceText.From(text));
}

/// <summary>The outcome of running the analyzer in a compilation: its diagnostics and any exception it threw.</summary>
internal sealed record AnalyzerRun(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions);

/// <summary>
/// Runs <see cref="AppFileAnalyzer"/> the way the compiler does, with a compilation, AdditionalFiles and the options the
/// SDK's generated editorconfig gives (build_property.*, build_metadata.AdditionalFiles.ByteNiteFileKind).
/// </summary>
internal static class AnalyzerHost
{
    private static readonly CSharpCompilation Compilation = CSharpCompilation.Create(
        "App",
        new[] { CSharpSyntaxTree.ParseText("namespace App { public sealed class Params { } }") },
        new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    public static async Task<AnalyzerRun> RunAsync(IEnumerable<AppFile> files, bool live = true, bool tokenSupplied = false)
    {
        var global = new Dictionary<string, string>
        {
            [AppFileAnalyzer.LiveDiagnosticsKey] = live ? "true" : "false",
            [AppFileAnalyzer.RegistryTokenSuppliedKey] = tokenSupplied ? "true" : "false",
        };
        List<AppFile> list = files.ToList();
        var perFile = list.Where(f => f.Kind is not null).ToDictionary(f => f.Path, f => f.Kind!, StringComparer.Ordinal);
        var options = new AnalyzerOptions(
            list.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray(),
            new OptionsProvider(global, perFile));

        var exceptions = new List<Exception>();
        CompilationWithAnalyzers withAnalyzers = Compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new AppFileAnalyzer()),
            new CompilationWithAnalyzersOptions(options, (e, _, _) => { lock (exceptions) { exceptions.Add(e); } }, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        return new AnalyzerRun(diagnostics, exceptions);
    }

    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText? _text;

        public InMemoryAdditionalText(string path, SourceText? text)
        {
            Path = path;
            _text = text;
        }

        public override string Path { get; }

        public override SourceText? GetText(System.Threading.CancellationToken cancellationToken = default) => _text;
    }

    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());
        private readonly Dictionary<string, string> _kinds;

        public OptionsProvider(Dictionary<string, string> global, Dictionary<string, string> kinds)
        {
            GlobalOptions = new DictionaryOptions(global);
            _kinds = kinds;
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            _kinds.TryGetValue(textFile.Path, out string? kind)
                ? new DictionaryOptions(new Dictionary<string, string> { [AppFileAnalyzer.FileKindKey] = kind })
                : Empty;
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public DictionaryOptions(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
