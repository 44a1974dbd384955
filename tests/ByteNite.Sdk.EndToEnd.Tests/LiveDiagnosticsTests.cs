using System.IO;
using System.Linq;
using Xunit;

namespace ByteNite.Sdk.EndToEnd.Tests;

/// <summary>
/// Who reports the JSON files' problems, proved with real builds: the build task in ordinary builds, the compiler's
/// analyzer when ByteNiteLiveDiagnostics is true (design-time builds set it; these tests set it on the command line to
/// get that configuration in a build whose output can be read). Each problem is printed exactly as often as a C# compiler
/// warning in the same output (the console logger prints every diagnostic twice, live and in the summary).
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class LiveDiagnosticsTests
{
    private const string Live = "-p:ByteNiteLiveDiagnostics=true";
    private const string UnusedVariable = "CS0168";

    private readonly SdkPackageFixture _sdk;

    public LiveDiagnosticsTests(SdkPackageFixture sdk) => _sdk = sdk;

    /// <summary>A valid app with one BN1018 warning in manifest.json and one C# compiler warning to count against.</summary>
    private TestApp CreateApp(string name, string projectContent = "")
    {
        TestApp app = _sdk.CreateApp("hello-world", name);
        app.Replace("manifest.json", "\"platform\": \"docker\",", "\"platform\": \"docker\",\n  \"colour\": \"blue\",");
        app.Write("Params.cs", "namespace HelloWorld;\n\npublic static class Unused\n{\n    public static void M()\n    {\n        int unused;\n    }\n}\n");
        app.WriteProject(projectContent);
        return app;
    }

    private static string UnknownKeyLine(TestApp app, string kind) =>
        app.Line("manifest.json", app.Locate("manifest.json", "\"colour\""), kind, "BN1018",
            "Unknown key 'colour'; the platform ignores it. Remove it, or check the spelling against the documented keys: id, name, version, platform, description, entrypoint, platform_config, device_requirements, type.");

    /// <summary>The compiler prints an analyzer diagnostic's help link after its message; the build task does not.</summary>
    private static string FromCompiler(string line, string code) =>
        line + " (https://github.com/bytenite-sdk/ByteNite.Sdk/blob/main/docs/diagnostics/" + code + ".md)";

    private static void ReportedOnceLikeACompilerWarning(BuildResult result, string code)
    {
        Assert.Equal(2, result.Count(UnusedVariable));
        Assert.True(result.Count(code) == result.Count(UnusedVariable), $"{code} printed {result.Count(code)} times, {UnusedVariable} {result.Count(UnusedVariable)} times: {result}");
    }

    [Fact]
    public void Command_line_build_reports_each_problem_once_through_the_build_task()
    {
        TestApp app = CreateApp("cli-once");

        BuildResult result = app.Build();

        BuildAssert.Succeeded(result);
        ReportedOnceLikeACompilerWarning(result, "BN1018");
        BuildAssert.HasLine(result, UnknownKeyLine(app, "warning"));
        Assert.DoesNotContain(FromCompiler(UnknownKeyLine(app, "warning"), "BN1018"), result.DiagnosticLines);
    }

    [Fact]
    public void Live_build_reports_each_problem_once_through_the_analyzer_and_the_task_keeps_what_needs_app_folder()
    {
        // BN1015 (entrypoint missing) needs the file system: the analyzer cannot see it, so the task still reports it
        // (demoted to a warning so that the build reaches the compiler).
        TestApp app = CreateApp("live-once");
        app.Delete("app/main.py");
        app.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.BN1015.severity = warning\n");

        BuildResult result = app.Build(Live);

        BuildAssert.Succeeded(result);
        ReportedOnceLikeACompilerWarning(result, "BN1018");
        ReportedOnceLikeACompilerWarning(result, "BN1015");
        BuildAssert.HasLine(result, FromCompiler(UnknownKeyLine(app, "warning"), "BN1018"));
        Assert.DoesNotContain(UnknownKeyLine(app, "warning"), result.DiagnosticLines);
    }

    [Fact]
    public void Live_build_with_analyzers_off_falls_back_to_the_build_task()
    {
        TestApp app = CreateApp("live-no-analyzers");

        BuildResult result = app.Build(Live, "-p:RunAnalyzers=false");

        BuildAssert.Succeeded(result);
        ReportedOnceLikeACompilerWarning(result, "BN1018");
        BuildAssert.HasLine(result, UnknownKeyLine(app, "warning"));
    }

    [Fact]
    public void Live_errors_fail_every_build_until_fixed()
    {
        TestApp app = CreateApp("live-error");
        app.Replace("manifest.json", "\"0.1.rev0\"", "\"0.1.0\"");

        BuildResult first = app.Build(Live);
        BuildResult second = app.Build(Live);

        foreach (BuildResult result in new[] { first, second })
        {
            BuildAssert.Failed(result);
            Assert.Equal(2, result.Count("BN1004"));
            Assert.Contains(result.DiagnosticLines, line => line.EndsWith("/BN1004.md)") && line.Contains(": error BN1004: "));
        }
    }

    [Theory]
    [InlineData("globalconfig", "error")]
    [InlineData("NoWarn", null)]
    [InlineData("WarningsAsErrors", "error")]
    [InlineData("TreatWarningsAsErrors", "error")]
    public void Live_severity_is_configured_like_any_roslyn_rule(string setting, string? expectedKind)
    {
        string project = setting switch
        {
            "NoWarn" => "  <PropertyGroup>\n    <NoWarn>$(NoWarn);BN1018</NoWarn>\n  </PropertyGroup>",
            "WarningsAsErrors" => "  <PropertyGroup>\n    <WarningsAsErrors>$(WarningsAsErrors);BN1018</WarningsAsErrors>\n  </PropertyGroup>",
            "TreatWarningsAsErrors" => "  <PropertyGroup>\n    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>\n  </PropertyGroup>",
            _ => string.Empty,
        };
        TestApp app = CreateApp("live-" + setting.ToLowerInvariant(), project);
        if (setting == "globalconfig")
        {
            app.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.BN1018.severity = error\n");
        }

        BuildResult result = app.Build(Live);

        if (expectedKind is null)
        {
            BuildAssert.Succeeded(result);
            Assert.Equal(0, result.Count("BN1018"));
            Assert.Equal(2, result.Count(UnusedVariable));
        }
        else
        {
            BuildAssert.Failed(result);
            Assert.Equal(2, result.Count("BN1018"));
            BuildAssert.HasLine(result, FromCompiler(UnknownKeyLine(app, expectedKind), "BN1018"));
        }
    }

    [Fact]
    public void Design_time_build_turns_the_analyzer_on_in_a_settings_file_of_its_own_and_never_fails_on_app_errors()
    {
        TestApp app = CreateApp("design-time");
        app.Delete("app/main.py");
        string obj = Path.Combine(app.Directory, "obj", "Debug", "net10.0");

        BuildResult designTime = new(app.Run(new[]
        {
            "msbuild", app.ProjectPath, "-t:Compile", "-p:DesignTimeBuild=true", "-p:SkipCompilerExecution=true",
            "-p:ProvideCommandLineArgs=true", "-restore", "-nodeReuse:false", "-tl:off", "-v:m",
        }));
        BuildResult real = app.Build();

        // The design-time build succeeds (an IDE needs its compiler options), with the app/ error as a warning in its log.
        BuildAssert.Succeeded(designTime);
        Assert.Contains(designTime.DiagnosticLines, line => line.Contains(": warning BN1015: "));
        Assert.Contains("build_property.ByteNiteLiveDiagnostics = true", File.ReadAllText(Path.Combine(obj, app.ProjectName + ".DesignTime.GeneratedMSBuildEditorConfig.editorconfig")));
        Assert.Contains("build_metadata.AdditionalFiles.ByteNiteFileKind = manifest", File.ReadAllText(Path.Combine(obj, app.ProjectName + ".DesignTime.GeneratedMSBuildEditorConfig.editorconfig")));

        // The real build that follows is not fooled by the design-time build's validation: it reports the error, once.
        BuildAssert.Failed(real);
        Assert.Equal(2, real.Count("BN1015"));
        Assert.Contains("build_property.ByteNiteLiveDiagnostics = false", File.ReadAllText(Path.Combine(obj, app.ProjectName + ".GeneratedMSBuildEditorConfig.editorconfig")));
    }
}
