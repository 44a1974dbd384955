using System;
using System.IO;
using System.Linq;
using System.Threading;
using ByteNite.Sdk.Model.Json;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ByteNite.Sdk.CodeGeneration.Tests;

/// <summary>The API the MSBuild task uses: names, options, the file writer, and safety when called synchronously.</summary>
public class GeneratorApiTests
{
    [Theory]
    [InlineData("hello-world", "HelloWorldParams")]
    [InlineData("HelloWorld", "HelloWorldParams")]
    [InlineData("img_gen-diffusers", "ImgGenDiffusersParams")]
    [InlineData("llama4-app-cpu", "Llama4AppCpuParams")]
    [InlineData("3d-render", "_3dRenderParams")]
    [InlineData("---", "AppParams")]
    public void The_default_root_type_name_reads_as_CSharp(string appName, string expected)
    {
        Assert.Equal(expected, ParamsCodeGenerator.DefaultRootTypeName(appName));
    }

    [Theory]
    [InlineData("HelloWorld", "HelloWorld")]
    [InlineData("hello-world", "hello_world")]
    [InlineData("Contoso.Jobs", "Contoso.Jobs")]
    [InlineData("2d.tools-x.9", "_2d.tools_x._9")]
    [InlineData("café app", "café_app")]
    [InlineData("event", "@event")]
    [InlineData("Contoso.class.Jobs", "Contoso.@class.Jobs")]
    [InlineData("a..b.", "a.b")]
    [InlineData("", "")]
    public void The_default_namespace_is_the_root_namespace_made_valid(string rootNamespace, string expected)
    {
        string ns = ParamsCodeGenerator.DefaultNamespace(rootNamespace);

        Assert.Equal(expected, ns);
        Assert.True(ParamsCodeGenerator.Generate(new SourceFile("schema.json", "{}"), new ParamsCodeGeneratorOptions { Namespace = ns, RootTypeName = "P" }).Code is not null);
    }

    [Fact]
    public void Type_and_property_names_can_be_chosen_by_pointer()
    {
        var options = new ParamsCodeGeneratorOptions { Namespace = "Contoso.Jobs", RootTypeName = "TextJob" };
        options.TypeNames["#/properties/case"] = "TextCase";
        options.PropertyNames["#/properties/case"] = "Conversion";
        string code = ParamsCodeGenerator.Generate(TestFiles.Schema("hello-world"), options).Code!;
        Assert.Contains("namespace Contoso.Jobs;", code);
        Assert.Contains("public sealed partial class TextJob", code);
        Assert.Contains("public required TextCase Conversion { get; set; }", code);
        Assert.Contains("public enum TextCase", code);
        RoslynCompiler.Compile(code, "Overrides");
    }

    [Fact]
    public void A_chosen_name_that_cannot_be_used_is_reported_and_replaced()
    {
        var options = Generator.OptionsFor("hello-world");
        options.TypeNames["#/properties/case"] = "HelloWorldParams";
        options.PropertyNames["#/properties/case"] = "not valid";
        ParamsCodeGeneratorResult result = ParamsCodeGenerator.Generate(TestFiles.Schema("hello-world"), options);
        Assert.Equal(new[] { "BN2026", "BN2026" }, result.Diagnostics.Select(d => d.Id));
        Assert.Contains("public required HelloWorldCase Case { get; set; }", result.Code);
    }

    [Fact]
    public void A_root_that_only_refers_to_a_definition_is_that_definition()
    {
        string schema = """
            {
              "allOf": [{ "$ref": "#/definitions/params" }],
              "definitions": {
                "params": { "type": "object", "properties": { "case": { "enum": ["upper", "lower"] } }, "required": ["case"] }
              }
            }
            """;
        ParamsCodeGeneratorResult result = Generator.Run(schema, Generator.OptionsFor("wrapped"));
        Assert.Empty(result.Diagnostics);
        Assert.Contains("public required WrappedCase Case { get; set; }", result.Code);
        RoslynCompiler.Compile(result.Code!, "WrappedRoot");
    }

