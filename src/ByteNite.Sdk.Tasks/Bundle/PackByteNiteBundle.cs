using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Hosting;
using Microsoft.Build.Framework;

namespace ByteNite.Sdk.Tasks.Bundle;

/// <summary>
/// Writes the upload bundle of an app into the output folder: NAME-VERSION.tar (the archive the platform's push API
/// takes), NAME-VERSION.tar.sha256, NAME-VERSION.push.json (the request body) and NAME-VERSION.bundle.json (what was
/// packed). Warns about large files and about replacing an existing bundle of the same version with other content.
/// </summary>
public sealed class PackByteNiteBundle : BundleTask
{
    /// <summary>The files chosen by SelectByteNiteBundleFiles.</summary>
    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    [Required]
    public string OutputDirectory { get; set; } = string.Empty;

    /// <summary>The project file, where problems with the project's settings are reported.</summary>
    public string? ProjectFile { get; set; }

    /// <summary>Seconds since 1970-01-01 UTC for every entry; empty for 0.</summary>
    public string? SourceDateEpoch { get; set; }

    /// <summary>Files larger than this get BN3004: bytes, or a number with KB, MB or GB (1024-based); 0 turns the warning off.</summary>
    public string? LargeFileThreshold { get; set; }

    /// <summary>A small file in obj/ that records the result, for the summary printed even when nothing had to be packed.</summary>
    public string? StampFile { get; set; }

    [Output]
    public string BundlePath { get; private set; } = string.Empty;

    /// <summary>The archive's SHA-256, lower-case hex.</summary>
    [Output]
    public string Sha256 { get; private set; } = string.Empty;

    /// <summary>The archive's SHA-256 in standard Base64, the form the platform's API returns as the app's 'hash'.</summary>
    [Output]
    public string Hash { get; private set; } = string.Empty;

    protected override void Run()
    {
        var diagnostics = new List<Diagnostic>();
        BundleManifest? manifest = BundleManifest.Read(AppDirectory, diagnostics);
        long mtime = ParseSetting("ByteNiteBundleSourceDateEpoch", SourceDateEpoch, 0, ParseEpoch, diagnostics);
        long threshold = ParseSetting("ByteNiteBundleLargeFileThreshold", LargeFileThreshold, 10L << 20, ParseSize, diagnostics);
        Report(diagnostics);
        if (manifest is null || Log.HasLoggedErrors)
        {
            return;
        }

        var files = Files.Select(item => new BundleFile(
            item.GetMetadata("BundlePath"), item.ItemSpec, Convert.ToInt32(item.GetMetadata("Mode"), 8), 0)).ToList();
        var overrides = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        byte[] manifestContent = manifest.ContentWithToken(SuppliedToken(), out TokenOutcome outcome);
        if (!ReferenceEquals(manifestContent, manifest.Bytes))
        {
            overrides.Add("manifest.json", manifestContent);
        }

        LogTokenOutcome(outcome);

        string outputDirectory = Path.GetFullPath(OutputDirectory);
        string name = manifest.BundleBaseName;
        BundlePath = Path.Combine(outputDirectory, name + ".tar");
        // Every output is written to a temporary file first and moved into place only when all of them are complete.
        var outputs = new[] { BundlePath, Path.Combine(outputDirectory, name + ".push.json"), BundlePath + ".sha256", Path.Combine(outputDirectory, name + ".bundle.json") };
        string[] temporaries = outputs.Select(path => path + ".tmp").ToArray();
        try
        {
            BundleWriteResult result;
            Directory.CreateDirectory(outputDirectory);
            using (FileStream tar = CreateFresh(temporaries[0]))
            using (FileStream push = CreateFresh(temporaries[1]))
            {
                result = BundleWriter.Write(BundleEntry.Plan(files, overrides), mtime, tar, push);
            }

            Sha256 = ToHex(result.Sha256);
            Hash = Convert.ToBase64String(result.Sha256);
            File.WriteAllText(temporaries[2], Sha256 + "  " + name + ".tar\n");
            File.WriteAllText(temporaries[3], Describe(manifest, result));
            ReportLargeFiles(result, threshold);
            CheckOverwrite(manifest, result);
            if (Log.HasLoggedErrors)
            {
                // BN3004 or BN3005 made errors by the project: the bundle in place (perhaps the version already pushed)
                // stays, and without a new stamp the next pack checks again.
                return;
            }

            for (int i = 0; i < outputs.Length; i++)
            {
                Replace(temporaries[i], outputs[i]);
            }

            WriteStamp(result);
            ListFiles(result);
        }
        catch (BundleReadException e)
        {
            Report(Diagnostic.CreateForFile(DiagnosticCatalog.BundleFileUnreadable, e.FilePath, e.FilePath, e.Message));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The output side: a folder that cannot be created, a full disk, a file another program holds open.
            Report(Diagnostic.CreateForFile(DiagnosticCatalog.BundleNotWritten, ProjectFile ?? AppDirectory, BundlePath, BundleSelector.Sentence(e)));
        }
        finally
        {
            foreach (string temporary in temporaries)
            {
                DeleteQuietly(temporary);
            }
        }
    }

