using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using ByteNite.Sdk.Model.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace ByteNite.Sdk.CodeGeneration.Tests;

/// <summary>
/// The JSON Schema test suite (draft7) through the generated code. Each test group's schema becomes the required
/// property "value" of a params object; a case's data is valid for the generated code when it deserialises and
/// Validate() reports nothing. Every schema must generate without an internal error and compile; where the generator
/// reports nothing (it claims to enforce the schema), the verdict must be the suite's, but for two deliberate
/// differences that docs/code-generation.md explains (<see cref="KnownDifference"/>).
/// </summary>
public class TestSuiteTests
{
    private readonly ITestOutputHelper _output;

    public TestSuiteTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public static IEnumerable<object[]> Files() => Directory.GetFiles(TestFiles.TestSuiteDirectory, "*.json")
        .Select(p => new object[] { Path.GetFileNameWithoutExtension(p) }).OrderBy(a => (string)a[0], StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Files))]
    public void Validate_agrees_with_the_suite_wherever_the_generator_reports_nothing(string file)
    {
        JsonArray groups = JsonNode.Parse(File.ReadAllText(Path.Combine(TestFiles.TestSuiteDirectory, file + ".json")))!.AsArray();
        int checkedCases = 0, skippedGroups = 0, differences = 0;
        var disagreements = new List<string>();
        for (int g = 0; g < groups.Count; g++)
        {
            JsonNode group = groups[g]!;
            Type? type = Generate(group["schema"]!, file + g);
            JsonValueKind? only = null;
            if (type is null && TypedVariant(group["schema"]!) is (JsonNode typed, JsonValueKind kind))
            {
                // The suite writes {"maxLength": 2} for "strings of at most 2": with "type" added, the generator enforces
                // it, and the cases with values of that type are compared.
                type = Generate(typed, file + g + "Typed");
                only = kind;
            }

            if (type is null)
            {
                skippedGroups++;
                continue;
            }

            foreach (JsonNode? test in group["tests"]!.AsArray())
            {
                JsonValueKind dataKind = test!["data"]?.GetValueKind() ?? JsonValueKind.Null;
                if (only is JsonValueKind wanted && dataKind != wanted)
                {
                    continue;
                }

                string data = test["data"] is JsonNode d ? d.ToJsonString() : "null";
                bool expected = test["valid"]!.GetValue<bool>();
                string? verdict = Verdict(type, "{\"value\":" + data + "}");
                checkedCases++;
                if ((verdict is null) != expected && KnownDifference(group["schema"]!, test["data"], expected) is string reason)
                {
                    _output.WriteLine("  known difference (" + reason + "): " + group["description"] + " / " + test["description"]);
                    differences++;
                }
                else if ((verdict is null) != expected)
                {
                    disagreements.Add(group["description"] + " / " + test["description"] + ": suite says " + (expected ? "valid" : "invalid") + ", generated code says " + (verdict ?? "valid"));
                }
            }
        }

        _output.WriteLine(file + ": " + checkedCases + " cases compared (" + differences + " known differences), " + skippedGroups + " of " + groups.Count + " groups not compared (the generator reports what it does not enforce)");
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    /// <summary>
    /// Where the generated code is deliberately stricter than JSON Schema: a schema without "type" whose keywords say
    /// what it describes ("properties", "required", "items", ...) becomes a C# object or list, so a value of another JSON
    /// type does not deserialise; and an integer written with a fraction of zero (1.0) does not deserialise into a
    /// long (Python's json gives the app a float for it, which integer code rejects too).
    /// </summary>
    private static string? KnownDifference(JsonNode schema, JsonNode? data, bool suiteSaysValid)
    {
        if (!suiteSaysValid || schema is not JsonObject obj)
        {
            return null;
        }

        if (!obj.ContainsKey("type"))
        {
            bool objectLike = obj.ContainsKey("properties") || obj.ContainsKey("required") || obj.ContainsKey("additionalProperties") || obj.ContainsKey("patternProperties");
            JsonValueKind kind = data?.GetValueKind() ?? JsonValueKind.Null;
            if (objectLike && kind != JsonValueKind.Object)
            {
                return "inferred object";
            }

            if (obj.ContainsKey("items") && kind != JsonValueKind.Array)
            {
                return "inferred array";
            }
        }

        if (obj["type"]?.GetValueKind() == JsonValueKind.String && obj["type"]!.GetValue<string>() == "integer"
            && data?.GetValueKind() == JsonValueKind.Number && data.ToJsonString().Contains('.'))
        {
            return "integer written as 1.0";
        }

        return null;
    }

    /// <summary>
    /// Generates and compiles the schema as the property "value"; never an internal error, and the code always compiles.
    /// Null when the generator reported something (it does not claim to enforce the schema), so nothing is compared.
    /// </summary>
    private static Type? Generate(JsonNode schema, string name)
    {
        string json = schema.ToJsonString();
        string wrapper = "{\"type\":\"object\",\"properties\":{\"value\":" + json + "},\"required\":[\"value\"]}";
        ParamsCodeGeneratorResult result = Generator.Run(wrapper, new ParamsCodeGeneratorOptions { Namespace = "Suite", RootTypeName = "SuiteParams" });
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticCatalog.InternalError.Id);
        if (result.Code is null)
        {
            // Only schemas that are not schemas (BN2004) give no code.
            Assert.NotEmpty(result.Diagnostics);
            return null;
        }

        Assembly assembly = RoslynCompiler.Compile(result.Code, "Suite" + name.Replace("-", string.Empty));
        return result.Diagnostics.Count > 0 || UsesReferencesToTheRoot(json) ? null : assembly.GetType("Suite.SuiteParams", throwOnError: true);
    }

    private static readonly (string Type, JsonValueKind Kind, string[] Keywords)[] Families =
    {
        ("string", JsonValueKind.String, new[] { "minLength", "maxLength", "pattern" }),
        ("number", JsonValueKind.Number, new[] { "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf" }),
        ("array", JsonValueKind.Array, new[] { "minItems", "maxItems", "uniqueItems" }),
        ("object", JsonValueKind.Object, new[] { "minProperties", "maxProperties" }),
    };

    /// <summary>The schema with the "type" its keywords apply to, when it has none and they all apply to one type.</summary>
    private static (JsonNode Schema, JsonValueKind Kind)? TypedVariant(JsonNode schema)
    {
        if (schema is not JsonObject obj || obj.ContainsKey("type"))
        {
            return null;
        }

        var families = Families.Where(f => f.Keywords.Any(obj.ContainsKey)).ToArray();
        if (families.Length != 1)
        {
            return null;
        }

        var typed = (JsonObject)obj.DeepClone();
        typed["type"] = families[0].Type;
        return (typed, families[0].Kind);
    }

    /// <summary>A "$ref": "#" in a test schema means the test's root, which the wrapper has moved.</summary>
    private static bool UsesReferencesToTheRoot(string schema) => schema.Contains("\"$ref\":\"#");

    /// <summary>Null when valid, else why not.</summary>
    private static string? Verdict(Type type, string json)
    {
        object instance;
        try
        {
            instance = JsonSerializer.Deserialize(json, type)!;
        }
        catch (JsonException e)
        {
            return "JsonException: " + e.Message;
        }

        var errors = (IReadOnlyList<string>)type.GetMethod("Validate", Type.EmptyTypes)!.Invoke(instance, null)!;
        return errors.Count == 0 ? null : string.Join("; ", errors);
    }
}
