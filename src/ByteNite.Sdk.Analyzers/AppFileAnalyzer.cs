using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ByteNite.Sdk.Model.Json;
using ByteNite.Sdk.Model.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using CatalogDiagnostic = ByteNite.Sdk.Model.Diagnostics.Diagnostic;
using CatalogLinePosition = ByteNite.Sdk.Model.Json.LinePosition;
using RoslynTextSpan = Microsoft.CodeAnalysis.Text.TextSpan;

namespace ByteNite.Sdk.Analyzers;

/// <summary>
/// Reports the rule catalogue's diagnostics on the app's manifest.json, template.json and schema.json while they are
/// edited. The SDK passes those files as AdditionalFiles marked with their kind, and turns this analyzer on only where
/// the build task does not report the same diagnostics (design-time builds, i.e. in IDEs): see docs/ide.md.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class AppFileAnalyzer : DiagnosticAnalyzer
{
    /// <summary>true: this compilation reports the JSON files' diagnostics (the build task leaves them to it).</summary>
    public const string LiveDiagnosticsKey = "build_property.ByteNiteLiveDiagnostics";

    /// <summary>true: a registry token is supplied outside manifest.json (only its presence, never its value).</summary>
    public const string RegistryTokenSuppliedKey = "build_property._ByteNiteRegistryTokenSupplied";

    /// <summary>The kind of an app file: manifest, template or schema. Files without it are not the app's and are ignored.</summary>
    public const string FileKindKey = "build_metadata.AdditionalFiles.ByteNiteFileKind";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => CatalogDescriptors.All;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            AnalyzerConfigOptions global = start.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
            if (!IsTrue(global, LiveDiagnosticsKey))
            {
                return;
            }

            bool tokenSupplied = IsTrue(global, RegistryTokenSuppliedKey);
            start.RegisterAdditionalFileAction(file => AnalyzeFile(file, tokenSupplied));
        });
    }

    private static void AnalyzeFile(AdditionalFileAnalysisContext context, bool tokenSupplied)
    {
        AdditionalText file = context.AdditionalFile;
        string? kind = KindOf(context.Options, file);
        if (kind is null)
        {
            return;
        }

        try
        {
            // No text: the file cannot be read; the build task reports that (BN0002) with the reason.
            SourceText? text = file.GetText(context.CancellationToken);
            if (text is null)
            {
                return;
            }

            AppFileCache.Entry entry = AppFileCache.Get(file.Path, kind, text);
            AppFileCache.Entry? manifestEntry = null;
            Manifest? manifest = null;
            if (kind == AppFileChecks.Template && FindManifest(context) is { } manifestFile
                && manifestFile.GetText(context.CancellationToken) is { } manifestText)
            {
                manifestEntry = AppFileCache.Get(manifestFile.Path, AppFileChecks.Manifest, manifestText);
                manifest = manifestEntry.Check(null, tokenSupplied).Manifest;
            }

            foreach (CatalogDiagnostic diagnostic in entry.Check(manifest, tokenSupplied).Diagnostics)
            {
                context.ReportDiagnostic(ToRoslyn(diagnostic, AdditionalLocations(diagnostic, entry, manifestEntry)));
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // The one catch-all, as in the build task: a bug in a rule is a diagnostic on the file, never AD0001.
            context.ReportDiagnostic(ToRoslyn(CatalogDiagnostic.CreateForInternalError(file.Path, e), Array.Empty<Location>()));
        }
    }

    private static string? KindOf(AnalyzerOptions options, AdditionalText file) =>
        options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(FileKindKey, out string? kind) && AppFileChecks.IsKind(kind?.Trim())
            ? kind!.Trim()
            : null;

    private static AdditionalText? FindManifest(AdditionalFileAnalysisContext context) =>
        context.Options.AdditionalFiles.FirstOrDefault(f => KindOf(context.Options, f) == AppFileChecks.Manifest);

    private static bool IsTrue(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out string? value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The model's position is one-based (as MSBuild prints it); Roslyn's is zero-based.</summary>
    internal static Diagnostic ToRoslyn(CatalogDiagnostic diagnostic, IEnumerable<Location> additionalLocations) =>
        Diagnostic.Create(
            CatalogDescriptors.ForReporting(diagnostic.Descriptor),
            LocationOf(diagnostic.FilePath, diagnostic.Span, diagnostic.Location.Start, diagnostic.Location.End),
            additionalLocations,
            diagnostic.Message);

    private static Location LocationOf(string path, ByteNite.Sdk.Model.Json.TextSpan span, CatalogLinePosition start, CatalogLinePosition end) =>
        Location.Create(
            path,
            new RoslynTextSpan(span.Start, span.Length),
            new Microsoft.CodeAnalysis.Text.LinePositionSpan(ToRoslyn(start), ToRoslyn(end)));

    private static Microsoft.CodeAnalysis.Text.LinePosition ToRoslyn(CatalogLinePosition position) =>
        position.Line == 0 ? default : new(position.Line - 1, position.Column - 1);

    private static Location LocationOf(SourceFile file, ByteNite.Sdk.Model.Json.TextSpan span)
    {
        ByteNite.Sdk.Model.Json.LinePositionSpan lines = file.GetLinePositionSpan(span);
        return LocationOf(file.Path, span, lines.Start, lines.End);
    }

    /// <summary>Where the other half of a problem is: a duplicate key's first occurrence; the manifest's name or version.</summary>
    private static IEnumerable<Location> AdditionalLocations(CatalogDiagnostic diagnostic, AppFileCache.Entry entry, AppFileCache.Entry? manifest)
    {
        switch (diagnostic.Id)
        {
            case "BN1002":
            case "BN2002":
                if (JsonTree.FirstOccurrenceOfDuplicateKey(entry.Parsed, diagnostic.Span) is { } first)
                {
                    return new[] { LocationOf(entry.Parsed.File, first) };
                }

                break;
            case "BN1022":
            case "BN1023":
                string[] keys = diagnostic.Id == "BN1022" ? new[] { "name", "id" } : new[] { "version" };
                if (manifest is not null && JsonTree.ValueOfTopLevelKey(manifest.Parsed, keys) is { } value)
                {
                    return new[] { LocationOf(manifest.Parsed.File, value) };
                }

                break;
        }

        return Array.Empty<Location>();
    }
}
