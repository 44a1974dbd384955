using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ByteNite.Sdk.Model.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ByteNite.Sdk.Tasks.Bundle;

/// <summary>
/// Chooses the files of the bundle (cheap: it reads names, not contents) and records the choice and the settings in a
/// file that changes only when they change, so that the packing target can be skipped when nothing changed: its inputs
/// are the chosen files and this record, which also sees a deleted or added file. The same record tells the local
/// runner which files the app has.
/// </summary>
public sealed class SelectByteNiteBundleFiles : BundleTask
{
    /// <summary>The patterns every bundle starts with, in gitignore syntax (see docs/bundle.md).</summary>
    public static readonly string[] DefaultExclusions =
    {
        // ".git" is a file, not a folder, in a submodule or a linked worktree.
        ".git", ".hg/", ".svn/", ".vs/", ".vscode/", ".idea/",
        "__pycache__/", "*.pyc", "*.pyo", ".pytest_cache/", ".mypy_cache/", ".ruff_cache/", ".tox/", ".ipynb_checkpoints/",
        ".venv/", "venv/",
        ".env", ".env.*", ".envrc",
        ".DS_Store", "Thumbs.db",
        "/sample/", "/.byteniteignore",
    };

    /// <summary>The characters of MSBuild's own escaping, which it decodes in an item's text.</summary>
    private static readonly char[] MSBuildSpecialCharacters = { '%', '*', '?', '@', '$', '(', ')', ';', '\'' };

    /// <summary>The project file, left out when it is in the app folder.</summary>
    public string? ProjectFile { get; set; }

