using ByteNite.Sdk.Model.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ByteNite.Sdk.Tasks;

/// <summary>Logs a catalogue diagnostic the way every ByteNite task does: MSBuild's canonical format, with its help link.</summary>
internal static class DiagnosticLog
{
    public static void Report(TaskLoggingHelper log, Diagnostic diagnostic, DiagnosticSeverity severity)
    {
        // Start position only: MSBuild then prints the canonical "file(line,col): error CODE: message" that the docs
        // and the compiler use (with an end position it would print "file(line,col,endLine,endCol)").
        int line = diagnostic.Location.Start.Line;
        int column = line == 0 ? 0 : diagnostic.Location.Start.Column;
        const int endLine = 0, endColumn = 0;
        string helpLink = diagnostic.Descriptor.HelpLink;

        // The message is passed with no format arguments, so MSBuild does not interpret braces in it.
        switch (severity)
        {
            case DiagnosticSeverity.Error:
                log.LogError(null, diagnostic.Id, null, helpLink, diagnostic.FilePath, line, column, endLine, endColumn, diagnostic.Message);
                break;
            case DiagnosticSeverity.Warning:
                log.LogWarning(null, diagnostic.Id, null, helpLink, diagnostic.FilePath, line, column, endLine, endColumn, diagnostic.Message);
                break;
            default:
                // Like the compiler, suggestions are visible in detailed logs and hidden diagnostics only in diagnostic ones.
                MessageImportance importance = severity == DiagnosticSeverity.Info ? MessageImportance.Normal : MessageImportance.Low;
                log.LogMessage(null, diagnostic.Id, null, diagnostic.FilePath, line, column, endLine, endColumn, importance, diagnostic.Message);
                break;
        }
    }
}
