using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ByteNite.Sdk.Model.Json;
using ByteNite.Sdk.Model.Rules;
using Microsoft.CodeAnalysis;
using Xunit;
using Catalog = ByteNite.Sdk.Model.Diagnostics.DiagnosticCatalog;
using ModelDiagnostic = ByteNite.Sdk.Model.Diagnostics.Diagnostic;

namespace ByteNite.Sdk.Analyzers.Tests;

/// <summary>
/// On every real file of bytenite-examples, the analyzer reports what the model's rules report when the build task reads the
/// file from disk: same codes, same positions (Roslyn's are zero-based), same messages.
/// </summary>
public sealed class ExampleParityTests
{
    public static IEnumerable<object[]> Examples() =>
        ExampleTexts.Paths.Select(p => new object[] { Path.GetRelativePath(TestPaths.Examples, p).Replace('\\', '/') });

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Analyzer_reports_what_the_rules_report_from_disk(string relativePath)
    {
        string path = Path.Combine(TestPaths.Examples, relativePath);
        string kind = ExampleTexts.KindOf(path);

        AnalyzerRun run = await AnalyzerHost.RunAsync(new[] { new AppFile(path, kind, ExampleTexts.Decode(File.ReadAllBytes(path))) });

        Assert.Empty(run.Exceptions);
        Assert.Equal(FromDisk(path, kind), run.Diagnostics.Select(Describe).OrderBy(x => x, System.StringComparer.Ordinal));
    }

    private static IEnumerable<string> FromDisk(string path, string kind)
    {
        var diagnostics = new List<ModelDiagnostic>();
        JsonNode? root = JsonParser.ParseFile(path, kind == "schema" ? Catalog.SchemaJsonCodes : Catalog.ManifestJsonCodes, diagnostics, out SourceFile file);
        if (root is not null)
        {
            switch (kind)
            {
                case "manifest":
                    ManifestRules.Check(file, root, new ManifestRules.Options(), diagnostics);
                    break;
                case "template":
                    TemplateRules.Check(file, root, null, diagnostics);
                    break;
                default:
                    SchemaRules.Check(file, root, diagnostics);
                    break;
            }
        }

        return diagnostics
            .Select(d => $"{d.Id} {d.FilePath}({d.Location.Start.Line},{d.Location.Start.Column}-{d.Location.End.Line},{d.Location.End.Column}): {d.Message}")
            .OrderBy(x => x, System.StringComparer.Ordinal);
    }

    private static string Describe(Diagnostic diagnostic)
    {
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        return $"{diagnostic.Id} {span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}-{span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1}): {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