    /// <summary>The stamp in obj/: one "key=value" per line, what the targets print after every pack (packed or not).</summary>
    private void WriteStamp(BundleWriteResult result)
    {
        if (string.IsNullOrEmpty(StampFile))
        {
            return;
        }

        int fileCount = result.Members.Count(m => !m.Entry.IsDirectory);
        File.WriteAllText(StampFile, string.Format(
            CultureInfo.InvariantCulture,
            "# Written by ByteNite.Sdk after packing\nsha256={0}\nhash={1}\nfiles={2}\nsize={3}\n",
            Sha256, Hash, fileCount, ByteSize.Format(result.Length)));
    }

    /// <summary>What was packed, in the build's output from normal verbosity on (bundle.json has the same list).</summary>
    private void ListFiles(BundleWriteResult result)
    {
        foreach ((BundleEntry entry, long length) in result.Members)
        {
            if (!entry.IsDirectory)
            {
                Log.LogMessage(MessageImportance.Normal, "    " + entry.Path + " (" + ByteSize.Format(length) + ")");
            }
        }
    }

    private void LogTokenOutcome(TokenOutcome outcome)
    {
        // Never the token itself: only what was done with it.
        switch (outcome)
        {
            case TokenOutcome.Injected:
                Log.LogMessage(MessageImportance.Normal, "ByteNite bundle: the registry token supplied at pack time was added to the bundle's manifest.json (platform_config.token); manifest.json on disk is unchanged.");
                break;
            case TokenOutcome.NotPrivate:
                Log.LogMessage(MessageImportance.Normal, "ByteNite bundle: a registry token is supplied, but 'platform_config.private_image' is not true, so the bundle's manifest.json does not get it.");
                break;
            case TokenOutcome.AlreadyInManifest:
                Log.LogMessage(MessageImportance.Normal, "ByteNite bundle: manifest.json already holds a registry token; it is packed as written and the token supplied at pack time is not used.");
                break;
        }
    }

    private void ReportLargeFiles(BundleWriteResult result, long threshold)
    {
        if (threshold <= 0)
        {
            return;
        }

        foreach ((BundleEntry entry, long length) in result.Members)
        {
            if (!entry.IsDirectory && length > threshold)
            {
                string path = Path.Combine(AppDirectory, entry.Path.Replace('/', Path.DirectorySeparatorChar));
                (string size, string limit) = (ByteSize.Format(length), ByteSize.Format(threshold));
                if (size == limit)
                {
                    // Just over the threshold: "10.0 MB, more than (10.0 MB)" would read as a contradiction.
                    (size, limit) = (Bytes(length), Bytes(threshold));
                }

                Report(Diagnostic.CreateForFile(DiagnosticCatalog.BundleLargeFile, path, entry.Path, size, limit));
            }
        }
    }

    private static string Bytes(long count) => count.ToString("N0", CultureInfo.InvariantCulture) + " bytes";

    /// <summary>BN3005 when a bundle of this name and version is already there with other content; silent when it is the same.</summary>
    private void CheckOverwrite(BundleManifest manifest, BundleWriteResult result)
    {
        var existing = new FileInfo(BundlePath);
        if (!existing.Exists)
        {
            return;
        }

        if (existing.Length == result.Length && ExistingSha256(existing) == Sha256)
        {
            return;
        }

        Model.Json.JsonNode? version = manifest.Model.VersionNode;
        Diagnostic diagnostic = version is null
            ? Diagnostic.CreateForFile(DiagnosticCatalog.BundleOverwritesVersion, manifest.Path, existing.Name, manifest.Version.Text, manifest.Name, manifest.NextVersion())
            : Diagnostic.Create(DiagnosticCatalog.BundleOverwritesVersion, manifest.File, version.Span, existing.Name, manifest.Version.Text, manifest.Name, manifest.NextVersion());
        Report(diagnostic);
    }

