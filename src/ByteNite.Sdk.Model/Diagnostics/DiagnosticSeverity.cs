namespace ByteNite.Sdk.Model.Diagnostics;

/// <summary>Severities in Roslyn's order, so that hosts can map them one to one.</summary>
public enum DiagnosticSeverity
{
    Hidden = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
}
