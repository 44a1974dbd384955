using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Json;

namespace ByteNite.Sdk.Model.Hosting;

/// <summary>The project settings that change the severity of diagnostics, as a host (MSBuild task, tool) receives them.</summary>
public sealed class SeverityOptions
{
    /// <summary>The NoWarn property: codes separated by ';', ',' or white space.</summary>
    public string? NoWarn { get; set; }

    /// <summary>The WarningsAsErrors property.</summary>
    public string? WarningsAsErrors { get; set; }

    /// <summary>The WarningsNotAsErrors property: exceptions to <see cref="TreatWarningsAsErrors"/>.</summary>
    public string? WarningsNotAsErrors { get; set; }

    public bool TreatWarningsAsErrors { get; set; }

    /// <summary>
    /// Analyzer config files (MSBuild's EditorConfigFiles items). Only global ones (<c>.globalconfig</c>, or
    /// <c>is_global = true</c>) are read: Roslyn applies the sections of other files per source file, so they never
    /// reach a diagnostic located in manifest.json, and the SDK must behave like the analyzer.
    /// </summary>
    public IReadOnlyList<string> AnalyzerConfigFiles { get; set; } = Array.Empty<string>();
}

/// <summary>
/// Computes the effective severity of a diagnostic the way Roslyn does for analyzer diagnostics:
/// the catalogue's default, then global analyzer config keys (<c>dotnet_diagnostic.BNxxxx.severity</c>, then
/// <c>dotnet_analyzer_diagnostic.category-CATEGORY.severity</c>, then <c>dotnet_analyzer_diagnostic.severity</c>),
/// then NoWarn (suppresses), then WarningsAsErrors / TreatWarningsAsErrors minus WarningsNotAsErrors (promote warnings).
/// Pure logic: no MSBuild types, so the analyzer and any other host can share it.
/// </summary>
public sealed class SeverityConfiguration
{
    private const string DiagnosticKeyPrefix = "dotnet_diagnostic.";
    private const string CategoryKeyPrefix = "dotnet_analyzer_diagnostic.category-";
    private const string AllAnalyzersKey = "dotnet_analyzer_diagnostic.severity";
    private const string SeverityKeySuffix = ".severity";

    // Roslyn gives user global configs this level unless they say otherwise; the highest level wins a conflict.
    private const int DefaultGlobalLevel = 100;

    private static readonly char[] CodeSeparators = { ';', ',', ' ', '\t', '\r', '\n' };

    private readonly HashSet<string> _noWarn;
    private readonly HashSet<string> _warningsAsErrors;
    private readonly HashSet<string> _warningsNotAsErrors;
    private readonly bool _treatWarningsAsErrors;
    private readonly Dictionary<string, ConfiguredSeverity> _configured;

    private SeverityConfiguration(SeverityOptions options, Dictionary<string, ConfiguredSeverity> configured, IReadOnlyList<Diagnostic> diagnostics)
    {
        _noWarn = ParseCodes(options.NoWarn);
        _warningsAsErrors = ParseCodes(options.WarningsAsErrors);
        _warningsNotAsErrors = ParseCodes(options.WarningsNotAsErrors);
        _treatWarningsAsErrors = options.TreatWarningsAsErrors;
        _configured = configured;
        Diagnostics = diagnostics;
    }

    /// <summary>Problems in the configuration itself (BN0003 for an invalid severity value, BN0002 for an unreadable file).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Reads the global analyzer config files and the project settings; never throws on their content.</summary>
    public static SeverityConfiguration Create(SeverityOptions options)
    {
        var configured = new Dictionary<string, ConfiguredSeverity>(StringComparer.OrdinalIgnoreCase);
        var diagnostics = new List<Diagnostic>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string path in options.AnalyzerConfigFiles)
        {
            if (string.IsNullOrEmpty(path) || !seen.Add(path))
            {
                continue;
            }

            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                diagnostics.Add(Diagnostic.CreateForUnreadableFile(path, e));
                continue;
            }

