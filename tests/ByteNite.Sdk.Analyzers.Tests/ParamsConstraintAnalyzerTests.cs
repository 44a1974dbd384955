extern alias analyzer;

using System.Threading.Tasks;
using analyzer::ByteNite.Sdk.Analyzers;
using ByteNite.Sdk.Analyzers.CodeFixes;
using ByteNite.Sdk.CodeGeneration;
using ByteNite.Sdk.Model.Json;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace ByteNite.Sdk.Analyzers.Tests;

/// <summary>
/// ParamsConstraintAnalyzer (BN2030, BN2031) and its code fix on constants assigned to properties that carry the
/// generator's SchemaConstraintAttribute: a small hand-written params class, and the generator's real output.
/// </summary>
public sealed class ParamsConstraintAnalyzerTests
{
    /// <summary>What the generator writes, reduced to the attribute and a few properties.</summary>
    private const string Params = """
        namespace App
        {
            public sealed class AppParams
            {
                [global::App.SchemaConstraintAttribute(MaxLength = 5, MinLength = 2)]
                public string? Name { get; set; }

                [global::App.SchemaConstraintAttribute(Minimum = "1", Maximum = "150")]
                public int Steps { get; set; }

                [global::App.SchemaConstraintAttribute(Minimum = "0.5", ExclusiveMaximum = "1e3")]
                public int? Half { get; set; }

                [global::App.SchemaConstraintAttribute(Minimum = "0.0", Maximum = "1.0")]
                public double? Strength { get; set; }

                [global::App.SchemaConstraintAttribute(ExclusiveMinimum = "0", ExclusiveMaximum = "20")]
                public double Guidance { get; set; }

                [global::App.SchemaConstraintAttribute(Minimum = "0", Maximum = "10000000000")]
                public long? Big { get; set; }
            }

            [global::System.AttributeUsage(global::System.AttributeTargets.Property, Inherited = false)]
            internal sealed class SchemaConstraintAttribute : global::System.Attribute
            {
                public long MinLength { get; set; }
                public long MaxLength { get; set; }
                public string? Minimum { get; set; }
                public string? Maximum { get; set; }
                public string? ExclusiveMinimum { get; set; }
                public string? ExclusiveMaximum { get; set; }
            }
        }
        """;

