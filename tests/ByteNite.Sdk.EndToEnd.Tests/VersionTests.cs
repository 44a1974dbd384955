using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Xunit;

namespace ByteNite.Sdk.EndToEnd.Tests;

/// <summary>The manifest's version becomes the project's version; a Version the project sets itself must agree with it.</summary>
[Collection(SdkCollection.Name)]
public sealed class VersionTests
{
    private readonly SdkPackageFixture _sdk;

    public VersionTests(SdkPackageFixture sdk) => _sdk = sdk;

    [Fact]
    public void Seed_revision_becomes_the_patch_number_of_every_version_property()
    {
        TestApp app = _sdk.CreateApp("hello-world", "rev2");
        app.Replace("manifest.json", "\"0.1.rev0\"", "\"0.4.rev2\"");

        JsonElement properties = app.QueryMSBuild(
            "-restore", "-t:Build",
            "-getProperty:Version", "-getProperty:PackageVersion", "-getProperty:AssemblyVersion", "-getProperty:FileVersion",
            "-getProperty:InformationalVersion", "-getProperty:ByteNiteAppVersion").GetProperty("Properties");

        Assert.Equal("0.4.2", properties.GetProperty("Version").GetString());
        Assert.Equal("0.4.2", properties.GetProperty("PackageVersion").GetString());
        Assert.Equal("0.4.2.0", properties.GetProperty("AssemblyVersion").GetString());
        Assert.Equal("0.4.2.0", properties.GetProperty("FileVersion").GetString());
        Assert.Equal("0.4.2", properties.GetProperty("InformationalVersion").GetString());
        Assert.Equal("0.4.rev2", properties.GetProperty("ByteNiteAppVersion").GetString());

        Assert.Equal(new System.Version(0, 4, 2, 0), AssemblyName.GetAssemblyName(app.OutputAssemblyPath).Version);
        FileVersionInfo info = FileVersionInfo.GetVersionInfo(app.OutputAssemblyPath);
        Assert.Equal("0.4.2.0", info.FileVersion);
        Assert.Equal("0.4.2", info.ProductVersion);
    }

    [Fact]
    public void Version_suffix_applies_on_top_of_the_manifest_version()
    {
        TestApp app = _sdk.CreateApp("hello-world-current", "suffix");

        BuildResult result = app.Build("-p:VersionSuffix=beta1");

        BuildAssert.Succeeded(result);
        Assert.Equal("0.1.0-beta1", FileVersionInfo.GetVersionInfo(app.OutputAssemblyPath).ProductVersion);
    }

    [Fact]
    public void Explicit_version_that_contradicts_the_manifest_fails_with_BN1024()
    {
        TestApp app = _sdk.CreateApp("hello-world", "bn1024");
        app.WriteProject("  <PropertyGroup>\n    <Version>9.9.9</Version>\n  </PropertyGroup>");

        BuildResult result = app.Build();

        BuildAssert.Failed(result);
        BuildAssert.HasLine(result, app.Line("manifest.json", app.Locate("manifest.json", "\"0.1.rev0\""), "error", "BN1024",
            "The project sets Version \"9.9.9\", but manifest.json 'version' \"0.1.rev0\" gives \"0.1.0\". The manifest is the source of the version; remove <Version> (and <VersionPrefix>/<VersionSuffix>) from the project or make it \"0.1.0\"."));
    }

    [Fact]
    public void Explicit_version_that_agrees_with_the_manifest_is_fine()
    {
        TestApp app = _sdk.CreateApp("hello-world", "agree");
        app.WriteProject("  <PropertyGroup>\n    <Version>0.1.0</Version>\n  </PropertyGroup>");

        BuildResult result = app.Build();

        BuildAssert.Succeeded(result);
        BuildAssert.NoBnDiagnostics(result);
        Assert.Equal("0.1.0", FileVersionInfo.GetVersionInfo(app.OutputAssemblyPath).ProductVersion);
    }
}
