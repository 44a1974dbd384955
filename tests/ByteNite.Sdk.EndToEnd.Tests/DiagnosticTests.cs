using Xunit;

namespace ByteNite.Sdk.EndToEnd.Tests;

/// <summary>Broken copies of the samples fail (or warn) with the exact MSBuild-canonical line: file(line,col): kind code: message.</summary>
[Collection(SdkCollection.Name)]
public sealed class DiagnosticTests
{
    private readonly SdkPackageFixture _sdk;

    public DiagnosticTests(SdkPackageFixture sdk) => _sdk = sdk;

    [Fact]
    public void Invalid_version_fails_with_BN1004_at_the_value()
    {
        TestApp app = _sdk.CreateApp("hello-world", "bn1004");
        app.Write("manifest.json", """
            {
              "id": "hello-world",
              "version": "0.4.0",
              "platform": "docker",
              "entrypoint": "main.py",
              "platform_config": {
                "container": "python:3.11-slim-bookworm"
              },
              "device_requirements": {
                "min_cpu": 1,
                "min_memory": 1
              }
            }
            """);

        BuildResult result = app.Build();

        BuildAssert.Failed(result);
        BuildAssert.HasLine(result, app.PathOf("manifest.json") + "(3,14): error BN1004: 'version' \"0.4.0\" is not a valid version: expected \"[major].[minor].rev[revision]\" (seed dialect, e.g. \"0.4.rev0\") or \"[major].[minor]\" (e.g. \"0.4\").");
        // One problem, one diagnostic: the console logger prints it live and again in the summary.
        Assert.Equal(2, result.Count("BN1004"));
    }

    [Fact]
    public void Trailing_comma_in_template_json_fails_with_BN1001_at_the_comma()
    {
        TestApp app = _sdk.CreateApp("hello-world-current", "bn1001");
        app.Write("template.json", """
            {
              "id": "hello-world-current-template",
              "app": "hello-world-current",
              "partitioner": "passthrough",
              "assembler": "passthrough",
            }
            """);

        BuildResult result = app.Build();

        BuildAssert.Failed(result);
        BuildAssert.HasLine(result, app.PathOf("template.json") + "(5,29): error BN1001: Invalid JSON: trailing comma before '}'; remove the comma after the last property.");
    }

    [Fact]
    public void Missing_entrypoint_fails_with_BN1015_at_the_entrypoint_value()
    {
        TestApp app = _sdk.CreateApp("hello-world-current", "bn1015");
        app.Delete("app/main.py");

        BuildResult result = app.Build();

        BuildAssert.Failed(result);
        BuildAssert.HasLine(result, app.Line("manifest.json", app.Locate("manifest.json", "\"main.py\""), "error", "BN1015",
            "'entrypoint' \"main.py\" does not exist: the platform runs app/main.py, and 'app/main.py' is not there. Create the file or correct 'entrypoint'."));
    }

    [Fact]
    public void Seed_app_without_run_fails_with_BN1016()
    {
        TestApp app = _sdk.CreateApp("hello-world", "bn1016");
        app.Replace("app/runner.py", "def run(basepath, params, metadata):", "def execute(basepath, params, metadata):");

        BuildResult result = app.Build();

        BuildAssert.Failed(result);
        // Reported at the seed-dialect version, which is what makes runner.py's run() required.
        BuildAssert.HasLine(result, app.Line("manifest.json", app.Locate("manifest.json", "\"0.1.rev0\""), "error", "BN1016",
            "app/runner.py does not define 'run' at the top level (a 'def run' at the start of a line, outside strings). Seed-dialect apps (version \"[major].[minor].rev[revision]\") keep their code in app/runner.py with 'def run(basepath, params, metadata):'."));
    }

