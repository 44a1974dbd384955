using System;
using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ByteNite.Sdk.LocalRunner.Running;

/// <summary>
/// The container's file layout, and the tar streams that fill it and bring the results back through the Engine API's
/// archive endpoints (PUT/GET /containers/{id}/archive). Nothing is bind-mounted from the app folder, so the container
/// never writes into the user's tree and no root-owned files are left there; it also works with a remote daemon.
/// </summary>
public static class ContainerFiles
{
    public const string Root = "/bytenite";
    public const string AppDirectory = Root + "/app";
    public const string TaskDirectory = Root + "/task";
    public const string ResultsDirectory = TaskDirectory + "/result";
    public const string UserCacheDirectory = Root + "/cache/user";
    public const string SharedCacheDirectory = Root + "/cache/shared";

    private const UnixFileMode Directory755 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private const UnixFileMode File644 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    // The task folders are world-writable: the image may run as a user other than root, and it must be able to write its results.
    private const UnixFileMode Directory777 = Directory755 | UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    private const UnixFileMode File666 = File644 | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <summary>Folders under app/ that are build leftovers, not part of the app.</summary>
    private static readonly string[] SkippedDirectories = { "__pycache__" };

    /// <summary>
    /// Writes the tar that PUT /archive extracts at "/": bytenite/app/ (the app folder's app/: the files of
    /// <paramref name="fileList"/> under app/, as the bundle holds them, or without a list every file but __pycache__/),
    /// bytenite/task/data.bin (the sample input, when there is one) and the empty bytenite/task/result/. With
    /// <paramref name="userCacheFolder"/>, also bytenite/cache/user/, world-writable, so that a fresh cache volume takes
    /// its mode and an image that runs as another user than root can write to it (not when the cache is the user's own
    /// folder: its mode is theirs).
    /// </summary>
    public static void WriteInputArchive(Stream destination, string appFolder, string? fileList, string? inputFile, bool userCacheFolder)
    {
        using var tar = new TarWriter(destination, TarEntryFormat.Pax, leaveOpen: true);
        AddDirectory(tar, "bytenite/", Directory755);
        AddDirectory(tar, "bytenite/app/", Directory755);
        if (fileList is null)
        {
            AddTree(tar, appFolder, "bytenite/app/");
        }
        else
        {
            AddListedFiles(tar, fileList, "app/", "bytenite/app/");
        }

        AddDirectory(tar, "bytenite/task/", Directory777);
        if (inputFile is not null)
        {
            AddFile(tar, inputFile, "bytenite/task/data.bin", File666);
        }

        AddDirectory(tar, "bytenite/task/result/", Directory777);
        AddDirectory(tar, "bytenite/cache/", Directory755);
        if (userCacheFolder)
        {
            AddDirectory(tar, "bytenite/cache/user/", Directory777);
        }
    }

    /// <summary>
    /// Extracts the tar of GET /archive?path=.../result into <paramref name="destination"/>, dropping its top folder
    /// ("result/"). Regular files and folders are written, a file with a second name (a hard link: the archive holds its
    /// content once) as a copy under each; symbolic links could point outside the folder and are listed as skipped.
    /// </summary>
    public static async Task<(List<(string Path, long Size)> Files, List<string> Skipped)> ExtractResultsAsync(Stream archive, string destination, CancellationToken cancellationToken)
    {
        var files = new List<(string, long)>();
        var skipped = new List<string>();
        string root = Path.GetFullPath(destination) + Path.DirectorySeparatorChar;
        Directory.CreateDirectory(root);
        using var reader = new TarReader(archive, leaveOpen: true);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
        {
            string relative = WithoutTopFolder(entry.Name);
            if (relative.Length == 0)
            {
                continue;
            }

            string target = Path.GetFullPath(Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar)));
            if (!target.StartsWith(root, StringComparison.Ordinal))
            {
                skipped.Add(relative + " (outside the results folder)");
                continue;
            }

            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    Directory.CreateDirectory(target);
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    await using (FileStream output = File.Create(target))
                    {
                        if (entry.DataStream is not null)
                        {
                            await entry.DataStream.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
                        }
                    }

