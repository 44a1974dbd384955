using System;
using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using Xunit;

namespace ByteNite.Sdk.EndToEnd.Tests;

/// <summary>`dotnet pack` of an app project writes the upload bundle: what is in it, in which order, and the files beside it.</summary>
[Collection(SdkCollection.Name)]
public sealed class BundleTests
{
    private const string Seed = "hello-world-0.1.rev0";
    private const string Current = "hello-world-current-0.1";

    private readonly SdkPackageFixture _sdk;

    public BundleTests(SdkPackageFixture sdk) => _sdk = sdk;

    [Fact]
    public void Seed_sample_packs_manifest_schema_and_app_in_ordinal_order_with_normalised_headers()
    {
        TestApp app = _sdk.CreateApp("hello-world", "bundle-seed");

        BuildResult result = app.Pack();

        BuildAssert.Succeeded(result);
        BuildAssert.NoBnDiagnostics(result);
        List<TarMember> members = BundleSupport.ReadTar(app.BundlePath(Seed));
        Assert.Equal(new[] { "app/", "app/main.py", "app/runner.py", "manifest.json", "schema.json" }, members.Select(m => m.Name));
        Assert.Equal(TarEntryType.Directory, members[0].Type);
        Assert.All(members.Skip(1), m => Assert.Equal(TarEntryType.RegularFile, m.Type));
        Assert.All(members, m =>
        {
            Assert.Equal(0, m.Uid);
            Assert.Equal(0, m.Gid);
            Assert.Equal(string.Empty, m.UserName);
            Assert.Equal(string.Empty, m.GroupName);
            Assert.Equal(DateTimeOffset.UnixEpoch, m.ModificationTime);
        });
        Assert.Equal((UnixFileMode)Convert.ToInt32("755", 8), members[0].Mode);
        Assert.Equal((UnixFileMode)Convert.ToInt32("644", 8), members[1].Mode);
        Assert.Equal(app.Read("app/runner.py"), members[2].Text);

        // The summary the console shows, with the project's arrow line that the terminal logger uses as its output.
        Assert.Contains($"HelloWorld -> {app.BundlePath(Seed)}", result.Output);
        Assert.Contains($"ByteNite bundle {Seed}.tar: 4 files, 10.0 KB, sha256 ", result.Output);
    }

    [Fact]
    public void Current_sample_packs_its_template_too()
    {
        TestApp app = _sdk.CreateApp("hello-world-current", "bundle-current");

        BuildAssert.Succeeded(app.Pack());

        Assert.Equal(
            new[] { "app/", "app/main.py", "manifest.json", "schema.json", "template.json" },
            BundleSupport.ReadTar(app.BundlePath(Current)).Select(m => m.Name));
    }

    [Fact]
    public void Digests_push_body_and_file_list_describe_the_archive_and_no_NuGet_package_is_written()
    {
        TestApp app = _sdk.CreateApp("hello-world", "bundle-outputs");

        BuildResult result = app.PackWith("n", null);

        BuildAssert.Succeeded(result);

        byte[] archive = File.ReadAllBytes(app.BundlePath(Seed));
        byte[] digest = SHA256.HashData(archive);
        string hex = Convert.ToHexString(digest).ToLowerInvariant();
        Assert.Equal($"{hex}  {Seed}.tar\n", File.ReadAllText(app.BundlePath(Seed) + ".sha256"));
        Assert.Equal(0, archive.Length % 10240);

        string body = File.ReadAllText(Path.Combine(app.PackDirectory(), Seed + ".push.json"));
        Assert.StartsWith("{\"data\": \"", body, StringComparison.Ordinal);
        Assert.Equal(archive, Convert.FromBase64String(BundleSupport.ReadJson(Path.Combine(app.PackDirectory(), Seed + ".push.json")).GetProperty("data").GetString()!));

        JsonElement list = BundleSupport.ReadJson(Path.Combine(app.PackDirectory(), Seed + ".bundle.json"));
        Assert.Equal("hello-world", list.GetProperty("name").GetString());
        Assert.Equal("0.1.rev0", list.GetProperty("version").GetString());
        Assert.Equal(hex, list.GetProperty("sha256").GetString());
        Assert.Equal(Convert.ToBase64String(digest), list.GetProperty("hash").GetString());
        Assert.Equal(new[] { "app/main.py", "app/runner.py", "manifest.json", "schema.json" },
            list.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()));
        // The same list in the build's output at normal verbosity, with each file's size.
        foreach (JsonElement file in list.GetProperty("files").EnumerateArray())
        {
            Assert.Contains("    " + file.GetProperty("path").GetString() + " (", result.Output);
        }

        Assert.Contains("    app/main.py (" + new FileInfo(app.PathOf("app/main.py")).Length + " B)", result.Output);

