using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Json;
using ByteNite.Sdk.Model.Schema;

namespace ByteNite.Sdk.Model.Tests.Schema;

/// <summary>The official JSON Schema test suite (draft7) in ../shared/json-schema-test-suite, read with our own parser.</summary>
internal static class TestSuite
{
    /// <summary>The suite's remote documents, served under this base in its tests (never fetched: passed to the validator).</summary>
    public const string RemoteBase = "http://localhost:1234/";

    private static readonly Lazy<List<KeyValuePair<string, JsonNode>>> LazyRemotes = new(LoadRemotes);

    public static string Directory { get; } = Path.Combine(TestPaths.SharedDirectory, "json-schema-test-suite");

    public static string Draft7 { get; } = Path.Combine(Directory, "tests", "draft7");

    public static IReadOnlyList<KeyValuePair<string, JsonNode>> Remotes => LazyRemotes.Value;

    /// <summary>Every test file of draft7, optional/ and optional/format/ included, as paths relative to draft7 with '/'.</summary>
    public static IEnumerable<string> Files() =>
        System.IO.Directory.EnumerateFiles(Draft7, "*.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Draft7, path).Replace('\\', '/'))
            .OrderBy(path => path.Count(c => c == '/'))
            .ThenBy(path => path, StringComparer.Ordinal);

    /// <summary>Runs one file; each case's outcome is whether the validator agreed with the suite.</summary>
    public static List<CaseResult> Run(string relativePath)
    {
        JsonNode root = Parse(Path.Combine(Draft7, relativePath), out SourceFile file);
        var results = new List<CaseResult>();
        foreach (JsonObject group in ((JsonArray)root).Items.Cast<JsonObject>())
        {
            string description = ((JsonString)group.Find("description")!.Value).Value;
            var validator = new JsonSchemaValidator(file, group.Find("schema")!.Value, Remotes);
            foreach (JsonObject test in ((JsonArray)group.Find("tests")!.Value).Items.Cast<JsonObject>())
            {
                string name = ((JsonString)test.Find("description")!.Value).Value;
                bool expected = ((JsonBoolean)test.Find("valid")!.Value).Value;
                JsonNode data = test.Find("data")!.Value;
                bool valid = validator.IsValid(data);
                int violations = validator.Validate(data).Count;
                if (valid != (violations == 0))
                {
                    throw new InvalidOperationException(relativePath + " / " + description + " / " + name + ": IsValid says " + valid + " but Validate found " + violations + " violations");
                }

                results.Add(new CaseResult(description + " / " + name, expected, valid == expected));
            }
        }

        return results;
    }

    private static JsonNode Parse(string path, out SourceFile file)
    {
        var diagnostics = new List<Diagnostic>();
        JsonNode? root = JsonParser.ParseFile(path, DiagnosticCatalog.SchemaJsonCodes, diagnostics, out file);
        if (root is null || diagnostics.Count > 0)
        {
            throw new InvalidOperationException(path + ": " + string.Join("; ", diagnostics));
        }

        return root;
    }

    private static List<KeyValuePair<string, JsonNode>> LoadRemotes()
    {
        string remotes = Path.Combine(Directory, "remotes");
        return System.IO.Directory.EnumerateFiles(remotes, "*.json", SearchOption.AllDirectories)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => new KeyValuePair<string, JsonNode>(RemoteBase + Path.GetRelativePath(remotes, path).Replace('\\', '/'), Parse(path, out _)))
            .ToList();
    }
}

internal sealed class CaseResult
{
    public CaseResult(string name, bool expectedValid, bool passed)
    {
        Name = name;
        ExpectedValid = expectedValid;
        Passed = passed;
    }

    /// <summary>"group description / test description", as the suite words them.</summary>
    public string Name { get; }

    public bool ExpectedValid { get; }

    public bool Passed { get; }
}
