using System;
using System.Linq;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Hosting;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ByteNite.Sdk.Tasks;

/// <summary>
/// A task that reports catalogue diagnostics with the severity the project configures, the Roslyn way: the project's
/// NoWarn, WarningsAsErrors, WarningsNotAsErrors and TreatWarningsAsErrors, and <c>dotnet_diagnostic.BNxxxx.severity</c>
/// in global analyzer config files.
/// </summary>
public abstract class SeverityConfiguredTask : Task
{
    public string? NoWarn { get; set; }

    public string? WarningsAsErrors { get; set; }

    public string? WarningsNotAsErrors { get; set; }

    public bool TreatWarningsAsErrors { get; set; }

    /// <summary>Analyzer config files (@(EditorConfigFiles)); the global ones configure BN severities.</summary>
    public ITaskItem[] EditorConfigFiles { get; set; } = Array.Empty<ITaskItem>();

    private SeverityConfiguration? _severities;

    /// <summary>The settings above, read once per run of the task; problems in them are in its <see cref="SeverityConfiguration.Diagnostics"/>.</summary>
    protected SeverityConfiguration Severities => _severities ??= CreateSeverityConfiguration();

    /// <summary>Logs a diagnostic with the severity the project configures for it, or not at all when it is turned off.</summary>
    protected void Report(Diagnostic diagnostic)
    {
        if (Severities.GetEffectiveSeverity(diagnostic) is DiagnosticSeverity severity)
        {
            DiagnosticLog.Report(Log, diagnostic, severity);
        }
    }

    private SeverityConfiguration CreateSeverityConfiguration() => SeverityConfiguration.Create(new SeverityOptions
    {
        NoWarn = NoWarn,
        WarningsAsErrors = WarningsAsErrors,
        WarningsNotAsErrors = WarningsNotAsErrors,
        TreatWarningsAsErrors = TreatWarningsAsErrors,
        AnalyzerConfigFiles = EditorConfigFiles.Select(item => item.GetMetadata("FullPath")).ToArray(),
    });
}
