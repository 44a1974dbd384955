using System.Collections.Generic;
using System.Linq;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Json;
using Xunit;

namespace ByteNite.Sdk.CodeGeneration.Tests;

/// <summary>
/// Constructs the generator cannot represent: each gets its BN code at the keyword's line and column, and the code
/// still compiles (the value is a JsonElement there).
/// </summary>
public class DiagnosticTests
{
    /// <summary>Each case: the codes expected, and the schema with a § right before the token each diagnostic points at.</summary>
    public static IEnumerable<object[]> Cases() => new[]
    {
        // BN2020: composition that is no one C# type, at the keyword.
        Case("BN2020", """{ "properties": { "value": { §"oneOf": [{ "type": "string" }, { "type": "integer" }] } } }"""),
        Case("BN2020", """{ "properties": { "value": { §"anyOf": [{ "properties": { "a": {} } }, { "properties": { "b": {} } }] } } }"""),
        Case("BN2020", """{ "properties": { "value": { §"allOf": [{ "type": "string" }, { "maxLength": 3 }] } } }"""),
        Case("BN2020", """
            {
              §"oneOf": [{ "required": ["a"] }, { "required": ["b"] }],
              "properties": { "a": { "type": "string" } }
            }
            """),

        // BN2021: $ref that cannot be followed, at the reference.
        Case("BN2021", """{ "properties": { "value": { "$ref": §"other.json#/definitions/x" } } }"""),
        Case("BN2021", """{ "properties": { "value": { "$ref": §"https://example.com/schema.json" } } }"""),
        Case("BN2021", """{ "properties": { "value": { "$ref": §"#/definitions/missing" } } }"""),
        Case("BN2021", """{ "properties": { "value": { "$ref": §"#anchor" } } }"""),
        Case("BN2021", """{ "properties": { "value": { "$ref": §"#/title" } }, "title": "not a schema" }"""),
        Case("BN2021", """{ "properties": { "value": { "$ref": "#/definitions/list" } }, "definitions": { "list": { "type": "array", "items": { "$ref": §"#/definitions/list" } } } }"""),
        Case("BN2021", """{ "properties": { "value": { "$ref": "#/definitions/map" } }, "definitions": { "map": { "type": "object", "additionalProperties": { "$ref": §"#/definitions/map" } } } }"""),
        Case("BN2021", """
            {
              "properties": { "value": { "$ref": "#/definitions/a" } },
              "definitions": {
                "a": { "$ref": §"#/definitions/b" },
                "b": { "$ref": "#/definitions/a" }
              }
            }
            """),

        // BN2022: types with no one C# type, at the 'type' value.
        Case("BN2022", """{ "properties": { "value": { "type": §["string", "integer"] } } }"""),
        Case("BN2022", """{ "properties": { "value": { "type": §"null" } } }"""),

        // BN2023: enums that are no C# enum, at the 'enum' array.
        Case("BN2023", """{ "properties": { "value": { "enum": §["a", 1] } } }"""),
        Case("BN2023", """{ "properties": { "value": { "enum": §[null] } } }"""),
        Case("BN2023", """{ "properties": { "value": { "type": "integer", "enum": §["a", "b"] } } }"""),
        Case("BN2023", """{ "properties": { "value": { "enum": §[{ "a": 1 }, [1]] } } }"""),

        // BN2024: defaults that are no initial value of the property's type, at the default.
        Case("BN2024", """{ "properties": { "value": { "type": "integer", "default": §"5" } } }"""),
        Case("BN2024", """{ "properties": { "value": { "type": "integer", "default": §1.5 } } }"""),
        Case("BN2024", """{ "properties": { "value": { "type": "integer", "default": §false } } }"""),
        Case("BN2024", """{ "properties": { "value": { "enum": ["a", "b"], "default": §"c" } } }"""),
        Case("BN2024", """{ "properties": { "value": { "type": "object", "properties": { "a": { "type": "string" } }, "required": ["a"], "default": §{} } } }"""),
        Case("BN2024", """{ "properties": { "value": { "type": "object", "properties": {}, "default": §{ "b": 1 } } } }"""),

        // BN2025: keywords the generated code does not enforce, at the keyword (or the value that cannot be used).
        Case("BN2025", """{ "properties": { "value": { §"not": { "type": "string" } } } }"""),
        Case("BN2025 BN2025 BN2025", """{ "properties": { "value": { §"if": { "type": "string" }, §"then": {}, §"else": {} } } }"""),
        Case("BN2025", """{ §"patternProperties": { "^x-": { "type": "string" } }, "properties": { "a": { "type": "string" } } }"""),
        Case("BN2025", """{ §"additionalProperties": { "type": "string" }, "properties": { "a": { "type": "string" } } }"""),
        Case("BN2025", """{ "properties": { "value": { "type": "array", §"items": [{ "type": "string" }, { "type": "integer" }] } } }"""),
        Case("BN2025", """{ "properties": { "value": { "type": "array", §"uniqueItems": true, "items": { "type": "object", "properties": {} } } } }"""),
        Case("BN2025", """{ "properties": { "value": { "type": "array", §"contains": { "type": "string" } } } }"""),
        Case("BN2025", """{ "properties": { "value": { "$ref": "#/definitions/a", §"maxLength": 3 } }, "definitions": { "a": { "type": "string" } } }"""),
        Case("BN2025", """{ "properties": { "value": { "type": "string", "pattern": §"[z-a]" } } }"""),
        Case("BN2025", """{ "properties": { "value": { "type": "number", "maximum": §1e400 } } }"""),
        Case("BN2025", """{ "properties": { "value": §false } }"""),
        Case("BN2025", """{ "properties": { "value": { §"maxLength": 3 } } }"""),
        Case("BN2025", """{ "properties": { "value": { "type": "object", §"minProperties": 1, "properties": { "a": {} } } } }"""),
        Case("BN2025", """{ "properties": { "value": { "type": "string", §"const": { "a": 1 } } } }"""),

        // BN2026: names that cannot be used.
        Case("BN2026", """{ "properties": { "value": { "type": "string", "enum": ["a", "b"], "x-enumNames": §["A"] } } }"""),
        Case("BN2026", """{ "properties": { "value": { "type": "string", "enum": ["a", "b"], "x-enumNames": §["A", "class"] } } }"""),
    };