        Assert.Empty(Directory.GetFiles(app.PackDirectory(), "*.nupkg"));
    }

    [Fact]
    public void Output_option_writes_the_bundle_there_and_a_second_pack_does_not_pack_the_first()
    {
        TestApp app = _sdk.CreateApp("hello-world-current", "bundle-output-option");
        app.WriteProject("  <ItemGroup>\n    <ByteNiteBundleInclude Include=\"$(MSBuildProjectDirectory)\" />\n  </ItemGroup>");

        BuildAssert.Succeeded(app.Pack("-o", "out"));
        app.Write("app/extra.py", "# changed\n");
        BuildResult second = app.Pack("-o", "out");

        BuildAssert.Succeeded(second);
        string[] names = BundleSupport.ReadTar(Path.Combine(app.Directory, "out", Current + ".tar")).Select(m => m.Name).ToArray();
        Assert.Contains("app/extra.py", names);
        Assert.DoesNotContain(names, n => n.StartsWith("out/", StringComparison.Ordinal) || n.StartsWith("bin/", StringComparison.Ordinal) || n.StartsWith("obj/", StringComparison.Ordinal));
        Assert.False(File.Exists(app.BundlePath(Current)));
    }

    [Fact]
    public void Bundles_packed_into_a_folder_inside_the_app_folder_are_not_packed_into_the_next_one()
    {
        TestApp app = _sdk.CreateApp("hello-world-current", "bundle-output-inside-app");

        BuildAssert.Succeeded(app.Pack("-o", "app/dist"));
        BuildResult second = app.Pack();

        BuildAssert.Succeeded(second);
        Assert.True(File.Exists(app.PathOf("app/dist/" + Current + ".push.json")));
        Assert.DoesNotContain(BundleSupport.ReadTar(app.BundlePath(Current)), m => m.Name.StartsWith("app/dist/", StringComparison.Ordinal) && !m.Name.EndsWith('/'));
    }

    [Fact]
    public void A_multi_targeting_app_packs_one_bundle()
    {
        TestApp single = _sdk.CreateApp("hello-world-current", "bundle-single-target");
        TestApp multi = _sdk.CreateApp("hello-world-current", "bundle-multi-target");
        multi.WriteProject("  <PropertyGroup>\n    <TargetFrameworks>net10.0;net9.0</TargetFrameworks>\n  </PropertyGroup>");

        BuildAssert.Succeeded(single.Pack());
        BuildResult result = multi.Pack();

        BuildAssert.Succeeded(result);
        Assert.Equal(File.ReadAllBytes(single.BundlePath(Current)), File.ReadAllBytes(multi.BundlePath(Current)));
        Assert.Contains($"HelloWorldCurrent -> {multi.BundlePath(Current)}", result.Output);
    }

    [Fact]
    public void Opt_in_property_also_writes_the_NuGet_package_of_the_params_assembly()
    {
        TestApp app = _sdk.CreateApp("hello-world-current", "bundle-params-package");

        BuildResult result = app.Pack("-p:ByteNitePackParamsPackage=true");

        BuildAssert.Succeeded(result);
        Assert.True(File.Exists(app.BundlePath(Current)));
        string package = Path.Combine(app.PackDirectory(), "HelloWorldCurrent.0.1.0.nupkg");
        Assert.True(File.Exists(package), result.ToString());
        // With the XML docs of the params types (the schema's descriptions and constraints), and no warning for the
        // project's own undocumented members.
        using System.IO.Compression.ZipArchive zip = System.IO.Compression.ZipFile.OpenRead(package);
        Assert.Equal(new[] { "lib/net10.0/HelloWorldCurrent.dll", "lib/net10.0/HelloWorldCurrent.xml" }, zip.Entries.Select(e => e.FullName).Where(n => n.StartsWith("lib/", StringComparison.Ordinal)).Order());
        using (var reader = new StreamReader(zip.GetEntry("lib/net10.0/HelloWorldCurrent.xml")!.Open()))
        {
            Assert.Contains("<member name=\"T:HelloWorldCurrent.HelloWorldCurrentParams\">", reader.ReadToEnd());
        }

        Assert.Empty(result.DiagnosticLines);
    }

    [Fact]
    public void Disabling_the_bundle_makes_pack_write_nothing()
    {
        TestApp app = _sdk.CreateApp("hello-world", "bundle-off");

        BuildResult result = app.Pack("-p:ByteNiteBundle=false");

        BuildAssert.Succeeded(result);
        Assert.False(File.Exists(app.BundlePath(Seed)));
        Assert.Contains("HelloWorld: no ByteNite bundle written (ByteNiteBundle is false).", result.Output);
    }

    [Theory]
    [InlineData("hello-world", Seed)]
    [InlineData("hello-world-current", Current)]
    public void The_tasks_built_for_any_MSBuild_write_the_same_bundle_as_those_built_for_dotnet(string sample, string bundle)
    {
        // `dotnet build` loads the tasks' .NET build; .NET Framework MSBuild (Visual Studio) loads their netstandard2.0
        // build, which differs in the push body's encoder. The property that chooses the build is set here to load the
        // other one in the same MSBuild.
        TestApp net = _sdk.CreateApp(sample, "bundle-tasks-net");
        TestApp any = _sdk.CreateApp(sample, "bundle-tasks-netstandard");

        BuildResult fromNet = net.PackWith("d", null);
        BuildResult fromAny = any.PackWith("d", null, "-p:_ByteNiteSdkTasksFramework=netstandard2.0");

        BuildAssert.Succeeded(fromNet);
        BuildAssert.Succeeded(fromAny);
        BuildAssert.NoBnDiagnostics(fromNet);
        BuildAssert.NoBnDiagnostics(fromAny);
        string net8 = Path.Combine("tasks", "net8.0", "ByteNite.Sdk.Tasks.dll");
        string netstandard = Path.Combine("tasks", "netstandard2.0", "ByteNite.Sdk.Tasks.dll");
        Assert.Contains(net8, fromNet.Output);
        Assert.DoesNotContain(netstandard, fromNet.Output);
        Assert.Contains(netstandard, fromAny.Output);
        Assert.DoesNotContain(net8, fromAny.Output);
        Assert.Equal(File.ReadAllBytes(net.BundlePath(bundle)), File.ReadAllBytes(any.BundlePath(bundle)));
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(net.PackDirectory(), bundle + ".push.json")),
            File.ReadAllBytes(Path.Combine(any.PackDirectory(), bundle + ".push.json")));
    }
}
