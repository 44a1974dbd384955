using Xunit;

namespace ByteNite.Sdk.EndToEnd.Tests;

/// <summary>
/// A no-op build does no validation work; any change to an input validates again; a failed validation is never recorded
/// as done, so its errors come back on the next build.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class IncrementalTests
{
    private const string TaskRan = "Done executing task \"ValidateByteNiteApp\"";
    private const string TargetSkipped = "Skipping target \"_ByteNiteValidateAppCore\" because all output files are up-to-date with respect to the input files.";

    private readonly SdkPackageFixture _sdk;

    public IncrementalTests(SdkPackageFixture sdk) => _sdk = sdk;

    [Fact]
    public void Second_build_without_changes_does_not_run_the_validation_task()
    {
        TestApp app = _sdk.CreateApp("hello-world", "noop");

        BuildResult first = app.BuildWith("d", null);
        BuildResult second = app.BuildWith("d", null);

        BuildAssert.Succeeded(first);
        Assert.Contains(TaskRan, first.Output);
        BuildAssert.Succeeded(second);
        Assert.DoesNotContain(TaskRan, second.Output);
        Assert.Contains(TargetSkipped, second.Output);
    }

    [Fact]
    public void Editing_the_manifest_validates_again()
    {
        TestApp app = _sdk.CreateApp("hello-world", "edit-manifest");
        BuildAssert.Succeeded(app.Build());
        app.Replace("manifest.json", "\"platform\": \"docker\",", "\"platform\": \"docker\",\n  \"colour\": \"blue\",");

        BuildResult result = app.BuildWith("d", null);

        BuildAssert.Succeeded(result);
        Assert.Contains(TaskRan, result.Output);
        Assert.Contains("BN1018", result.Codes);
    }

    [Fact]
    public void Editing_runner_py_validates_again()
    {
        TestApp app = _sdk.CreateApp("hello-world", "edit-runner");
        BuildAssert.Succeeded(app.Build());
        app.Replace("app/runner.py", "def run(basepath, params, metadata):", "def execute(basepath, params, metadata):");

        BuildResult result = app.Build();

        BuildAssert.Failed(result);
        Assert.Contains("BN1016", result.Codes);
    }

    [Fact]
    public void Deleting_the_entrypoint_validates_again()
    {
        // A deleted file has no timestamp to compare: the recorded list of inputs changes instead.
        TestApp app = _sdk.CreateApp("hello-world-current", "delete-entrypoint");
        BuildAssert.Succeeded(app.Build());
        app.Delete("app/main.py");

        BuildResult result = app.Build();

        BuildAssert.Failed(result);
        Assert.Contains("BN1015", result.Codes);
    }

    [Fact]
    public void Changing_a_severity_setting_on_the_command_line_validates_again()
    {
        TestApp app = _sdk.CreateApp("hello-world", "settings");
        app.Replace("manifest.json", "\"platform\": \"docker\",", "\"platform\": \"docker\",\n  \"colour\": \"blue\",");
        BuildAssert.Succeeded(app.Build());

        BuildResult result = app.Build("-p:WarningsAsErrors=BN1018");

        BuildAssert.Failed(result);
        Assert.Contains("BN1018", result.Codes);
    }

    [Fact]
    public void A_build_that_failed_validation_fails_again_with_the_same_error()
    {
        TestApp app = _sdk.CreateApp("hello-world", "fails-twice");
        app.Replace("manifest.json", "\"0.1.rev0\"", "\"0.4.0\"");
        string expected = app.Line("manifest.json", app.Locate("manifest.json", "\"0.4.0\""), "error", "BN1004",
            "'version' \"0.4.0\" is not a valid version: expected \"[major].[minor].rev[revision]\" (seed dialect, e.g. \"0.4.rev0\") or \"[major].[minor]\" (e.g. \"0.4\").");

        BuildResult first = app.Build();
        BuildResult second = app.Build();

        BuildAssert.Failed(first);
        BuildAssert.HasLine(first, expected);
        BuildAssert.Failed(second);
        BuildAssert.HasLine(second, expected);
    }

    [Fact]
    public void Fixing_a_failed_app_builds_clean()
    {
        TestApp app = _sdk.CreateApp("hello-world", "fixed");
        app.Replace("manifest.json", "\"0.1.rev0\"", "\"0.4.0\"");
        BuildAssert.Failed(app.Build());
        app.Replace("manifest.json", "\"0.4.0\"", "\"0.4.rev1\"");

        BuildResult result = app.Build();

        BuildAssert.Succeeded(result);
        Assert.Empty(result.DiagnosticLines);
        Assert.Equal("0.4.1.0", System.Diagnostics.FileVersionInfo.GetVersionInfo(app.OutputAssemblyPath).FileVersion);
    }
}
