using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using System.Text;
using ByteNite.Sdk.Tests.Shared;
using Xunit;

namespace ByteNite.Sdk.EndToEnd.Tests;

/// <summary>
/// The bundle is reproducible, readable by the tools the platform's side uses, keeps the registry token out of logs,
/// guards against overwriting an uploaded version, and is written only when something changed.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class BundleSafetyTests
{
    private const string Seed = "hello-world-0.1.rev0";
    private const string Current = "hello-world-current-0.1";
    private const string Token = "dckr_pat_E2eSecretToken0123456789";

    // A path of more than 100 bytes (ustar's name field) and one of more than 255 (ustar's name and prefix together).
    private static readonly string LongPath = "app/" + string.Join('/', Enumerable.Repeat("a-rather-long-folder-name", 5)) + "/module.py";
    private static readonly string VeryLongPath = "app/" + string.Join('/', Enumerable.Repeat("an-even-longer-folder-name-for-pax", 9)) + "/data.json";

    private readonly SdkPackageFixture _sdk;

    public BundleSafetyTests(SdkPackageFixture sdk) => _sdk = sdk;

    [Fact]
    public void Two_copies_in_different_places_with_different_timestamps_give_byte_identical_bundles()
    {
        TestApp first = _sdk.CreateApp("hello-world-current", "bundle-repro-a");
        TestApp second = _sdk.CreateApp("hello-world-current", "bundle-repro-b-in-another-place");
        foreach ((TestApp app, DateTime when) in new[] { (first, new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc)), (second, new DateTime(2025, 6, 7, 8, 9, 10, DateTimeKind.Utc)) })
        {
            app.Write(LongPath, "print('long')\n");
            foreach (string file in Directory.EnumerateFiles(app.Directory, "*", SearchOption.AllDirectories))
            {
                File.SetLastWriteTimeUtc(file, when);
            }
        }

        BuildAssert.Succeeded(first.Pack());
        BuildAssert.Succeeded(second.Pack());

        byte[] a = File.ReadAllBytes(first.BundlePath(Current));
        byte[] b = File.ReadAllBytes(second.BundlePath(Current));
        Assert.Equal(a, b);
        Assert.Equal(File.ReadAllText(first.BundlePath(Current) + ".sha256"), File.ReadAllText(second.BundlePath(Current) + ".sha256"));
    }

    [Fact]
    public void SOURCE_DATE_EPOCH_sets_every_timestamp()
    {
        TestApp app = _sdk.CreateApp("hello-world", "bundle-epoch");

        BuildAssert.Succeeded(app.PackWith("m", new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = "1700000000" }));

        Assert.All(BundleSupport.ReadTar(app.BundlePath(Seed)), m => Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), m.ModificationTime));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void GNU_tar_and_Python_tarfile_extract_exactly_the_packed_files_with_their_executable_bits()
    {
        TestApp app = _sdk.CreateApp("hello-world", "bundle-readers");
        app.Write(LongPath, "print('long')\n");
        app.Write(VeryLongPath, "{}\n");
        app.Write("app/données/café.txt", "non-ASCII names go into pax records\n");
        app.Write("app/run.sh", "#!/bin/sh\necho run\n");
        File.SetUnixFileMode(app.PathOf("app/run.sh"), (UnixFileMode)Convert.ToInt32("744", 8));
        app.WriteBytes("app/model.bin", Enumerable.Range(0, 70000).Select(i => (byte)(i * 31)).ToArray());
        app.Write("app/__pycache__/main.cpython-311.pyc", "excluded");
        app.Write("app/.env", "SECRET=1\n");

        BuildAssert.Succeeded(app.Pack());

        string archive = app.BundlePath(Seed);
        var expected = BundleSupport.Expected(app, new[]
        {
            "app/main.py", "app/runner.py", "app/run.sh", "app/model.bin", "app/données/café.txt", LongPath, VeryLongPath, "manifest.json", "schema.json",
        });

        (int listed, string listing) = MachineTool.Run("tar", app.Directory, "-tvf", archive);
        Assert.True(listed == 0, listing);
        Assert.Contains("-rwxr-xr-x 0/0", listing);
        Assert.Contains(VeryLongPath, listing);

        string gnu = Path.Combine(_sdk.Root, "extract-gnu");
        Directory.CreateDirectory(gnu);
        (int extracted, string output) = MachineTool.Run("tar", gnu, "-xf", archive);
        Assert.True(extracted == 0, output);
        BundleSupport.SameTree(expected, BundleSupport.Tree(gnu));

        // The 'data' filter is what a careful Python service uses on an uploaded archive: it rejects absolute names, '..',
        // links that leave the folder and device files, so a bundle it accepts cannot escape its extraction folder.
        string python = Path.Combine(_sdk.Root, "extract-python");
        Directory.CreateDirectory(python);
        (int pythonExit, string pythonOutput) = MachineTool.Run("python3", python, "-c",
            "import sys, tarfile\nwith tarfile.open(sys.argv[1]) as t:\n    t.extractall('.', filter='data')\n    print(len(t.getmembers()))", archive);
        Assert.True(pythonExit == 0, pythonOutput);
        BundleSupport.SameTree(expected, BundleSupport.Tree(python));
    }

    [Fact]
    public void Registry_token_from_the_environment_goes_into_the_bundled_manifest_only_and_never_into_the_log()
    {
        TestApp app = _sdk.CreateApp("hello-world-current", "bundle-token");
        app.Replace("manifest.json", "\"container\": \"python:3.11-slim-bookworm\"", "\"container\": \"python:3.11-slim-bookworm\",\n    \"private_image\": true,\n    \"username\": \"bytenite-dev\"");
        string onDisk = app.Read("manifest.json");

        BuildResult result = app.PackWith("diag", new Dictionary<string, string?> { ["BYTENITE_REGISTRY_TOKEN"] = Token }, "-bl:" + Path.Combine(app.Directory, "pack.binlog"));

        BuildAssert.Succeeded(result);
        Assert.DoesNotContain(Token, result.Output);
        Assert.DoesNotContain(Token, BinaryLogText(Path.Combine(app.Directory, "pack.binlog")));
        Assert.Contains("the registry token supplied at pack time was added to the bundle's manifest.json", result.Output);
        Assert.Equal(onDisk, app.Read("manifest.json"));
        string bundled = BundleSupport.ReadTar(app.BundlePath(Current)).Single(m => m.Name == "manifest.json").Text;
        Assert.Equal(onDisk.Replace("\"username\": \"bytenite-dev\"", $"\"username\": \"bytenite-dev\",\n    \"token\": \"{Token}\""), bundled);
    }

    [Fact]
    public void Registry_token_property_is_injected_too_and_not_printed_at_normal_verbosity()
    {
        TestApp app = _sdk.CreateApp("hello-world-current", "bundle-token-property");
        app.Replace("manifest.json", "\"container\": \"python:3.11-slim-bookworm\"", "\"container\": \"python:3.11-slim-bookworm\", \"private_image\": true, \"username\": \"u\", \"token\": \"\"");

        BuildResult result = app.PackWith("n", null, "-p:ByteNiteRegistryToken=" + Token);

        BuildAssert.Succeeded(result);
        Assert.DoesNotContain(Token, result.Output);
        string bundled = BundleSupport.ReadTar(app.BundlePath(Current)).Single(m => m.Name == "manifest.json").Text;
        Assert.Contains($"\"username\": \"u\", \"token\": \"{Token}\"", bundled);
    }

    [Fact]
    public void Token_is_not_added_to_a_public_image_and_a_changed_token_packs_again()
    {
        TestApp app = _sdk.CreateApp("hello-world-current", "bundle-token-public");

        BuildAssert.Succeeded(app.PackWith("m", new Dictionary<string, string?> { ["BYTENITE_REGISTRY_TOKEN"] = Token }));

        Assert.Equal(app.Read("manifest.json"), BundleSupport.ReadTar(app.BundlePath(Current)).Single(m => m.Name == "manifest.json").Text);

        app.Replace("manifest.json", "\"container\": \"python:3.11-slim-bookworm\"", "\"container\": \"python:3.11-slim-bookworm\", \"private_image\": true, \"username\": \"u\"");
        BuildAssert.Succeeded(app.PackWith("m", new Dictionary<string, string?> { ["BYTENITE_REGISTRY_TOKEN"] = Token }));
        BuildResult changed = app.PackWith("m", new Dictionary<string, string?> { ["BYTENITE_REGISTRY_TOKEN"] = Token + "-rotated" });

        BuildAssert.Succeeded(changed);
        Assert.Contains(Token + "-rotated", BundleSupport.ReadTar(app.BundlePath(Current)).Single(m => m.Name == "manifest.json").Text);
    }

    [Fact]
    public void Repacking_the_same_version_with_other_content_warns_BN3005_with_the_next_version()
    {
        TestApp seed = _sdk.CreateApp("hello-world", "bundle-bn3005-seed");
        TestApp current = _sdk.CreateApp("hello-world-current", "bundle-bn3005-current");

        foreach ((TestApp app, string name, string version, string next) in new[] { (seed, Seed, "0.1.rev0", "0.1.rev1"), (current, Current, "0.1", "0.2") })
        {
            BuildAssert.Succeeded(app.Pack());
            app.Write("app/main.py", app.Read("app/main.py") + "# changed\n");

            BuildResult result = app.Pack();

            BuildAssert.Succeeded(result);
            BuildAssert.HasLine(result, app.Line("manifest.json", app.Locate("manifest.json", $"\"{version}\""), "warning", "BN3005",
                $"'{name}.tar' already exists with different content: uploading this bundle overwrites version \"{version}\" of '{app.Read("manifest.json").Split('"')[3]}' on the platform, which keeps one upload per name and version. If that version was pushed and must stay as it is, set 'version' to \"{next}\" and pack again."));
        }

        // Packing the same content again (a file touched, not changed) is silent.
        File.SetLastWriteTimeUtc(current.PathOf("app/main.py"), DateTime.UtcNow.AddMinutes(1));
        BuildResult same = current.Pack();
        BuildAssert.Succeeded(same);
        BuildAssert.NoBnDiagnostics(same);
    }

    [Fact]
    public void BN3005_made_an_error_keeps_the_existing_bundle_and_fails_again_on_the_next_pack()
    {
        TestApp app = _sdk.CreateApp("hello-world-current", "bundle-bn3005-error");
        BuildAssert.Succeeded(app.Pack());
        byte[] pushed = File.ReadAllBytes(app.BundlePath(Current));
        string[] sidecars = { ".push.json", ".tar.sha256", ".bundle.json" };
        string[] before = sidecars.Select(s => File.ReadAllText(SidecarOf(app, s))).ToArray();
        app.Write("app/main.py", app.Read("app/main.py") + "# changed\n");

        foreach (int attempt in new[] { 1, 2 })
        {
            BuildResult result = app.Pack("-p:WarningsAsErrors=BN3005");

            BuildAssert.Failed(result);
            Assert.Contains(result.BnLines, line => line.Contains(": error BN3005: ", StringComparison.Ordinal));
            Assert.Equal(pushed, File.ReadAllBytes(app.BundlePath(Current)));
            Assert.Equal(before, sidecars.Select(s => File.ReadAllText(SidecarOf(app, s))));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(app.BundlePath(Current))!, "*.tmp"));
        }
    }

    [Fact]
    public void BN3004_made_an_error_writes_no_bundle_and_fails_again_on_the_next_pack()
    {
        TestApp app = _sdk.CreateApp("hello-world", "bundle-bn3004-error");
        app.WriteBytes("app/weights.bin", new byte[3 * 1024 * 1024 / 2]);

        foreach (int attempt in new[] { 1, 2 })
        {
            BuildResult result = app.Pack("-p:ByteNiteBundleLargeFileThreshold=1MB", "-p:TreatWarningsAsErrors=true");

            BuildAssert.Failed(result);
            Assert.Contains(result.BnLines, line => line.Contains(": error BN3004: ", StringComparison.Ordinal));
            Assert.False(File.Exists(app.BundlePath(Seed)), $"attempt {attempt} wrote the bundle");
        }
    }

    private static string SidecarOf(TestApp app, string suffix) =>
        Path.ChangeExtension(app.BundlePath(Current), null) + suffix;

    [Fact]
    public void Pack_without_changes_does_no_work_and_adding_or_deleting_a_file_packs_again()
    {
        const string Skipped = "Skipping target \"_ByteNitePackBundleCore\" because all output files are up-to-date with respect to the input files.";
        TestApp app = _sdk.CreateApp("hello-world-current", "bundle-incremental");
        BuildAssert.Succeeded(app.Pack());
        DateTime written = File.GetLastWriteTimeUtc(app.BundlePath(Current));

        BuildResult noop = app.PackWith("d", null);
        BuildAssert.Succeeded(noop);
        Assert.Contains(Skipped, noop.Output);
        Assert.Equal(written, File.GetLastWriteTimeUtc(app.BundlePath(Current)));
        Assert.Contains($"HelloWorldCurrent -> {app.BundlePath(Current)}", noop.Output);

        app.Write("app/added.py", "X = 1\n");
        BuildResult added = app.PackWith("d", null);
        BuildAssert.Succeeded(added);
        Assert.DoesNotContain(Skipped, added.Output);
        Assert.Contains("app/added.py", BundleSupport.ReadTar(app.BundlePath(Current)).Select(m => m.Name));

        app.Delete("app/added.py");
        BuildResult deleted = app.PackWith("d", null);
        BuildAssert.Succeeded(deleted);
        Assert.DoesNotContain(Skipped, deleted.Output);
        Assert.DoesNotContain("app/added.py", BundleSupport.ReadTar(app.BundlePath(Current)).Select(m => m.Name));
    }

    [Fact]
    public void A_file_replaced_by_an_older_copy_packs_again()
    {
        TestApp app = _sdk.CreateApp("hello-world-current", "bundle-older-copy");
        BuildAssert.Succeeded(app.Pack());

        // As `cp -p`, `rsync -a` or an extracted archive leave it: other content, a time before the bundle's.
        app.Write("app/main.py", app.Read("app/main.py") + "# restored from a backup\n");
        File.SetLastWriteTimeUtc(app.PathOf("app/main.py"), new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        BuildResult result = app.Pack();

        BuildAssert.Succeeded(result);
        Assert.EndsWith("# restored from a backup\n", BundleSupport.ReadTar(app.BundlePath(Current)).Single(m => m.Name == "app/main.py").Text);
    }

    [Fact]
    public void Large_file_warns_BN3004_with_its_size_and_the_threshold()
    {
        TestApp app = _sdk.CreateApp("hello-world", "bundle-bn3004");
        app.WriteBytes("app/weights.bin", new byte[3 * 1024 * 1024 / 2]);
        app.WriteBytes("app/just_over.bin", new byte[(1024 * 1024) + 1]);

        BuildResult result = app.Pack("-p:ByteNiteBundleLargeFileThreshold=1MB");

        BuildAssert.Succeeded(result);
        // Both sizes would read "1.0 MB": in bytes instead.
        BuildAssert.HasLine(result, $"{app.PathOf("app/just_over.bin")} : warning BN3004: 'app/just_over.bin' is 1,048,577 bytes, more than ByteNiteBundleLargeFileThreshold (1,048,576 bytes). The bundle is uploaded Base64-encoded inside a JSON request; model weights and large data belong in the container image or the shared cache (SHARED_CACHE_DIR), not in the bundle. Exclude it in .byteniteignore, or raise the threshold if it must ship with the code.");
        BuildAssert.HasLine(result, $"{app.PathOf("app/weights.bin")} : warning BN3004: 'app/weights.bin' is 1.5 MB, more than ByteNiteBundleLargeFileThreshold (1.0 MB). The bundle is uploaded Base64-encoded inside a JSON request; model weights and large data belong in the container image or the shared cache (SHARED_CACHE_DIR), not in the bundle. Exclude it in .byteniteignore, or raise the threshold if it must ship with the code.");
        Assert.True(File.Exists(app.BundlePath(Seed)));
    }

    [Fact]
    public void Invalid_threshold_is_BN3008()
    {
        TestApp app = _sdk.CreateApp("hello-world", "bundle-bn3008");

        BuildResult result = app.Pack("-p:ByteNiteBundleLargeFileThreshold=ten megabytes");

        BuildAssert.Failed(result);
        BuildAssert.HasLine(result, $"{app.ProjectPath} : error BN3008: ByteNiteBundleLargeFileThreshold \"ten megabytes\" is not valid: use a number of bytes, or a number followed by KB, MB or GB (e.g. 10MB); 0 turns the warning off.");
    }

    [Fact]
    public void Manifest_without_a_valid_version_is_BN3009_when_validation_is_off()
    {
        TestApp app = _sdk.CreateApp("hello-world", "bundle-bn3009");
        app.Replace("manifest.json", "\"0.1.rev0\"", "\"zero\"");

        BuildResult result = app.Pack("-p:ByteNiteValidate=false");

        BuildAssert.Failed(result);
        BuildAssert.HasLine(result, $"{app.PathOf("manifest.json")} : error BN3009: The bundle is named after the app's name (or id) and version, and manifest.json has no valid version. Fix manifest.json; its validation (turned off with ByteNiteValidate=false) says what is wrong.");
    }

    [Fact]
    public void A_bundle_that_cannot_be_written_is_BN3010_and_leaves_nothing_behind()
    {
        TestApp app = _sdk.CreateApp("hello-world", "bundle-bn3010");
        // A folder where the archive goes: the archive and the push body are written completely (as temporary files), and
        // moving the archive into place fails, whoever runs the build (root included).
        string bundle = app.BundlePath(Seed);
        Directory.CreateDirectory(bundle);

        BuildResult result = app.Pack();

        BuildAssert.Failed(result);
        string line = Assert.Single(result.DiagnosticLines.Where(l => l.Contains(" BN")).Distinct());
        Assert.StartsWith($"{app.ProjectPath} : error BN3010: The bundle cannot be written to '{bundle}': ", line);
        Assert.EndsWith(". Check that the output folder (ByteNiteBundleOutputPath, or `dotnet pack -o`) can be created and written, and that its disk has room; nothing was left half-written.", line);
        Assert.Empty(Directory.GetFiles(app.PackDirectory(), "*.tmp"));
        Assert.Empty(Directory.GetFiles(app.PackDirectory(), Seed + ".push.json"));
    }

    [Fact]
    public void Invalid_app_fails_validation_before_anything_is_packed()
    {
        TestApp app = _sdk.CreateApp("hello-world", "bundle-invalid");
        app.Replace("manifest.json", "\"0.1.rev0\"", "\"0.4.0\"");

        BuildResult result = app.Pack();

        BuildAssert.Failed(result);
        Assert.Contains("BN1004", result.Codes);
        Assert.False(Directory.Exists(app.PackDirectory()) && Directory.GetFiles(app.PackDirectory(), "*.tar").Length > 0);
    }

    /// <summary>A binary log's text: it is a gzip stream whose strings are UTF-8.</summary>
    private static string BinaryLogText(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress);
        using var copy = new MemoryStream();
        gzip.CopyTo(copy);
        return Encoding.UTF8.GetString(copy.ToArray());
    }
}
