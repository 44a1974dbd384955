using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;
using ByteNite.Sdk.Model.Hosting;
using ByteNite.Sdk.Model.Rules;

namespace ByteNite.Sdk.LocalRunner.Docker;

/// <summary>An image reference made explicit: a missing tag is ":latest", never "every tag".</summary>
public sealed class ImageName
{
    private ImageName(string repository, string reference, bool isDigest, bool tagWasImplied)
    {
        Repository = repository;
        Reference = reference;
        IsDigest = isDigest;
        TagWasImplied = tagWasImplied;
    }

    public string Repository { get; }

    /// <summary>The tag ("latest" when none was written) or the digest ("sha256:...").</summary>
    public string Reference { get; }

    public bool IsDigest { get; }

    public bool TagWasImplied { get; }

    public string FullName => Repository + (IsDigest ? "@" : ":") + Reference;

    public static ImageName? Parse(string text, out string? problem)
    {
        ImageReference? parsed = ImageReference.TryParse(text, out problem);
        if (parsed is null)
        {
            return null;
        }

        return parsed.Digest is not null
            ? new ImageName(parsed.Repository, parsed.Digest, isDigest: true, tagWasImplied: false)
            : new ImageName(parsed.Repository, parsed.Tag ?? "latest", isDigest: false, tagWasImplied: parsed.Tag is null);
    }
}

/// <summary>Makes the image present according to the pull policy, with progress a person can follow.</summary>
public static class ImageProvider
{
    /// <summary>
    /// Null when the image is there; else what went wrong and what to do (for BN4003). Registry credentials are looked up
    /// only for a pull: a credential helper is a process of its own (Docker Desktop's on every machine that has it).
    /// </summary>
    public static async Task<(string Problem, string Fix)?> EnsureAsync(
        DockerClient client, ImageName image, Manifest manifest, Reporter reporter, RunOptions options, CancellationToken cancellationToken)
    {
        PullPolicy policy = options.Pull;
        ImageInspectResponse? local = await InspectAsync(client, image.FullName, cancellationToken).ConfigureAwait(false);
        string implied = image.TagWasImplied ? " (no tag in manifest.json, so ':latest')" : string.Empty;
        if (local is not null && policy != PullPolicy.Always)
        {
            reporter.Info("  Image:    " + image.FullName + implied + ", present (" + ShortId(local.ID) + ", " + ByteSize.Format(local.Size) + ")");
            return null;
        }

        if (local is null && policy == PullPolicy.Never)
        {
            return ("it is not on the Docker host, and the pull policy is 'never'",
                "Pull it yourself ('docker pull " + image.FullName + "') or allow pulling by setting " + options.Hint("--pull") + " to 'missing'.");
        }

        AuthConfig? auth = RegistryCredentials.Find(manifest, image.Repository, options.GetEnvironmentVariable, out string? authSource);
        reporter.Info("  Image:    pulling " + image.FullName + implied + " (" + (policy == PullPolicy.Always ? "pull policy 'always'" : "not on the Docker host") + ")"
            + (authSource is null ? string.Empty : ", with credentials from " + authSource));
        var progress = new PullProgress(reporter);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            await client.Images.CreateImageAsync(
                new ImagesCreateParameters { FromImage = image.Repository, Tag = image.Reference },
                auth ?? new AuthConfig(),
                progress,
                cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException e)
        {
            return Explain(image, Running.LocalRun.Message(e), local is not null, e.StatusCode, options);
        }

        if (progress.Error is not null)
        {
            return Explain(image, progress.Error, local is not null, null, options);
        }

        ImageInspectResponse? pulled = await InspectAsync(client, image.FullName, cancellationToken).ConfigureAwait(false);
        if (pulled is null)
        {
            return ("the pull finished but the Docker host does not have it", "Try 'docker pull " + image.FullName + "' to see what the registry sends.");
        }

        reporter.Info("  Image:    pulled " + image.FullName + " in " + Seconds(stopwatch.Elapsed) + " (" + ShortId(pulled.ID) + ", " + ByteSize.Format(pulled.Size) + ")");
        return null;
    }

