using System;
using System.IO;
using System.Linq;
using ByteNite.Sdk.Tests.Shared;
using Xunit;

namespace ByteNite.Sdk.EndToEnd.Tests;

/// <summary>What goes into the bundle: default exclusions, .byteniteignore, MSBuild items, symbolic links.</summary>
[Collection(SdkCollection.Name)]
public sealed class BundleSelectionTests
{
    private const string Seed = "hello-world-0.1.rev0";

    private readonly SdkPackageFixture _sdk;

    public BundleSelectionTests(SdkPackageFixture sdk) => _sdk = sdk;

    [Fact]
    public void Default_exclusions_leave_out_build_output_caches_environments_secrets_and_sample_data()
    {
        TestApp app = _sdk.CreateApp("hello-world", "bundle-defaults");
        // The whole folder, so that every default exclusion has something to exclude.
        app.WriteProject("  <ItemGroup>\n    <ByteNiteBundleInclude Include=\"$(MSBuildProjectDirectory)\" />\n  </ItemGroup>");
        app.Write("requirements.txt", "requests==2.32.3\n");
        app.Write(".git/config", "[core]\n");
        app.Write(".vs/settings.json", "{}");
        app.Write(".idea/workspace.xml", "<x/>");
        app.Write("app/__pycache__/runner.cpython-311.pyc", "compiled");
        app.Write("app/stale.pyc", "compiled");
        app.Write("app/.venv/lib/site.py", "# venv");
        app.Write("app/tools/pyvenv.cfg", "home = /usr/bin\n");
        app.Write("app/tools/lib/python3.11/site-packages/x.py", "# a venv not named .venv");
        app.Write("app/.env", "SECRET=1\n");
        app.Write("app/.env.local", "SECRET=2\n");
        app.Write("app/.DS_Store", "finder");
        app.Write("app/helpers/text.py", "def shout(s): return s.upper()\n");

        BuildResult result = app.Pack();

        BuildAssert.Succeeded(result);
        string[] names = BundleSupport.ReadTar(app.BundlePath(Seed)).Where(m => !m.Name.EndsWith('/')).Select(m => m.Name).ToArray();
        Assert.Equal(
            new[] { "app/helpers/text.py", "app/main.py", "app/runner.py", "global.json", "manifest.json", "nuget.config", "requirements.txt", "schema.json" },
            names);
    }

    [Fact]
    public void Byteniteignore_supports_comments_negation_double_star_directories_and_anchors()
    {
        TestApp app = _sdk.CreateApp("hello-world", "bundle-ignore");
        app.Write(".byteniteignore", string.Join('\n',
            "# local files",
            "*.log",
            "!keep.log",
            "app/**/fixtures/",
            "/app/local_only.py",
            "data/",
            "\\#hash.py",
            "notes.txt   ",
            ""));
        foreach (string file in new[]
        {
            "app/run.log", "app/keep.log", "app/tests/unit/fixtures/f.json", "app/fixtures/g.json", "app/local_only.py",
            "app/sub/local_only.py", "app/data/table.csv", "app/data.py", "app/#hash.py", "app/notes.txt",
        })
        {
            app.Write(file, "x\n");
        }

        BuildAssert.Succeeded(app.Pack());

        string[] names = BundleSupport.ReadTar(app.BundlePath(Seed)).Where(m => m.Name.StartsWith("app/", StringComparison.Ordinal) && !m.Name.EndsWith('/')).Select(m => m.Name).ToArray();
        Assert.Equal(new[] { "app/data.py", "app/keep.log", "app/main.py", "app/runner.py", "app/sub/local_only.py" }, names);
    }

    [Fact]
    public void Items_add_files_beside_app_and_take_files_out()
    {
        TestApp app = _sdk.CreateApp("hello-world", "bundle-items");
        app.WriteProject("""
              <ItemGroup>
                <ByteNiteBundleInclude Include="requirements.txt;lib" />
                <ByteNiteBundleExclude Include="app/dev_tools.py;lib/cache" />
              </ItemGroup>
            """);
        app.Write("requirements.txt", "numpy\n");
        app.Write("lib/util.py", "X = 1\n");
        app.Write("lib/cache/blob.bin", "cache");
        app.Write("app/dev_tools.py", "# only for development\n");
        app.Write("README.md", "not packed: not under app/ and not included\n");

        BuildAssert.Succeeded(app.Pack());

        string[] names = BundleSupport.ReadTar(app.BundlePath(Seed)).Select(m => m.Name).ToArray();
        Assert.Equal(new[] { "app/", "app/main.py", "app/runner.py", "lib/", "lib/util.py", "manifest.json", "requirements.txt", "schema.json" }, names);
    }

