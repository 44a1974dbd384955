using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Xunit;

namespace ByteNite.Sdk.EndToEnd.Tests;

/// <summary>`dotnet pack sdk/ByteNite.Sdk -o DIR` gives DIR/ByteNite.Sdk.&lt;version&gt;.nupkg, an MSBuild SDK without dependencies.</summary>
[Collection(SdkCollection.Name)]
public sealed class PackageTests
{
    private readonly SdkPackageFixture _sdk;

    public PackageTests(SdkPackageFixture sdk) => _sdk = sdk;

    [Fact]
    public void Package_is_an_MSBuild_SDK_with_the_targets_and_the_task_assemblies_and_no_dependencies()
    {
        _sdk.EnsurePacked();
        Assert.Equal(new[] { Path.GetFileName(_sdk.PackagePath) }, Directory.GetFiles(_sdk.FeedDirectory).Select(Path.GetFileName));

        using ZipArchive package = ZipFile.OpenRead(_sdk.PackagePath);
        string[] entries = package.Entries.Select(e => e.FullName).ToArray();
        Assert.Contains("Sdk/Sdk.props", entries);
        Assert.Contains("Sdk/Sdk.targets", entries);
        Assert.Contains("targets/ByteNite.Sdk.DefaultItems.props", entries);
        Assert.Contains("targets/ByteNite.Sdk.Validation.targets", entries);
        Assert.Contains("tasks/netstandard2.0/ByteNite.Sdk.Tasks.dll", entries);
        Assert.Contains("tasks/netstandard2.0/ByteNite.Sdk.Model.dll", entries);
        Assert.Contains("tasks/net8.0/ByteNite.Sdk.Tasks.dll", entries);
        Assert.Contains("tasks/net8.0/ByteNite.Sdk.Model.dll", entries);
        // MSBuild supplies its own assemblies; a copy in the package could not be loaded next to them.
        Assert.DoesNotContain(entries, e => Path.GetFileName(e).StartsWith("Microsoft.Build", System.StringComparison.Ordinal));
        // Nothing a PackageReference would compile against or import: analyzers/ is all NuGet takes from it.
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", System.StringComparison.Ordinal)
            || e.StartsWith("ref/", System.StringComparison.Ordinal) || e.StartsWith("build", System.StringComparison.Ordinal));

        using Stream nuspecStream = package.Entries.Single(e => e.FullName == "ByteNite.Sdk.nuspec").Open();
        XElement metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Assert.Equal(_sdk.Version, metadata.Elements().Single(e => e.Name.LocalName == "version").Value);
        // An MSBuild SDK, and a dependency package too, so that a service can reference it for the params analyzer.
        Assert.Equal(
            new[] { "MSBuildSdk", "Dependency" },
            metadata.Descendants().Where(e => e.Name.LocalName == "packageType").Select(e => e.Attribute("name")!.Value));
        Assert.DoesNotContain(metadata.Elements(), e => e.Name.LocalName == "dependencies");
    }

    [Fact]
    public void The_local_runner_ships_framework_dependent_with_ReadyToRun_code_for_linux_x64()
    {
        _sdk.EnsurePacked();
        using ZipArchive package = ZipFile.OpenRead(_sdk.PackagePath);
        string[] runner = package.Entries.Select(e => e.FullName)
            .Where(e => e.StartsWith("tools/runlocal/", System.StringComparison.Ordinal) && !e.StartsWith("tools/runlocal/linux-x64/", System.StringComparison.Ordinal)).ToArray();

        // Run with `dotnet exec`: no apphost, no runtime of its own, no symbols.
        Assert.Contains("tools/runlocal/ByteNite.Sdk.LocalRunner.runtimeconfig.json", runner);
        Assert.DoesNotContain(runner, e => e.EndsWith(".pdb", System.StringComparison.Ordinal) || e.EndsWith("/ByteNite.Sdk.LocalRunner", System.StringComparison.Ordinal)
            || Path.GetFileName(e).StartsWith("System.Private.CoreLib", System.StringComparison.Ordinal));

        using var buffer = new MemoryStream();
        using (Stream dll = package.GetEntry("tools/runlocal/ByteNite.Sdk.LocalRunner.dll")!.Open())
        {
            dll.CopyTo(buffer);
        }

        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        Assert.Equal(Machine.Amd64, pe.PEHeaders.CoffHeader.Machine ^ (Machine)0x7B79); // ReadyToRun marks Linux images by XOR-ing the machine
        Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, "the runner has ReadyToRun code");
    }

    [Fact]
    public void Packed_on_x64_linux_the_package_also_has_the_native_runner_alone_without_its_symbols()
    {
        _sdk.EnsurePacked();
        using ZipArchive package = ZipFile.OpenRead(_sdk.PackagePath);
        string[] native = package.Entries.Select(e => e.FullName).Where(e => e.StartsWith("tools/runlocal/linux-x64/", System.StringComparison.Ordinal)).ToArray();

        // Native code is compiled only on the OS it is for: a package packed elsewhere has the .NET runner alone.
        if (!System.OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            Assert.Empty(native);
            return;
        }

        Assert.Equal(new[] { "tools/runlocal/linux-x64/ByteNite.Sdk.LocalRunner" }, native);
        byte[] start = new byte[20];
        using (Stream executable = package.GetEntry(native[0])!.Open())
        {
            executable.ReadExactly(start);
        }

        Assert.Equal(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }, start[..4]); // an ELF executable
        Assert.Equal(0x3E, start[18]); // for x86-64
    }
}
