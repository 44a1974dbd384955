using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace ByteNite.Sdk.EndToEnd.Tests;

/// <summary>
/// Source control queries and Source Link: off in a local build of an app project, on when its assembly is published
/// (the params package, or a CI build), and whatever the project itself says wins.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class SourceControlTests
{
    private readonly SdkPackageFixture _sdk;

    public SourceControlTests(SdkPackageFixture sdk) => _sdk = sdk;

    [Fact]
    public void A_local_build_in_a_git_repository_does_not_query_git()
    {
        TestApp app = _sdk.CreateApp("hello-world", "scm-local");
        CommitEverything(app);

        BuildResult result = app.Build();

        BuildAssert.Succeeded(result);
        Assert.Empty(result.DiagnosticLines);
        Assert.Equal("0.1.0", InformationalVersion(app));
        Assert.False(File.Exists(SourceLinkFile(app)));
    }

    [Theory]
    [InlineData("", "-p:ContinuousIntegrationBuild=true")]
    [InlineData("<PropertyGroup><ByteNitePackParamsPackage>true</ByteNitePackParamsPackage></PropertyGroup>", "-p:ContinuousIntegrationBuild=false")]
    public void A_build_that_publishes_the_assembly_records_the_commit_and_source_link(string projectContent, string argument)
    {
        TestApp app = _sdk.CreateApp("hello-world", "scm-published");
        app.WriteProject(projectContent);
        string commit = CommitEverything(app);

        BuildResult result = app.Build(argument);

        BuildAssert.Succeeded(result);
        Assert.Empty(result.DiagnosticLines);
        Assert.Equal("0.1.0+" + commit, InformationalVersion(app));
        Assert.Contains($"https://raw.githubusercontent.com/example/hello-world/{commit}/", File.ReadAllText(SourceLinkFile(app)));
    }

    [Theory]
    [InlineData("<EnableSourceControlManagerQueries>true</EnableSourceControlManagerQueries>", "", "", "true", "false")]
    [InlineData("<ByteNitePackParamsPackage>true</ByteNitePackParamsPackage><EnableSourceLink>false</EnableSourceLink>", "", "", "true", "false")]
    [InlineData("<ByteNitePackParamsPackage>true</ByteNitePackParamsPackage>", "", "", "true", "true")]
    [InlineData("", "<EnableSourceLink>true</EnableSourceLink>", "", "false", "true")]
    [InlineData("", "", "-p:EnableSourceControlManagerQueries=true", "true", "false")]
    [InlineData("", "", "-p:ContinuousIntegrationBuild=true -p:DesignTimeBuild=true", "true", "false")]
    [InlineData("", "", "", "false", "false")]
    public void A_value_the_project_gives_wins_over_the_default(
        string projectProperties, string directoryBuildProperties, string commandLine, string expectedQueries, string expectedSourceLink)
    {
        TestApp app = _sdk.CreateApp("hello-world", "scm-settings");
        app.WriteProject($"<PropertyGroup>{projectProperties}</PropertyGroup>");
        app.Write("Directory.Build.props", $"<Project><PropertyGroup>{directoryBuildProperties}</PropertyGroup></Project>");

        JsonElement properties = app.QueryMSBuild(new[] { "-getProperty:EnableSourceControlManagerQueries", "-getProperty:EnableSourceLink" }
            .Concat(commandLine.Split(' ', System.StringSplitOptions.RemoveEmptyEntries)).ToArray()).GetProperty("Properties");
        Assert.Equal(expectedQueries, properties.GetProperty("EnableSourceControlManagerQueries").GetString());
        Assert.Equal(expectedSourceLink, properties.GetProperty("EnableSourceLink").GetString());
    }

    /// <summary>Makes the app folder a git repository with a GitHub remote and one commit of everything; returns the commit.</summary>
    private static string CommitEverything(TestApp app)
    {
        Git(app, "init", "-q");
        Git(app, "remote", "add", "origin", "https://github.com/example/hello-world.git");
        Git(app, "add", "-A");
        Git(app, "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "The app");
        return Git(app, "rev-parse", "HEAD").Trim();
    }

    private static string Git(TestApp app, params string[] arguments)
    {
        (int exitCode, string output) = MachineTool.Run("git", app.Directory, arguments);
        Assert.True(exitCode == 0, $"git {string.Join(' ', arguments)}: {output}");
        return output;
    }

    private static string InformationalVersion(TestApp app)
    {
        string assemblyInfo = app.Read($"obj/Debug/net10.0/{app.ProjectName}.AssemblyInfo.cs");
        return Regex.Match(assemblyInfo, @"AssemblyInformationalVersionAttribute\(""([^""]*)""\)").Groups[1].Value;
    }

    private static string SourceLinkFile(TestApp app) => app.PathOf($"obj/Debug/net10.0/{app.ProjectName}.sourcelink.json");
}
