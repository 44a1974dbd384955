using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Xunit;

namespace ByteNite.Sdk.EndToEnd.Tests;

/// <summary>
/// Packs sdk/ByteNite.Sdk once per test run, with a unique prerelease version, into a temporary folder feed.
/// Apps built against it use a NuGet cache of their own, so the unique version never reaches the user's cache.
/// </summary>
public sealed class SdkPackageFixture : IDisposable
{
    private int _appCounter;

    public SdkPackageFixture()
    {
        RepositoryRoot = typeof(SdkPackageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value!;
        string stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        Version = $"0.1.0-e2e.{stamp}.{Environment.ProcessId}";
        Root = Path.Combine(Path.GetTempPath(), $"bytenite-e2e-{stamp}-{Environment.ProcessId}");
        FeedDirectory = Path.Combine(Root, "feed");
        NuGetPackagesDirectory = Path.Combine(Root, "nuget-packages");
        AppsDirectory = Path.Combine(Root, "apps");
        Directory.CreateDirectory(FeedDirectory);
        Directory.CreateDirectory(NuGetPackagesDirectory);
        Directory.CreateDirectory(AppsDirectory);

        // `dotnet pack sdk/ByteNite.Sdk -o DIR`, with the test version, and with bin/obj under the temporary folder so that the
        // repository's own build outputs are left alone.
        PackResult = DotNet.Run(RepositoryRoot, new[]
        {
            "pack", Path.Combine(RepositoryRoot, "sdk", "ByteNite.Sdk"), "-o", FeedDirectory,
            "-p:PackageVersion=" + Version, "--artifacts-path", Path.Combine(Root, "pack-artifacts"),
            "-nodeReuse:false", "-tl:off", "-v:m",
        });
        PackagePath = Path.Combine(FeedDirectory, $"ByteNite.Sdk.{Version}.nupkg");
    }

    public string RepositoryRoot { get; }

    /// <summary>The unique version of the package packed for this run.</summary>
    public string Version { get; }

    public string Root { get; }

    public string FeedDirectory { get; }

    public string NuGetPackagesDirectory { get; }

    public string AppsDirectory { get; }

    public ProcessResult PackResult { get; }

    public string PackagePath { get; }

    public string SamplesDirectory => Path.Combine(RepositoryRoot, "samples");

    public void EnsurePacked()
    {
        Assert.True(
            PackResult.ExitCode == 0 && File.Exists(PackagePath),
            $"Packing the SDK failed (exit code {PackResult.ExitCode}):\n{PackResult.Output}");
    }

    /// <summary>A fresh copy of a sample app, ready to build against the packed SDK.</summary>
    public TestApp CreateApp(string sample, string? name = null)
    {
        EnsurePacked();
        int number = Interlocked.Increment(ref _appCounter);
        string directory = Path.Combine(AppsDirectory, $"{number:D2}-{name ?? sample}");
        return TestApp.Create(this, Path.Combine(SamplesDirectory, sample), directory);
    }

    public void Dispose()
    {
        // Keep the folder when asked to, to look at a failing build by hand.
        if (Environment.GetEnvironmentVariable("BYTENITE_E2E_KEEP") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SdkCollection : ICollectionFixture<SdkPackageFixture>
{
    public const string Name = "Packed SDK";
}