    /// <summary>The digest recorded next to the existing archive when it is at least as new as the archive; else computed.</summary>
    private static string ExistingSha256(FileInfo archive)
    {
        var sidecar = new FileInfo(archive.FullName + ".sha256");
        if (sidecar.Exists && sidecar.LastWriteTimeUtc >= archive.LastWriteTimeUtc)
        {
            string text = File.ReadAllText(sidecar.FullName);
            int space = text.IndexOf(' ');
            if (space == 64)
            {
                return text.Substring(0, 64);
            }
        }

        using var sha = SHA256.Create();
        using var stream = new FileStream(archive.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
        return ToHex(sha.ComputeHash(stream));
    }

    private static string Describe(BundleManifest manifest, BundleWriteResult result)
    {
        var json = new StringBuilder();
        json.Append("{\n");
        json.Append("  \"name\": ").Append(BundleManifest.JsonStringLiteral(manifest.Name)).Append(",\n");
        json.Append("  \"version\": ").Append(BundleManifest.JsonStringLiteral(manifest.Version.Text)).Append(",\n");
        json.Append("  \"bundle\": ").Append(BundleManifest.JsonStringLiteral(manifest.BundleBaseName + ".tar")).Append(",\n");
        json.Append("  \"size\": ").Append(result.Length.ToString(CultureInfo.InvariantCulture)).Append(",\n");
        json.Append("  \"sha256\": \"").Append(ToHex(result.Sha256)).Append("\",\n");
        json.Append("  \"hash\": \"").Append(Convert.ToBase64String(result.Sha256)).Append("\",\n");
        json.Append("  \"files\": [");
        bool first = true;
        foreach ((BundleEntry entry, long length) in result.Members)
        {
            if (entry.IsDirectory)
            {
                continue;
            }

            json.Append(first ? "\n" : ",\n");
            first = false;
            json.Append("    { \"path\": ").Append(BundleManifest.JsonStringLiteral(entry.Path))
                .Append(", \"size\": ").Append(length.ToString(CultureInfo.InvariantCulture))
                .Append(", \"mode\": \"").Append(Convert.ToString(entry.Mode, 8).PadLeft(4, '0')).Append("\" }");
        }

        json.Append(first ? "]\n" : "\n  ]\n");
        json.Append("}\n");
        return json.ToString();
    }

    private long ParseSetting(string property, string? value, long fallback, Func<string, long?> parse, List<Diagnostic> diagnostics)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (parse(value!.Trim()) is long parsed)
        {
            return parsed;
        }

        string reason = property.EndsWith("Threshold", StringComparison.Ordinal)
            ? "use a number of bytes, or a number followed by KB, MB or GB (e.g. 10MB); 0 turns the warning off"
            : "use a whole number of seconds since 1970-01-01 UTC, from 0 to 8589934591 (SOURCE_DATE_EPOCH supplies it by default)";
        diagnostics.Add(Diagnostic.CreateForFile(DiagnosticCatalog.BundleInvalidSetting, ProjectFile ?? AppDirectory, property, value!, reason));
        return fallback;
    }

    private static long? ParseEpoch(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) && value <= 8589934591 ? value : null;

    private static long? ParseSize(string text)
    {
        long multiplier = 1;
        string number = text;
        foreach ((string suffix, long factor) in new[] { ("KB", 1L << 10), ("MB", 1L << 20), ("GB", 1L << 30), ("B", 1L) })
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                multiplier = factor;
                number = text.Substring(0, text.Length - suffix.Length).Trim();
                break;
            }
        }

        return long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out long value) && value <= long.MaxValue / multiplier
            ? value * multiplier
            : null;
    }

    private static string ToHex(byte[] bytes)
    {
        var builder = new StringBuilder(bytes.Length * 2);
        foreach (byte b in bytes)
        {
            builder.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>
    /// A new, empty file, made by deleting any leftover first. FileMode.Create would truncate with ftruncate even a file it
    /// has just created, and ext4 flushes a file truncated to zero to disk when it is closed (its auto_da_alloc
    /// safeguard): that took 50 ms per 200 MB written, for the archive and again for the push body.
    /// </summary>
    private static FileStream CreateFresh(string path)
    {
        File.Delete(path);
        return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
    }

    private static void Replace(string source, string destination)
    {
        if (File.Exists(destination))
        {
            File.Delete(destination);
        }

        File.Move(source, destination);
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
