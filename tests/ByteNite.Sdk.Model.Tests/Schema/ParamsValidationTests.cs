using System.Collections.Generic;
using System.IO;
using System.Linq;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Json;
using ByteNite.Sdk.Model.Schema;
using Xunit;
using static ByteNite.Sdk.Model.Tests.Schema.SchemaTestHelpers;

namespace ByteNite.Sdk.Model.Tests.Schema;

/// <summary>Sample parameters and schema.json's own defaults, references and patterns, as catalogue diagnostics at the right place.</summary>
public class ParamsValidationTests
{
    private const string Schema = """
        {
          "$id": "db://hello-world",
          "type": "object",
          "definitions": {
            "case": { "type": "string", "enum": ["upper", "lower", "title"] }
          },
          "properties": {
            "case": { "$ref": "#/definitions/case" },
            "prompt": { "type": "string", "maxLength": 5 },
            "steps": { "type": "integer", "minimum": 1, "maximum": 50 },
            "options": {
              "type": "object",
              "properties": { "seed": { "type": ["integer", "null"] } },
              "required": ["seed"]
            },
            "tags": { "type": "array", "items": { "type": "string" }, "uniqueItems": true }
          },
          "required": ["case", "prompt"],
          "additionalProperties": false
        }
        """;

    [Fact]
    public void Each_violation_is_reported_at_the_line_and_column_of_the_offending_value()
    {
        const string parameters = """
            {
              "case": "Upper",
              "prompt": "a 😀 b c",
              "steps": 0,
              "options": {
                "sede": 1
              },
              "tags": ["x", "y", "x"],
              "colour": "red"
            }
            """;
        Assert.Equal(new[]
        {
            "(2,11) BN2010: /case: \"Upper\" is not one of the allowed values \"upper\", \"lower\", \"title\" ('enum' at #/definitions/case/enum in schema.json). Use one of the allowed values; did you mean \"upper\"?",
            "(3,13) BN2010: /prompt: \"a 😀 b c\" is 7 characters long, but may have at most 5 ('maxLength' at #/properties/prompt/maxLength in schema.json). Shorten it to at most 5 characters (Unicode code points).",
            "(4,12) BN2010: /steps: 0 is less than the minimum, 1 ('minimum' at #/properties/steps/minimum in schema.json). Write a number of at least 1.",
            "(5,14) BN2010: /options: required property \"seed\" is missing ('required' at #/properties/options/required in schema.json). Add \"seed\" to this object.",
            "(8,22) BN2010: /tags/2: item 2 equals item 0, but the items must be unique ('uniqueItems' at #/properties/tags/uniqueItems in schema.json). Remove the duplicate.",
            "(9,3) BN2010: /colour: property \"colour\" is not allowed; the schema allows \"case\", \"prompt\", \"steps\", \"options\", \"tags\" ('additionalProperties' at #/additionalProperties in schema.json). Remove it.",
        }, CheckParams(Schema, parameters));
    }

    [Fact]
    public void A_missing_required_parameter_is_reported_at_the_top_level_object()
    {
        Assert.Equal(new[]
        {
            "(1,1) BN2010: (top level): required property \"case\" is missing ('required' at #/required in schema.json). Add \"case\" to this object.",
        }, CheckParams(Schema, "{\n  \"prompt\": \"hi\"\n}"));
        Assert.Empty(CheckParams(Schema, """{ "case": "lower", "prompt": "hi", "options": { "seed": null }, "tags": [] }"""));
    }

    [Fact]
    public void The_platform_docs_example_schema_checks_its_prompt()
    {
        string path = Path.Combine(TestPaths.Examples, "bytenite-docs", "create-with-bytenite", "building-blocks", "apps", "schema.json");
        var diagnostics = new List<Diagnostic>();
        JsonNode schema = JsonParser.ParseFile(path, DiagnosticCatalog.SchemaJsonCodes, diagnostics, out SourceFile schemaFile)!;
        var validator = new JsonSchemaValidator(schemaFile, schema);
        ParamsValidation.CheckSchema(validator, diagnostics);
        Assert.Empty(diagnostics);

        var parameters = new SourceFile("params.json", "{ \"prompt\": \"" + new string('a', 51) + "\" }");
        ParamsValidation.CheckParams(validator, parameters, Value(parameters.Text), diagnostics);
        Assert.Equal(new[] { "(1,13) BN2010" }, diagnostics.ConvertAll(d => $"({d.Location.Start.Line},{d.Location.Start.Column}) {d.Id}"));
        Assert.Contains("'maxLength' at #/definitions/input/maxLength", diagnostics[0].Message);
    }

