using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ByteNite.Sdk.Model.Diagnostics;

namespace ByteNite.Sdk.Tasks.Bundle;

/// <summary>One file chosen for the bundle: where it goes in the archive and where its content is read from.</summary>
public sealed class BundleFile
{
    public BundleFile(string bundlePath, string sourcePath, int mode, long length, DateTime lastWriteTimeUtc = default)
    {
        BundlePath = bundlePath;
        SourcePath = sourcePath;
        Mode = mode;
        Length = length;
        LastWriteTimeUtc = lastWriteTimeUtc;
    }

    /// <summary>The member name: relative to the app folder, '/'-separated, never absolute, never with '.' or '..' parts.</summary>
    public string BundlePath { get; }

    /// <summary>The canonical path of the content (a symbolic link's final target), inside the app folder.</summary>
    public string SourcePath { get; }

    /// <summary>0644, or 0755 for a file with an executable bit.</summary>
    public int Mode { get; }

    public long Length { get; }

    /// <summary>When the content was last written, as the folder listing gave it (for the up-to-date check).</summary>
    public DateTime LastWriteTimeUtc { get; }
}

public sealed class BundleSelectionOptions
{
    public BundleSelectionOptions(string appDirectory)
    {
        AppDirectory = appDirectory;
    }

    /// <summary>The app folder (full path).</summary>
    public string AppDirectory { get; }

    /// <summary>Files or folders to add besides the standard ones (full paths: ByteNiteBundleInclude items).</summary>
    public IList<string> Includes { get; } = new List<string>();

    /// <summary>Files or folders to leave out (full paths: ByteNiteBundleExclude items).</summary>
    public IList<string> Excludes { get; } = new List<string>();

    /// <summary>The exclusions in gitignore syntax, in order: the defaults, then .byteniteignore.</summary>
    public IgnoreRules Rules { get; set; } = new();

