using System.IO;
using System.Text.Json;
using ByteNite.Sdk.LocalRunner.Docker;
using ByteNite.Sdk.Model.Rules;

namespace ByteNite.Sdk.LocalRunner.Running;

/// <summary>summary.json next to the results: the run in a form that tools (the MSBuild target, CI scripts) can read.</summary>
internal static class RunSummary
{
    public static void Write(string path, Manifest manifest, ImageName image, Limits limits, RunResult result)
    {
        using FileStream stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("runId", result.RunId);
        json.WriteString("app", manifest.Name);
        json.WriteString("version", manifest.Version?.Text);
        json.WriteString("dialect", manifest.Dialect.ToString().ToLowerInvariant());
        json.WriteString("image", image.FullName);
        json.WriteNumber("exitCode", result.AppExitCode ?? -1);
        json.WriteBoolean("timedOut", result.TimedOut);
        json.WriteBoolean("outOfMemory", result.OutOfMemory);
        if (result.AppDuration is { } duration)
        {
            json.WriteNumber("durationSeconds", System.Math.Round(duration.TotalSeconds, 3));
        }

        json.WriteStartObject("limits");
        if (limits.NanoCpus is not null)
        {
            json.WriteNumber("cpus", limits.Cpus);
        }

        if (limits.MemoryBytes is not null)
        {
            json.WriteNumber("memoryGiB", limits.MemoryGiB);
        }

        json.WriteNumber("timeoutSeconds", limits.TimeoutSeconds);
        json.WriteEndObject();
        json.WriteString("log", "container.log");
        json.WriteStartArray("results");
        foreach ((string file, long size) in result.ResultFiles)
        {
            json.WriteStartObject();
            json.WriteString("path", "results/" + file);
            json.WriteNumber("size", size);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
