using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ByteNite.Sdk.Tasks;

/// <summary>
/// The local runner's command, for RunLocal and for `dotnet run` (which asks the project through the ComputeRunArguments
/// target): the native runner where it can run, else the .NET runner (<see cref="LocalRunnerCommand"/>).
/// </summary>
public sealed class ChooseByteNiteLocalRunner : Task
{
    /// <summary>The dotnet host that runs the (framework-dependent) .NET runner.</summary>
    [Required]
    public string DotnetHost { get; set; } = string.Empty;

    /// <summary>ByteNite.Sdk.LocalRunner.dll.</summary>
    [Required]
    public string RunnerPath { get; set; } = string.Empty;

    /// <summary>The native runner in the SDK package (absent from a package packed on another OS than Linux).</summary>
    public string? NativeRunnerPath { get; set; }

    /// <summary>False (ByteNiteRunLocalNative=false) always chooses the .NET runner.</summary>
    public bool UseNativeRunner { get; set; } = true;

    /// <summary>The program to start.</summary>
    [Output]
    public string Command { get; private set; } = string.Empty;

    /// <summary>The arguments before the runner's own (with a trailing space when there are any).</summary>
    [Output]
    public string ArgumentsPrefix { get; private set; } = string.Empty;

    /// <summary>For BN4015: what to check when the runner cannot run.</summary>
    [Output]
    public string WhatToCheck { get; private set; } = string.Empty;

    public override bool Execute()
    {
        LocalRunnerCommand command = LocalRunnerCommand.Choose(DotnetHost, RunnerPath, NativeRunnerPath, UseNativeRunner);
        Command = command.FileName;
        ArgumentsPrefix = command.ArgumentsPrefix;
        WhatToCheck = command.WhatToCheck;
        Log.LogMessage(MessageImportance.Normal, "Local runner: " + (command.IsNative ? "native, " : ".NET, ") + command.FileName);
        return true;
    }
}
