using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ByteNite.Sdk.Analyzers;
using ByteNite.Sdk.CodeGeneration;
using ByteNite.Sdk.Model;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Hosting;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ByteNite.Sdk.Tasks;

/// <summary>
/// Validates a ByteNite app folder (manifest.json, template.json, schema.json, app/) with the rule catalogue and reports
/// each diagnostic once, with the severity the project configures, in MSBuild's canonical format.
/// All knowledge lives in ByteNite.Sdk.Model; this class only adapts MSBuild inputs and logging to it.
/// </summary>
public sealed class ValidateByteNiteApp : SeverityConfiguredTask
{
    /// <summary>The folder that holds manifest.json and app/.</summary>
    [Required]
    public string AppDirectory { get; set; } = string.Empty;

    /// <summary>The Version the project sets explicitly (empty when it does not); it must agree with the manifest.</summary>
    public string? ProjectVersion { get; set; }

    /// <summary>True when a registry token is supplied outside manifest.json. Only its presence matters: the value never reaches the task.</summary>
    public bool RegistryTokenSupplied { get; set; }

    /// <summary>Sample job parameters checked against schema.json when the file exists.</summary>
    public string? SampleParamsPath { get; set; }

    /// <summary>
    /// True when the compiler's analyzer reports what is found in the JSON files' text in this build (design-time builds;
    /// see ByteNite.Sdk.Analyzers.targets). The task then reports only what needs more than the text (app/, the project's
    /// version, unreadable files), so that each problem is reported once.
    /// </summary>
    public bool LeaveTextDiagnosticsToAnalyzer { get; set; }

    /// <summary>
    /// True when the params generator runs in this build. It reports each <c>$ref</c> it cannot follow (BN2021, with what
    /// that means for the generated code), so the validator's BN2012-BN2014 at the same <c>$ref</c> would be a second
    /// report of one problem and are left out; those the generator does not report stay.
    /// </summary>
    public bool SchemaReferencesReportedByGenerator { get; set; }

    /// <summary>The manifest's version as written, e.g. "0.4.rev2"; empty when it has none or it is invalid.</summary>
    [Output]
    public string ManifestVersion { get; private set; } = string.Empty;

    /// <summary>The manifest's version in NuGet/assembly form, e.g. "0.4.2"; empty when it has none or it is invalid.</summary>
    [Output]
    public string ManifestNuGetVersion { get; private set; } = string.Empty;

    public override bool Execute()
    {
        try
        {
            Run();
        }
        catch (Exception e)
        {
            // Last resort only: the model reports its own failures as BN0099 with the file they concern.
            Report(Diagnostic.CreateForInternalError(AppDirectory, e), DiagnosticSeverity.Error);
        }

        return !Log.HasLoggedErrors;
    }

    private void Run()
    {
        SeverityConfiguration severities = Severities;

        AppFolderValidationResult result = AppFolderValidator.Validate(new AppFolderValidationOptions(AppDirectory)
        {
            ProjectVersion = string.IsNullOrWhiteSpace(ProjectVersion) ? null : ProjectVersion!.Trim(),
            RegistryTokenSupplied = RegistryTokenSupplied,
            SampleParamsPath = string.IsNullOrWhiteSpace(SampleParamsPath) ? null : SampleParamsPath,
        });

        HashSet<string> reportedByAnalyzer = LeaveTextDiagnosticsToAnalyzer ? TextDiagnosticKeys() : new HashSet<string>();
        // Looked up only when there is a reference problem to leave to the generator (it reads schema.json once more).
        HashSet<string> referencesReportedByGenerator = SchemaReferencesReportedByGenerator && result.SchemaFile is { } schemaFile && result.Diagnostics.Any(IsReferenceProblem)
            ? new HashSet<string>(ParamsCodeGenerator.FindUnfollowableReferences(schemaFile).Select(PositionKey), StringComparer.Ordinal)
            : new HashSet<string>();
        DiagnosticSeverity? generatorSeverity = severities.GetEffectiveSeverity(DiagnosticCatalog.CodeGenUnsupportedRef);
        foreach (Diagnostic diagnostic in severities.Diagnostics.Concat(result.Diagnostics))
        {
            if (reportedByAnalyzer.Contains(Key(diagnostic)) || severities.GetEffectiveSeverity(diagnostic) is not DiagnosticSeverity severity)
            {
                continue;
            }

            // Left to the generator's BN2021 only while that is reported at least as severely: silencing or demoting
            // BN2021 must not take this error with it.
            bool reportedByGenerator = IsReferenceProblem(diagnostic) && referencesReportedByGenerator.Contains(PositionKey(diagnostic)) && generatorSeverity >= severity;
            if (!reportedByGenerator)
            {
                Report(diagnostic, severity);
            }
        }

        if (result.Manifest?.Version is { } version)
        {
            ManifestVersion = version.Text;
            ManifestNuGetVersion = version.NuGetVersion;
        }
    }

    /// <summary>What the analyzer reports for the app's files: the same text-only checks, run here on the same files.</summary>
    private HashSet<string> TextDiagnosticKeys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        Model.Rules.Manifest? manifest = null;
        foreach (string kind in AppFileChecks.Kinds)
        {
            string path = Path.Combine(AppDirectory, AppFileChecks.FileNameOf(kind));
            if (!File.Exists(path))
            {
                continue;
            }

            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                continue; // the validation reports the file as unreadable (BN0002); the analyzer cannot report it
            }

            CheckedAppFile checkedFile = AppFileChecks.Check(AppFileChecks.Parse(kind, path, bytes), manifest, RegistryTokenSupplied);
            manifest ??= checkedFile.Manifest;
            keys.UnionWith(checkedFile.Diagnostics.Select(Key));
        }

        return keys;
    }

    private static bool IsReferenceProblem(Diagnostic diagnostic) =>
        diagnostic.Descriptor == DiagnosticCatalog.SchemaRefNotFound
        || diagnostic.Descriptor == DiagnosticCatalog.SchemaRefRemote
        || diagnostic.Descriptor == DiagnosticCatalog.SchemaRefCycle;

    private static string PositionKey(Diagnostic diagnostic) =>
        string.Join("|", diagnostic.FilePath, diagnostic.Span.Start, diagnostic.Span.Length);

    private static string Key(Diagnostic diagnostic) =>
        string.Join("|", diagnostic.Id, diagnostic.FilePath, diagnostic.Span.Start, diagnostic.Span.Length, diagnostic.Message);

    private void Report(Diagnostic diagnostic, DiagnosticSeverity severity) => DiagnosticLog.Report(Log, diagnostic, severity);
}
