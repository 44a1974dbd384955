using System.Linq;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Hosting;
using ByteNite.Sdk.Model.Json;
using Xunit;

namespace ByteNite.Sdk.EndToEnd.Tests;

/// <summary>
/// The severity rules the task applies, in process: the precedence and the Roslyn-compatible details (key kinds,
/// global_level, which files are global) that would take a build each to show end to end.
/// </summary>
public sealed class SeverityConfigurationTests
{
    private static readonly DiagnosticDescriptor Warning = DiagnosticCatalog.UnknownKey;   // BN1018, ByteNite.Manifest
    private static readonly DiagnosticDescriptor Error = DiagnosticCatalog.InvalidVersion; // BN1004, ByteNite.Manifest

    private static SeverityConfiguration Create(SeverityOptions? options = null, params (string Path, string Text)[] configs) =>
        SeverityConfiguration.Create(options ?? new SeverityOptions(), configs.Select(c => new SourceFile(c.Path, c.Text)));

    [Fact]
    public void Defaults_come_from_the_catalogue()
    {
        SeverityConfiguration configuration = Create();

        Assert.Equal(DiagnosticSeverity.Warning, configuration.GetEffectiveSeverity(Warning));
        Assert.Equal(DiagnosticSeverity.Error, configuration.GetEffectiveSeverity(Error));
        Assert.Empty(configuration.Diagnostics);
    }

    [Theory]
    [InlineData("error", DiagnosticSeverity.Error)]
    [InlineData("Warning", DiagnosticSeverity.Warning)]
    [InlineData("suggestion", DiagnosticSeverity.Info)]
    [InlineData("silent", DiagnosticSeverity.Hidden)]
    [InlineData("none", null)]
    [InlineData("default", DiagnosticSeverity.Warning)]
    public void Global_config_values_map_like_roslyn(string value, DiagnosticSeverity? expected)
    {
        SeverityConfiguration configuration = Create(null, ("/repo/.globalconfig", $"dotnet_diagnostic.BN1018.severity = {value} # why\n"));

        Assert.Equal(expected, configuration.GetEffectiveSeverity(Warning));
    }

    [Fact]
    public void Only_global_files_and_only_their_preamble_apply()
    {
        SeverityConfiguration configuration = Create(null,
            ("/repo/.editorconfig", "root = true\ndotnet_diagnostic.BN1018.severity = error\n[*.json]\ndotnet_diagnostic.BN1018.severity = error\n"),
            ("/repo/other.editorconfig", "is_global = true\n[/repo/manifest.json]\ndotnet_diagnostic.BN1004.severity = none\n"));

        Assert.Equal(DiagnosticSeverity.Warning, configuration.GetEffectiveSeverity(Warning));
        Assert.Equal(DiagnosticSeverity.Error, configuration.GetEffectiveSeverity(Error));
    }

    [Fact]
    public void Id_beats_category_beats_all_analyzers()
    {
        SeverityConfiguration configuration = Create(null, ("/repo/.globalconfig",
            "dotnet_analyzer_diagnostic.severity = none\n" +
            "dotnet_analyzer_diagnostic.category-ByteNite.Manifest.severity = suggestion\n" +
            "dotnet_diagnostic.BN1018.severity = error\n"));

        Assert.Equal(DiagnosticSeverity.Error, configuration.GetEffectiveSeverity(Warning));
        Assert.Equal(DiagnosticSeverity.Info, configuration.GetEffectiveSeverity(Error));
        Assert.Null(configuration.GetEffectiveSeverity(DiagnosticCatalog.ManifestNotFound)); // category ByteNite.Sdk
    }

    [Fact]
    public void Higher_global_level_wins_and_equal_levels_take_the_later_file()
    {
        SeverityConfiguration configuration = Create(null,
            ("/a/.globalconfig", "global_level = 200\ndotnet_diagnostic.BN1018.severity = error\n"),
            ("/b/.globalconfig", "dotnet_diagnostic.BN1018.severity = none\ndotnet_diagnostic.BN1004.severity = warning\n"),
            ("/c/.globalconfig", "dotnet_diagnostic.BN1004.severity = suggestion\n"));

        Assert.Equal(DiagnosticSeverity.Error, configuration.GetEffectiveSeverity(Warning));
        Assert.Equal(DiagnosticSeverity.Info, configuration.GetEffectiveSeverity(Error));
    }

    [Fact]
    public void NoWarn_suppresses_even_a_configured_error_and_WarningsAsErrors_promotes_only_warnings()
    {
        SeverityConfiguration configuration = Create(
            new SeverityOptions { NoWarn = "1701;1702, bn1018", WarningsAsErrors = "BN1004;BN1010" },
            ("/repo/.globalconfig", "dotnet_diagnostic.BN1018.severity = error\ndotnet_diagnostic.BN1004.severity = suggestion\n"));

        Assert.Null(configuration.GetEffectiveSeverity(Warning));
        Assert.Equal(DiagnosticSeverity.Info, configuration.GetEffectiveSeverity(Error));
        Assert.Equal(DiagnosticSeverity.Error, configuration.GetEffectiveSeverity(DiagnosticCatalog.UnpinnedImage));
    }

    [Fact]
    public void TreatWarningsAsErrors_spares_WarningsNotAsErrors()
    {
        SeverityConfiguration configuration = Create(new SeverityOptions
        {
            TreatWarningsAsErrors = true,
            WarningsNotAsErrors = "BN1010",
        });

        Assert.Equal(DiagnosticSeverity.Error, configuration.GetEffectiveSeverity(Warning));
        Assert.Equal(DiagnosticSeverity.Warning, configuration.GetEffectiveSeverity(DiagnosticCatalog.UnpinnedImage));
    }

    [Fact]
    public void Invalid_value_for_a_BN_key_is_BN0003_at_the_value_and_other_analyzers_keys_are_left_alone()
    {
        SeverityConfiguration configuration = Create(null, ("/repo/.globalconfig",
            "is_global = true\r\ndotnet_diagnostic.CA1000.severity = bogus\r\n  dotnet_diagnostic.BN1018.severity =  fatal  \r\n"));

        Diagnostic diagnostic = Assert.Single(configuration.Diagnostics);
        Assert.Equal("BN0003", diagnostic.Id);
        Assert.Equal("/repo/.globalconfig", diagnostic.FilePath);
        Assert.Equal(3, diagnostic.Location.Start.Line);
        Assert.Equal(40, diagnostic.Location.Start.Column);
        Assert.Equal("'fatal' is not a valid severity for BN1018; use one of: error, warning, suggestion, silent, none, default.", diagnostic.Message);
        Assert.Equal(DiagnosticSeverity.Warning, configuration.GetEffectiveSeverity(Warning));
    }

    [Fact]
    public void Unreadable_config_file_is_BN0002()
    {
        SeverityConfiguration configuration = SeverityConfiguration.Create(new SeverityOptions
        {
            AnalyzerConfigFiles = new[] { System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bytenite-missing-dir", ".globalconfig") },
        });

        Assert.Equal("BN0002", Assert.Single(configuration.Diagnostics).Id);
    }
}
