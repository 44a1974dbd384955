using System.Text.RegularExpressions;

namespace ByteNite.Sdk.Model.Rules;

/// <summary>The seed dialect's contract for app/runner.py, checked on the text (no Python needed at build time).</summary>
public static class RunnerContract
{
    // A top-level 'def run(basepath, params, metadata)', with optional annotations and defaults.
    private static readonly Regex RunDefinition = new(
        @"^(?:async[ \t]+)?def[ \t]+run[ \t]*\([ \t\r\n]*basepath\b[^,()]*,[ \t\r\n]*params\b[^,()]*,[ \t\r\n]*metadata\b[^,()]*,?[ \t\r\n]*\)",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    public static bool DefinesRun(string pythonSource) => RunDefinition.IsMatch(pythonSource);
}
