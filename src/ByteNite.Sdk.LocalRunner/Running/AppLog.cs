using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace ByteNite.Sdk.LocalRunner.Running;

/// <summary>
/// The app's stdout and stderr, followed live from the Engine API (GET /containers/{id}/logs?follow=1), written to
/// container.log and, line by line, to the console. Secret values are masked in both, in case the app prints them.
/// </summary>
internal sealed class AppLog
{
    private const int TailSize = 20;
    private const string Mask = "***";

    private readonly StreamWriter _file;
    private readonly Reporter? _console;
    private readonly string[] _secrets;
    private readonly Queue<string> _tail = new();
    private readonly List<string> _frames = new();
    private readonly object _gate = new();
    private bool _closed;
    private int _emitted;
    private string? _lastErrorLine;
    private int _lastErrorLineNumber;
    private int _lastFrameLineNumber;

    public AppLog(string path, Reporter? console, IEnumerable<string> secretValues)
    {
        _file = new StreamWriter(path, append: false, new UTF8Encoding(false));
        _console = console;
        // Very short values would mask ordinary text ("1", "ab"); a secret is longer than that.
        _secrets = secretValues.Where(s => s.Length >= 4).OrderByDescending(s => s.Length).ToArray();
    }

    /// <summary>The last lines, for the error that says why the app failed.</summary>
    public IReadOnlyList<string> Tail
    {
        get
        {
            lock (_gate)
            {
                return _tail.ToArray();
            }
        }
    }

    public async Task FollowAsync(DockerClient client, string containerId, CancellationToken cancellationToken)
    {
        try
        {
            await ReadAsync(client, containerId, follow: true, Line, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or DockerApiException or ObjectDisposedException)
        {
            // The container went away (removed on cancellation): the log ends here.
        }
    }

    /// <summary>
    /// After the container has stopped: reads the whole log once more and adds the lines the live stream missed (a
    /// following log stream can end before the last lines of a container that exits at once).
    /// </summary>
    public async Task CatchUpAsync(DockerClient client, string containerId, CancellationToken cancellationToken)
    {
        int seen = 0;
        int emitted;
        lock (_gate)
        {
            emitted = _emitted;
        }

        try
        {
            await ReadAsync(client, containerId, follow: false, (line, error) => { if (++seen > emitted) { Line(line, error); } }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or DockerApiException or System.Net.Http.HttpRequestException)
        {
            // Only the lines the live stream missed are lost; the run's outcome does not depend on them.
        }
    }

    private static async Task ReadAsync(DockerClient client, string containerId, bool follow, Action<string, bool> onLine, CancellationToken cancellationToken)
    {
        using MultiplexedStream stream = await client.Containers.GetContainerLogsAsync(
            containerId,
            new ContainerLogsParameters { Follow = follow, ShowStdout = true, ShowStderr = true },
            cancellationToken).ConfigureAwait(false);
        var streams = new Dictionary<MultiplexedStream.TargetStream, LineSplitter>();
        byte[] buffer = new byte[16 * 1024];
        while (true)
        {
            MultiplexedStream.ReadResult read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
            if (read.EOF)
            {
                break;
            }

            if (!streams.TryGetValue(read.Target, out LineSplitter? splitter))
            {
                bool isError = read.Target == MultiplexedStream.TargetStream.StandardError;
                splitter = new LineSplitter(line => onLine(line, isError));
                streams[read.Target] = splitter;
            }

            splitter.Add(buffer, read.Count);
        }

        foreach (LineSplitter splitter in streams.Values)
        {
            splitter.Flush();
        }
    }

    /// <summary>
    /// The line that most likely says why the app failed: after a Python traceback, the last line on stderr (the
    /// exception, whatever stdout printed around it: Docker copies the two streams separately, so their order in the
    /// log is not exact); else the last line at all (an app that prints its own error and exits, wherever it prints it).
    /// </summary>
    public string LastErrorLine
    {
        get
        {
            lock (_gate)
            {
                return _lastErrorLine is not null && _lastErrorLineNumber > _lastFrameLineNumber && _lastFrameLineNumber > 0
                    ? _lastErrorLine
                    : _tail.LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? string.Empty;
            }
        }
    }

    /// <summary>The innermost frame in the app's code of the last Python traceback, if any.</summary>
    public Match LastTracebackFrame(Regex frame)
    {
        lock (_gate)
        {
            for (int i = _frames.Count - 1; i >= 0; i--)
            {
                Match match = frame.Match(_frames[i]);
                if (match.Success)
                {
                    return match;
                }
            }
        }

        return Match.Empty;
    }

    public void Close()
    {
        lock (_gate)
        {
            if (!_closed)
            {
                _closed = true;
                _file.Dispose();
            }
        }
    }

    private void Line(string text, bool isError)
    {
        foreach (string secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _emitted++;
            if (isError && text.Trim().Length > 0)
            {
                _lastErrorLine = text.Trim();
                _lastErrorLineNumber = _emitted;
            }

            _file.WriteLine(text);
            _file.Flush();
            _tail.Enqueue(text);
            if (_tail.Count > TailSize)
            {
                _tail.Dequeue();
            }

            if (text.TrimStart().StartsWith("File \"", StringComparison.Ordinal))
            {
                _lastFrameLineNumber = _emitted;
                _frames.Add(text);
                if (_frames.Count > 200)
                {
                    _frames.RemoveAt(0);
                }
            }
        }

        _console?.AppOutput(text);
    }
}
