using System.Diagnostics;
using System.Linq;
using Xunit;

namespace ByteNite.Sdk.EndToEnd.Tests;

/// <summary>The repository's samples build clean against the packed SDK, and the manifest version flows into the assembly.</summary>
[Collection(SdkCollection.Name)]
public sealed class SampleTests
{
    private readonly SdkPackageFixture _sdk;

    public SampleTests(SdkPackageFixture sdk) => _sdk = sdk;

    [Theory]
    [InlineData("hello-world", "0.1.0")]          // seed dialect: "0.1.rev0"
    [InlineData("hello-world-current", "0.1.0")]  // current dialect: "0.1"
    public void Sample_builds_without_any_warning_and_takes_its_version_from_the_manifest(string sample, string version)
    {
        TestApp app = _sdk.CreateApp(sample);

        BuildResult result = app.Build();

        BuildAssert.Succeeded(result);
        Assert.Empty(result.DiagnosticLines);
        FileVersionInfo info = FileVersionInfo.GetVersionInfo(app.OutputAssemblyPath);
        Assert.Equal(version + ".0", info.FileVersion);
        Assert.Equal(version, info.ProductVersion); // AssemblyInformationalVersion
    }

    [Fact]
    public void Sdk_version_can_be_given_in_the_project_file_instead_of_global_json()
    {
        TestApp app = _sdk.CreateApp("hello-world", "inline-sdk-version");
        app.Delete("global.json");
        app.WriteProject(sdk: "ByteNite.Sdk/" + _sdk.Version);

        BuildResult result = app.Build();

        BuildAssert.Succeeded(result);
        Assert.Empty(result.DiagnosticLines);
    }
}
