using System.Collections.Generic;
using ByteNite.Sdk.Model.Json;

namespace ByteNite.Sdk.Model.Rules;

/// <summary>What the rules established about a manifest: what the other files and the hosts depend on.</summary>
public sealed class Manifest
{
    internal Manifest(ManifestDialect dialect, string? name, AppVersion? version, JsonNode? versionNode, string? entrypoint, string? container)
    {
        Dialect = dialect;
        Name = name;
        Version = version;
        VersionNode = versionNode;
        Entrypoint = entrypoint;
        Container = container;
    }

    public ManifestDialect Dialect { get; }

    /// <summary>The app's 'name' (current dialect) or 'id' (seed dialect), when valid.</summary>
    public string? Name { get; }

    public AppVersion? Version { get; }

    /// <summary>Where the version is written, for diagnostics about it.</summary>
    public JsonNode? VersionNode { get; }

    public string? Entrypoint { get; }

    public string? Container { get; }

    // What a local run needs besides the above (RunLocal), each with its node so that a host can point at the line.

    /// <summary>manifest.json as read, for diagnostics located at the nodes below.</summary>
    public SourceFile? File { get; internal set; }

    /// <summary>Where 'platform_config.container' is written, when it is a string.</summary>
    public JsonString? ContainerNode { get; internal set; }

    /// <summary>'device_requirements.min_cpu' when it is a valid whole number of vCPUs.</summary>
    public JsonNumber? MinCpu { get; internal set; }

    /// <summary>'device_requirements.min_memory' (GiB) when it is a valid whole number.</summary>
    public JsonNumber? MinMemory { get; internal set; }

    /// <summary>The non-empty secret IDs of 'platform_config.secrets', in order.</summary>
    public IReadOnlyList<JsonString> Secrets { get; internal set; } = new JsonString[0];

    /// <summary>'platform_config.private_image' is true.</summary>
    public bool PrivateImage { get; internal set; }

    /// <summary>'platform_config.username' and 'platform_config.token', when written (registry credentials).</summary>
    public string? RegistryUsername { get; internal set; }

    public string? RegistryToken { get; internal set; }
}
