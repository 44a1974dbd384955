using System.IO;
using ByteNite.Sdk.Tests.Shared;
using Xunit;

namespace ByteNite.Sdk.Tasks.Tests;

/// <summary>Which local runner RunLocal and `dotnet run` start: the native one only where it can run.</summary>
public class LocalRunnerCommandTests
{
    private const string Host = "/usr/share/dotnet/dotnet";
    private const string Runner = "/sdk/tools/runlocal/ByteNite.Sdk.LocalRunner.dll";

    [Theory]
    [InlineData("2.34", true)]
    [InlineData("2.36", true)]
    [InlineData("3.0", true)]
    [InlineData("2.31", false)] // Debian 11, Ubuntu 20.04
    [InlineData("2.28", false)] // RHEL 8
    [InlineData("2.9", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("unknown", false)]
    public void The_native_runner_needs_glibc_2_34(string? version, bool supported)
    {
        Assert.Equal(supported, LocalRunnerCommand.IsSupportedGlibc(version));
    }

    [Fact]
    public void Without_a_native_runner_in_the_package_the_dotnet_runner_is_started()
    {
        using var folder = new TempFolder();

        LocalRunnerCommand command = LocalRunnerCommand.Choose(Host, Runner, Path.Combine(folder.Path, "ByteNite.Sdk.LocalRunner"), allowNative: true);

        AssertDotnetRunner(command);
    }

    [Fact]
    public void ByteNiteRunLocalNative_false_starts_the_dotnet_runner()
    {
        using var folder = new TempFolder();
        string native = Executable(folder);

        LocalRunnerCommand command = LocalRunnerCommand.Choose(Host, Runner, native, allowNative: false);

        AssertDotnetRunner(command);
    }

    [NativeRunnerFact]
    public void On_x64_linux_with_glibc_2_34_the_native_runner_is_started_without_the_dotnet_host()
    {
        using var folder = new TempFolder();
        string native = Executable(folder);

        LocalRunnerCommand command = LocalRunnerCommand.Choose(Host, Runner, native, allowNative: true);

        Assert.True(command.IsNative);
        Assert.Equal(native, command.FileName);
        Assert.Equal(string.Empty, command.ArgumentsPrefix);
        Assert.Contains("set the ByteNiteRunLocalNative property to false", command.WhatToCheck);
    }

    [NativeRunnerFact]
    public void A_native_runner_without_execute_permission_is_not_started()
    {
        // As NuGet would leave it for another user than the one who restored the package (it extracts files as 0744).
        using var folder = new TempFolder();
        string native = folder.Write("ByteNite.Sdk.LocalRunner", "#!/bin/sh\n");
        if (System.OperatingSystem.IsLinux())
        {
            File.SetUnixFileMode(native, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        LocalRunnerCommand command = LocalRunnerCommand.Choose(Host, Runner, native, allowNative: true);

        AssertDotnetRunner(command);
    }

    private static void AssertDotnetRunner(LocalRunnerCommand command)
    {
        Assert.False(command.IsNative);
        Assert.Equal(Host, command.FileName);
        Assert.Equal("exec \"" + Runner + "\" ", command.ArgumentsPrefix);
        Assert.Equal("that '" + Host + "' runs .NET 10 apps", command.WhatToCheck);
    }

    private static string Executable(TempFolder folder)
    {
        string path = folder.Write("ByteNite.Sdk.LocalRunner", "#!/bin/sh\n");
        if (!System.OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
