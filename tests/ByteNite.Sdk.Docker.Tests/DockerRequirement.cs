using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ByteNite.Sdk.LocalRunner;
using ByteNite.Sdk.LocalRunner.Docker;
using Docker.DotNet;
using Docker.DotNet.Models;
using Xunit;

namespace ByteNite.Sdk.Docker.Tests;

/// <summary>
/// Whether a Docker daemon and the test image are there. Docker tests skip, with the reason, when they are not; but
/// when Docker is expected (CI=true, or BYTENITE_REQUIRE_DOCKER=1) they run and fail instead, so that a machine without
/// Docker can never make them pass by skipping.
/// </summary>
internal static class DockerRequirement
{
    /// <summary>The image eng/docker-setup.sh builds from Debian packages and tags with the samples' image name.</summary>
    public const string TestImage = "python:3.11-slim-bookworm";

    private static readonly Lazy<(DockerConnection? Connection, string? Problem)> Probe = new(Connect, LazyThreadSafetyMode.ExecutionAndPublication);

    public static bool Required =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || Environment.GetEnvironmentVariable("BYTENITE_REQUIRE_DOCKER") == "1";

    public static string? Problem => Probe.Value.Problem;

    /// <summary>The connected client; fails the test (never skips it) when Docker is not there.</summary>
    public static DockerClient Client
    {
        get
        {
            (DockerConnection? connection, string? problem) = Probe.Value;
            Assert.True(connection is not null, "Docker is needed by this test but " + problem + (Required ? " (CI=true or BYTENITE_REQUIRE_DOCKER=1: Docker is expected here)" : string.Empty));
            return connection!.Client;
        }
    }

    /// <summary>The endpoint that answered, e.g. unix:///var/run/docker.sock.</summary>
    public static string Address
    {
        get
        {
            _ = Client;
            return Probe.Value.Connection!.Endpoint.Address;
        }
    }

    public static async Task<IReadOnlyList<ContainerListResponse>> ContainersOfRunAsync(string runId) =>
        await Leftovers.ListAsync(Client, CancellationToken.None, runId);

    /// <summary>Polls until the run has a running container; fails after <paramref name="seconds"/>.</summary>
    public static async Task<ContainerListResponse> WaitForRunningContainerAsync(string runId, int seconds = 60)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            ContainerListResponse? running = (await ContainersOfRunAsync(runId)).FirstOrDefault(c => c.State == "running");
            if (running is not null)
            {
                return running;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("run " + runId + " had no running container within " + seconds + " s");
    }

    private static (DockerConnection?, string?) Connect()
    {
        var output = new StringWriter();
        DockerConnection? connection = DockerConnector.ConnectAsync(Environment.GetEnvironmentVariable, new Reporter(output), "tests", CancellationToken.None).GetAwaiter().GetResult();
        if (connection is null)
        {
            return (null, "no Docker daemon is reachable: " + output.ToString().Trim() + " Run 'bash eng/docker-setup.sh' (as root) first.");
        }

        try
        {
            connection.Client.Images.InspectImageAsync(TestImage).GetAwaiter().GetResult();
        }
        catch (DockerImageNotFoundException)
        {
            return (null, "the Docker host has no " + TestImage + " image, and no registry may be reachable; run 'bash eng/docker-setup.sh' to build it from Debian packages.");
        }

        return (connection, null);
    }
}

/// <summary>A test that needs Docker: skipped with the reason when Docker is missing and not expected.</summary>
public sealed class DockerFactAttribute : FactAttribute
{
    public DockerFactAttribute()
    {
        if (DockerRequirement.Problem is { } problem && !DockerRequirement.Required)
        {
            Skip = "Skipped: " + problem + " Set BYTENITE_REQUIRE_DOCKER=1 to make this a failure.";
        }
    }
}

/// <summary>The theory form of <see cref="DockerFactAttribute"/>.</summary>
public sealed class DockerTheoryAttribute : TheoryAttribute
{
    public DockerTheoryAttribute()
    {
        if (DockerRequirement.Problem is { } problem && !DockerRequirement.Required)
        {
            Skip = "Skipped: " + problem + " Set BYTENITE_REQUIRE_DOCKER=1 to make this a failure.";
        }
    }
}
