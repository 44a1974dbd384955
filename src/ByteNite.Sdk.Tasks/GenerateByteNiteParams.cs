using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ByteNite.Sdk.CodeGeneration;
using ByteNite.Sdk.Model;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Json;
using ByteNite.Sdk.Model.Rules;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ByteNite.Sdk.Tasks;

/// <summary>
/// Generates the C# params types for the app's schema.json into one file, written only when its content changes, and
/// reports what the generator finds with the severity the project configures. All knowledge lives in
/// ByteNite.Sdk.CodeGeneration; this class only adapts MSBuild inputs and logging to it.
/// </summary>
public sealed class GenerateByteNiteParams : SeverityConfiguredTask
{
    /// <summary>The app's schema.json.</summary>
    [Required]
    public string SchemaPath { get; set; } = string.Empty;

    /// <summary>The app's manifest.json: its 'name' (or seed 'id') names the root type unless <see cref="TypeName"/> is set.</summary>
    public string? ManifestPath { get; set; }

    /// <summary>The folder the file is written to (the project's intermediate output path).</summary>
    [Required]
    public string OutputDirectory { get; set; } = string.Empty;

    /// <summary>The namespace of the generated types; empty to derive it from <see cref="RootNamespace"/>.</summary>
    public string? Namespace { get; set; }

    /// <summary>The project's RootNamespace (its name as written, e.g. "hello-world"), made a namespace when <see cref="Namespace"/> is empty.</summary>
    public string? RootNamespace { get; set; }

    /// <summary>The root type's name; empty to derive it from the manifest's name, else from <see cref="ProjectName"/>.</summary>
    public string? TypeName { get; set; }

    /// <summary>The project's name, for the root type's name when the manifest has no valid name.</summary>
    public string? ProjectName { get; set; }

    /// <summary>Name overrides: the item spec is the JSON pointer of a schema (<c>#/properties/case</c>), with
    /// <c>TypeName</c> and/or <c>PropertyName</c> metadata.</summary>
    public ITaskItem[] Names { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>True when the build validates schema.json: the reading errors it reports (BN2001–BN2004, an unreadable
    /// file) are then left to it, so that each problem is reported once.</summary>
    public bool SchemaValidated { get; set; }

    /// <summary>The generated file; empty when nothing could be generated.</summary>
    [Output]
    public string GeneratedFile { get; private set; } = string.Empty;

    public override bool Execute()
    {
        try
        {
            Run();
        }
        catch (Exception e)
        {
            // Last resort only: the generator reports its own failures as BN0099 with the file they concern.
            DiagnosticLog.Report(Log, Diagnostic.CreateForInternalError(SchemaPath, e), DiagnosticSeverity.Error);
        }

        return !Log.HasLoggedErrors;
    }

    private void Run()
    {
        var diagnostics = new List<Diagnostic>();
        if (!SchemaValidated)
        {
            // Validation reports problems of the configuration itself too; without it, this task does.
            diagnostics.AddRange(Severities.Diagnostics);
        }

        SourceFile? schema = ReadSchema(diagnostics);
        if (schema is not null)
        {
            var options = new ParamsCodeGeneratorOptions
            {
                // Derived here rather than in the targets: a regular expression in a property function costs every
                // evaluation of the project several milliseconds (docs/benchmarks.md).
                Namespace = string.IsNullOrWhiteSpace(Namespace) ? ParamsCodeGenerator.DefaultNamespace(RootNamespace?.Trim() ?? string.Empty) : Namespace!.Trim(),
                RootTypeName = string.IsNullOrWhiteSpace(TypeName) ? DefaultTypeName() : TypeName!.Trim(),
            };
            foreach (ITaskItem item in Names)
            {
                AddName(options.TypeNames, item, "TypeName");
                AddName(options.PropertyNames, item, "PropertyName");
            }

            (string? code, IReadOnlyList<Diagnostic> found) = ParamsCodeGenerator.Generate(schema, options);
            diagnostics.AddRange(SchemaValidated ? found.Where(d => !IsReadingError(d)) : found);
            if (code is not null)
            {
                GeneratedFile = Path.Combine(OutputDirectory, options.RootTypeName + ".g.cs");
                CodeGeneration.GeneratedFile.WriteIfChanged(GeneratedFile, code);
            }
        }

        foreach (Diagnostic diagnostic in diagnostics)
        {
            Report(diagnostic);
        }
    }

    private SourceFile? ReadSchema(List<Diagnostic> diagnostics)
    {
        try
        {
            SourceFile file = SourceFile.Read(SchemaPath, out string? encodingProblem);
            if (encodingProblem is null)
            {
                return file;
            }

            if (!SchemaValidated)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.SchemaInvalidEncoding, file, file.EndSpan, encodingProblem));
            }

            return null;
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            if (!SchemaValidated)
            {
                diagnostics.Add(Diagnostic.CreateForUnreadableFile(SchemaPath, e));
            }

            return null;
        }
    }

    /// <summary>"hello-world" (the manifest's name or id) → HelloWorldParams; the project's name when the manifest has none.</summary>
    private string DefaultTypeName()
    {
        string? name = null;
        if (!string.IsNullOrEmpty(ManifestPath) && File.Exists(ManifestPath))
        {
            try
            {
                // Only the name is wanted here; validation reports what is wrong with the manifest.
                var ignored = new List<Diagnostic>();
                JsonNode? root = JsonParser.ParseFile(ManifestPath!, DiagnosticCatalog.ManifestJsonCodes, ignored, out SourceFile file);
                name = root is null ? null : ManifestRules.Check(file, root, new ManifestRules.Options(), ignored).Name;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
            }
        }

        return ParamsCodeGenerator.DefaultRootTypeName(string.IsNullOrWhiteSpace(name) ? ProjectName ?? "App" : name!);
    }

    private static void AddName(IDictionary<string, string> names, ITaskItem item, string metadata)
    {
        string name = item.GetMetadata(metadata);
        if (!string.IsNullOrWhiteSpace(name))
        {
            names[item.ItemSpec] = name.Trim();
        }
    }

    private static bool IsReadingError(Diagnostic diagnostic) =>
        diagnostic.Descriptor == DiagnosticCatalog.SchemaInvalidJson
        || diagnostic.Descriptor == DiagnosticCatalog.SchemaDuplicateKey
        || diagnostic.Descriptor == DiagnosticCatalog.SchemaInvalidEncoding
        || diagnostic.Descriptor == DiagnosticCatalog.SchemaInvalid;
}