            ReadAnalyzerConfig(new SourceFile(path, text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text), configured, diagnostics);
        }

        return new SeverityConfiguration(options, configured, diagnostics);
    }

    /// <summary>Reads analyzer config texts; for hosts that have the text rather than a file (an analyzer, a test).</summary>
    public static SeverityConfiguration Create(SeverityOptions options, IEnumerable<SourceFile> analyzerConfigs)
    {
        var configured = new Dictionary<string, ConfiguredSeverity>(StringComparer.OrdinalIgnoreCase);
        var diagnostics = new List<Diagnostic>();
        foreach (SourceFile file in analyzerConfigs)
        {
            ReadAnalyzerConfig(file, configured, diagnostics);
        }

        return new SeverityConfiguration(options, configured, diagnostics);
    }

    /// <summary>The severity to report <paramref name="diagnostic"/> with, or null when it is suppressed.</summary>
    public DiagnosticSeverity? GetEffectiveSeverity(Diagnostic diagnostic) => GetEffectiveSeverity(diagnostic.Descriptor);

    /// <summary>The severity to report diagnostics of <paramref name="descriptor"/> with, or null when they are suppressed.</summary>
    public DiagnosticSeverity? GetEffectiveSeverity(DiagnosticDescriptor descriptor)
    {
        DiagnosticSeverity? severity = descriptor.DefaultSeverity;

        if (_configured.TryGetValue(DiagnosticKeyPrefix + descriptor.Id + SeverityKeySuffix, out ConfiguredSeverity byId)
            || _configured.TryGetValue(CategoryKeyPrefix + descriptor.Category + SeverityKeySuffix, out byId)
            || _configured.TryGetValue(AllAnalyzersKey, out byId))
        {
            severity = byId.IsDefault ? descriptor.DefaultSeverity : byId.Severity;
        }

        if (_noWarn.Contains(descriptor.Id))
        {
            return null;
        }

        if (severity == DiagnosticSeverity.Warning
            && (_warningsAsErrors.Contains(descriptor.Id) || (_treatWarningsAsErrors && !_warningsNotAsErrors.Contains(descriptor.Id))))
        {
            return DiagnosticSeverity.Error;
        }

        return severity;
    }

    /// <summary>Splits an MSBuild code list such as "1701;1702;BN1018" the way the compiler does.</summary>
    public static HashSet<string> ParseCodes(string? codes)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (codes is null)
        {
            return set;
        }

        foreach (string code in codes.Split(CodeSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            set.Add(code.Trim());
        }

        return set;
    }

    private static void ReadAnalyzerConfig(SourceFile file, Dictionary<string, ConfiguredSeverity> configured, List<Diagnostic> diagnostics)
    {
        // Only the preamble (the lines before the first [section]) of a global config applies to every file.
        var entries = new List<Entry>();
        bool isGlobal = string.Equals(System.IO.Path.GetFileName(file.Path), ".globalconfig", StringComparison.OrdinalIgnoreCase);
        int level = DefaultGlobalLevel;
        string text = file.Text;
        int lineStart = 0;
        while (lineStart <= text.Length)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            string line = text.Substring(lineStart, lineEnd - lineStart).TrimEnd('\r');
            string trimmed = line.Trim();
            if (trimmed.StartsWith("[", StringComparison.Ordinal))
            {
                break;
            }

            if (trimmed.Length > 0 && trimmed[0] != '#' && trimmed[0] != ';' && TryParseEntry(line, lineStart, out Entry entry))
            {
                if (entry.Key.Equals("is_global", StringComparison.OrdinalIgnoreCase))
                {
                    isGlobal |= entry.Value.Equals("true", StringComparison.OrdinalIgnoreCase);
                }
                else if (entry.Key.Equals("global_level", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(entry.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int parsedLevel))
                {
                    level = parsedLevel;
                }
                else
                {
                    entries.Add(entry);
                }
            }

            lineStart = lineEnd + 1;
        }

        if (!isGlobal)
        {
            return;
        }

        foreach (Entry entry in entries)
        {
            string key = entry.Key;
            bool isSeverityKey =
                (key.StartsWith(DiagnosticKeyPrefix, StringComparison.OrdinalIgnoreCase) && key.EndsWith(SeverityKeySuffix, StringComparison.OrdinalIgnoreCase))
                || (key.StartsWith(CategoryKeyPrefix, StringComparison.OrdinalIgnoreCase) && key.EndsWith(SeverityKeySuffix, StringComparison.OrdinalIgnoreCase))
                || key.Equals(AllAnalyzersKey, StringComparison.OrdinalIgnoreCase);
            if (!isSeverityKey || !IsOurs(key))
            {
                continue;
            }

            if (!TryParseSeverity(entry.Value, out ConfiguredSeverity severity))
            {
                string id = key.StartsWith(DiagnosticKeyPrefix, StringComparison.OrdinalIgnoreCase)
                    ? key.Substring(DiagnosticKeyPrefix.Length, key.Length - DiagnosticKeyPrefix.Length - SeverityKeySuffix.Length)
                    : key;
                diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.InvalidSeverityConfiguration, file, entry.ValueSpan, entry.Value, id));
                continue;
            }

            severity.Level = level;
            if (!configured.TryGetValue(key, out ConfiguredSeverity existing) || existing.Level <= level)
            {
                configured[key] = severity;
            }
        }
    }

    // A global config usually configures C# rules too; only keys that can concern a BN diagnostic are checked,
    // so an invalid value for another analyzer's rule is left to the compiler to report.
    private static bool IsOurs(string key)
    {
        if (key.Equals(AllAnalyzersKey, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (key.StartsWith(DiagnosticKeyPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return key.Substring(DiagnosticKeyPrefix.Length).StartsWith("BN", StringComparison.OrdinalIgnoreCase);
        }

        if (key.StartsWith(CategoryKeyPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return key.Substring(CategoryKeyPrefix.Length).StartsWith("ByteNite.", StringComparison.OrdinalIgnoreCase);
        }

        return false;
    }

    private static bool TryParseEntry(string line, int lineOffset, out Entry entry)
    {
        entry = default;
        int separator = line.IndexOfAny(new[] { '=', ':' });
        if (separator <= 0)
        {
            return false;
        }

        string key = line.Substring(0, separator).Trim();
        if (key.Length == 0)
        {
            return false;
        }

        // The value ends at an inline comment, as in Roslyn's parser.
        int valueStart = separator + 1;
        int valueEnd = line.IndexOfAny(new[] { '#', ';' }, valueStart);
        if (valueEnd < 0)
        {
            valueEnd = line.Length;
        }

        while (valueStart < valueEnd && char.IsWhiteSpace(line[valueStart]))
        {
            valueStart++;
        }

        while (valueEnd > valueStart && char.IsWhiteSpace(line[valueEnd - 1]))
        {
            valueEnd--;
        }

        string value = line.Substring(valueStart, valueEnd - valueStart);
        entry = new Entry(key, value, new TextSpan(lineOffset + valueStart, valueEnd - valueStart));
        return true;
    }

    private static bool TryParseSeverity(string value, out ConfiguredSeverity severity)
    {
        severity = default;
        switch (value.ToLowerInvariant())
        {
            case "error":
                severity = new ConfiguredSeverity(DiagnosticSeverity.Error);
                return true;
            case "warning":
                severity = new ConfiguredSeverity(DiagnosticSeverity.Warning);
                return true;
            case "suggestion":
                severity = new ConfiguredSeverity(DiagnosticSeverity.Info);
                return true;
            case "silent":
            case "refactoring":
                severity = new ConfiguredSeverity(DiagnosticSeverity.Hidden);
                return true;
            case "none":
                severity = new ConfiguredSeverity(null);
                return true;
            case "default":
                severity = new ConfiguredSeverity(null) { IsDefault = true };
                return true;
            default:
                return false;
        }
    }

    private readonly struct Entry
    {
        public Entry(string key, string value, TextSpan valueSpan)
        {
            Key = key;
            Value = value;
            ValueSpan = valueSpan;
        }

        public string Key { get; }

        public string Value { get; }

        public TextSpan ValueSpan { get; }
    }

    private struct ConfiguredSeverity
    {
        public ConfiguredSeverity(DiagnosticSeverity? severity)
        {
            Severity = severity;
            IsDefault = false;
            Level = DefaultGlobalLevel;
        }

        /// <summary>Null means suppressed ("none").</summary>
        public DiagnosticSeverity? Severity { get; }

        public bool IsDefault { get; set; }

        public int Level { get; set; }
    }
}
