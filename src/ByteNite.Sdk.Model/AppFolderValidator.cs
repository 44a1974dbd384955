using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Json;
using ByteNite.Sdk.Model.Rules;
using ByteNite.Sdk.Model.Schema;

namespace ByteNite.Sdk.Model;

public sealed class AppFolderValidationOptions
{
    public AppFolderValidationOptions(string appDirectory)
    {
        AppDirectory = appDirectory;
    }

    /// <summary>The folder that holds manifest.json and app/.</summary>
    public string AppDirectory { get; }

    /// <summary>The Version the project sets explicitly, if any; it must agree with the manifest.</summary>
    public string? ProjectVersion { get; set; }

    /// <summary>True when a registry token is supplied outside manifest.json (environment variable or property).</summary>
    public bool RegistryTokenSupplied { get; set; }

    /// <summary>Sample job parameters (the app's params.app) to check against schema.json, if the file exists.</summary>
    public string? SampleParamsPath { get; set; }
}

public sealed class AppFolderValidationResult
{
    internal AppFolderValidationResult(IReadOnlyList<Diagnostic> diagnostics, Manifest? manifest, SourceFile? schemaFile)
    {
        Diagnostics = diagnostics;
        Manifest = manifest;
        SchemaFile = schemaFile;
    }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Null when manifest.json is missing or is not well-formed JSON.</summary>
    public Manifest? Manifest { get; }

    /// <summary>schema.json as read (decoded text), for hosts that check more of it; null when it is missing or unreadable.</summary>
    public SourceFile? SchemaFile { get; }
}

/// <summary>Runs the whole rule catalogue over an app folder: manifest.json, template.json and schema.json.</summary>
public static class AppFolderValidator
{
    public const string ManifestFileName = "manifest.json";
    public const string TemplateFileName = "template.json";
    public const string SchemaFileName = "schema.json";

    public static AppFolderValidationResult Validate(AppFolderValidationOptions options)
    {
        var diagnostics = new List<Diagnostic>();
        Manifest? manifest = null;
        SourceFile? schemaFile = null;
        string manifestPath = Path.Combine(options.AppDirectory, ManifestFileName);
        try
        {
            if (!IsThere(manifestPath))
            {
                diagnostics.Add(Diagnostic.CreateForFile(DiagnosticCatalog.ManifestNotFound, manifestPath, options.AppDirectory));
            }
            else if (TryParse(manifestPath, DiagnosticCatalog.ManifestJsonCodes, diagnostics, out SourceFile? file) is { } root)
            {
                var rules = new ManifestRules.Options { AppDirectory = options.AppDirectory, RegistryTokenSupplied = options.RegistryTokenSupplied };
                manifest = ManifestRules.Check(file!, root, rules, diagnostics);
                CheckProjectVersion(file!, manifest, options.ProjectVersion, diagnostics);
            }

            string templatePath = Path.Combine(options.AppDirectory, TemplateFileName);
            if (IsThere(templatePath) && TryParse(templatePath, DiagnosticCatalog.ManifestJsonCodes, diagnostics, out SourceFile? templateFile) is { } template)
            {
                TemplateRules.Check(templateFile!, template, manifest, diagnostics);
            }

            JsonSchemaValidator? validator = null;
            string schemaPath = Path.Combine(options.AppDirectory, SchemaFileName);
            if (IsThere(schemaPath) && TryParse(schemaPath, DiagnosticCatalog.SchemaJsonCodes, diagnostics, out schemaFile) is { } schema)
            {
                int before = diagnostics.Count;
                SchemaRules.Check(schemaFile!, schema, diagnostics);

                // A structurally broken schema would only add confusing follow-up errors.
                if (diagnostics.Count == before)
                {
                    validator = new JsonSchemaValidator(schemaFile!, schema);
                    ParamsValidation.CheckSchema(validator, diagnostics);
                }
            }

            if (options.SampleParamsPath is { } paramsPath && IsThere(paramsPath))
            {
                CheckSampleParams(paramsPath, validator, diagnostics);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The one catch-all: a bug in a rule must not crash the build.
            diagnostics.Add(Diagnostic.CreateForInternalError(manifestPath, e));
        }

        return new AppFolderValidationResult(InReadingOrder(diagnostics), manifest, schemaFile);
    }

    /// <summary>File by file in the order they were read, and by position within a file, as a compiler lists them.</summary>
    private static List<Diagnostic> InReadingOrder(List<Diagnostic> diagnostics)
    {
        var fileOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (!fileOrder.ContainsKey(diagnostic.FilePath))
            {
                fileOrder.Add(diagnostic.FilePath, fileOrder.Count);
            }
        }

        return diagnostics.OrderBy(d => fileOrder[d.FilePath]).ThenBy(d => d.Span.Start).ToList();
    }

    /// <summary>Sample parameters against the schema, or as well-formed JSON when the app has no (usable) schema.</summary>
    private static void CheckSampleParams(string paramsPath, JsonSchemaValidator? validator, List<Diagnostic> diagnostics)
    {
        if (validator is not null)
        {
            ParamsValidation.CheckParamsFile(validator, paramsPath, diagnostics);
        }
        else
        {
            TryParse(paramsPath, ParamsValidation.ParamsJsonCodes, diagnostics, out _);
        }
    }

    /// <summary>A file, or a folder in its place: that is a mistake to report (BN0002), not a file that is simply absent.</summary>
    private static bool IsThere(string path) => File.Exists(path) || Directory.Exists(path);

    private static JsonNode? TryParse(string path, JsonDiagnosticCodes codes, List<Diagnostic> diagnostics, out SourceFile? file)
    {
        file = null;
        try
        {
            return JsonParser.ParseFile(path, codes, diagnostics, out file);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.CreateForUnreadableFile(path, e));
            return null;
        }
    }

    private static void CheckProjectVersion(SourceFile file, Manifest manifest, string? projectVersion, List<Diagnostic> diagnostics)
    {
        AppVersion? version = manifest.Version;
        if (string.IsNullOrEmpty(projectVersion) || version is null)
        {
            return;
        }

        if (projectVersion != version.NuGetVersion && projectVersion != version.Text)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.ProjectVersionConflict, file, manifest.VersionNode!.Span, projectVersion!, version.Text, version.NuGetVersion));
        }
    }
}
