using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace ByteNite.Sdk.Tasks.Bundle;

/// <summary>
/// The few file-system facts the bundle needs beyond netstandard2.0: a symbolic link's target and a file's Unix mode.
/// MSBuild runs the tasks on .NET (dotnet build) or .NET Framework (Visual Studio); the APIs exist on .NET 6/7 and later
/// and are looked up once by reflection. Where they are missing (.NET Framework, i.e. Windows), a file has no executable
/// bit and a link cannot be followed.
/// </summary>
public static class BundleFileSystem
{
    /// <summary>Linux's limit on the links followed while resolving one path (ELOOP).</summary>
    public const int MaxLinkHops = 40;

    private static readonly PropertyInfo? LinkTargetProperty = typeof(FileSystemInfo).GetProperty("LinkTarget");

    private static readonly PropertyInfo? UnixFileModeProperty = typeof(FileSystemInfo).GetProperty("UnixFileMode");

    public static bool IsWindows { get; } = Path.DirectorySeparatorChar == '\\';

    /// <summary>True when this runtime can read link targets (always on .NET 6 and later).</summary>
    public static bool CanReadLinks => LinkTargetProperty is not null;

    /// <summary>True for a symbolic link (dangling ones included); a missing file reports all attribute bits, so it is checked first.</summary>
    public static bool IsLink(FileSystemInfo info)
    {
        FileAttributes attributes = info.Attributes;
        return (int)attributes != -1 && (attributes & FileAttributes.ReparsePoint) != 0;
    }

    /// <summary>The target text of a symbolic link as stored (relative or absolute), or null if it is not a link.</summary>
    public static string? ReadLink(string path)
    {
        if (LinkTargetProperty is null)
        {
            return null;
        }

        try
        {
            return (string?)LinkTargetProperty.GetValue(new FileInfo(path));
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    /// <summary>
    /// The permission bits (0777 and above) of a file or folder, from what its FileSystemInfo holds: a folder listing
    /// fills that in, so nothing is asked again; for a link, its own bits, not its target's. Null where the runtime has none.
    /// </summary>
    public static int? GetMode(FileSystemInfo info)
    {
        if (UnixFileModeProperty is null || IsWindows)
        {
            return null;
        }

        try
        {
            return Convert.ToInt32(UnixFileModeProperty.GetValue(info), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    /// <summary>
    /// The canonical path of an existing or missing file with every symbolic link in it resolved, like realpath(3):
    /// '..' after a link goes up from the link's target, not from the link. Returns the result kind instead of throwing
    /// for a loop (more than <see cref="MaxLinkHops"/> links) or a link that cannot be read.
    /// </summary>
    public static RealPathResult RealPath(string fullPath)
    {
        // Not Path.GetFullPath: it would remove "x/.." before x is known to be a link.
        if (!Path.IsPathRooted(fullPath))
        {
            fullPath = Path.Combine(Directory.GetCurrentDirectory(), fullPath);
        }

        string root = Path.GetPathRoot(fullPath) ?? string.Empty;
        var pending = new Stack<string>();
        PushComponents(pending, fullPath.Substring(root.Length));

        var resolved = new List<string>();
        int hops = 0;
        while (pending.Count > 0)
        {
            string component = pending.Pop();
            if (component.Length == 0 || component == ".")
            {
                continue;
            }

            if (component == "..")
            {
                if (resolved.Count > 0)
                {
                    resolved.RemoveAt(resolved.Count - 1);
                }

                continue;
            }

            string candidate = Join(root, resolved, component);
            FileSystemInfo info = new FileInfo(candidate);
            bool exists = info.Exists || Directory.Exists(candidate);
            if (!exists && !IsLink(info))
            {
                // Nothing more to resolve: the rest is taken as written.
                resolved.Add(component);
                while (pending.Count > 0)
                {
                    string rest = pending.Pop();
                    if (rest == "..")
                    {
                        if (resolved.Count > 0)
                        {
                            resolved.RemoveAt(resolved.Count - 1);
                        }
                    }
                    else if (rest.Length > 0 && rest != ".")
                    {
                        resolved.Add(rest);
                    }
                }

                return new RealPathResult(Join(root, resolved, null), RealPathStatus.Missing);
            }

            if (!IsLink(info))
            {
                resolved.Add(component);
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                return new RealPathResult(candidate, RealPathStatus.Loop);
            }

            string? target = ReadLink(candidate);
            if (target is null)
            {
                return new RealPathResult(candidate, RealPathStatus.Unreadable);
            }

            if (Path.IsPathRooted(target))
            {
                resolved.Clear();
                root = Path.GetPathRoot(target) ?? root;
                target = target.Substring(root.Length);
            }

            PushComponents(pending, target);
        }

        return new RealPathResult(Join(root, resolved, null), RealPathStatus.Exists);
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or inside it (both canonical, no trailing separator).</summary>
    public static bool IsInside(string path, string directory)
    {
        StringComparison comparison = IsWindows ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        string trimmed = directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (string.Equals(path, trimmed, comparison))
        {
            return true;
        }

        return path.Length > trimmed.Length
            && path.StartsWith(trimmed, comparison)
            && (path[trimmed.Length] == Path.DirectorySeparatorChar || path[trimmed.Length] == Path.AltDirectorySeparatorChar || trimmed.Length == Path.GetPathRoot(trimmed)?.Length);
    }

    private static void PushComponents(Stack<string> pending, string relative)
    {
        string[] parts = relative.Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.None);
        for (int i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
    }

    private static string Join(string root, List<string> components, string? last)
    {
        string joined = root + string.Join(Path.DirectorySeparatorChar.ToString(), components);
        if (last is not null)
        {
            joined = components.Count == 0 ? root + last : joined + Path.DirectorySeparatorChar + last;
        }

        return joined;
    }
}

public enum RealPathStatus
{
    /// <summary>Every component exists; the path is canonical.</summary>
    Exists,

    /// <summary>A component does not exist (for example the target of a dangling link).</summary>
    Missing,

    /// <summary>More links than <see cref="BundleFileSystem.MaxLinkHops"/>: a loop.</summary>
    Loop,

    /// <summary>A link whose target this runtime cannot read.</summary>
    Unreadable,
}

public readonly struct RealPathResult
{
    public RealPathResult(string path, RealPathStatus status)
    {
        Path = path;
        Status = status;
    }

    /// <summary>The canonical path; for <see cref="RealPathStatus.Loop"/> and <see cref="RealPathStatus.Unreadable"/>, the link where resolution stopped.</summary>
    public string Path { get; }

    public RealPathStatus Status { get; }
}