    private static (string Problem, string Fix) Explain(ImageName image, string message, bool presentLocally, HttpStatusCode? status, RunOptions options)
    {
        string text = Running.LocalRun.MessageOf(message);

        string problem = "pulling it failed: " + text;
        string fix;
        if (text.Contains("no such host", StringComparison.OrdinalIgnoreCase) || text.Contains("dial tcp", StringComparison.OrdinalIgnoreCase)
            || text.Contains("timeout", StringComparison.OrdinalIgnoreCase) || text.Contains("connection refused", StringComparison.OrdinalIgnoreCase))
        {
            fix = "The registry cannot be reached from the Docker host; check the network or proxy settings of Docker.";
        }
        else if (status == HttpStatusCode.NotFound || text.Contains("not found", StringComparison.OrdinalIgnoreCase)
            || text.Contains("denied", StringComparison.OrdinalIgnoreCase) || text.Contains("unauthorized", StringComparison.OrdinalIgnoreCase))
        {
            fix = "Check the name and tag in 'platform_config.container'. If the image is private, set 'private_image', 'username' and the "
                + RegistryCredentials.TokenVariable + " environment variable, or run 'docker login' for its registry.";
        }
        else
        {
            fix = "Try 'docker pull " + image.FullName + "' to see the registry's full answer.";
        }

        if (presentLocally)
        {
            fix += " The Docker host has an older copy, which " + options.Hint("--pull") + " set to 'missing' uses.";
        }

        return (problem, fix);
    }

    internal static async Task<ImageInspectResponse?> InspectAsync(DockerClient client, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await client.Images.InspectImageAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerImageNotFoundException)
        {
            return null;
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    internal static string ShortId(string? id) =>
        id is null ? "?" : id.StartsWith("sha256:", StringComparison.Ordinal) ? id.Substring(7, Math.Min(12, id.Length - 7)) : id.Substring(0, Math.Min(12, id.Length));


    internal static string Seconds(TimeSpan elapsed) =>
        elapsed.TotalSeconds.ToString(elapsed.TotalSeconds >= 10 ? "0.0" : "0.00", CultureInfo.InvariantCulture) + " s";

    /// <summary>
    /// Turns the daemon's JSON messages into lines: every status change of a layer, and its download progress at most
    /// every 2 seconds, so a slow pull shows it is moving without flooding a build log.
    /// </summary>
    private sealed class PullProgress : IProgress<JSONMessage>
    {
        private readonly Reporter _reporter;
        private readonly Dictionary<string, (string Status, DateTime At)> _layers = new(StringComparer.Ordinal);

        public PullProgress(Reporter reporter)
        {
            _reporter = reporter;
        }

        public string? Error { get; private set; }

        public void Report(JSONMessage value)
        {
            if (value.Error is { Message: { Length: > 0 } error })
            {
                Error = error;
                return;
            }

            string status = value.Status ?? string.Empty;
            if (status.Length == 0)
            {
                return;
            }

            string id = value.ID ?? string.Empty;
            DateTime now = DateTime.UtcNow;
            bool moving = value.Progress is { Total: > 0 };
            lock (_layers)
            {
                if (_layers.TryGetValue(id, out var last) && last.Status == status && (!moving || now - last.At < TimeSpan.FromSeconds(2)))
                {
                    return;
                }

                _layers[id] = (status, now);
            }

            string line = id.Length == 0 ? status : id + ": " + status;
            if (moving)
            {
                long current = value.Progress!.Current ?? 0;
                long total = value.Progress.Total ?? 0;
                line += " " + ByteSize.Format(current) + " / " + ByteSize.Format(total) + " (" + (100 * current / Math.Max(1, total)).ToString(CultureInfo.InvariantCulture) + "%)";
            }

            _reporter.Info("            " + line);
        }
    }
}