    private static Task VerifyAsync(string code, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<ParamsConstraintAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.Sources.Add(("/App/Params.cs", Params));
        test.TestState.Sources.Add(("/App/Use.cs", code));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static Task VerifyFixAsync(string code, string fixedCode, params DiagnosticResult[] expected)
    {
        var test = new CSharpCodeFixTest<ParamsConstraintAnalyzer, NearestBoundCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.Sources.Add(("/App/Use.cs", code));
        test.TestState.Sources.Add(("/App/Params.cs", Params));
        test.FixedState.Sources.Add(("/App/Use.cs", fixedCode));
        test.FixedState.Sources.Add(("/App/Params.cs", Params));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Length(int line, int column, int length, params object[] arguments) =>
        new DiagnosticResult("BN2030", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithSpan("/App/Use.cs", line, column, line, column + length).WithArguments(arguments);

    private static DiagnosticResult Range(int line, int column, int length, params object[] arguments) =>
        new DiagnosticResult("BN2031", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithSpan("/App/Use.cs", line, column, line, column + length).WithArguments(arguments);

    [Fact]
    public Task A_string_literal_longer_than_maxLength_is_BN2030_at_the_literal()
    {
        const string code = """
            class Use { App.AppParams M() => new App.AppParams { Name = "abcdef" }; }
            """;
        return VerifyAsync(code, Length(1, 61, 8, "AppParams.Name", "6 characters", "maxLength", "at most 5 characters"));
    }

    [Fact]
    public Task A_string_shorter_than_minLength_is_BN2030_also_in_a_plain_assignment()
    {
        const string code = """
            class Use { void M(App.AppParams p) { p.Name = "a"; } }
            """;
        return VerifyAsync(code, Length(1, 48, 3, "AppParams.Name", "1 character", "minLength", "at least 2 characters"));
    }

    [Fact]
    public Task Lengths_count_code_points_so_five_emoji_fit_in_maxLength_5()
    {
        // Ten UTF-16 units, five code points: the schema's count, not string.Length.
        const string code = """
            class Use { void M(App.AppParams p) { p.Name = "😀😀😀😀😀"; p.Name = "ok"; p.Name = null; p.Name = Name(); } static string Name() => "far too long"; }
            """;
        return VerifyAsync(code);
    }

    [Fact]
    public Task Numbers_outside_each_kind_of_bound_are_BN2031()
    {
        const string code = """
            class Use
            {
                App.AppParams M() => new App.AppParams { Steps = 151, Half = 0, Guidance = 20, Big = -1, Strength = 1.5 };
            }
            """;
        return VerifyAsync(code,
            Range(3, 54, 3, "AppParams.Steps", "151", "maximum", "at most 150"),
            Range(3, 66, 1, "AppParams.Half", "0", "minimum", "at least 0.5"),
            Range(3, 80, 2, "AppParams.Guidance", "20", "exclusiveMaximum", "less than 20"),
            Range(3, 90, 2, "AppParams.Big", "-1", "minimum", "at least 0"),
            Range(3, 105, 3, "AppParams.Strength", "1.5", "maximum", "at most 1.0"));
    }

    [Fact]
    public Task Numbers_within_the_bounds_and_non_constant_values_are_not_reported()
    {
        const string code = """
            class Use
            {
                App.AppParams M(int n) => new App.AppParams { Steps = 150, Half = 1, Guidance = 19.99, Big = 10000000000, Strength = 0.0 };
                void N(App.AppParams p, int n) { p.Steps = n; p.Half = null; }
            }
            """;
        return VerifyAsync(code);
    }

    [Fact]
    public Task A_property_without_the_attribute_is_not_checked()
    {
        const string code = """
            class Other { public int Steps { get; set; } }
            class Use { Other M() => new Other { Steps = 1000 }; }
            """;
        return VerifyAsync(code);
    }

    [Fact]
    public Task The_fix_replaces_a_number_with_the_nearest_inclusive_bound_of_the_property_type()
    {
        const string code = """
            class Use
            {
                App.AppParams M() => new App.AppParams { Steps = 151, Half = 0, Strength = 1.5, Big = -1 };
            }
            """;
        const string fixedCode = """
            class Use
            {
                App.AppParams M() => new App.AppParams { Steps = 150, Half = 1, Strength = 1.0, Big = 0 };
            }
            """;
        return VerifyFixAsync(code, fixedCode,
            Range(3, 54, 3, "AppParams.Steps", "151", "maximum", "at most 150"),
            Range(3, 66, 1, "AppParams.Half", "0", "minimum", "at least 0.5"),
            Range(3, 80, 3, "AppParams.Strength", "1.5", "maximum", "at most 1.0"),
            Range(3, 91, 2, "AppParams.Big", "-1", "minimum", "at least 0"));
    }

    [Fact]
    public Task Exclusive_bounds_and_string_lengths_have_no_fix()
    {
        const string code = """
            class Use { App.AppParams M() => new App.AppParams { Guidance = 0, Name = "abcdef" }; }
            """;
        var test = new CSharpCodeFixTest<ParamsConstraintAnalyzer, NearestBoundCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = code,
            FixedCode = code,
        };
        test.TestState.Sources.Add(("/App/Params.cs", Params));
        test.FixedState.Sources.Add(("/App/Params.cs", Params));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("BN2031", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithSpan(1, 65, 1, 66).WithArguments("AppParams.Guidance", "0", "exclusiveMinimum", "greater than 0"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("BN2030", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithSpan(1, 75, 1, 83).WithArguments("AppParams.Name", "6 characters", "maxLength", "at most 5 characters"));
        return test.RunAsync();
    }

    [Fact]
    public Task The_generated_code_for_the_docs_prompt_schema_gets_BN2030_for_a_51_character_prompt()
    {
        const string schema = """
            {
              "$id": "db://image-generation-simple-inputs",
              "definitions": { "input": { "type": "string", "description": "A prompt for image generation", "maxLength": 50 } },
              "properties": { "prompt": { "$ref": "#/definitions/input" } },
              "required": ["prompt"],
              "title": "Stable Diffusion App Schema"
            }
            """;
        ParamsCodeGeneratorResult result = ParamsCodeGenerator.Generate(
            new SourceFile("schema.json", schema), new ParamsCodeGeneratorOptions { Namespace = "Image", RootTypeName = "ImageParams" });
        Assert.Empty(result.Diagnostics);

        string prompt = new('x', 51);
        string code = "class Use { Image.ImageParams M() => new Image.ImageParams { Prompt = \"" + prompt + "\" }; }";
        var test = new CSharpAnalyzerTest<ParamsConstraintAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.Sources.Add(("/App/obj/ImageParams.g.cs", result.Code!));
        test.TestState.Sources.Add(("/App/Use.cs", code));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("BN2030", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithSpan("/App/Use.cs", 1, 71, 1, 71 + 53).WithArguments("ImageParams.Prompt", "51 characters", "maxLength", "at most 50 characters"));
        return test.RunAsync();
    }
}
