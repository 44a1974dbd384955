using System.IO;
using System.Linq;
using ByteNite.Sdk.Tests.Shared;
using Xunit;

namespace ByteNite.Sdk.Tasks.Tests;

/// <summary>The RunLocal task where no end-to-end build can put it: a dotnet host that cannot be started, a runner that prints what an app could.</summary>
public class RunLocalTaskTests
{
    [Fact]
    public void A_host_that_cannot_be_started_is_BN4015_at_the_project_not_a_crash()
    {
        using var folder = new TempFolder();
        string host = Path.Combine(folder.Path, "no-such-dotnet");
        string project = Path.Combine(folder.Path, "App.csproj");
        var engine = new RecordingEngine();
        var task = new RunByteNiteAppLocally
        {
            BuildEngine = engine,
            Command = host,
            Arguments = "exec \"" + Path.Combine(folder.Path, "ByteNite.Sdk.LocalRunner.dll") + "\" run",
            WhatToCheck = "that '" + host + "' runs .NET 10 apps",
            WorkingDirectory = folder.Path,
            ProjectPath = project,
        };

        bool succeeded = task.Execute();

        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("BN4015", error.Code);
        Assert.Equal(project, error.File);
        Assert.StartsWith("The local runner could not run the app: '" + host + "' could not be started (", error.Message);
        Assert.EndsWith("docs/diagnostics/BN4015.md", error.HelpLink);
    }

    [UnixFact]
    public void The_apps_output_in_the_form_of_a_diagnostic_stays_output_and_the_runners_diagnostics_are_relayed()
    {
        using var folder = new TempFolder();
        var engine = new RecordingEngine();
        // What the runner prints: an app line that mimics a diagnostic (indented, as the runner relays the app's output),
        // then one of its own diagnostics.
        var task = new RunByteNiteAppLocally
        {
            BuildEngine = engine,
            Command = "/bin/sh",
            Arguments = "-c \"printf '%s\\n' '  | /etc/passwd(1,1): error BN4006: printed by the app' '/app/app/main.py: warning BN4013: from the runner'\"",
            WhatToCheck = "the runner",
            WorkingDirectory = folder.Path,
            ProjectPath = Path.Combine(folder.Path, "App.csproj"),
        };

        bool succeeded = task.Execute();

        Assert.True(succeeded);
        Assert.Empty(engine.Errors);
        var warning = Assert.Single(engine.Warnings);
        Assert.Equal("BN4013", warning.Code);
        Assert.Equal("/app/app/main.py", warning.File);
        Assert.Contains(engine.Messages, m => m == "  | /etc/passwd(1,1): error BN4006: printed by the app");
    }
}
