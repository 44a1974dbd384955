using System.Collections.Generic;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Json;

namespace ByteNite.Sdk.Model.Rules;

/// <summary>The file being checked and the list its diagnostics go to, with the checks every rule set shares.</summary>
internal sealed class RuleContext
{
    public RuleContext(SourceFile file, List<Diagnostic> diagnostics)
    {
        File = file;
        Diagnostics = diagnostics;
    }

    public SourceFile File { get; }

    public List<Diagnostic> Diagnostics { get; }

    public void Report(DiagnosticDescriptor descriptor, TextSpan span, params object[] args) =>
        Diagnostics.Add(Diagnostic.Create(descriptor, File, span, args));

    /// <summary>The value as a string, or null after reporting that it is not one.</summary>
    public JsonString? ExpectString(JsonProperty property, string path) =>
        Expect<JsonString>(property, path, "a string");

    public JsonObject? ExpectObject(JsonProperty property, string path) =>
        Expect<JsonObject>(property, path, "an object");

    public JsonArray? ExpectArray(JsonProperty property, string path) =>
        Expect<JsonArray>(property, path, "an array");

    public JsonBoolean? ExpectBoolean(JsonProperty property, string path) =>
        Expect<JsonBoolean>(property, path, "a boolean (true or false)");

    /// <summary>A string that is not empty; reports what to write when it is.</summary>
    public string? ExpectNonEmptyString(JsonProperty property, string path, string whatToWrite)
    {
        JsonString? value = ExpectString(property, path);
        if (value is null)
        {
            return null;
        }

        if (value.Value.Trim().Length == 0)
        {
            Report(DiagnosticCatalog.EmptyValue, value.Span, path, whatToWrite);
            return null;
        }

        return value.Value;
    }

    private T? Expect<T>(JsonProperty property, string path, string expected)
        where T : JsonNode
    {
        if (property.Value is T typed)
        {
            return typed;
        }

        string hint = property.Value is JsonString s && expected.StartsWith("a boolean", System.StringComparison.Ordinal) && (s.Value == "true" || s.Value == "false")
            ? " (write " + s.Value + " without quotes)"
            : string.Empty;
        Report(DiagnosticCatalog.WrongType, property.Value.Span, path, expected, property.Value.KindName + hint);
        return null;
    }
}