                    KeepExecutable(target, entry.Mode);
                    files.Add((relative, entry.Length));
                    break;
                case TarEntryType.HardLink when files.FindIndex(f => f.Item1 == WithoutTopFolder(entry.LinkName)) is int first and >= 0:
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(Path.Combine(root, files[first].Item1.Replace('/', Path.DirectorySeparatorChar)), target, overwrite: true);
                    files.Add((relative, files[first].Item2));
                    break;
                case TarEntryType.SymbolicLink or TarEntryType.HardLink:
                    skipped.Add(relative + " (link to " + entry.LinkName + ")");
                    break;
                default:
                    skipped.Add(relative + " (" + entry.EntryType + ")");
                    break;
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return (files, skipped);
    }

    /// <summary>"result/sub/file.txt" as "sub/file.txt": the archive's names start with the folder that was asked for.</summary>
    private static string WithoutTopFolder(string name)
    {
        name = name.Replace('\\', '/');
        int slash = name.IndexOf('/');
        return slash < 0 ? string.Empty : name.Substring(slash + 1).TrimEnd('/');
    }

    /// <summary>A result the app made executable (a script it generated) stays executable.</summary>
    private static void KeepExecutable(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows() && (mode & UnixFileMode.UserExecute) != 0)
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }

    /// <summary>
    /// The files of the build's list (SelectByteNiteBundleFiles: {"files": [{"path", "source", "mode", ...}]}, in archive
    /// order) under <paramref name="under"/>: each with the bundle's mode and its source's content (a link's target, as in
    /// the bundle), after the folders that lead to it.
    /// </summary>
    private static void AddListedFiles(TarWriter tar, string fileList, string under, string prefix)
    {
        using JsonDocument list = JsonDocument.Parse(File.ReadAllBytes(fileList));
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonElement file in list.RootElement.GetProperty("files").EnumerateArray())
        {
            string path = file.GetProperty("path").GetString()!;
            if (!path.StartsWith(under, StringComparison.Ordinal))
            {
                continue;
            }

            string relative = path.Substring(under.Length);
            for (int slash = relative.IndexOf('/'); slash >= 0; slash = relative.IndexOf('/', slash + 1))
            {
                if (folders.Add(relative.Substring(0, slash)))
                {
                    AddDirectory(tar, prefix + relative.Substring(0, slash + 1), Directory755);
                }
            }

            UnixFileMode mode = file.GetProperty("mode").GetString() == "755" ? Directory755 : File644;
            AddFile(tar, file.GetProperty("source").GetString()!, prefix + relative, mode);
        }
    }

    private static void AddTree(TarWriter tar, string folder, string prefix)
    {
        foreach (string directory in Directory.EnumerateDirectories(folder).OrderBy(d => d, StringComparer.Ordinal))
        {
            string name = Path.GetFileName(directory);
            if (Array.IndexOf(SkippedDirectories, name) >= 0)
            {
                continue;
            }

            if (new DirectoryInfo(directory).LinkTarget is { } link)
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, prefix + name) { LinkName = link, Mode = Directory755 | UnixFileMode.UserWrite });
                continue;
            }

            AddDirectory(tar, prefix + name + "/", Directory755);
            AddTree(tar, directory, prefix + name + "/");
        }

        foreach (string file in Directory.EnumerateFiles(folder).OrderBy(f => f, StringComparer.Ordinal))
        {
            var info = new FileInfo(file);
            if (info.LinkTarget is { } link)
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, prefix + info.Name) { LinkName = link, Mode = File644 });
                continue;
            }

            // Keep the executable bits a script has on Unix; elsewhere (Windows) files are plain 644.
            UnixFileMode mode = OperatingSystem.IsWindows() ? File644 : (File.GetUnixFileMode(file) & (Directory755 | UnixFileMode.UserWrite)) | File644;
            AddFile(tar, file, prefix + info.Name, mode);
        }
    }

    private static void AddDirectory(TarWriter tar, string name, UnixFileMode mode) =>
        tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, name) { Mode = mode, ModificationTime = DateTimeOffset.UtcNow });

    private static void AddFile(TarWriter tar, string path, string name, UnixFileMode mode)
    {
        using FileStream data = new(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            Mode = mode,
            ModificationTime = File.GetLastWriteTimeUtc(path),
            DataStream = data,
        });
    }
}
