using System.IO;
using Xunit;

namespace ByteNite.Sdk.Tasks.Tests;

/// <summary>The RunLocal task where no end-to-end build can put it: a dotnet host that cannot be started.</summary>
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
}