    /// <summary>Build folders to leave out when they are in the app folder: bin/, obj/, the pack output folder.</summary>
    public ITaskItem[] ExcludeDirectories { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The .byteniteignore file (gitignore syntax); it need not exist.</summary>
    public string? IgnoreFile { get; set; }

    /// <summary>ByteNiteBundleInclude items: more files or folders of the app folder.</summary>
    public ITaskItem[] Include { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>ByteNiteBundleExclude items: files or folders to leave out.</summary>
    public ITaskItem[] Exclude { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Settings that change the archive (timestamp, threshold...), recorded in the cache file.</summary>
    public string? Settings { get; set; }

    /// <summary>
    /// Written (only when its content changes) with the choice as JSON: the settings, a fingerprint of the token, the
    /// bundle's name, and the files with their modes, sizes and times, {"settings": ..., "files": [{"path": "app/main.py",
    /// "source": "/full/path", "mode": "644", "size": 12, "time": ticks}]}. The packing target's input, and the local
    /// runner's list of the app's files (it puts into the container the files the bundle holds).
    /// </summary>
    [Required]
    public string FileList { get; set; } = string.Empty;

    /// <summary>The chosen files, in archive order: the item is the content's path; metadata BundlePath and Mode (octal).</summary>
    [Output]
    public ITaskItem[] Files { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>"hello-world-0.1.rev0": the name of every file pack writes, before its extension.</summary>
    [Output]
    public string BundleName { get; private set; } = string.Empty;

    protected override void Run()
    {
        var diagnostics = new List<Diagnostic>();
        BundleManifest? manifest = BundleManifest.Read(AppDirectory, diagnostics);
        Report(diagnostics);
        if (manifest is null)
        {
            return;
        }

        BundleSelectionOptions options = CreateOptions(manifest);
        BundleSelection selection = BundleSelector.Select(options);
        Report(selection.Diagnostics);
        if (Log.HasLoggedErrors)
        {
            return;
        }

        BundleName = manifest.BundleBaseName;
        Files = selection.Files.Select(file =>
        {
            var item = new TaskItem(EscapeForMSBuild(file.SourcePath));
            item.SetMetadata("BundlePath", EscapeForMSBuild(file.BundlePath));
            item.SetMetadata("Mode", Convert.ToString(file.Mode, 8));
            return (ITaskItem)item;
        }).ToArray();

        WriteFileList(selection);
    }

    private BundleSelectionOptions CreateOptions(BundleManifest manifest)
    {
        var options = new BundleSelectionOptions(AppDirectory);
        var rules = new IgnoreRules();
        foreach (string pattern in DefaultExclusions)
        {
            rules.Add(IgnorePattern.Parse(pattern, "the default exclusions")!);
        }

        // The project's own files and build folders, when they are in the app folder (the usual layout).
        if (!string.IsNullOrEmpty(ProjectFile) && BundleSelector.ToRelative(AppDirectory, ProjectFile!) is { Length: > 0 } project)
        {
            rules.Add(IgnorePattern.Parse("/" + Escape(project), "the default exclusions (the project file)")!);
        }

        // Bundles packed earlier into a folder inside the app folder (`dotnet pack -o app/dist`): never packed into the next
        // one, their push body may hold a registry token.
        foreach (string extension in new[] { ".tar", ".tar.sha256", ".push.json", ".bundle.json" })
        {
            foreach (string pattern in new[] { manifest.Name + "-*" + extension, manifest.Name + "-*" + extension + ".tmp" })
            {
                rules.Add(IgnorePattern.Parse(pattern, "the default exclusions (earlier bundles of this app)")!);
            }
        }

        foreach (ITaskItem directory in ExcludeDirectories)
        {
            if (BundleSelector.ToRelative(AppDirectory, directory.GetMetadata("FullPath")) is { Length: > 0 } relative)
            {
                rules.Add(IgnorePattern.Parse("/" + Escape(relative) + "/", "the default exclusions (build output)")!);
            }
        }

        if (!string.IsNullOrEmpty(IgnoreFile) && File.Exists(IgnoreFile))
        {
            string name = Path.GetFileName(IgnoreFile);
            rules.AddLines(File.ReadAllLines(IgnoreFile!), line => name + " line " + line.ToString(CultureInfo.InvariantCulture));
        }

        options.Rules = rules;
        foreach (ITaskItem item in Include)
        {
            options.Includes.Add(item.GetMetadata("FullPath"));
        }

        foreach (ITaskItem item in Exclude)
        {
            options.Excludes.Add(item.GetMetadata("FullPath"));
        }

        options.RequiredFiles.Add("manifest.json", "it describes the app (name, version, container, entrypoint)");
        if (manifest.Model.Entrypoint is { Length: > 0 } entrypoint)
        {
            options.RequiredFiles["app/" + entrypoint.Replace('\\', '/').TrimStart('/')] = "it is the app's 'entrypoint', the script the platform runs";
        }

        return options;
    }

    /// <summary>
    /// A path as an item's text: MSBuild reads "%41" in an item spec or a metadata value as 'A' (and "x%3By.py" as
    /// "x;y.py"), so each of its special characters is written as %XX and the next task gets the name as it is on disk.
    /// </summary>
    private static string EscapeForMSBuild(string value)
    {
        if (value.IndexOfAny(MSBuildSpecialCharacters) < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (char c in value)
        {
            if (Array.IndexOf(MSBuildSpecialCharacters, c) >= 0)
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>A path as a gitignore pattern that matches only itself.</summary>
    private static string Escape(string relative)
    {
        var builder = new StringBuilder();
        foreach (char c in relative)
        {
            if (c is '*' or '?' or '[' or ']' or '\\' or '!' or '#')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private void WriteFileList(BundleSelection selection)
    {
        var json = new StringBuilder("{\n");
        json.Append("  \"settings\": ").Append(BundleManifest.JsonStringLiteral(Settings ?? string.Empty)).Append(",\n");
        json.Append("  \"token\": ").Append(BundleManifest.JsonStringLiteral(TokenFingerprint())).Append(",\n");
        json.Append("  \"name\": ").Append(BundleManifest.JsonStringLiteral(BundleName)).Append(",\n");
        json.Append("  \"files\": [");
        string separator = "\n";
        foreach (BundleFile file in selection.Files)
        {
            // Size and time too: a file replaced by an older one (cp -p, rsync -a, an extracted archive) is not newer than
            // the bundle, which is all MSBuild's own check of the inputs sees.
            json.Append(separator)
                .Append("    { \"path\": ").Append(BundleManifest.JsonStringLiteral(file.BundlePath))
                .Append(", \"source\": ").Append(BundleManifest.JsonStringLiteral(file.SourcePath))
                .Append(", \"mode\": \"").Append(Convert.ToString(file.Mode, 8))
                .Append("\", \"size\": ").Append(file.Length.ToString(CultureInfo.InvariantCulture))
                .Append(", \"time\": ").Append(file.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)).Append(" }");
            separator = ",\n";
        }

        WriteIfChanged(FileList, json.Append("\n  ]\n}\n").ToString());
    }

    /// <summary>Leaves a file with this content untouched, so that its time says when the content last changed.</summary>
    private static void WriteIfChanged(string path, string content)
    {
        if (File.Exists(path) && File.ReadAllText(path) == content)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, content);
    }
}