    /// <summary>Files the platform needs (relative paths, with why): excluding one of them is BN3007.</summary>
    public IDictionary<string, string> RequiredFiles { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

public sealed class BundleSelection
{
    internal BundleSelection(IReadOnlyList<BundleFile> files, IReadOnlyList<Diagnostic> diagnostics)
    {
        Files = files;
        Diagnostics = diagnostics;
    }

    /// <summary>The files in archive order: ordinal by bundle path.</summary>
    public IReadOnlyList<BundleFile> Files { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}

/// <summary>
/// Chooses the files of the bundle: manifest.json, template.json, schema.json, app/ and the extra includes, minus the
/// exclusions. Nothing outside the app folder gets in: symbolic links are followed (their target's content is stored
/// under the link's name) only when the target is inside the folder, and a loop is an error.
/// </summary>
public static class BundleSelector
{
    /// <summary>The folders and files the platform reads, in the app folder.</summary>
    public static readonly string[] StandardRoots = { "manifest.json", "template.json", "schema.json", "app" };

    public static BundleSelection Select(BundleSelectionOptions options)
    {
        var walker = new Walker(options);
        walker.Run();
        return new BundleSelection(walker.Files.Values.OrderBy(f => f.BundlePath, StringComparer.Ordinal).ToList(), walker.Diagnostics);
    }

    /// <summary>A full path as a '/'-separated path relative to the app folder, or null when it is not inside it.</summary>
    public static string? ToRelative(string appDirectory, string fullPath)
    {
        string root = Path.GetFullPath(appDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        string path = Path.GetFullPath(fullPath).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (!BundleFileSystem.IsInside(path, root))
        {
            return null;
        }

        return path.Length == root.Length ? string.Empty : path.Substring(root.Length + 1).Replace('\\', '/');
    }

    private sealed class Walker
    {
        private const string ExcludeItem = "a ByteNiteBundleExclude item";

        private readonly BundleSelectionOptions _options;
        private readonly string _appDirectory;
        private readonly HashSet<string> _excludedPaths = new(StringComparer.Ordinal);
        private string _realRoot = string.Empty;

        public Walker(BundleSelectionOptions options)
        {
            _options = options;
            _appDirectory = Path.GetFullPath(options.AppDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        }

        public Dictionary<string, BundleFile> Files { get; } = new(StringComparer.Ordinal);

        public List<Diagnostic> Diagnostics { get; } = new();

        public void Run()
        {
            RealPathResult root = BundleFileSystem.RealPath(_appDirectory);
            _realRoot = root.Path;

            foreach (string exclude in _options.Excludes)
            {
                if (ToRelative(_appDirectory, exclude) is { Length: > 0 } relative)
                {
                    _excludedPaths.Add(relative);
                }
            }

            foreach (string standard in StandardRoots)
            {
                _ = VisitRoot(standard);
            }

            foreach (string include in _options.Includes)
            {
                string? relative = ToRelative(_appDirectory, include);
                if (relative is null)
                {
                    Diagnostics.Add(Diagnostic.CreateForFile(DiagnosticCatalog.BundleItemOutsideApp, include, include, _appDirectory));
                }
                else if (VisitRoot(relative.Length == 0 ? null : relative) is { } nothingAdded)
                {
                    // A standard root may well be missing (template.json); an item the project names is meant to add something.
                    Diagnostics.Add(Diagnostic.CreateForFile(DiagnosticCatalog.BundleIncludeAddsNothing, include, relative, nothingAdded));
                }
            }

            CheckRequiredFiles();
        }

        /// <summary>
        /// A standard root or an include: its parents may be excluded or be links, so it is resolved as a whole. Returns
        /// why it was not looked at, when it does not exist or is excluded; null when it was.
        /// </summary>
        private string? VisitRoot(string? relative)
        {
            if (relative is null)
            {
                VisitDirectoryContents(string.Empty, _realRoot, new HashSet<string>(StringComparer.Ordinal) { _realRoot });
                return null;
            }

            string full = Path.Combine(_appDirectory, relative.Replace('/', Path.DirectorySeparatorChar));
            if (!Exists(full))
            {
                return "it does not exist. Correct the path (relative to the project's folder) or remove the item";
            }

            if (ExclusionOf(relative, Directory.Exists(full), includeParents: true) is { } exclusion)
            {
                return "it is excluded by " + exclusion + ". Exclusions apply to includes too: to pack it, remove that exclusion"
                    + (exclusion == ExcludeItem ? string.Empty : ", or re-include it with a '!' line in .byteniteignore");
            }

            if (Resolve(full, relative) is not { } real)
            {
                return null;
            }

            if (Directory.Exists(real))
            {
                var ancestors = new HashSet<string>(StringComparer.Ordinal) { _realRoot, real };
                VisitDirectoryContents(relative, real, ancestors);
            }
            else
            {
                AddFile(relative, real, listed: null);
            }

            return null;
        }

        private void VisitDirectoryContents(string relative, string realDirectory, HashSet<string> ancestors)
        {
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(realDirectory).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                Diagnostics.Add(Diagnostic.CreateForFile(DiagnosticCatalog.BundleFileUnreadable, realDirectory, realDirectory, Sentence(e)));
                return;
            }

            foreach (FileSystemInfo entry in entries)
            {
                string childRelative = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
                bool isLink = BundleFileSystem.IsLink(entry);
                string childPath = Path.Combine(realDirectory, entry.Name);
                bool isDirectory = isLink ? Directory.Exists(childPath) : entry is DirectoryInfo;
                if (ExclusionOf(childRelative, isDirectory, includeParents: false) is not null)
                {
                    continue;
                }

                if (UnsupportedNameReason(entry.Name, childPath) is { } reason)
                {
                    Diagnostics.Add(Diagnostic.CreateForFile(DiagnosticCatalog.BundleNameUnsupported, childPath, childRelative, reason));
                    continue;
                }

                string? real = isLink ? Resolve(childPath, childRelative) : childPath;
                if (real is null)
                {
                    continue;
                }

                if (isDirectory)
                {
                    if (IsVirtualEnvironment(real) && _options.Rules.Decide(childRelative, isDirectory: true) is not { Negated: true })
                    {
                        continue;
                    }

                    if (!ancestors.Add(real))
                    {
                        Diagnostics.Add(Diagnostic.CreateForFile(
                            DiagnosticCatalog.BundleSymlinkUnresolvable, childPath, childPath, "it leads back to '" + real + "', a folder it is in, so the folder would contain itself"));
                        continue;
                    }

                    VisitDirectoryContents(childRelative, real, ancestors);
                    ancestors.Remove(real);
                }
                else
                {
                    // A link's own size and mode are not its target's: those are read from the target.
                    AddFile(childRelative, real, isLink ? null : (FileInfo)entry);
                }
            }
        }

        /// <summary>The canonical path of a link's target, or null (with a diagnostic) when it escapes or cannot be followed.</summary>
        private string? Resolve(string path, string relative)
        {
            RealPathResult result = BundleFileSystem.RealPath(path);
            switch (result.Status)
            {
                case RealPathStatus.Loop:
                    Diagnostics.Add(Diagnostic.CreateForFile(DiagnosticCatalog.BundleSymlinkUnresolvable, path, path, "its links form a loop (more than " + BundleFileSystem.MaxLinkHops + " links followed)"));
                    return null;
                case RealPathStatus.Unreadable:
                    Diagnostics.Add(Diagnostic.CreateForFile(DiagnosticCatalog.BundleSymlinkUnresolvable, path, path, "this MSBuild cannot read link targets; build with the .NET SDK (dotnet build)"));
                    return null;
                case RealPathStatus.Missing:
                    string target = SafeReadLink(path) ?? result.Path;
                    if (!BundleFileSystem.IsInside(result.Path, _realRoot))
                    {
                        Diagnostics.Add(Diagnostic.CreateForFile(DiagnosticCatalog.BundleSymlinkEscapes, path, path, target, _appDirectory));
                    }
                    else
                    {
                        Diagnostics.Add(Diagnostic.CreateForFile(DiagnosticCatalog.BundleSymlinkUnresolvable, path, path, "its target '" + target + "' does not exist"));
                    }

                    return null;
            }

            if (!BundleFileSystem.IsInside(result.Path, _realRoot))
            {
                Diagnostics.Add(Diagnostic.CreateForFile(DiagnosticCatalog.BundleSymlinkEscapes, path, path, SafeReadLink(path) ?? result.Path, _appDirectory));
                return null;
            }

            return result.Path;
        }

        /// <param name="listed">The file as its folder's listing gave it, when that is the file itself (not a link to it).</param>
        private void AddFile(string relative, string realPath, FileInfo? listed)
        {
            if (Files.ContainsKey(relative))
            {
                return;
            }

            try
            {
                // From the listing when there is one: asking again for each file's size and mode cost as much as the listing.
                FileInfo info = listed ?? new FileInfo(realPath);
                int mode = BundleFileSystem.GetMode(info) is int unix && (unix & 0x49) != 0 ? 0x1ED : 0x1A4; // 0755 : 0644
                Files.Add(relative, new BundleFile(relative, realPath, mode, info.Length, info.LastWriteTimeUtc));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                Diagnostics.Add(Diagnostic.CreateForFile(DiagnosticCatalog.BundleFileUnreadable, realPath, realPath, Sentence(e)));
            }
        }

        /// <summary>What excludes this path: an ByteNiteBundleExclude item, or the last matching pattern (checking parents too).</summary>
        private string? ExclusionOf(string relative, bool isDirectory, bool includeParents)
        {
            string? item = ExcludedByItem(relative, includeParents);
            if (item is not null)
            {
                return item;
            }

            IgnorePattern? pattern = includeParents
                ? _options.Rules.FindExclusion(relative, isDirectory)
                : _options.Rules.Decide(relative, isDirectory) is { Negated: false } own ? own : null;
            return pattern is null ? null : pattern.Source + " ('" + pattern.Text + "')";
        }

        private string? ExcludedByItem(string relative, bool includeParents)
        {
            if (_excludedPaths.Contains(relative))
            {
                return ExcludeItem;
            }

            if (includeParents)
            {
                int slash = -1;
                while ((slash = relative.IndexOf('/', slash + 1)) >= 0)
                {
                    if (_excludedPaths.Contains(relative.Substring(0, slash)))
                    {
                        return ExcludeItem;
                    }
                }
            }

            return null;
        }

        private void CheckRequiredFiles()
        {
            foreach (KeyValuePair<string, string> required in _options.RequiredFiles)
            {
                string full = Path.Combine(_appDirectory, required.Key.Replace('/', Path.DirectorySeparatorChar));
                if (Files.ContainsKey(required.Key) || !File.Exists(full))
                {
                    continue;
                }

                string? reason = ExclusionOf(required.Key, isDirectory: false, includeParents: true);
                if (reason is null)
                {
                    int slash = required.Key.LastIndexOf('/');
                    if (slash > 0 && IsVirtualEnvironment(Path.GetDirectoryName(full)!))
                    {
                        reason = "the default exclusion of virtual environments (a folder with pyvenv.cfg)";
                    }
                }

                if (reason is not null)
                {
                    Diagnostics.Add(Diagnostic.CreateForFile(DiagnosticCatalog.BundleRequiredFileExcluded, full, required.Key, reason, required.Value));
                }
            }
        }

        /// <summary>Why a name listed in a folder cannot be a member's name, or null when it can.</summary>
        private static string? UnsupportedNameReason(string name, string path)
        {
            if (name.IndexOf('\\') >= 0)
            {
                return "it contains '\\', which extractors on Windows take for a folder separator";
            }

            // The name's bytes were not UTF-8: .NET lists them with U+FFFD in their place, a name no file has.
            if (name.IndexOf('\uFFFD') >= 0 && !Exists(path))
            {
                return "it is not valid UTF-8, and the names in the archive are UTF-8 (the platform reads them so)";
            }

            return null;
        }

        /// <summary>A Python virtual environment (venv, virtualenv) or a conda environment, whatever its name.</summary>
        private static bool IsVirtualEnvironment(string directory) =>
            File.Exists(Path.Combine(directory, "pyvenv.cfg")) || Directory.Exists(Path.Combine(directory, "conda-meta"));

        private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path) || BundleFileSystem.IsLink(new FileInfo(path));

        private static string? SafeReadLink(string path)
        {
            try
            {
                return BundleFileSystem.ReadLink(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }

    internal static string Sentence(Exception exception) => exception.Message.TrimEnd().TrimEnd('.');
}