    [Fact]
    public void Defaults_are_checked_against_their_own_schema_at_the_default_value()
    {
        const string schema = """
            {
              "definitions": { "case": { "enum": ["upper", "lower"] } },
              "properties": {
                "case": { "$ref": "#/definitions/case", "default": "Upper" },
                "steps": { "type": "integer", "minimum": 1, "default": 0 },
                "size": {
                  "type": "object",
                  "properties": { "width": { "type": "integer" } },
                  "default": { "width": "640" }
                },
                "ok": { "type": "string", "default": "fine" }
              }
            }
            """;
        Assert.Equal(new[]
        {
            "(4,56) BN2011: The default at #/properties/case/default is not valid: \"Upper\" is not one of the allowed values \"upper\", \"lower\" ('enum' at #/definitions/case/enum). Forms and generated params classes start from this default, so a job that keeps it would be rejected; correct the default or the schema.",
            "(5,60) BN2011: The default at #/properties/steps/default is not valid: 0 is less than the minimum, 1 ('minimum' at #/properties/steps/minimum). Forms and generated params classes start from this default, so a job that keeps it would be rejected; correct the default or the schema.",
            "(9,29) BN2011: The default at #/properties/size/default is not valid: /width: \"640\" is a string, but must be an integer ('type' at #/properties/size/properties/width/type). Forms and generated params classes start from this default, so a job that keeps it would be rejected; correct the default or the schema.",
        }, CheckSchema(schema));
    }

    [Fact]
    public void References_and_patterns_that_cannot_be_checked_are_reported_at_their_value()
    {
        const string schema = """
            {
              "properties": {
                "a": { "$ref": "#/definitions/inptu" },
                "b": { "$ref": "common.json#/definitions/b" },
                "c": { "$ref": "#/definitions/c" },
                "d": { "pattern": "^[a-z" }
              },
              "definitions": { "c": { "allOf": [{ "$ref": "#/definitions/c" }] } },
              "patternProperties": { "\\p{Script=Greek}": true }
            }
            """;
        Assert.Equal(new[]
        {
            "(3,20) BN2012: '$ref' \"#/definitions/inptu\" does not resolve: there is no '/definitions/inptu' in this schema. Point it at a schema that exists, e.g. \"#/definitions/name\" for one under 'definitions'.",
            "(4,20) BN2013: '$ref' \"common.json#/definitions/b\" refers to another document (bytenite-sdk:///common.json); builds never fetch documents, so values are not checked against it. Copy the referenced schema under 'definitions' and refer to it as \"#/definitions/...\".",
            "(6,23) BN2015: 'pattern' \"^[a-z\" cannot be used as a regular expression: the character class opened at index 1 is not closed. Values are not checked against it; rewrite it with the ECMA-262 constructs that docs/params-validation.md lists.",
            "(8,47) BN2014: '$ref' \"#/definitions/c\" leads back to #/definitions/c without descending into a property or item, so validation would never end; it is ignored. Remove the cycle.",
            "(9,26) BN2015: 'patternProperties' key \"\\p{Script=Greek}\" cannot be used as a regular expression: Unicode property 'Script=Greek' (scripts and other non-category properties) is not supported by .NET regular expressions. Values are not checked against it; rewrite it with the ECMA-262 constructs that docs/params-validation.md lists.",
        }, CheckSchema(schema));
    }

    [Theory]
    [InlineData("{ \"case\": }", "BN2016")]
    [InlineData("{ \"case\": \"upper\", \"prompt\": \"a\", \"case\": \"lower\" }", "BN2017")]
    [InlineData("{ \"case\": \"upper\", \"prompt\": 5 }", "BN2010")]
    [InlineData("{ \"case\": \"upper\", \"prompt\": \"a\" }", "")]
    public void A_parameters_file_is_parsed_with_its_own_codes(string text, string ids)
    {
        Assert.Equal(ids, string.Join(" ", ParamsFileDiagnostics(Schema, System.Text.Encoding.UTF8.GetBytes(text)).Ids()));
    }

