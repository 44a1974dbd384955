extern alias analyzer;

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;
using analyzer::ByteNite.Sdk.Analyzers;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ByteNite.Sdk.Benchmarks;

/// <summary>
/// What the analyzer costs per edit of a typical manifest in an IDE: every edit gives a new SourceText, so nothing is cached;
/// the same text again (another analysis pass without an edit) hits the per-text cache.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private const string ManifestPath = "/app/manifest.json";

    private readonly CSharpCompilation _compilation = CSharpCompilation.Create(
        "App",
        new[] { CSharpSyntaxTree.ParseText("namespace App { public sealed class Params { } }") },
        new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new AppFileAnalyzer());
    private int _edit;
    private SourceText _unchanged = SourceText.From(string.Empty);

    [GlobalSetup]
    public void Setup() => _unchanged = SourceText.From(ValidationBenchmarks.TypicalManifest);

    /// <summary>The whole analyzer pass of one edited manifest, as the IDE's analyzer driver runs it.</summary>
    [Benchmark(Baseline = true)]
    public Task<ImmutableArray<Diagnostic>> AnalyzeEditedManifest() => Analyze(Edited());

    /// <summary>The same, when the text did not change since the last pass (parse and rules come from the cache).</summary>
    [Benchmark]
    public Task<ImmutableArray<Diagnostic>> AnalyzeUnchangedManifest() => Analyze(_unchanged);

    /// <summary>A new text each time: an edit that changes the description, as typing does.</summary>
    private SourceText Edited() =>
        SourceText.From(ValidationBenchmarks.TypicalManifest.Replace("diffusers\"", "diffusers " + (_edit++ % 1000) + "\""));

    private Task<ImmutableArray<Diagnostic>> Analyze(SourceText manifest)
    {
        var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new Text(ManifestPath, manifest)), Options.Instance);
        return _compilation.WithAnalyzers(_analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }

    private sealed class Text : AdditionalText
    {
        private readonly SourceText _text;

        public Text(string path, SourceText text)
        {
            Path = path;
            _text = text;
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>What the SDK's generated editorconfig gives in a design-time build: live diagnostics on, manifest.json marked as the manifest.</summary>
    private sealed class Options : AnalyzerConfigOptionsProvider
    {
        public static readonly Options Instance = new();

        private static readonly Values Global = new(new Dictionary<string, string>
        {
            [AppFileAnalyzer.LiveDiagnosticsKey] = "true",
            [AppFileAnalyzer.RegistryTokenSuppliedKey] = "true", // as in ValidationBenchmarks: the private image's token comes from the build
        });
        private static readonly Values Manifest = new(new Dictionary<string, string> { [AppFileAnalyzer.FileKindKey] = "manifest" });
        private static readonly Values None = new(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions => Global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => textFile.Path == ManifestPath ? Manifest : None;
    }

    private sealed class Values : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public Values(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
