using System;
using System.IO;
using System.Runtime.InteropServices;

namespace ByteNite.Sdk.Tasks;

/// <summary>
/// How the local runner is started: its native executable where this machine can run it, else the .NET runner through
/// the dotnet host. The native one starts without a runtime, and a run takes about 250 ms less (docs/benchmarks.md);
/// the SDK package has it for x64 Linux only, linked against glibc 2.34, so it is never tried on musl (Alpine), on an
/// older glibc or where the current user may not execute it.
/// </summary>
public sealed class LocalRunnerCommand
{
    private static readonly Version MinimumGlibc = new(2, 34);

    private LocalRunnerCommand(string fileName, string argumentsPrefix, bool isNative, string whatToCheck)
    {
        FileName = fileName;
        ArgumentsPrefix = argumentsPrefix;
        IsNative = isNative;
        WhatToCheck = whatToCheck;
    }

    /// <summary>The program to start: the native runner, or the dotnet host.</summary>
    public string FileName { get; }

    /// <summary>What comes before the runner's own arguments: <c>exec "…/ByteNite.Sdk.LocalRunner.dll" </c> for the .NET runner, nothing for the native one.</summary>
    public string ArgumentsPrefix { get; }

    public bool IsNative { get; }

    /// <summary>For BN4015, when the runner could not run: the part of the setup to check.</summary>
    public string WhatToCheck { get; }

    /// <param name="nativeRunnerPath">The native runner in the SDK package; it is not there in a package packed on another OS than Linux.</param>
    /// <param name="allowNative">False with ByteNiteRunLocalNative=false.</param>
    public static LocalRunnerCommand Choose(string dotnetHost, string runnerPath, string? nativeRunnerPath, bool allowNative)
    {
        if (allowNative && !string.IsNullOrEmpty(nativeRunnerPath) && File.Exists(nativeRunnerPath) && CanRunNative(nativeRunnerPath!))
        {
            return new LocalRunnerCommand(nativeRunnerPath!, string.Empty, isNative: true,
                "that '" + nativeRunnerPath + "' runs on this machine (set the ByteNiteRunLocalNative property to false to use the .NET runner instead)");
        }

        return new LocalRunnerCommand(dotnetHost, "exec \"" + runnerPath + "\" ", isNative: false, "that '" + dotnetHost + "' runs .NET 10 apps");
    }

    /// <summary>"2.36" from gnu_get_libc_version(): whether the native runner's glibc symbols are there.</summary>
    public static bool IsSupportedGlibc(string? version) =>
        Version.TryParse(version, out Version? parsed) && parsed >= MinimumGlibc;

    private static bool CanRunNative(string path)
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            return false;
        }

        try
        {
            return IsSupportedGlibc(Marshal.PtrToStringAnsi(NativeMethods.gnu_get_libc_version())) && NativeMethods.access(path, NativeMethods.ExecuteOk) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl has no libc.so.6): the native runner cannot load there.
            return false;
        }
    }

    private static class NativeMethods
    {
        public const int ExecuteOk = 1;

        [DllImport("libc.so.6")]
        public static extern IntPtr gnu_get_libc_version();

        [DllImport("libc.so.6")]
        public static extern int access([MarshalAs(UnmanagedType.LPStr)] string path, int mode);
    }
}
