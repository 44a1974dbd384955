extern alias analyzer;

using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using analyzer::ByteNite.Sdk.Analyzers;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace ByteNite.Sdk.Analyzers.Tests;

/// <summary>
/// The analyzer under Microsoft.CodeAnalysis.Testing: AdditionalFiles and the global analyzer config the SDK generates
/// (build_property.ByteNiteLiveDiagnostics, build_metadata.AdditionalFiles.ByteNiteFileKind), every diagnostic expected.
/// </summary>
internal static class Verify
{
    public static Task AnalyzerAsync(IEnumerable<(string Path, string Kind, string Text)> files, params DiagnosticResult[] expected) =>
        AnalyzerAsync(files, live: true, expected);

    public static async Task AnalyzerAsync(IEnumerable<(string Path, string Kind, string Text)> files, bool live, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<AppFileAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = "namespace App { public sealed class Params { } }",
        };

        var config = new StringBuilder();
        config.Append("is_global = true\n");
        config.Append(AppFileAnalyzer.LiveDiagnosticsKey).Append(" = ").Append(live ? "true" : "false").Append('\n');
        foreach ((string path, string kind, string text) in files)
        {
            test.TestState.AdditionalFiles.Add((path, text));
            config.Append('\n').Append('[').Append(path).Append("]\n").Append(AppFileAnalyzer.FileKindKey).Append(" = ").Append(kind).Append('\n');
        }

        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config.ToString()));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }
}
