using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace ByteNite.Sdk.Docker.Tests;

/// <summary>
/// A stand-in Docker daemon on a Unix socket that answers the few calls a run makes before it needs an image, with the
/// API-version rules of a real engine: GET /version unversioned; versioned paths below its minimum rejected with 400,
/// as Docker Engine 29 rejects anything below 1.44. It records every request line, so tests can check what was asked.
/// </summary>
internal sealed class FakeDockerDaemon : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly List<string> _requests = new();
    private readonly string _directory;

    public FakeDockerDaemon(string engineVersion, string apiVersion, string minimumApiVersion)
    {
        EngineVersion = engineVersion;
        ApiVersion = apiVersion;
        MinimumApiVersion = minimumApiVersion;
        _directory = Path.Combine(Path.GetTempPath(), "bytenite-fake-docker-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Directory.CreateDirectory(_directory);
        SocketPath = Path.Combine(_directory, "docker.sock");
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
        _listener.Listen(16);
        _accepting = AcceptAsync();
    }

    public string EngineVersion { get; }

    public string ApiVersion { get; }

    public string MinimumApiVersion { get; }

    public string SocketPath { get; }

    public string Address => "unix://" + SocketPath;

    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Dispose();
        try
        {
            await _accepting.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(Socket client)
    {
        using var stream = new NetworkStream(client, ownsSocket: true);
        var reader = new StreamReader(stream, Encoding.ASCII);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                string? requestLine = await reader.ReadLineAsync(_stop.Token).ConfigureAwait(false);
                if (string.IsNullOrEmpty(requestLine))
                {
                    return;
                }

                int contentLength = 0;
                string? header;
                while (!string.IsNullOrEmpty(header = await reader.ReadLineAsync(_stop.Token).ConfigureAwait(false)))
                {
                    if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    {
                        contentLength = int.Parse(header.Substring(15).Trim(), CultureInfo.InvariantCulture);
                    }
                }

                if (contentLength > 0)
                {
                    char[] body = new char[contentLength];
                    await reader.ReadBlockAsync(body, _stop.Token).ConfigureAwait(false);
                }

                lock (_requests)
                {
                    _requests.Add(requestLine);
                }

                (int status, string json) = Answer(requestLine.Split(' ')[0], requestLine.Split(' ')[1]);
                byte[] payload = Encoding.UTF8.GetBytes(json);
                string head = "HTTP/1.1 " + status + (status == 200 ? " OK" : status == 404 ? " Not Found" : " Bad Request") + "\r\n"
                    + "Content-Type: application/json\r\nApi-Version: " + ApiVersion + "\r\nContent-Length: " + payload.Length + "\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token).ConfigureAwait(false);
                await stream.WriteAsync(payload, _stop.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    private (int Status, string Json) Answer(string method, string target)
    {
        string path = target.Split('?')[0];
        Match versioned = Regex.Match(path, @"^/v(?<version>[0-9]+\.[0-9]+)(?<rest>/.*)$");
        if (versioned.Success)
        {
            Version asked = Version.Parse(versioned.Groups["version"].Value);
            if (asked < Version.Parse(MinimumApiVersion))
            {
                return (400, "{\"message\":\"client version " + versioned.Groups["version"].Value + " is too old. Minimum supported API version is " + MinimumApiVersion + ", please upgrade your client to a newer version\"}");
            }

            path = versioned.Groups["rest"].Value;
        }

        return (method, path) switch
        {
            ("GET", "/version") => (200, "{\"Version\":\"" + EngineVersion + "\",\"ApiVersion\":\"" + ApiVersion + "\",\"MinAPIVersion\":\"" + MinimumApiVersion + "\",\"Os\":\"linux\",\"Arch\":\"amd64\"}"),
            ("GET", "/_ping") => (200, "\"OK\""),
            ("GET", "/containers/json") => (200, "[]"),
            ("GET", "/info") => (200, "{\"NCPU\":2,\"MemTotal\":25769803776,\"MemoryLimit\":true}"),
            ("GET", _) when path.StartsWith("/images/", StringComparison.Ordinal) => (404, "{\"message\":\"No such image: " + path.Substring(8) + "\"}"),
            _ => (404, "{\"message\":\"page not found\"}"),
        };
    }
}