    [Fact]
    public void Chains_of_references_and_references_anywhere_in_the_document_resolve()
    {
        string schema = """
            {
              "properties": {
                "a": { "$ref": "#/definitions/alias" },
                "b": { "$ref": "#/definitions/wrapped" },
                "c": { "$ref": "#/properties/d/items" },
                "d": { "type": "array", "items": { "type": "integer", "minimum": 1 } },
                "e": { "$ref": "#/$defs/flag" },
                "f": { "$ref": "#/x-shared/size" }
              },
              "definitions": {
                "alias": { "$ref": "#/definitions/mode" },
                "mode": { "enum": ["x", "y"] },
                "wrapped": { "allOf": [{ "$ref": "#/definitions/mode" }], "description": "Wrapped." }
              },
              "$defs": { "flag": { "type": "boolean" } },
              "x-shared": { "size": { "type": "string", "maxLength": 2 } }
            }
            """;
        ParamsCodeGeneratorResult result = Generator.Run(schema, Generator.OptionsFor("chains"));
        Assert.Empty(result.Diagnostics);
        string code = result.Code!;
        Assert.Contains("public ChainsMode? A { get; set; }", code);
        Assert.Contains("public ChainsMode? B { get; set; }", code);
        Assert.Contains("public long? C { get; set; }", code);
        Assert.Contains("public bool? E { get; set; }", code);
        Assert.Contains("public string? F { get; set; }", code);
        Assert.Single(code.Split('\n'), l => l.StartsWith("public enum ", StringComparison.Ordinal));
        var assembly = RoslynCompiler.Compile(code, "Chains");
        object instance = System.Text.Json.JsonSerializer.Deserialize("""{"a":"x","b":"y","c":0,"f":"abc"}""", assembly.GetType("Chains.ChainsParams")!)!;
        Assert.Equal(new[] { "/c: must be at least 1", "/f: must be at most 2 characters" }, GeneratedAssembly.Validate(instance));
    }

    [Fact]
    public void Recursive_objects_through_arrays_and_maps_are_one_type()
    {
        string schema = """
            {
              "$ref": "#/definitions/node",
              "definitions": {
                "node": {
                  "type": "object",
                  "properties": {
                    "name": { "type": "string" },
                    "children": { "type": "array", "items": { "$ref": "#/definitions/node" } },
                    "byName": { "type": "object", "additionalProperties": { "$ref": "#/definitions/node" } }
                  }
                }
              }
            }
            """;
        ParamsCodeGeneratorResult result = Generator.Run(schema, Generator.OptionsFor("tree"));
        Assert.Empty(result.Diagnostics);
        Assert.Contains("public global::System.Collections.Generic.List<TreeParams>? Children { get; set; }", result.Code);
        Assert.Contains("public global::System.Collections.Generic.Dictionary<string, TreeParams>? ByName { get; set; }", result.Code);
        RoslynCompiler.Compile(result.Code!, "Tree");
    }

    [Fact]
    public void The_global_namespace_is_allowed()
    {
        var options = new ParamsCodeGeneratorOptions { Namespace = string.Empty, RootTypeName = "GlobalParams" };
        string code = ParamsCodeGenerator.Generate(TestFiles.Schema("hello-world"), options).Code!;
        Assert.DoesNotContain("namespace", code);
        RoslynCompiler.Compile(code, "Global");
    }

    [Fact]
    public void The_file_has_exactly_one_auto_generated_header_and_enables_nullable()
    {
        foreach (string name in TestFiles.SchemaNames())
        {
            string code = Generator.Clean(name);
            Assert.StartsWith("// <auto-generated/>\n", code);
            Assert.Single(code.Split('\n'), l => l.Contains("<auto-generated"));
            Assert.Contains("\n#nullable enable\n", code);
            Assert.DoesNotContain("\r", code);
            Assert.DoesNotContain("Newtonsoft", code);
        }
    }