    [Fact]
    public void An_include_that_does_not_exist_or_is_excluded_is_BN3012()
    {
        TestApp app = _sdk.CreateApp("hello-world", "bundle-bn3012");
        app.WriteProject("  <ItemGroup>\n    <ByteNiteBundleInclude Include=\"requirments.txt;config/.env;lib\" />\n    <ByteNiteBundleExclude Include=\"lib\" />\n  </ItemGroup>");
        app.Write("requirements.txt", "numpy\n");
        app.Write("config/.env", "SECRET=1\n");
        app.Write("lib/util.py", "X = 1\n");

        BuildResult result = app.Pack();

        BuildAssert.Succeeded(result);
        BuildAssert.HasLine(result, $"{app.PathOf("requirments.txt")} : warning BN3012: ByteNiteBundleInclude item 'requirments.txt' adds nothing to the bundle: it does not exist. Correct the path (relative to the project's folder) or remove the item.");
        BuildAssert.HasLine(result, $"{app.PathOf("config/.env")} : warning BN3012: ByteNiteBundleInclude item 'config/.env' adds nothing to the bundle: it is excluded by the default exclusions ('.env'). Exclusions apply to includes too: to pack it, remove that exclusion, or re-include it with a '!' line in .byteniteignore.");
        BuildAssert.HasLine(result, $"{app.PathOf("lib")} : warning BN3012: ByteNiteBundleInclude item 'lib' adds nothing to the bundle: it is excluded by a ByteNiteBundleExclude item. Exclusions apply to includes too: to pack it, remove that exclusion.");
        Assert.Equal(new[] { "app/", "app/main.py", "app/runner.py", "manifest.json", "schema.json" }, BundleSupport.ReadTar(app.BundlePath(Seed)).Select(m => m.Name));
    }

    [UnixFact]
    public void Names_with_MSBuild_escapes_and_special_characters_are_packed_as_they_are()
    {
        TestApp app = _sdk.CreateApp("hello-world", "bundle-escapes");
        // "%41" is MSBuild's escape for 'A': each file must keep its own name and content, next to the file it would decode to.
        string[] names = { "app/x%41.py", "app/xA.py", "app/p%3Bq.py", "app/..%2F..%2Fevil.py", "app/$(Name).py", "app/@(Items).py", "app/it's;a*b?.py" };
        foreach (string name in names)
        {
            app.Write(name, "# " + name + "\n");
        }

        BuildResult result = app.Pack();

        BuildAssert.Succeeded(result);
        BuildAssert.NoBnDiagnostics(result);
        var members = BundleSupport.ReadTar(app.BundlePath(Seed)).ToDictionary(m => m.Name);
        foreach (string name in names)
        {
            Assert.True(members.ContainsKey(name), name + " is missing from " + string.Join(", ", members.Keys));
            Assert.Equal("# " + name + "\n", members[name].Text);
        }
    }

    [UnixFact]
    public void A_name_with_a_backslash_or_not_in_UTF8_is_BN3011_unless_excluded()
    {
        TestApp app = _sdk.CreateApp("hello-world", "bundle-bn3011");
        app.Write("app/back\\slash.py", "x = 1\n");
        // A Latin-1 name ("café.py" as one byte 0xE9): .NET cannot write it, the machine's Python can.
        Assert.Equal(0, MachineTool.Run("python3", app.Directory, "-c", "open(b'app/caf\\xe9.py', 'wb').write(b'y = 2\\n')").ExitCode);

        BuildResult result = app.Pack();

        BuildAssert.Failed(result);
        string backslash = app.PathOf("app/back\\slash.py");
        BuildAssert.HasLine(result, $"{backslash} : error BN3011: 'app/back\\slash.py' cannot be packed under its name: it contains '\\', which extractors on Windows take for a folder separator. Rename it, or exclude it in .byteniteignore.");
        string latin1 = app.PathOf("app/caf\uFFFD.py");
        BuildAssert.HasLine(result, $"{latin1} : error BN3011: 'app/caf\uFFFD.py' cannot be packed under its name: it is not valid UTF-8, and the names in the archive are UTF-8 (the platform reads them so). Rename it, or exclude it in .byteniteignore.");
        Assert.False(File.Exists(app.BundlePath(Seed)));

        app.Write(".byteniteignore", "back\\\\slash.py\ncaf?.py\n");
        BuildResult excluded = app.Pack();

        BuildAssert.Succeeded(excluded);
        BuildAssert.NoBnDiagnostics(excluded);
    }

    [Fact]
    public void Include_outside_the_app_folder_is_BN3006()
    {
        TestApp app = _sdk.CreateApp("hello-world", "bundle-bn3006");
        string outside = Path.Combine(_sdk.AppsDirectory, "outside-bn3006.txt");
        File.WriteAllText(outside, "outside");
        app.WriteProject($"  <ItemGroup>\n    <ByteNiteBundleInclude Include=\"{outside}\" />\n  </ItemGroup>");

        BuildResult result = app.Pack();

        BuildAssert.Failed(result);
        BuildAssert.HasLine(result, $"{outside} : error BN3006: ByteNiteBundleInclude item '{outside}' is outside the app folder '{app.Directory}'. The bundle holds only files of the app folder; copy the file into it.");
        Assert.False(File.Exists(app.BundlePath(Seed)));
    }

