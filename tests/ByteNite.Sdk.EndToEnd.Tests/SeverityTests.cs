using Xunit;

namespace ByteNite.Sdk.EndToEnd.Tests;

/// <summary>
/// Severities are configured the Roslyn way, and applied once: the task reports with the effective severity, and MSBuild
/// does not turn it into something else (a warning suppressed twice, an error demoted, a warning promoted against
/// WarningsNotAsErrors).
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class SeverityTests
{
    private readonly SdkPackageFixture _sdk;

    public SeverityTests(SdkPackageFixture sdk) => _sdk = sdk;

    /// <summary>A valid app with one BN1018 warning (an unknown key).</summary>
    private TestApp CreateAppWithWarning(string name, string projectContent = "")
    {
        TestApp app = _sdk.CreateApp("hello-world", name);
        app.Replace("manifest.json", "\"platform\": \"docker\",", "\"platform\": \"docker\",\n  \"colour\": \"blue\",");
        app.WriteProject(projectContent);
        return app;
    }

    private static string UnknownKeyLine(TestApp app, string kind) =>
        app.Line("manifest.json", app.Locate("manifest.json", "\"colour\""), kind, "BN1018",
            "Unknown key 'colour'; the platform ignores it. Remove it, or check the spelling against the documented keys: id, name, version, platform, description, entrypoint, platform_config, device_requirements, type.");

    [Fact]
    public void Default_is_a_warning()
    {
        TestApp app = CreateAppWithWarning("default");

        BuildResult result = app.Build();

        BuildAssert.Succeeded(result);
        BuildAssert.HasLine(result, UnknownKeyLine(app, "warning"));
    }

    [Fact]
    public void NoWarn_removes_the_warning()
    {
        TestApp app = CreateAppWithWarning("nowarn", "  <PropertyGroup>\n    <NoWarn>$(NoWarn);BN1018</NoWarn>\n  </PropertyGroup>");

        BuildResult result = app.BuildWith("n", null);

        // Not reported at all, not even as a message (detailed logs still show NoWarn in the compiler's command line).
        BuildAssert.Succeeded(result);
        Assert.Equal(0, result.Count("BN1018"));
        Assert.DoesNotContain("Unknown key 'colour'", result.Output);
    }

    [Fact]
    public void WarningsAsErrors_fails_the_build()
    {
        TestApp app = CreateAppWithWarning("warnaserror", "  <PropertyGroup>\n    <WarningsAsErrors>$(WarningsAsErrors);BN1018</WarningsAsErrors>\n  </PropertyGroup>");

        BuildResult result = app.Build();

        BuildAssert.Failed(result);
        BuildAssert.HasLine(result, UnknownKeyLine(app, "error"));
        Assert.Equal(2, result.Count("BN1018"));
    }

    [Fact]
    public void TreatWarningsAsErrors_fails_the_build()
    {
        TestApp app = CreateAppWithWarning("treat", "  <PropertyGroup>\n    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>\n  </PropertyGroup>");

        BuildResult result = app.Build();

        BuildAssert.Failed(result);
        BuildAssert.HasLine(result, UnknownKeyLine(app, "error"));
        Assert.Equal(2, result.Count("BN1018"));
    }

    [Fact]
    public void WarningsNotAsErrors_keeps_a_warning_under_TreatWarningsAsErrors()
    {
        TestApp app = CreateAppWithWarning("notaserror",
            "  <PropertyGroup>\n    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>\n    <WarningsNotAsErrors>BN1018</WarningsNotAsErrors>\n  </PropertyGroup>");

        BuildResult result = app.Build();

        BuildAssert.Succeeded(result);
        BuildAssert.HasLine(result, UnknownKeyLine(app, "warning"));
    }

    [Theory]
    [InlineData("error")]
    [InlineData("ERROR")]
    public void Globalconfig_error_fails_the_build(string value)
    {
        TestApp app = CreateAppWithWarning("globalconfig-error");
        app.Write(".globalconfig", $"is_global = true\n\n# Unknown keys are mistakes in this repository.\ndotnet_diagnostic.BN1018.severity = {value}\n");

        BuildResult result = app.Build();

        BuildAssert.Failed(result);
        BuildAssert.HasLine(result, UnknownKeyLine(app, "error"));
    }

    [Fact]
    public void Globalconfig_none_removes_the_warning()
    {
        TestApp app = CreateAppWithWarning("globalconfig-none");
        app.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.BN1018.severity = none\n");

        BuildResult result = app.BuildWith("n", null);

        BuildAssert.Succeeded(result);
        Assert.Equal(0, result.Count("BN1018"));
        Assert.DoesNotContain("Unknown key 'colour'", result.Output);
    }

    [Fact]
    public void Globalconfig_can_demote_an_error_to_a_warning()
    {
        TestApp app = _sdk.CreateApp("hello-world", "globalconfig-demote");
        app.Replace("manifest.json", "\"python:3.11-slim-bookworm\"", "\"python:3.11-slim-bookworm\",\n    \"private_image\": true");
        app.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.BN1011.severity = warning\n");

        BuildResult result = app.Build();

        BuildAssert.Succeeded(result);
        Assert.Contains(result.DiagnosticLines, line => line.Contains(": warning BN1011: "));
    }

    [Fact]
    public void Invalid_globalconfig_severity_warns_with_BN0003_at_the_value()
    {
        TestApp app = CreateAppWithWarning("globalconfig-invalid");
        app.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.BN1018.severity = fatal\n");

        BuildResult result = app.Build();

        BuildAssert.Succeeded(result);
        BuildAssert.HasLine(result, app.Line(".globalconfig", (2, 37), "warning", "BN0003",
            "'fatal' is not a valid severity for BN1018; use one of: error, warning, suggestion, silent, none, default."));
        BuildAssert.HasLine(result, UnknownKeyLine(app, "warning"));
    }

    [Fact]
    public void Editorconfig_sections_do_not_apply_to_json_files_as_in_roslyn()
    {
        // Roslyn applies [*] / [*.json] sections per source file; a diagnostic located in manifest.json is not one.
        TestApp app = CreateAppWithWarning("editorconfig");
        app.Write(".editorconfig", "root = true\n\n[*.json]\ndotnet_diagnostic.BN1018.severity = error\n");

        BuildResult result = app.Build();

        BuildAssert.Succeeded(result);
        BuildAssert.HasLine(result, UnknownKeyLine(app, "warning"));
    }
}