    [Fact]
    public void Unknown_key_warns_with_BN1018_at_the_key_and_the_build_succeeds()
    {
        TestApp app = _sdk.CreateApp("hello-world", "bn1018");
        app.Replace("manifest.json", "\"platform\": \"docker\",", "\"platform\": \"docker\",\n  \"entrypoitn\": \"main.py\",");

        BuildResult result = app.Build();

        BuildAssert.Succeeded(result);
        BuildAssert.HasLine(result, app.Line("manifest.json", app.Locate("manifest.json", "\"entrypoitn\""), "warning", "BN1018",
            "Unknown key 'entrypoitn'; the platform ignores it. Did you mean 'entrypoint'?"));
    }

    [Fact]
    public void A_BN_warning_is_printed_as_often_as_a_compiler_warning()
    {
        TestApp app = _sdk.CreateApp("hello-world", "count");
        app.Replace("manifest.json", "\"platform\": \"docker\",", "\"platform\": \"docker\",\n  \"colour\": \"blue\",");
        app.Write("Unused.cs", "internal static class Unused { private static void M() { int x; } }\n");

        BuildResult result = app.Build();

        BuildAssert.Succeeded(result);
        Assert.True(result.Count("CS0168") > 0, result.ToString());
        Assert.Equal(result.Count("CS0168"), result.Count("BN1018"));
    }

    [Fact]
    public void ByteNiteAppDirectory_points_a_project_elsewhere_at_the_app_folder()
    {
        TestApp app = _sdk.CreateApp("hello-world", "app-directory");
        app.Delete(app.ProjectName + ".csproj");
        app.Write("build/App.csproj", "<Project Sdk=\"ByteNite.Sdk\">\n  <PropertyGroup>\n    <ByteNiteAppDirectory>..</ByteNiteAppDirectory>\n  </PropertyGroup>\n</Project>\n");
        app.Replace("manifest.json", "\"0.1.rev0\"", "\"0.4.0\"");

        var result = new BuildResult(app.Run(new[] { "build", app.PathOf("build/App.csproj"), "-nodeReuse:false", "-tl:off", "-v:m" }));

        BuildAssert.Failed(result);
        BuildAssert.HasLine(result, app.Line("manifest.json", app.Locate("manifest.json", "\"0.4.0\""), "error", "BN1004",
            "'version' \"0.4.0\" is not a valid version: expected \"[major].[minor].rev[revision]\" (seed dialect, e.g. \"0.4.rev0\") or \"[major].[minor]\" (e.g. \"0.4\")."));
    }

    [Fact]
    public void ByteNiteValidate_false_skips_validation()
    {
        TestApp app = _sdk.CreateApp("hello-world", "no-validate");
        app.Replace("manifest.json", "\"0.1.rev0\"", "\"0.4.0\"");

        BuildResult result = app.Build("-p:ByteNiteValidate=false");

        BuildAssert.Succeeded(result);
        BuildAssert.NoBnDiagnostics(result);
    }

    [Fact]
    public void Registry_token_presence_counts_from_the_environment_or_the_property_and_its_value_is_never_printed()
    {
        const string Token = "dckr_pat_e2eNeverPrintThis";
        TestApp app = _sdk.CreateApp("hello-world", "token");
        app.Replace("manifest.json", "\"container\": \"python:3.11-slim-bookworm\"",
            "\"container\": \"someone/private-app:1.0\",\n    \"private_image\": true,\n    \"username\": \"someone\"");

        BuildResult withoutToken = app.Build();
        BuildResult fromEnvironment = app.BuildWith("n", new System.Collections.Generic.Dictionary<string, string?> { ["BYTENITE_REGISTRY_TOKEN"] = Token });
        BuildResult fromProperty = app.BuildWith("n", null, "-p:ByteNiteRegistryToken=" + Token);

        BuildAssert.Failed(withoutToken);
        Assert.Contains("BN1011", withoutToken.Codes);
        BuildAssert.Succeeded(fromEnvironment);
        BuildAssert.NoBnDiagnostics(fromEnvironment);
        Assert.DoesNotContain(Token, fromEnvironment.Output);
        BuildAssert.Succeeded(fromProperty);
        BuildAssert.NoBnDiagnostics(fromProperty);
        Assert.DoesNotContain(Token, fromProperty.Output);
    }
}
