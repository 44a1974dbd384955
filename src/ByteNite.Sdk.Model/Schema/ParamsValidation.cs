using System;
using System.Collections.Generic;
using System.IO;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Json;

namespace ByteNite.Sdk.Model.Schema;

/// <summary>
/// Turns what <see cref="JsonSchemaValidator"/> finds into catalogue diagnostics: sample parameters
/// (e.g. sample/params.json) against schema.json (BN2010, BN2016-BN2018), and schema.json's own defaults, references
/// and patterns (BN2011-BN2015). Every diagnostic is located at the offending value.
/// </summary>
public static class ParamsValidation
{
    /// <summary>The codes a parameters file is parsed with.</summary>
    public static JsonDiagnosticCodes ParamsJsonCodes { get; } = new(DiagnosticCatalog.ParamsInvalidJson, DiagnosticCatalog.ParamsDuplicateKey, DiagnosticCatalog.ParamsInvalidEncoding);

    /// <summary>Reads, parses and checks a parameters file; returns the parsed value, or null when it could not be read or parsed.</summary>
    public static JsonNode? CheckParamsFile(JsonSchemaValidator validator, string paramsPath, List<Diagnostic> diagnostics)
    {
        JsonNode? parameters;
        SourceFile file;
        try
        {
            parameters = JsonParser.ParseFile(paramsPath, ParamsJsonCodes, diagnostics, out file);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.CreateForUnreadableFile(paramsPath, e));
            return null;
        }

        if (parameters is not null)
        {
            CheckParams(validator, file, parameters, diagnostics);
        }

        return parameters;
    }

    /// <summary>Reports each violation of the schema by <paramref name="parameters"/> as BN2010.</summary>
    public static void CheckParams(JsonSchemaValidator validator, SourceFile paramsFile, JsonNode parameters, List<Diagnostic> diagnostics)
    {
        foreach (SchemaViolation violation in validator.Validate(parameters))
        {
            diagnostics.Add(ToDiagnostic(violation, paramsFile));
        }
    }

    /// <summary>BN2010 at the violation's position in the parameters file.</summary>
    public static Diagnostic ToDiagnostic(SchemaViolation violation, SourceFile paramsFile) =>
        Diagnostic.Create(DiagnosticCatalog.ParamsViolation, paramsFile, violation.Span,
            DisplayPointer(violation.InstancePointer), violation.Message, violation.Keyword, violation.SchemaLocation, violation.Hint);

    /// <summary>
    /// The checks of schema.json that need the validator: defaults against their schemas (BN2011), references
    /// (BN2012-BN2014) and patterns (BN2015). Problems inside other documents passed to the validator are not reported.
    /// </summary>
    public static void CheckSchema(JsonSchemaValidator validator, List<Diagnostic> diagnostics)
    {
        SourceFile file = validator.SchemaFile;
        foreach (SchemaProblem problem in validator.Problems)
        {
            if (problem.DocumentUri is not null)
            {
                continue;
            }

            string text = problem.Node is JsonString s ? s.Value : string.Empty;
            diagnostics.Add(problem.Kind switch
            {
                SchemaProblemKind.UnresolvedReference => Diagnostic.Create(DiagnosticCatalog.SchemaRefNotFound, file, problem.Node.Span, text, problem.Detail),
                SchemaProblemKind.RemoteReference => Diagnostic.Create(DiagnosticCatalog.SchemaRefRemote, file, problem.Node.Span, text, problem.Detail),
                SchemaProblemKind.ReferenceCycle => Diagnostic.Create(DiagnosticCatalog.SchemaRefCycle, file, problem.Node.Span, text, problem.Detail),
                _ => Diagnostic.Create(DiagnosticCatalog.SchemaPatternUnsupported, file, problem.Node.Span,
                    problem.Keyword == "pattern" ? "'pattern'" : "'patternProperties' key", text, problem.Detail.TrimEnd('.')),
            });
        }

        foreach (DefaultValueViolation invalid in validator.ValidateDefaults())
        {
            SchemaViolation violation = invalid.Violation;
            string message = violation.InstancePointer.Length == 0 ? violation.Message : violation.InstancePointer + ": " + violation.Message;
            diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.SchemaDefaultViolation, file, violation.Span,
                invalid.DefaultLocation, message, violation.Keyword, violation.SchemaLocation));
        }
    }

    private static string DisplayPointer(string pointer) => pointer.Length == 0 ? "(top level)" : pointer;
}
