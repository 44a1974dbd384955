using System.Linq;
using System.Text.Json;
using Xunit;

namespace ByteNite.Sdk.EndToEnd.Tests;

/// <summary>
/// .NET workloads: not imported into an app project unless something read before Microsoft.NET.Sdk's props asks for
/// them, and a platform target framework that needs one gets BN0004 with the way to turn them on.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class WorkloadTests
{
    private readonly SdkPackageFixture _sdk;

    public WorkloadTests(SdkPackageFixture sdk) => _sdk = sdk;

    [Theory]
    [InlineData("", "", false)]
    [InlineData("<MSBuildEnableWorkloadResolver>true</MSBuildEnableWorkloadResolver>", "", true)]
    [InlineData("", "-p:MSBuildEnableWorkloadResolver=true", true)]
    [InlineData("<MSBuildEnableWorkloadResolver>false</MSBuildEnableWorkloadResolver>", "", false)]
    public void Workloads_are_imported_only_when_asked_for(string directoryBuildProperties, string commandLine, bool imported)
    {
        TestApp app = _sdk.CreateApp("hello-world", "workloads-settings");
        app.Write("Directory.Build.props", $"<Project><PropertyGroup>{directoryBuildProperties}</PropertyGroup></Project>");

        JsonElement result = app.QueryMSBuild(new[] { "-getItem:SdkSupportedTargetPlatformIdentifier" }
            .Concat(commandLine.Split(' ', System.StringSplitOptions.RemoveEmptyEntries)).ToArray());

        // Each installed workload's targets add the platform they build for.
        string[] platforms = result.GetProperty("Items").GetProperty("SdkSupportedTargetPlatformIdentifier").EnumerateArray()
            .Select(item => item.GetProperty("Identity").GetString()!).ToArray();
        Assert.Equal(imported, platforms.Contains("android"));
        Assert.Contains("windows", platforms); // from the .NET SDK itself, workloads or not
    }

    [Theory]
    [InlineData("net10.0-android", "")]
    // Too late: Microsoft.NET.Sdk's props, read before the project body, have left the workloads' props out.
    [InlineData("net10.0-android", "<MSBuildEnableWorkloadResolver>true</MSBuildEnableWorkloadResolver>")]
    // The .NET SDK's own message for macOS without workloads would be "not recognized" (NETSDK1139).
    [InlineData("net10.0-macos", "")]
    [InlineData("net10.0-browser", "")]
    public void A_platform_target_framework_is_BN0004_with_the_way_to_turn_workloads_on(string targetFramework, string projectProperties)
    {
        TestApp app = _sdk.CreateApp("hello-world", "workloads-platform");
        app.WriteProject($"<PropertyGroup><TargetFramework>{targetFramework}</TargetFramework>{projectProperties}</PropertyGroup>");

        BuildResult result = app.Build();

        BuildAssert.Failed(result);
        string platform = targetFramework.Substring("net10.0-".Length);
        string expected = $"{app.ProjectPath} : error BN0004: The target framework '{targetFramework}' needs the .NET workload for '{platform}', {Explanation(platform)}";
        Assert.Equal(new[] { expected, expected }, result.BnLines); // one report, printed live and in the summary
        Assert.Equal(new[] { "BN0004", "BN0004" }, result.Codes); // not NETSDK1208, which asks to unset a property the project never set
    }

    [Theory]
    // No workload provides this platform: "The target platform identifier plan9 was not recognized".
    [InlineData("net10.0-plan9", "", "", "NETSDK1139")]
    // BN0004 hidden, as any BN code can be: what its page says that brings.
    [InlineData("net10.0-android", "<NoWarn>$(NoWarn);BN0004</NoWarn>", "", "NETSDK1208")]
    // Workloads on, the android one not installed: "To build this project, the following workloads must be installed".
    [InlineData("net10.0-android", "", "<MSBuildEnableWorkloadResolver>true</MSBuildEnableWorkloadResolver>", "NETSDK1147")]
    public void Where_BN0004_does_not_apply_the_NET_SDK_reports_the_platform_itself(
        string targetFramework, string projectProperties, string directoryBuildProperties, string expectedCode)
    {
        TestApp app = _sdk.CreateApp("hello-world", "workloads-sdk-error");
        app.WriteProject($"<PropertyGroup><TargetFramework>{targetFramework}</TargetFramework>{projectProperties}</PropertyGroup>");
        app.Write("Directory.Build.props", $"<Project><PropertyGroup>{directoryBuildProperties}</PropertyGroup></Project>");

        BuildResult result = app.Build();

        BuildAssert.Failed(result);
        Assert.DoesNotContain("BN0004", result.Codes);
        Assert.Contains(expectedCode, result.Codes);
    }

    [Fact]
    public void Windows_needs_no_workload()
    {
        TestApp app = _sdk.CreateApp("hello-world", "workloads-windows");
        app.WriteProject("<PropertyGroup><TargetFramework>net10.0-windows</TargetFramework><EnableWindowsTargeting>true</EnableWindowsTargeting></PropertyGroup>");

        BuildResult result = app.Build();

        // Whether Windows' targeting pack can be restored here or not, the platform itself is accepted.
        Assert.DoesNotContain("BN0004", result.Codes);
        Assert.DoesNotContain("NETSDK1208", result.Codes);
        Assert.DoesNotContain("NETSDK1139", result.Codes); // "The target platform identifier ... was not recognized"
    }

    [Fact]
    public void Workload_restore_can_ask_a_multi_targeting_app_project_what_it_needs()
    {
        TestApp app = _sdk.CreateApp("hello-world", "workloads-restore");
        app.WriteProject("<PropertyGroup><TargetFrameworks>net10.0;net9.0</TargetFrameworks></PropertyGroup>");

        // What `dotnet workload restore` runs on each project: the outer build asks each target framework's build.
        ProcessResult result = app.Run(new[] { "msbuild", app.ProjectPath, "-nodeReuse:false", "-t:_GetRequiredWorkloads", "-p:SkipResolvePackageAssets=true" });

        Assert.True(result.ExitCode == 0, result.Output);
    }

    private static string Explanation(string platform) =>
        $"and ByteNite.Sdk turns workloads off in app projects (they serve platform target frameworks, and loading them costs every build). To build for '{platform}', set the MSBuildEnableWorkloadResolver property to true in a Directory.Build.props in the project's folder or above it, or on the command line (-p:MSBuildEnableWorkloadResolver=true); a value in the project file comes too late.";
}
