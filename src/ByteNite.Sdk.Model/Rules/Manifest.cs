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
}
