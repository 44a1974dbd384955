using System;
using System.Collections;
using System.Collections.Generic;
using Microsoft.Build.Framework;

namespace ByteNite.Sdk.Tasks.Tests;

/// <summary>A build engine for running a task in process that keeps its errors, warnings and messages.</summary>
internal sealed class RecordingEngine : IBuildEngine
{
    public List<BuildErrorEventArgs> Errors { get; } = new();

    public List<BuildWarningEventArgs> Warnings { get; } = new();

    /// <summary>The text of each message; a task may log from several threads.</summary>
    public List<string> Messages { get; } = new();

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => string.Empty;

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => throw new NotSupportedException();

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

    public void LogMessageEvent(BuildMessageEventArgs e)
    {
        lock (Messages)
        {
            Messages.Add(e.Message ?? string.Empty);
        }
    }

    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);
}
