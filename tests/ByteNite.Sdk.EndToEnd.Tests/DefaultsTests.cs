using System.Linq;
using System.Text.Json;
using Xunit;

namespace ByteNite.Sdk.EndToEnd.Tests;

/// <summary>The defaults an app project gets: its TargetFramework, and which files are items.</summary>
[Collection(SdkCollection.Name)]
public sealed class DefaultsTests
{
    private readonly SdkPackageFixture _sdk;

    public DefaultsTests(SdkPackageFixture sdk) => _sdk = sdk;

    private static string TargetFramework(TestApp app) =>
        app.QueryMSBuild("-getProperty:TargetFramework", "-getProperty:TargetFrameworks").GetProperty("Properties").GetProperty("TargetFramework").GetString()!;

    private static string[] Items(JsonElement root, string type) =>
        root.GetProperty("Items").GetProperty(type).EnumerateArray()
            .Select(i => i.GetProperty("FullPath").GetString()!.Replace('\\', '/'))
            .ToArray();

    [Fact]
    public void Python_code_sample_data_and_caches_are_not_items_but_the_app_json_files_are_shown()
    {
        TestApp app = _sdk.CreateApp("hello-world-current", "items");
        app.Write("app/Stray.cs", "this is not C#");
        app.Write("app/__pycache__/main.cpython-311.pyc", "cache");
        app.Write(".venv/lib/site.py", "# a virtual environment");
        app.Write("sample/job.json", "{}");
        app.Write("Params.cs", "namespace HelloWorld; public sealed class Params { }");

        JsonElement root = app.QueryMSBuild("-getItem:Compile", "-getItem:None", "-getItem:Content");

        string[] compile = Items(root, "Compile");
        string[] none = Items(root, "None");
        Assert.Contains(app.PathOf("Params.cs"), compile);
        Assert.DoesNotContain(compile, p => p.Contains("/app/", System.StringComparison.Ordinal));
        Assert.Contains(app.PathOf("manifest.json"), none);
        Assert.Contains(app.PathOf("template.json"), none);
        Assert.Contains(app.PathOf("schema.json"), none);
        Assert.DoesNotContain(none, p => p.Contains("/app/", System.StringComparison.Ordinal)
            || p.Contains("/sample/", System.StringComparison.Ordinal)
            || p.Contains("/.venv/", System.StringComparison.Ordinal)
            || p.EndsWith("global.json", System.StringComparison.Ordinal));
        Assert.False(root.GetProperty("Items").TryGetProperty("Content", out JsonElement content) && content.GetArrayLength() > 0);
    }

    [Fact]
    public void TargetFramework_defaults_to_net10_and_can_be_overridden()
    {
        TestApp app = _sdk.CreateApp("hello-world", "tfm");
        string byDefault = TargetFramework(app);
        app.WriteProject("  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n  </PropertyGroup>");
        string overridden = TargetFramework(app);
        app.WriteProject("  <PropertyGroup>\n    <TargetFrameworks>net8.0;net10.0</TargetFrameworks>\n  </PropertyGroup>");
        string multiTargeting = TargetFramework(app);

        Assert.Equal("net10.0", byDefault);
        Assert.Equal("net8.0", overridden);
        Assert.Equal("", multiTargeting);
    }

    [Fact]
    public void App_with_its_python_files_and_a_stray_cs_file_under_app_builds()
    {
        TestApp app = _sdk.CreateApp("hello-world", "stray-cs");
        app.Write("app/Stray.cs", "this is not C#");

        BuildResult result = app.Build();

        BuildAssert.Succeeded(result);
        Assert.Empty(result.DiagnosticLines);
    }
}
