using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ByteNite.Sdk.LocalRunner.Docker;

/// <summary>A place where a Docker daemon may listen, and why it is a candidate.</summary>
public sealed class EndpointCandidate
{
    public EndpointCandidate(string address, string source, bool chosen, string? problem = null)
    {
        Address = address;
        Source = source;
        Chosen = chosen;
        Problem = problem;
    }

    /// <summary>unix:///var/run/docker.sock, tcp://host:2375, npipe://./pipe/docker_engine, ...</summary>
    public string Address { get; }

    /// <summary>Where it came from, in words: "DOCKER_HOST", "docker context \"colima\"", "Docker Desktop's socket".</summary>
    public string Source { get; }

    /// <summary>
    /// True when the user chose it (DOCKER_HOST or a docker context): like the docker CLI, only that one is used. The
    /// others are still probed when it fails, so that the error can say which daemon would answer instead.
    /// </summary>
    public bool Chosen { get; }

    /// <summary>Known before any connection (an unreadable context, an unsupported scheme).</summary>
    public string? Problem { get; }
}

/// <summary>
/// Finds the Docker endpoint the way the docker CLI does: DOCKER_HOST; else the context named by DOCKER_CONTEXT or by
/// currentContext in the CLI's config.json (DOCKER_CONFIG or ~/.docker), read from contexts/meta/&lt;sha256(name)&gt;/meta.json;
/// else the platform's default socket. Like Testcontainers, when nothing is chosen explicitly it then also tries the
/// sockets of the usual Docker installations (Docker Desktop, rootless Docker, Colima, Rancher Desktop, Podman).
/// </summary>
public static class DockerEndpoints
{
    private const int PlainTcpPort = 2375;

    public const string DefaultUnixSocket = "unix:///var/run/docker.sock";
    public const string DefaultWindowsPipe = "npipe://./pipe/docker_engine";

    public static IReadOnlyList<EndpointCandidate> Discover(Func<string, string?> environment)
    {
        var candidates = new List<EndpointCandidate>();
        string? host = NonEmpty(environment("DOCKER_HOST"));
        if (host is not null)
        {
            string? verify = NonEmpty(environment("DOCKER_TLS_VERIFY"));
            candidates.Add(Candidate(host, "DOCKER_HOST", chosen: true, tls: verify is not null && verify != "0"));
        }
        else
        {
            (string? context, string contextSource) = CurrentContext(environment);
            if (context is not null && context != "default")
            {
                candidates.Add(ContextCandidate(context, contextSource, environment));
            }
        }

        foreach ((string address, string source) in UsualEndpoints(environment))
        {
            if (!candidates.Any(c => SameAddress(c.Address, address)))
            {
                candidates.Add(new EndpointCandidate(address, source, chosen: false));
            }
        }

        return candidates;
    }

    /// <summary>The docker CLI's config folder: DOCKER_CONFIG, else ~/.docker.</summary>
    public static string? ConfigDirectory(Func<string, string?> environment)
    {
        string? configured = NonEmpty(environment("DOCKER_CONFIG"));
        if (configured is not null)
        {
            return configured;
        }

        string? home = Home(environment);
        return home is null ? null : Path.Combine(home, ".docker");
    }

    private static (string? Name, string Source) CurrentContext(Func<string, string?> environment)
    {
        string? fromEnvironment = NonEmpty(environment("DOCKER_CONTEXT"));
        if (fromEnvironment is not null)
        {
            return (fromEnvironment, "DOCKER_CONTEXT");
        }

        string? configDirectory = ConfigDirectory(environment);
        string? configFile = configDirectory is null ? null : Path.Combine(configDirectory, "config.json");
        if (configFile is null || !File.Exists(configFile))
        {
            return (null, string.Empty);
        }

        try
        {
            using JsonDocument config = JsonDocument.Parse(File.ReadAllText(configFile));
            if (config.RootElement.ValueKind == JsonValueKind.Object
                && config.RootElement.TryGetProperty("currentContext", out JsonElement current)
                && current.ValueKind == JsonValueKind.String)
            {
                return (NonEmpty(current.GetString()), "currentContext in " + configFile);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            // An unreadable config.json does not stop the docker CLI either: it falls back to the default context.
        }

        return (null, string.Empty);
    }

    private static EndpointCandidate ContextCandidate(string context, string contextSource, Func<string, string?> environment)
    {
        string source = "docker context \"" + context + "\" (" + contextSource + ")";
        string? configDirectory = ConfigDirectory(environment);
        if (configDirectory is null)
        {
            return new EndpointCandidate("context:" + context, source, chosen: true, "HOME is not set, so the docker CLI's config folder cannot be found");
        }

        string hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(context))).ToLowerInvariant();
        string meta = Path.Combine(configDirectory, "contexts", "meta", hash, "meta.json");
        if (!File.Exists(meta))
        {
            return new EndpointCandidate("context:" + context, source, chosen: true, "the context does not exist (no " + meta + "); list contexts with 'docker context ls'");
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(meta));
            if (document.RootElement.TryGetProperty("Endpoints", out JsonElement endpoints)
                && endpoints.TryGetProperty("docker", out JsonElement docker)
                && docker.TryGetProperty("Host", out JsonElement hostElement)
                && NonEmpty(hostElement.GetString()) is { } host)
            {
                bool tls = Directory.Exists(Path.Combine(configDirectory, "contexts", "tls", hash, "docker"));
                return Candidate(host, source, chosen: true, tls);
            }

