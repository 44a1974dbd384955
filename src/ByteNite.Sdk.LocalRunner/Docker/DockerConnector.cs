using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;
using Version = System.Version;
using ByteNite.Sdk.Model.Diagnostics;

namespace ByteNite.Sdk.LocalRunner.Docker;

/// <summary>A client connected to a daemon that answered, speaking the negotiated API version.</summary>
public sealed class DockerConnection : IDisposable
{
    internal DockerConnection(DockerClient client, EndpointCandidate endpoint, DaemonVersion daemon, Version apiVersion)
    {
        Client = client;
        Endpoint = endpoint;
        Daemon = daemon;
        ApiVersion = apiVersion;
    }

    public DockerClient Client { get; }

    public EndpointCandidate Endpoint { get; }

    public DaemonVersion Daemon { get; }

    public Version ApiVersion { get; }

    public string Describe() =>
        Endpoint.Address + " (" + Endpoint.Source + "; Docker " + Daemon.Version + ", API " + ApiVersionNegotiation.Format(ApiVersion)
        + (Daemon.ApiVersion is { } max && max != ApiVersionNegotiation.Format(ApiVersion) ? " of " + max : string.Empty) + ")";

    public void Dispose() => Client.Dispose();
}

/// <summary>What GET /version says about a daemon.</summary>
public sealed class DaemonVersion
{
    public DaemonVersion(string? version, string? apiVersion, string? minimumApiVersion)
    {
        Version = version;
        ApiVersion = apiVersion;
        MinimumApiVersion = minimumApiVersion;
    }

    public string? Version { get; }

    public string? ApiVersion { get; }

    public string? MinimumApiVersion { get; }
}

/// <summary>Connects to the first endpoint that answers (see <see cref="DockerEndpoints"/>), or reports BN4001 listing every one tried.</summary>
public static class DockerConnector
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public static async Task<DockerConnection?> ConnectAsync(Func<string, string?> environment, Reporter reporter, string origin, CancellationToken cancellationToken)
    {
        IReadOnlyList<EndpointCandidate> candidates = DockerEndpoints.Discover(environment);
        EndpointCandidate? chosen = candidates.FirstOrDefault(c => c.Chosen);
        var tried = new List<(EndpointCandidate Candidate, string Outcome)>();
        EndpointCandidate? answering = null;
        DaemonVersion? version = null;
        foreach (EndpointCandidate candidate in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (DaemonVersion? response, string? failure) = await ProbeAsync(candidate, cancellationToken).ConfigureAwait(false);
            if (response is not null && (chosen is null || candidate == chosen))
            {
                answering = candidate;
                version = response;
                break;
            }

            tried.Add((candidate, failure ?? "answers (Docker " + response!.Version + ")"));
            if (response is not null && chosen is not null)
            {
                // Only a hint: the user chose another endpoint; stop at the first that would work.
                break;
            }
        }

        if (answering is null || version is null)
        {
            string what = chosen is null ? "No Docker daemon answered." : "The Docker endpoint you chose (" + chosen.Source + ") did not answer.";
            reporter.Report(DiagnosticCatalog.DockerUnavailable, origin, what, string.Join("; ", tried.Select(t => t.Candidate.Address + " (" + t.Candidate.Source + "): " + t.Outcome)), WhatToDo(chosen, tried));
            return null;
        }

        Version? apiVersion = ApiVersionNegotiation.Negotiate(version.ApiVersion, version.MinimumApiVersion, environment("DOCKER_API_VERSION"), out string? problem);
        if (apiVersion is null)
        {
            reporter.Report(DiagnosticCatalog.DockerApiUnsupported, origin, answering.Address + " (Docker " + version.Version + ")", problem!);
            return null;
        }

        DockerClient client = new DockerClientBuilder().WithEndpoint(new Uri(answering.Address)).WithApiVersion(apiVersion).Build();
        return new DockerConnection(client, answering, version, apiVersion);
    }

    private static string WhatToDo(EndpointCandidate? chosen, List<(EndpointCandidate Candidate, string Outcome)> tried)
    {
        (EndpointCandidate Candidate, string Outcome) other = tried.FirstOrDefault(t => t.Candidate != chosen && t.Outcome.StartsWith("answers", StringComparison.Ordinal));
        if (chosen is not null && other.Candidate is not null)
        {
            string how = chosen.Source == "DOCKER_HOST" ? "unset DOCKER_HOST" : "run 'docker context use default' (or unset DOCKER_CONTEXT)";
            return "You chose " + chosen.Address + " (" + chosen.Source + "), and " + other.Candidate.Address + " answers: " + how + " to use it, or start the daemon you chose.";
        }

        if (tried.Any(t => t.Outcome.StartsWith("permission denied", StringComparison.Ordinal)))
        {
            return "A Docker socket exists but your user may not use it: add yourself to the 'docker' group (sudo usermod -aG docker $USER, then log in again), or use rootless Docker or Docker Desktop.";
        }

        return "Start Docker (Docker Desktop; on Linux 'sudo systemctl start docker'), or set DOCKER_HOST to a running daemon's address; without Docker, install it first (Debian/Ubuntu: sudo apt-get install docker.io; see docs/runlocal.md).";
    }

    /// <summary>
    /// GET /version, unversioned (every daemon accepts it), with a short timeout. Through a Docker.DotNet client (not a
    /// plain HttpClient): the library's HTTP stack is then warmed up for the requests that follow, which matters more
    /// than the few milliseconds a lighter probe would save (docs/benchmarks.md).
    /// </summary>
    internal static async Task<(DaemonVersion? Response, string? Failure)> ProbeAsync(EndpointCandidate candidate, CancellationToken cancellationToken)
    {
        if (candidate.Problem is not null)
        {
            return (null, candidate.Problem);
        }

        Uri uri = new(candidate.Address);
        if (uri.Scheme == "unix" && !File.Exists(uri.LocalPath))
        {
            return (null, "no such socket");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            using DockerClient client = new DockerClientBuilder().WithEndpoint(uri).WithTimeout(ProbeTimeout).Build();
            VersionResponse version = await client.System.GetVersionAsync(timeout.Token).ConfigureAwait(false);
            return (new DaemonVersion(version.Version, version.APIVersion, version.MinAPIVersion), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "no answer within " + ProbeTimeout.TotalSeconds + " s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (null, Explain(e));
        }
    }

    private static string Explain(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return "connection refused (nothing listens there: the daemon is not running)";
                case SocketException { SocketErrorCode: SocketError.AccessDenied }:
                case UnauthorizedAccessException:
                    return "permission denied (" + e.Message + ")";
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData }:
                    return "host not found (" + e.Message + ")";
                case SocketException socket:
                    return socket.SocketErrorCode + " (" + socket.Message + ")";
                case DockerApiException api:
                    return "answered HTTP " + (int)api.StatusCode + ": " + (api.ResponseBody ?? string.Empty).Trim();
                case TimeoutException:
                    return "no answer within " + ProbeTimeout.TotalSeconds + " s";
            }
        }

        return exception is HttpRequestException http && http.InnerException is not null
            ? http.InnerException.Message
            : exception.Message;
    }
}