    [Fact]
    public void The_code_compiles_with_the_newest_language_version_too()
    {
        foreach (string name in TestFiles.SchemaNames())
        {
            RoslynCompiler.Compile(Generator.Clean(name), name + "Latest", LanguageVersion.Preview);
        }
    }

    [Fact]
    public void A_caller_that_leaves_out_a_required_member_does_not_compile()
    {
        string code = Generator.Clean("hello-world");
        var e = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => RoslynCompiler.Compile(code, "MissingRequired", LanguageVersion.CSharp11,
            "namespace Caller; internal static class C { public static object Make() => new HelloWorld.HelloWorldParams(); }"));
        Assert.Contains("CS9035", e.Message);
        RoslynCompiler.Compile(code, "WithRequired", LanguageVersion.CSharp11,
            "namespace Caller; internal static class C { public static object Make() => new HelloWorld.HelloWorldParams { Case = HelloWorld.HelloWorldCase.Upper }; }");
    }

    [Fact]
    public void A_type_of_the_same_name_elsewhere_in_the_namespace_does_not_clash_with_the_helpers()
    {
        RoslynCompiler.Compile(Generator.Clean("docs-prompt"), "HelperClash", LanguageVersion.CSharp11,
            "namespace DocsPrompt; internal static class ParamsSupport { public static int CodePoints(string s) => -1; }");
    }

    [Fact]
    public void Generating_never_blocks_on_a_synchronization_context()
    {
        SynchronizationContext? previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(new NeverRunsContext());
        try
        {
            ParamsCodeGeneratorResult result = ParamsCodeGenerator.Generate(TestFiles.Schema("definitions"), Generator.OptionsFor("definitions"));
            Assert.NotNull(result.Code);
            Assert.Same(typeof(NeverRunsContext), SynchronizationContext.Current?.GetType());
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    [Fact]
    public void An_external_reference_is_never_fetched()
    {
        // A URL that would hang or fail if anything tried it; the generator reports it before NJsonSchema sees it.
        ParamsCodeGeneratorResult result = Generator.Run("""{ "properties": { "a": { "$ref": "http://192.0.2.1/schema.json#/x" }, "b": { "$ref": "file:///etc/passwd" } } }""");
        Assert.Equal(new[] { "BN2021", "BN2021" }, result.Diagnostics.Select(d => d.Id));
        Assert.NotNull(result.Code);
    }

    [Fact]
    public void WriteIfChanged_leaves_an_unchanged_file_alone()
    {
        string directory = Path.Combine(Path.GetTempPath(), "bn-codegen-" + Guid.NewGuid().ToString("N"));
        string path = Path.Combine(directory, "obj", "Params.g.cs");
        try
        {
            Assert.True(GeneratedFile.WriteIfChanged(path, "// a\n"));
            var written = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            File.SetLastWriteTimeUtc(path, written);
            Assert.False(GeneratedFile.WriteIfChanged(path, "// a\n"));
            Assert.Equal(written, File.GetLastWriteTimeUtc(path));
            Assert.True(GeneratedFile.WriteIfChanged(path, "// b\n"));
            Assert.Equal("// b\n", File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void The_repository_samples_generate_the_same_code_as_their_snapshot()
    {
        // The hello-world sample is the seed's example; its snapshot is the test copy of the same schema.
        string sample = Path.Combine(TestFiles.ProjectDirectory, "..", "..", "samples", "hello-world", "schema.json");
        var file = new ByteNite.Sdk.Model.Json.SourceFile("schema.json", File.ReadAllText(sample));
        Assert.Equal(Generator.Clean("hello-world"), ParamsCodeGenerator.Generate(file, Generator.OptionsFor("hello-world")).Code);
    }

    /// <summary>A context like a UI thread's that is blocked: anything posted to it never runs.</summary>
    private sealed class NeverRunsContext : SynchronizationContext
    {
        public override void Post(SendOrPostCallback d, object? state)
        {
        }

        public override void Send(SendOrPostCallback d, object? state) => throw new InvalidOperationException("blocked");
    }
}
