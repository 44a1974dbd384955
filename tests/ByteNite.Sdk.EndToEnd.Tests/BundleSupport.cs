using System;
using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;

namespace ByteNite.Sdk.EndToEnd.Tests;

/// <summary>`dotnet pack` of a test app, and readers for what it writes: the archive is read with System.Formats.Tar, GNU tar and Python's tarfile, none of which share code with the SDK's writer.</summary>
internal static class BundleSupport
{
    /// <summary>`dotnet pack` with the classic console logger, like <see cref="TestApp.Build"/>.</summary>
    public static BuildResult Pack(this TestApp app, params string[] arguments) => app.PackWith("m", null, arguments);

    public static BuildResult PackWith(this TestApp app, string verbosity, IDictionary<string, string?>? environment, params string[] arguments)
    {
        var all = new List<string> { "pack", app.ProjectPath, "-nodeReuse:false", "-tl:off", "-v:" + verbosity };
        all.AddRange(arguments);
        return new BuildResult(app.Run(all, environment));
    }

    /// <summary>Where `dotnet pack` puts its output by default.</summary>
    public static string PackDirectory(this TestApp app) => Path.Combine(app.Directory, "bin", "Release");

    public static string BundlePath(this TestApp app, string baseName) => Path.Combine(app.PackDirectory(), baseName + ".tar");

    public static List<TarMember> ReadTar(string path)
    {
        var members = new List<TarMember>();
        using FileStream stream = File.OpenRead(path);
        using var reader = new TarReader(stream);
        while (reader.GetNextEntry(copyData: true) is { } entry)
        {
            byte[] content = Array.Empty<byte>();
            if (entry.DataStream is { } data)
            {
                using var copy = new MemoryStream();
                data.CopyTo(copy);
                content = copy.ToArray();
            }

            members.Add(new TarMember(entry, content));
        }

        return members;
    }

    /// <summary>Every file under a folder: '/'-separated relative path → (content, executable).</summary>
    public static SortedDictionary<string, (byte[] Content, bool Executable)> Tree(string root)
    {
        var tree = new SortedDictionary<string, (byte[], bool)>(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            bool executable = !OperatingSystem.IsWindows() && (File.GetUnixFileMode(file) & UnixFileMode.UserExecute) != 0;
            tree.Add(relative, (File.ReadAllBytes(file), executable));
        }

        return tree;
    }

    /// <summary>The same files of the app folder as <paramref name="relativePaths"/>, read from the source.</summary>
    public static SortedDictionary<string, (byte[] Content, bool Executable)> Expected(TestApp app, IEnumerable<string> relativePaths)
    {
        var tree = new SortedDictionary<string, (byte[], bool)>(StringComparer.Ordinal);
        foreach (string relative in relativePaths)
        {
            string file = app.PathOf(relative);
            bool executable = !OperatingSystem.IsWindows() && (File.GetUnixFileMode(file) & UnixFileMode.UserExecute) != 0;
            tree.Add(relative, (File.ReadAllBytes(file), executable));
        }

        return tree;
    }

    public static void SameTree(SortedDictionary<string, (byte[] Content, bool Executable)> expected, SortedDictionary<string, (byte[] Content, bool Executable)> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (string path in expected.Keys)
        {
            Assert.True(expected[path].Content.AsSpan().SequenceEqual(actual[path].Content), "content differs: " + path);
            Assert.True(expected[path].Executable == actual[path].Executable, "executable bit differs: " + path);
        }
    }

    public static JsonElement ReadJson(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}

internal sealed class TarMember
{
    public TarMember(TarEntry entry, byte[] content)
    {
        Name = entry.Name;
        Type = entry.EntryType;
        Mode = entry.Mode;
        Uid = entry.Uid;
        Gid = entry.Gid;
        UserName = (entry as PosixTarEntry)?.UserName ?? string.Empty;
        GroupName = (entry as PosixTarEntry)?.GroupName ?? string.Empty;
        ModificationTime = entry.ModificationTime;
        Content = content;
    }

    public string Name { get; }

    public TarEntryType Type { get; }

    public UnixFileMode Mode { get; }

    public int Uid { get; }

    public int Gid { get; }

    public string UserName { get; }

    public string GroupName { get; }

    public DateTimeOffset ModificationTime { get; }

    public byte[] Content { get; }

    public string Text => Encoding.UTF8.GetString(Content);

    public override string ToString() => Name;
}
