using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ByteNite.Sdk.LocalRunner;
using ByteNite.Sdk.LocalRunner.Docker;
using ByteNite.Sdk.LocalRunner.Running;
using ByteNite.Sdk.Model.Diagnostics;
using Xunit;

namespace ByteNite.Sdk.Docker.Tests;

/// <summary>
/// Finding the daemon like the docker CLI, and negotiating the API version with it. These need no real Docker: they
/// use addresses where nothing listens, and a stand-in daemon that follows Docker Engine 29's version rules.
/// </summary>
public class EndpointTests : IDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "bytenite-endpoint-tests-" + Guid.NewGuid().ToString("N").Substring(0, 8));
    private readonly TestApp _app = TestApp.Current("print('hello')\n");

    public EndpointTests()
    {
        Directory.CreateDirectory(_home);
    }

    public void Dispose()
    {
        _app.Dispose();
        Directory.Delete(_home, recursive: true);
    }

    [Fact]
    public async Task DOCKER_HOST_pointing_nowhere_gives_one_error_listing_every_endpoint_tried()
    {
        (RunResult result, string output) = await RunWith(new() { ["DOCKER_HOST"] = "unix:///nonexistent/docker.sock" });

        Assert.Equal(1, result.ExitCode);
        Diagnostic error = Assert.Single(result.Diagnostics);
        Assert.Equal("BN4001", error.Id);
        Assert.StartsWith("The Docker endpoint you chose (DOCKER_HOST) did not answer. Tried: unix:///nonexistent/docker.sock (DOCKER_HOST): no such socket; ", error.Message);
        Assert.Contains("unix:///var/run/docker.sock (the default socket): ", error.Message);
        Assert.Equal(1, output.Split('\n').Count(l => l.Contains("error BN4001")));
        Assert.Null(result.ContainerName);
    }

    [Theory]
    [InlineData("tcp://127.0.0.1", "tcp://127.0.0.1:2375")]
    [InlineData("tcp://docker.example", "tcp://docker.example:2375")]
    [InlineData("tcp://[::1]", "tcp://[::1]:2375")]
    [InlineData("tcp://127.0.0.1:2376", "tcp://127.0.0.1:2376")]
    public void A_tcp_address_without_a_port_means_port_2375_as_for_the_docker_CLI(string dockerHost, string expected)
    {
        EndpointCandidate candidate = DockerEndpoints.Discover(name => name == "DOCKER_HOST" ? dockerHost : null).Single(c => c.Chosen);

        Assert.Equal(expected, candidate.Address);
        Assert.Null(candidate.Problem);
    }

    [Fact]
    public async Task Without_a_chosen_endpoint_every_usual_socket_is_a_candidate_and_a_missing_one_says_so()
    {
        // Checked on the candidates rather than through a run: where /var/run/docker.sock answers (CI), a run stops there.
        string runtime = Path.Combine(_home, "run");
        IReadOnlyList<EndpointCandidate> candidates = DockerEndpoints.Discover(name => name switch
        {
            "HOME" => _home,
            "XDG_RUNTIME_DIR" => runtime,
            _ => null,
        });

        Assert.All(candidates, c => Assert.False(c.Chosen));
        Assert.Equal(
            new[]
            {
                "unix:///var/run/docker.sock",
                "unix://" + Path.Combine(_home, ".docker/run/docker.sock"),
                "unix://" + Path.Combine(_home, ".docker/desktop/docker.sock"),
                "unix://" + Path.Combine(runtime, "docker.sock"),
                "unix://" + Path.Combine(_home, ".colima/default/docker.sock"),
                "unix://" + Path.Combine(_home, ".rd/docker.sock"),
                "unix://" + Path.Combine(runtime, "podman/podman.sock"),
            },
            candidates.Select(c => c.Address));
        (DaemonVersion? response, string? failure) = await DockerConnector.ProbeAsync(candidates[1], CancellationToken.None);
        Assert.Null(response);
        Assert.Equal("no such socket", failure);
    }

    [Fact]
    public async Task A_refused_tcp_endpoint_says_nothing_listens()
    {
        (RunResult result, _) = await RunWith(new() { ["DOCKER_HOST"] = "tcp://127.0.0.1:1" });

        Assert.Contains("tcp://127.0.0.1:1 (DOCKER_HOST): connection refused (nothing listens there: the daemon is not running)", result.Single("BN4001").Message);
    }

    [Fact]
    public async Task Unsupported_schemes_are_explained()
    {
        (RunResult result, _) = await RunWith(new() { ["DOCKER_HOST"] = "ssh://user@host" });

        Assert.Contains("ssh:// endpoints are not supported by RunLocal", result.Single("BN4001").Message);
    }

    [Fact]
    public async Task The_current_docker_context_is_used_when_DOCKER_HOST_is_not_set()
    {
        await using var daemon = new FakeDockerDaemon("29.0.0", "1.52", "1.44");
        WriteContext("fake", daemon.Address);
        File.WriteAllText(Path.Combine(_home, ".docker", "config.json"), "{ \"currentContext\": \"fake\" }");

        (RunResult result, string output) = await RunWith(new(), pull: PullPolicy.Never);

        Assert.Contains("Docker:   " + daemon.Address + " (docker context \"fake\" (currentContext in " + Path.Combine(_home, ".docker", "config.json") + ")", output);
        Assert.Equal("BN4003", Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public async Task DOCKER_CONTEXT_overrides_the_config_and_a_missing_context_is_explained()
    {
        (RunResult result, _) = await RunWith(new() { ["DOCKER_CONTEXT"] = "nope" });

        Assert.Contains("context:nope (docker context \"nope\" (DOCKER_CONTEXT)): the context does not exist", result.Single("BN4001").Message);
    }

    [Fact]
    public async Task A_Docker_Engine_29_daemon_is_spoken_to_in_its_API_version()
    {
        await using var daemon = new FakeDockerDaemon("29.0.0", "1.52", "1.44");

        (RunResult result, string output) = await RunWith(new() { ["DOCKER_HOST"] = daemon.Address }, pull: PullPolicy.Never);

        Assert.Contains("Docker 29.0.0, API 1.52)", output);
        Assert.Equal("BN4003", Assert.Single(result.Diagnostics).Id);
        Assert.Equal("GET /version HTTP/1.1", daemon.Requests[0]);
        Assert.All(daemon.Requests.Skip(1), r => Assert.StartsWith("GET /v1.52/", r));
        Assert.Contains(daemon.Requests, r => r.StartsWith("GET /v1.52/containers/json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_newer_daemon_is_spoken_to_in_the_newest_version_this_runner_knows()
    {
        await using var daemon = new FakeDockerDaemon("99.0.0", "1.60", "1.44");

        (_, string output) = await RunWith(new() { ["DOCKER_HOST"] = daemon.Address }, pull: PullPolicy.Never);

        Assert.Contains("API 1.52 of 1.60)", output);
        Assert.All(daemon.Requests.Skip(1), r => Assert.StartsWith("GET /v1.52/", r));
    }

    [Fact]
    public async Task A_Debian_20_10_daemon_is_spoken_to_in_1_41()
    {
        await using var daemon = new FakeDockerDaemon("20.10.24+dfsg1", "1.41", "1.12");

        (_, string output) = await RunWith(new() { ["DOCKER_HOST"] = daemon.Address }, pull: PullPolicy.Never);

        Assert.Contains("Docker 20.10.24+dfsg1, API 1.41)", output);
        Assert.All(daemon.Requests.Skip(1), r => Assert.StartsWith("GET /v1.41/", r));
    }

    [Fact]
    public async Task A_daemon_older_than_API_1_40_is_refused_with_BN4002()
    {
        await using var daemon = new FakeDockerDaemon("18.09.0", "1.39", "1.12");

        (RunResult result, _) = await RunWith(new() { ["DOCKER_HOST"] = daemon.Address });

        Diagnostic error = result.Single("BN4002");
        Assert.Contains("speaks Engine API 1.39 at most, and RunLocal needs 1.40 or later", error.Message);
        Assert.Single(daemon.Requests);
    }

    [Fact]
    public async Task DOCKER_API_VERSION_pins_the_version_like_the_docker_CLI()
    {
        await using var daemon = new FakeDockerDaemon("29.0.0", "1.52", "1.44");

        (RunResult result, _) = await RunWith(new() { ["DOCKER_HOST"] = daemon.Address, ["DOCKER_API_VERSION"] = "1.44" }, pull: PullPolicy.Never);

        Assert.Equal("BN4003", Assert.Single(result.Diagnostics).Id);
        Assert.All(daemon.Requests.Skip(1), r => Assert.StartsWith("GET /v1.44/", r));
    }

    [Fact]
    public async Task Speaking_an_unsupported_old_version_to_Engine_29_fails_as_the_engine_says()
    {
        // What the library's unversioned default avoids and explicit negotiation must never produce: the engine's own 400.
        await using var daemon = new FakeDockerDaemon("29.0.0", "1.52", "1.44");

        (RunResult result, string output) = await RunWith(new() { ["DOCKER_HOST"] = daemon.Address, ["DOCKER_API_VERSION"] = "1.41" }, pull: PullPolicy.Never);

        Diagnostic error = result.Single("BN4010");
        Assert.Contains("client version 1.41 is too old", error.Message);
        Assert.Contains("error BN4010: Docker could not list RunLocal containers", output);
    }

    [Theory]
    [InlineData("1.41", "1.12", null, "1.41")]
    [InlineData("1.52", "1.44", null, "1.52")]
    [InlineData("1.53", "1.44", null, "1.52")]
    [InlineData("1.44", "1.24", null, "1.44")]
    [InlineData("1.52", "1.44", "1.47", "1.47")]
    public void Negotiation_takes_the_lower_of_the_two_maxima(string server, string serverMinimum, string? pinned, string expected)
    {
        Version? version = ApiVersionNegotiation.Negotiate(server, serverMinimum, pinned, out string? problem);

        Assert.Null(problem);
        Assert.Equal(expected, ApiVersionNegotiation.Format(version!));
    }

    [Theory]
    [InlineData("1.39", "1.12", null, "1.40 or later")]
    [InlineData("1.70", "1.60", null, "update ByteNite.Sdk")]
    [InlineData("", "", null, "did not report its API version")]
    [InlineData("1.52", "1.44", "latest", "DOCKER_API_VERSION")]
    [InlineData("1.52", "1.44", "1.30", "DOCKER_API_VERSION pins Engine API 1.30, and RunLocal speaks 1.40 to 1.52; unset it")]
    [InlineData("1.52", "1.44", "1.60", "DOCKER_API_VERSION pins Engine API 1.60")]
    public void Negotiation_explains_why_no_version_fits(string server, string serverMinimum, string? pinned, string reason)
    {
        Assert.Null(ApiVersionNegotiation.Negotiate(server, serverMinimum, pinned, out string? problem));
        Assert.Contains(reason, problem);
    }

    private void WriteContext(string name, string host)
    {
        string hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name))).ToLowerInvariant();
        string folder = Path.Combine(_home, ".docker", "contexts", "meta", hash);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "meta.json"), "{\"Name\":\"" + name + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\"" + host + "\",\"SkipTLSVerify\":false}}}");
    }

    /// <summary>A run whose environment is only <paramref name="variables"/> plus HOME (an empty folder), like a clean shell.</summary>
    private async Task<(RunResult, string)> RunWith(Dictionary<string, string> variables, PullPolicy pull = PullPolicy.Missing, string? image = null)
    {
        if (image is not null)
        {
            _app.Write("manifest.json", TestApp.Manifest("\"name\": \"test-app\"", "0.1", image, string.Empty, TestApp.DefaultRequirements));
        }

        variables.TryAdd("HOME", _home);
        var options = _app.Options();
        options.Pull = pull;
        options.Environment = name => variables.TryGetValue(name, out string? value) ? value : null;
        return await Runner.RunAsync(options);
    }
}