    [Fact]
    public void A_parameters_file_that_is_not_utf8_or_cannot_be_read_is_reported_without_a_crash()
    {
        Assert.Equal(new[] { "BN2018" }, ParamsFileDiagnostics(Schema, new byte[] { 0x7B, 0xFF, 0x7D }).Ids());
        var diagnostics = new List<Diagnostic>();
        Assert.Null(ParamsValidation.CheckParamsFile(Validator(Schema), Path.Combine(Path.GetTempPath(), "bn-missing-" + System.Guid.NewGuid().ToString("N"), "params.json"), diagnostics));
        Assert.Equal(new[] { "BN0002" }, diagnostics.Ids());
    }

    [Fact]
    public void A_parameters_file_written_by_windows_powershell_is_reported_as_utf16_at_its_start()
    {
        // `echo '{"case": "upper"}' > sample/params.json` in Windows PowerShell 5.1: UTF-16 little-endian with a byte order mark.
        byte[] bytes = System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes("{\"case\": \"upper\"}\r\n")).ToArray();

        Diagnostic diagnostic = Assert.Single(ParamsFileDiagnostics(Schema, bytes));

        Assert.Equal("BN2018", diagnostic.Id);
        Assert.Equal((1, 1), (diagnostic.Location.Start.Line, diagnostic.Location.Start.Column));
        Assert.Equal(
            "The file is not valid UTF-8: it is UTF-16 little-endian (it starts with the byte order mark FF FE), as Windows PowerShell 5.1 writes files with '>' and Out-File unless given -Encoding utf8. Save the file as UTF-8.",
            diagnostic.Message);
    }

    /// <summary>One input per code of this range that reports it (the same one-liners suit CatalogTests' trigger list).</summary>
    public static readonly Dictionary<string, System.Func<IEnumerable<Diagnostic>>> Triggers = new()
    {
        ["BN2010"] = () => ParamsDiagnostics("{ \"maxLength\": 1 }", "\"ab\""),
        ["BN2011"] = () => SchemaDiagnostics("{ \"minimum\": 1, \"default\": 0 }"),
        ["BN2012"] = () => SchemaDiagnostics("{ \"$ref\": \"#/definitions/missing\" }"),
        ["BN2013"] = () => SchemaDiagnostics("{ \"$ref\": \"common.json\" }"),
        ["BN2014"] = () => SchemaDiagnostics("{ \"$ref\": \"#\" }"),
        ["BN2015"] = () => SchemaDiagnostics("{ \"pattern\": \"(\" }"),
        ["BN2016"] = () => ParamsFileDiagnostics("{}", new byte[] { 0x7B, 0x2C, 0x7D }),
        ["BN2017"] = () => ParamsFileDiagnostics("{}", System.Text.Encoding.UTF8.GetBytes("{ \"a\": 1, \"a\": 2 }")),
        ["BN2018"] = () => ParamsFileDiagnostics("{}", new byte[] { 0x7B, 0xFF, 0x7D }),
    };

    public static IEnumerable<object[]> TriggerIds()
    {
        foreach (string id in Triggers.Keys)
        {
            yield return new object[] { id };
        }
    }

    [Theory]
    [MemberData(nameof(TriggerIds))]
    public void Each_code_of_the_range_is_reported_by_its_trigger(string id)
    {
        Assert.Equal(new[] { id }, Triggers[id]().Ids());
    }

    [Fact]
    public void Every_code_in_the_range_has_a_trigger()
    {
        var codes = new List<string>();
        foreach (DiagnosticDescriptor descriptor in DiagnosticCatalog.All)
        {
            if (descriptor.Id.StartsWith("BN201", System.StringComparison.Ordinal))
            {
                codes.Add(descriptor.Id);
            }
        }

        Assert.Equal(codes, new List<string>(Triggers.Keys));
    }
}
