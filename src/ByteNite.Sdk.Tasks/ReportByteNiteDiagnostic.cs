using System;
using System.Linq;
using ByteNite.Sdk.Model.Diagnostics;
using Microsoft.Build.Framework;

namespace ByteNite.Sdk.Tasks;

/// <summary>
/// Reports one catalogue diagnostic about a whole file, for a problem that a target's condition detects (no task of its
/// own needed), with the severity the project configures. The message comes from the catalogue, as every other one does.
/// </summary>
public sealed class ReportByteNiteDiagnostic : SeverityConfiguredTask
{
    /// <summary>A code of <see cref="DiagnosticCatalog.All"/>.</summary>
    [Required]
    public string Code { get; set; } = string.Empty;

    /// <summary>The file the diagnostic is about (the project file, usually).</summary>
    [Required]
    public string File { get; set; } = string.Empty;

    /// <summary>The values for the message's placeholders, in order.</summary>
    public string[] Arguments { get; set; } = Array.Empty<string>();

    public override bool Execute()
    {
        DiagnosticDescriptor descriptor = DiagnosticCatalog.All.FirstOrDefault(d => d.Id == Code)
            ?? throw new ArgumentException("'" + Code + "' is not a code of the ByteNite.Sdk catalogue.", nameof(Code));
        Report(Diagnostic.CreateForFile(descriptor, File, Arguments.Cast<object>().ToArray()));

        return !Log.HasLoggedErrors;
    }
}