    [Fact]
    public void Symbolic_link_to_a_file_outside_the_app_folder_is_BN3001_and_nothing_is_written()
    {
        TestApp app = _sdk.CreateApp("hello-world", "bundle-bn3001");
        string secret = Path.Combine(_sdk.AppsDirectory, "secret-bn3001.txt");
        File.WriteAllText(secret, "do not pack");
        File.CreateSymbolicLink(app.PathOf("app/secret.txt"), secret);
        Directory.CreateSymbolicLink(app.PathOf("app/shared"), _sdk.AppsDirectory);

        BuildResult result = app.Pack();

        BuildAssert.Failed(result);
        string link = app.PathOf("app/secret.txt");
        BuildAssert.HasLine(result, $"{link} : error BN3001: '{link}' is a symbolic link to '{secret}', which is outside the app folder '{app.Directory}'. The bundle holds only the app folder's own files: copy what the app needs into the folder, or exclude the link in .byteniteignore.");
        string folderLink = app.PathOf("app/shared");
        BuildAssert.HasLine(result, $"{folderLink} : error BN3001: '{folderLink}' is a symbolic link to '{_sdk.AppsDirectory}', which is outside the app folder '{app.Directory}'. The bundle holds only the app folder's own files: copy what the app needs into the folder, or exclude the link in .byteniteignore.");
        Assert.False(File.Exists(app.BundlePath(Seed)));
    }

    [Fact]
    public void Symbolic_link_loops_are_BN3002()
    {
        TestApp app = _sdk.CreateApp("hello-world", "bundle-bn3002");
        File.CreateSymbolicLink(app.PathOf("app/loop1"), "loop2");
        File.CreateSymbolicLink(app.PathOf("app/loop2"), "loop1");
        Directory.CreateSymbolicLink(app.PathOf("app/again"), ".");

        BuildResult result = app.Pack();

        BuildAssert.Failed(result);
        string again = app.PathOf("app/again");
        BuildAssert.HasLine(result, $"{again} : error BN3002: '{again}' is a symbolic link that cannot be followed: it leads back to '{app.PathOf("app")}', a folder it is in, so the folder would contain itself. Fix or remove the link, or exclude it in .byteniteignore.");
        string loop = app.PathOf("app/loop1");
        BuildAssert.HasLine(result, $"{loop} : error BN3002: '{loop}' is a symbolic link that cannot be followed: its links form a loop (more than 40 links followed). Fix or remove the link, or exclude it in .byteniteignore.");
    }

    [Fact]
    public void Symbolic_links_inside_the_app_folder_are_stored_as_their_targets_content()
    {
        TestApp app = _sdk.CreateApp("hello-world", "bundle-links-inside");
        app.Write("shared/config.py", "MODE = 'upper'\n");
        File.CreateSymbolicLink(app.PathOf("app/config.py"), "../shared/config.py");
        Directory.CreateSymbolicLink(app.PathOf("app/lib"), "../shared");

        BuildAssert.Succeeded(app.Pack());

        var members = BundleSupport.ReadTar(app.BundlePath(Seed)).ToDictionary(m => m.Name);
        Assert.Equal(System.Formats.Tar.TarEntryType.RegularFile, members["app/config.py"].Type);
        Assert.Equal("MODE = 'upper'\n", members["app/config.py"].Text);
        Assert.Equal("MODE = 'upper'\n", members["app/lib/config.py"].Text);
        Assert.DoesNotContain(members.Values, m => m.Type is System.Formats.Tar.TarEntryType.SymbolicLink or System.Formats.Tar.TarEntryType.HardLink);
    }

    [Fact]
    public void Excluding_the_entrypoint_or_the_manifest_is_BN3007()
    {
        TestApp app = _sdk.CreateApp("hello-world", "bundle-bn3007");
        app.Write(".byteniteignore", "*.py\n!runner.py\n/manifest.json\n");

        BuildResult result = app.Pack();

        BuildAssert.Failed(result);
        BuildAssert.HasLine(result, $"{app.PathOf("manifest.json")} : error BN3007: 'manifest.json' is excluded from the bundle by .byteniteignore line 3 ('/manifest.json'), but the platform needs it: it describes the app (name, version, container, entrypoint). Remove that exclusion.");
        BuildAssert.HasLine(result, $"{app.PathOf("app/main.py")} : error BN3007: 'app/main.py' is excluded from the bundle by .byteniteignore line 1 ('*.py'), but the platform needs it: it is the app's 'entrypoint', the script the platform runs. Remove that exclusion.");
    }

    [UnixFact]
    public void Named_pipe_is_stored_empty_instead_of_blocking_the_pack()
    {
        TestApp app = _sdk.CreateApp("hello-world", "bundle-fifo");
        Assert.Equal(0, MachineTool.Run("mkfifo", app.Directory, "app/pipe").ExitCode);

        BuildResult result = app.Pack();

        BuildAssert.Succeeded(result);
        TarMember pipe = BundleSupport.ReadTar(app.BundlePath(Seed)).Single(m => m.Name == "app/pipe");
        Assert.Equal(System.Formats.Tar.TarEntryType.RegularFile, pipe.Type);
        Assert.Empty(pipe.Content);
    }
}
