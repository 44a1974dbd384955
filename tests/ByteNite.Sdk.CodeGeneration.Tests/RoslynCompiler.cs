using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ByteNite.Sdk.CodeGeneration.Tests;

/// <summary>
/// Compiles generated files as strictly as an app project may: warnings as errors at the highest warning level,
/// nullable enabled, XML docs checked; against the running runtime's assemblies (System.Text.Json included).
/// </summary>
internal static class RoslynCompiler
{
    private static readonly MetadataReference[] References = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .ToArray();

    /// <summary>C# 11 is the first with <c>required</c> and <c>file</c>; the generated code asks for nothing newer.</summary>
    public static Assembly Compile(string code, string assemblyName, LanguageVersion language = LanguageVersion.CSharp11, params string[] extraSources)
    {
        var parseOptions = new CSharpParseOptions(language, DocumentationMode.Diagnose);
        var trees = new[] { CSharpSyntaxTree.ParseText(code, parseOptions, path: "Params.g.cs") }
            .Concat(extraSources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, path: "Extra" + i + ".cs")));
        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            generalDiagnosticOption: ReportDiagnostic.Error,
            warningLevel: 9999,
            deterministic: true);
        CSharpCompilation compilation = CSharpCompilation.Create(assemblyName, trees, References, options);
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError).Select(d => d.ToString()).ToArray();
        Assert.True(result.Success && problems.Length == 0, "The generated code does not compile:\n" + string.Join("\n", problems));
        stream.Position = 0;
        return new AssemblyLoadContext(assemblyName, isCollectible: true).LoadFromStream(stream);
    }
}
