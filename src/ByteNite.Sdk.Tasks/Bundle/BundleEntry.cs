using System;
using System.Collections.Generic;
using System.Linq;

namespace ByteNite.Sdk.Tasks.Bundle;

/// <summary>One member of the archive: a folder, or a file whose content comes from disk or from memory.</summary>
public sealed class BundleEntry
{
    private BundleEntry(string path, bool isDirectory, int mode, string? sourcePath, byte[]? content)
    {
        Path = path;
        IsDirectory = isDirectory;
        Mode = mode;
        SourcePath = sourcePath;
        Content = content;
    }

    /// <summary>'/'-separated, relative; a folder's path has no trailing '/' here (the writer adds it).</summary>
    public string Path { get; }

    public bool IsDirectory { get; }

    public int Mode { get; }

    /// <summary>Where a file's content is read from, when it is not <see cref="Content"/>.</summary>
    public string? SourcePath { get; }

    /// <summary>A file's content when it differs from the file on disk (manifest.json with an injected token).</summary>
    public byte[]? Content { get; }

    /// <summary>The sort key: a folder sorts as "app/", so that it precedes what it contains.</summary>
    public string SortKey => IsDirectory ? Path + "/" : Path;

    /// <summary>
    /// The archive's members: every selected file, preceded by an entry for each folder that holds one (mode 0755), all in
    /// ordinal order of their names, so the same files always give the same archive. Empty folders are not stored.
    /// </summary>
    public static IReadOnlyList<BundleEntry> Plan(IEnumerable<BundleFile> files, IReadOnlyDictionary<string, byte[]> contentOverrides)
    {
        var entries = new Dictionary<string, BundleEntry>(StringComparer.Ordinal);
        foreach (BundleFile file in files)
        {
            contentOverrides.TryGetValue(file.BundlePath, out byte[]? content);
            var entry = new BundleEntry(file.BundlePath, isDirectory: false, file.Mode, content is null ? file.SourcePath : null, content);
            entries[entry.SortKey] = entry;

            int slash = file.BundlePath.LastIndexOf('/');
            while (slash > 0)
            {
                string directory = file.BundlePath.Substring(0, slash);
                var folder = new BundleEntry(directory, isDirectory: true, TarWriter.ExecutableFileMode, null, null);
                if (entries.ContainsKey(folder.SortKey))
                {
                    break;
                }

                entries.Add(folder.SortKey, folder);
                slash = directory.LastIndexOf('/');
            }
        }

        return entries.Values.OrderBy(e => e.SortKey, StringComparer.Ordinal).ToList();
    }
}
