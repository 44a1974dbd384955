using System.Collections.Generic;
using System.Linq;
using ByteNite.Sdk.CodeGeneration.Emitting;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Json;
using Xunit;

namespace ByteNite.Sdk.CodeGeneration.Tests;

/// <summary>Runs the generator the way the MSBuild task will: namespace from the project, root type from its name.</summary>
internal static class Generator
{
    public static ParamsCodeGeneratorOptions OptionsFor(string name) => new()
    {
        Namespace = CSharpNames.ToPascalCase(name, "App"),
        RootTypeName = ParamsCodeGenerator.DefaultRootTypeName(name),
    };

    public static ParamsCodeGeneratorResult Run(string json, ParamsCodeGeneratorOptions? options = null) =>
        ParamsCodeGenerator.Generate(new SourceFile("schema.json", json), options ?? OptionsFor("test"));

    /// <summary>Generates a test schema that must produce code without any diagnostic.</summary>
    public static string Clean(string name)
    {
        ParamsCodeGeneratorResult result = ParamsCodeGenerator.Generate(TestFiles.Schema(name), OptionsFor(name));
        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        Assert.NotNull(result.Code);
        return result.Code!;
    }

    public static IEnumerable<string> Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => d.Id + " " + d.Location.Start.Line + "," + d.Location.Start.Column);
}
