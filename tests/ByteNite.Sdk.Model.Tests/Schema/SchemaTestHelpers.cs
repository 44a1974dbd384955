using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Json;
using ByteNite.Sdk.Model.Schema;
using Xunit;

namespace ByteNite.Sdk.Model.Tests.Schema;

/// <summary>Builds validators and values from JSON text, and renders what they report as "(line,col) ..." for exact assertions.</summary>
internal static class SchemaTestHelpers
{
    public static JsonSchemaValidator Validator(string schemaJson)
    {
        var file = new SourceFile("schema.json", schemaJson);
        return new JsonSchemaValidator(file, Parse(file));
    }

    public static JsonNode Value(string json, string path = "params.json") => Parse(new SourceFile(path, json));

    /// <summary>BN2010 diagnostics for a parameters text, rendered with their positions.</summary>
    public static string[] CheckParams(string schemaJson, string paramsJson) => ParamsDiagnostics(schemaJson, paramsJson).Rendered();

    /// <summary>BN2011-BN2015 for a schema text, rendered with their positions.</summary>
    public static string[] CheckSchema(string schemaJson) => SchemaDiagnostics(schemaJson).Rendered();

    public static List<Diagnostic> ParamsDiagnostics(string schemaJson, string paramsJson)
    {
        var file = new SourceFile("params.json", paramsJson);
        var diagnostics = new List<Diagnostic>();
        ParamsValidation.CheckParams(Validator(schemaJson), file, Parse(file), diagnostics);
        return diagnostics;
    }

    public static List<Diagnostic> SchemaDiagnostics(string schemaJson)
    {
        var diagnostics = new List<Diagnostic>();
        ParamsValidation.CheckSchema(Validator(schemaJson), diagnostics);
        return diagnostics;
    }

    /// <summary>Everything <see cref="ParamsValidation.CheckParamsFile"/> reports for a file with these bytes.</summary>
    public static List<Diagnostic> ParamsFileDiagnostics(string schemaJson, byte[] content)
    {
        string path = Path.Combine(Path.GetTempPath(), "bn-params-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllBytes(path, content);
        try
        {
            var diagnostics = new List<Diagnostic>();
            ParamsValidation.CheckParamsFile(Validator(schemaJson), path, diagnostics);
            return diagnostics;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>"pointer keyword location: message" for each violation.</summary>
    public static string[] Violations(string schemaJson, string instanceJson) =>
        Validator(schemaJson).Validate(Value(instanceJson)).Select(v => (v.InstancePointer.Length == 0 ? "(root)" : v.InstancePointer) + " " + v.Keyword + " " + v.SchemaLocation + ": " + v.Message).ToArray();

    public static bool IsValid(string schemaJson, string instanceJson)
    {
        JsonSchemaValidator validator = Validator(schemaJson);
        JsonNode instance = Value(instanceJson);
        bool valid = validator.IsValid(instance);
        Assert.Equal(valid, validator.Validate(instance).Count == 0);
        return valid;
    }

    private static JsonNode Parse(SourceFile file)
    {
        var diagnostics = new List<Diagnostic>();
        JsonNode? root = JsonParser.Parse(file, DiagnosticCatalog.SchemaJsonCodes, diagnostics);
        Assert.Empty(diagnostics);
        return root!;
    }
}
