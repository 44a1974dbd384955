using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace ByteNite.Sdk.EndToEnd.Tests;

/// <summary>
/// A copy of a sample app in a temporary folder, next to a nuget.config (the test feed and nuget.org), a global.json
/// that pins ByteNite.Sdk to the packed version, and a project file <c>&lt;Project Sdk="ByteNite.Sdk"&gt;</c>.
/// </summary>
public sealed class TestApp
{
    private static readonly string[] SkippedDirectories = { "bin", "obj", "__pycache__" };

    private readonly SdkPackageFixture _fixture;

    private TestApp(SdkPackageFixture fixture, string directory, string projectName)
    {
        _fixture = fixture;
        Directory = directory;
        ProjectName = projectName;
    }

    public string Directory { get; }

    public string ProjectName { get; }

    public string ProjectPath => Path.Combine(Directory, ProjectName + ".csproj");

    public string OutputAssemblyPath => Path.Combine(Directory, "bin", "Debug", "net10.0", ProjectName + ".dll");

    internal static TestApp Create(SdkPackageFixture fixture, string sampleDirectory, string directory)
    {
        string sampleProject = System.IO.Directory.GetFiles(sampleDirectory, "*.csproj").Single();
        var app = new TestApp(fixture, directory, Path.GetFileNameWithoutExtension(sampleProject));
        CopyDirectory(sampleDirectory, directory);
        File.Delete(Path.Combine(directory, Path.GetFileName(sampleProject)));

        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="bytenite-sdk-test" value="{fixture.FeedDirectory}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, "global.json"), $$"""
            {
              "msbuild-sdks": {
                "ByteNite.Sdk": "{{fixture.Version}}"
              }
            }
            """);
        app.WriteProject();
        return app;
    }

    /// <summary>Writes the project file: <c>&lt;Project Sdk="ByteNite.Sdk"&gt;</c> with the given content inside.</summary>
    public void WriteProject(string content = "", string sdk = "ByteNite.Sdk") =>
        File.WriteAllText(ProjectPath, $"<Project Sdk=\"{sdk}\">\n{content}\n</Project>\n");

    public string PathOf(string relativePath) => Path.Combine(Directory, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    public void Write(string relativePath, string text)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relativePath))!);
        File.WriteAllText(PathOf(relativePath), text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    public void WriteBytes(string relativePath, byte[] bytes) => File.WriteAllBytes(PathOf(relativePath), bytes);

    public void Delete(string relativePath) => File.Delete(PathOf(relativePath));

    /// <summary>Replaces exactly one occurrence of <paramref name="oldText"/> in a file.</summary>
    public void Replace(string relativePath, string oldText, string newText)
    {
        string text = Read(relativePath);
        int index = text.IndexOf(oldText, StringComparison.Ordinal);
        if (index < 0 || text.IndexOf(oldText, index + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"'{oldText}' does not occur exactly once in {relativePath}.");
        }

        Write(relativePath, text.Substring(0, index) + newText + text.Substring(index + oldText.Length));
    }

    /// <summary>The one-based line and column of the first character of <paramref name="snippet"/> in a file.</summary>
    public (int Line, int Column) Locate(string relativePath, string snippet)
    {
        string text = Read(relativePath);
        int index = text.IndexOf(snippet, StringComparison.Ordinal);
        if (index < 0)
        {
            throw new InvalidOperationException($"'{snippet}' does not occur in {relativePath}.");
        }

        int line = 1, lineStart = 0;
        for (int i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    /// <summary>The canonical MSBuild diagnostic line for a file of this app, as the console logger prints it.</summary>
    public string Line(string relativePath, (int Line, int Column) at, string kind, string code, string message) =>
        $"{PathOf(relativePath)}({at.Line},{at.Column}): {kind} {code}: {message}";

    /// <summary>`dotnet build` with the classic console logger, as in the issue's examples.</summary>
    public BuildResult Build(params string[] arguments) => BuildWith("m", null, arguments);

    public BuildResult BuildWith(string verbosity, IDictionary<string, string?>? environment, params string[] arguments)
    {
        var all = new List<string> { "build", ProjectPath, "-nodeReuse:false", "-tl:off", "-v:" + verbosity };
        all.AddRange(arguments);
        return new BuildResult(Run(all, environment));
    }

    /// <summary>
    /// `dotnet msbuild` with -getProperty/-getItem queries (and any other arguments, e.g. -restore -t:Build): MSBuild's
    /// answer as JSON. Ask for two properties or more, or an item: for a single property MSBuild prints the bare value.
    /// </summary>
    public JsonElement QueryMSBuild(params string[] arguments)
    {
        ProcessResult result = Run(new[] { "msbuild", "-nodeReuse:false" }.Concat(arguments));
        Assert.True(result.ExitCode == 0, result.Output);
        return JsonDocument.Parse(result.Output).RootElement;
    }

    public ProcessResult Run(IEnumerable<string> arguments, IDictionary<string, string?>? environment = null, Action<Process>? whileRunning = null)
    {
        var variables = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = _fixture.NuGetPackagesDirectory };
        if (environment is not null)
        {
            foreach (KeyValuePair<string, string?> variable in environment)
            {
                variables[variable.Key] = variable.Value;
            }
        }

        return DotNet.Run(Directory, arguments, variables, whileRunning);
    }

    private static void CopyDirectory(string source, string destination)
    {
        System.IO.Directory.CreateDirectory(destination);
        foreach (string file in System.IO.Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        foreach (string directory in System.IO.Directory.GetDirectories(source))
        {
            string name = Path.GetFileName(directory);
            if (!SkippedDirectories.Contains(name))
            {
                CopyDirectory(directory, Path.Combine(destination, name));
            }
        }
    }
}

/// <summary>The outcome of one `dotnet build`, with its diagnostic lines parsed.</summary>
public sealed class BuildResult
{
    // "origin: error CODE: message [project]"; the console logger appends the project in brackets.
    private static readonly Regex DiagnosticLine = new(
        @"^(?<text>.*?: (?<kind>error|warning) (?<code>[A-Z]+[0-9]+): .*?)(?: \[[^\]]*\])?$",
        RegexOptions.CultureInvariant);

    public BuildResult(ProcessResult process)
    {
        Process = process;
        var lines = new List<string>();
        var codes = new List<string>();
        foreach (string raw in process.Output.Split('\n'))
        {
            Match match = DiagnosticLine.Match(raw.Trim());
            if (match.Success)
            {
                lines.Add(match.Groups["text"].Value);
                codes.Add(match.Groups["code"].Value);
            }
        }

        DiagnosticLines = lines;
        Codes = codes;
    }

    public ProcessResult Process { get; }

    public int ExitCode => Process.ExitCode;

    public string Output => Process.Output;

    /// <summary>Every diagnostic line printed, without the trailing project; the console logger prints each one twice.</summary>
    public IReadOnlyList<string> DiagnosticLines { get; }

    /// <summary>The code of each line of <see cref="DiagnosticLines"/>.</summary>
    public IReadOnlyList<string> Codes { get; }

    public IEnumerable<string> BnLines => DiagnosticLines.Where(l => Regex.IsMatch(l, ": (error|warning) BN[0-9]{4}: "));

    public int Count(string code) => Codes.Count(c => c == code);

    public override string ToString() => $"exit code {ExitCode}\n{Output}";
}