    private static object[] Case(string codes, string schemaWithMarkers) => new object[] { codes, schemaWithMarkers };

    /// <summary>"BN2020 1,31": the code and the one-based line and column of each § (removed from the schema).</summary>
    private static (string Schema, string Expected) Unmark(string codes, string schemaWithMarkers)
    {
        string[] ids = codes.Split(' ');
        var expected = new List<string>();
        string schema = schemaWithMarkers;
        for (int i = 0; i < ids.Length; i++)
        {
            int offset = schema.IndexOf('§');
            Assert.True(offset >= 0, "fewer markers than codes");
            schema = schema.Remove(offset, 1);
            string before = schema.Substring(0, offset);
            int line = before.Count(c => c == '\n') + 1;
            int column = offset - (before.LastIndexOf('\n') + 1) + 1;
            expected.Add(ids[i] + " " + line + "," + column);
        }

        Assert.DoesNotContain("§", schema);
        return (schema, string.Join(" ", expected));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_unsupported_construct_is_reported_at_its_keyword(string codes, string schemaWithMarkers)
    {
        (string schema, string expected) = Unmark(codes, schemaWithMarkers);
        ParamsCodeGeneratorResult result = Generator.Run(schema);
        Assert.Equal(expected, string.Join(" ", Generator.Describe(result.Diagnostics)));
        Assert.All(result.Diagnostics, d => Assert.Equal("schema.json", d.FilePath));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_code_for_an_unsupported_construct_still_compiles(string codes, string schemaWithMarkers)
    {
        ParamsCodeGeneratorResult result = Generator.Run(Unmark(codes, schemaWithMarkers).Schema);
        Assert.NotNull(result.Code);
        RoslynCompiler.Compile(result.Code!, "Unsupported");
    }

    [Fact]
    public void The_references_it_cannot_follow_are_found_without_generating_where_generation_reports_them()
    {
        const string schema = """
            {
              "properties": {
                "remote": { "$ref": "other.json#/definitions/x" },
                "missing": { "$ref": "#/definitions/missing" },
                "good": { "$ref": "#/definitions/a" },
                "loop": { "$ref": "#/definitions/b" }
              },
              "definitions": {
                "a": { "type": "string" },
                "b": { "$ref": "#/definitions/c" },
                "c": { "$ref": "#/definitions/b" }
              }
            }
            """;
        var source = new SourceFile("schema.json", schema);

        IReadOnlyList<Diagnostic> found = ParamsCodeGenerator.FindUnfollowableReferences(source);

        Assert.Equal(new[] { "BN2021 3,25", "BN2021 4,26", "BN2021 10,20" }, Generator.Describe(found));
        Assert.Equal(Generator.Describe(Generator.Run(schema).Diagnostics), Generator.Describe(found));
    }

    [Theory]
    [InlineData("{ \"type\": }")]
    [InlineData("""{ "properties": { "a": { "maxLength": "5", "$ref": "other.json" } } }""")]
    public void A_schema_that_gives_no_code_has_no_references_to_report(string schema)
    {
        Assert.Empty(ParamsCodeGenerator.FindUnfollowableReferences(new SourceFile("schema.json", schema)));
    }

    [Fact]
    public void An_unsupported_value_is_generated_as_JsonElement()
    {
        string code = Generator.Run("""{ "properties": { "value": { "oneOf": [{ "type": "string" }, { "type": "integer" }] } } }""").Code!;
        Assert.Contains("public global::System.Text.Json.JsonElement? Value { get; set; }", code);
    }

    [Fact]
    public void A_root_that_is_not_an_object_gives_no_code()
    {
        ParamsCodeGeneratorResult result = Generator.Run("""
            {
              "type": "array"
            }
            """);
        Assert.Null(result.Code);
        Assert.Equal(new[] { "BN2022 2,11" }, Generator.Describe(result.Diagnostics));
        Assert.Contains("params.app", result.Diagnostics[0].Message);
    }

    [Fact]
    public void Invalid_JSON_gives_the_schema_reading_code_and_no_code()
    {
        ParamsCodeGeneratorResult result = Generator.Run("{ \"type\": }");
        Assert.Null(result.Code);
        Assert.Equal(new[] { "BN2001 1,11" }, Generator.Describe(result.Diagnostics));
    }

    [Fact]
    public void A_malformed_schema_gives_the_validation_code_and_no_code()
    {
        ParamsCodeGeneratorResult result = Generator.Run("""{ "properties": { "a": { "maxLength": "5" } } }""");
        Assert.Null(result.Code);
        Assert.Equal(new[] { "BN2004 1,39" }, Generator.Describe(result.Diagnostics));
    }

    [Fact]
    public void Duplicate_keys_give_no_code()
    {
        ParamsCodeGeneratorResult result = Generator.Run("""{ "properties": {}, "properties": { "a": {} } }""");
        Assert.Null(result.Code);
        Assert.Equal(new[] { "BN2002 1,21" }, Generator.Describe(result.Diagnostics));
    }

    [Theory]
    [InlineData("1abc", "App", "root type name")]
    [InlineData("class", "App", "root type name")]
    [InlineData("AppParams", "App..Params", "namespace")]
    public void Invalid_names_from_the_caller_are_reported_without_a_position(string rootType, string ns, string what)
    {
        ParamsCodeGeneratorResult result = Generator.Run("{}", new ParamsCodeGeneratorOptions { RootTypeName = rootType, Namespace = ns });
        Assert.Null(result.Code);
        Diagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("BN2026", diagnostic.Id);
        Assert.Equal(0, diagnostic.Location.Start.Line);
        Assert.Contains(what, diagnostic.Message);
    }

    [Fact]
    public void Every_code_generation_code_is_in_its_band_and_category()
    {
        // The BN203x codes are the params analyzer's, on C# code that uses the generated types (ByteNite.Sdk.Analyzers.Tests).
        var codes = DiagnosticCatalog.All.Where(d => d.Id.StartsWith("BN202", System.StringComparison.Ordinal)).ToArray();
        Assert.Equal(new[] { "BN2020", "BN2021", "BN2022", "BN2023", "BN2024", "BN2025", "BN2026" }, codes.Select(d => d.Id));
        Assert.All(codes, d => Assert.Equal("ByteNite.Schema", d.Category));
    }

    [Fact]
    public void Every_code_generation_code_is_triggered_by_a_case_here()
    {
        var triggered = Cases().SelectMany(c => ((string)c[0]).Split(' ')).Distinct().OrderBy(c => c, System.StringComparer.Ordinal);
        Assert.Equal(new[] { "BN2020", "BN2021", "BN2022", "BN2023", "BN2024", "BN2025", "BN2026" }, triggered);
    }
}