            return new EndpointCandidate("context:" + context, source, chosen: true, meta + " has no Endpoints.docker.Host");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
        {
            return new EndpointCandidate("context:" + context, source, chosen: true, meta + " cannot be read: " + e.Message);
        }
    }

    private static EndpointCandidate Candidate(string address, string source, bool chosen, bool tls)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out Uri? uri))
        {
            return new EndpointCandidate(address, source, chosen, "not an endpoint address; expected unix:///path/docker.sock, tcp://host:port or npipe://./pipe/name");
        }

        if (uri.Scheme == "tcp" && uri.Port < 0)
        {
            // As the docker CLI reads it: a tcp:// address without a port means Docker's port for plain HTTP.
            address = "tcp://" + uri.Authority + ":" + PlainTcpPort;
        }

        string? problem = uri.Scheme switch
        {
            "unix" or "npipe" => null,
            "tcp" or "http" or "https" => tls
                ? "TLS-protected endpoints (DOCKER_TLS_VERIFY, or a context with TLS material) are not supported by RunLocal yet; forward the socket (e.g. ssh -L) and use a unix:// or plain tcp:// address"
                : null,
            "ssh" => "ssh:// endpoints are not supported by RunLocal; forward the remote socket (ssh -NL /tmp/docker.sock:/var/run/docker.sock host) and set DOCKER_HOST=unix:///tmp/docker.sock",
            _ => "the scheme '" + uri.Scheme + "' is not one Docker listens on (unix, tcp, npipe)",
        };
        return new EndpointCandidate(address, source, chosen, problem);
    }

    private static IEnumerable<(string Address, string Source)> UsualEndpoints(Func<string, string?> environment)
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            yield return (DefaultWindowsPipe, "the default named pipe");
            yield return ("npipe://./pipe/dockerDesktopLinuxEngine", "Docker Desktop's named pipe");
            yield break;
        }

        yield return (DefaultUnixSocket, "the default socket");
        string? home = Home(environment);
        if (home is not null)
        {
            yield return (UnixAddress(Path.Combine(home, ".docker", "run", "docker.sock")), "Docker Desktop's socket");
            yield return (UnixAddress(Path.Combine(home, ".docker", "desktop", "docker.sock")), "Docker Desktop for Linux's socket");
        }

        string? runtimeDirectory = NonEmpty(environment("XDG_RUNTIME_DIR"));
        if (runtimeDirectory is not null)
        {
            yield return (UnixAddress(Path.Combine(runtimeDirectory, "docker.sock")), "rootless Docker's socket");
        }

        if (home is not null)
        {
            yield return (UnixAddress(Path.Combine(home, ".colima", "default", "docker.sock")), "Colima's socket");
            yield return (UnixAddress(Path.Combine(home, ".rd", "docker.sock")), "Rancher Desktop's socket");
        }

        if (runtimeDirectory is not null)
        {
            yield return (UnixAddress(Path.Combine(runtimeDirectory, "podman", "podman.sock")), "Podman's socket");
        }
    }

    private static string UnixAddress(string path) => "unix://" + path;

    private static bool SameAddress(string a, string b) =>
        string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.Ordinal);

    private static string? Home(Func<string, string?> environment) =>
        NonEmpty(environment("HOME")) ?? NonEmpty(environment("USERPROFILE"));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
