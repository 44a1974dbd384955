using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Json;

namespace ByteNite.Sdk.Model.Rules;

/// <summary>The rules for manifest.json of apps and engines, in both dialects.</summary>
public static class ManifestRules
{
    private static readonly Regex NamePattern = new(@"^[A-Za-z0-9_-]+\z", RegexOptions.CultureInvariant);
    private static readonly Regex EnvironmentNamePattern = new(@"^[A-Za-z_][A-Za-z0-9_]*\z", RegexOptions.CultureInvariant);
    private static readonly Regex InvalidEnvironmentCharacters = new("[^A-Za-z0-9_]", RegexOptions.CultureInvariant);

    private static readonly KnownKeys TopLevelKeys = new(
        string.Empty, "id", "name", "version", "platform", "description", "entrypoint", "platform_config", "device_requirements", "type");

    private static readonly KnownKeys PlatformConfigKeys = new(
        "platform_config", "container", "private_image", "username", "token", "secrets");

    private static readonly KnownKeys DeviceRequirementKeys = new(
        "device_requirements", "min_cpu", "min_memory", "gpu");

    /// <summary>Settings from outside manifest.json that change what the rules expect.</summary>
    public sealed class Options
    {
        /// <summary>The app folder, for the checks of files under app/; null checks the manifest text alone.</summary>
        public string? AppDirectory { get; set; }

        /// <summary>True when a registry token is supplied at pack time, so manifest.json need not hold one.</summary>
        public bool RegistryTokenSupplied { get; set; }
    }

    public static Manifest Check(SourceFile file, JsonNode root, Options options, List<Diagnostic> diagnostics)
    {
        var context = new RuleContext(file, diagnostics);
        if (root is not JsonObject obj)
        {
            context.Report(DiagnosticCatalog.NotAnObject, root.Span, "manifest.json", root.KindName);
            return new Manifest(ManifestDialect.Unknown, null, null, null, null, null);
        }

        Dictionary<string, JsonProperty> keys = TopLevelKeys.Resolve(obj, context);
        (string? name, ManifestDialect keyDialect, JsonProperty? identity) = CheckIdentity(obj, keys, context);
        (AppVersion? version, JsonNode? versionNode) = CheckVersion(obj, keys, keyDialect, identity, context);
        ManifestDialect dialect = version?.Dialect ?? keyDialect;

        CheckPlatform(obj, keys, context);
        string? entrypoint = CheckEntrypoint(obj, keys, options, context);
        var runtime = new RuntimeValues();
        string? container = CheckPlatformConfig(obj, keys, options, context, runtime);
        if (keys.TryGetValue("device_requirements", out JsonProperty? requirements))
        {
            CheckDeviceRequirements(requirements, context, runtime);
        }

        CheckEngineType(keys, identity, name, context);
        if (keys.TryGetValue("description", out JsonProperty? description))
        {
            context.ExpectString(description, "description");
        }

        if (dialect == ManifestDialect.Seed && options.AppDirectory is not null)
        {
            CheckRunner(options.AppDirectory, (JsonNode?)versionNode ?? obj, context);
        }

        return new Manifest(dialect, name, version, versionNode, entrypoint, container)
        {
            File = file,
            ContainerNode = runtime.Container,
            MinCpu = runtime.MinCpu,
            MinMemory = runtime.MinMemory,
            Secrets = runtime.Secrets,
            PrivateImage = runtime.PrivateImage,
            RegistryUsername = runtime.Username,
            RegistryToken = runtime.Token,
        };
    }

    /// <summary>The values a local run needs, collected while the rules check them (see <see cref="Manifest"/>).</summary>
    private sealed class RuntimeValues
    {
        public JsonString? Container;
        public JsonNumber? MinCpu;
        public JsonNumber? MinMemory;
        public List<JsonString> Secrets = new();
        public bool PrivateImage;
        public string? Username;
        public string? Token;
    }

    /// <summary>The platform_config object alone; also used for documentation fragments.</summary>
    public static void CheckPlatformConfig(SourceFile file, JsonObject platformConfig, List<Diagnostic> diagnostics) =>
        CheckPlatformConfigObject(platformConfig, new Options(), new RuleContext(file, diagnostics));

    /// <summary>The device_requirements object alone; also used for documentation fragments.</summary>
    public static void CheckDeviceRequirements(SourceFile file, JsonObject deviceRequirements, List<Diagnostic> diagnostics) =>
        CheckDeviceRequirementsObject(deviceRequirements, new RuleContext(file, diagnostics));

    private static (string? Name, ManifestDialect Dialect, JsonProperty? Property) CheckIdentity(
        JsonObject obj, Dictionary<string, JsonProperty> keys, RuleContext context)
    {
        keys.TryGetValue("id", out JsonProperty? id);
        keys.TryGetValue("name", out JsonProperty? name);
        if (id is not null && name is not null)
        {
            JsonProperty second = id.NameSpan.Start > name.NameSpan.Start ? id : name;
            context.Report(
                DiagnosticCatalog.MixedDialect,
                second.NameSpan,
                "Both 'id' (seed dialect) and 'name' (current dialect) identify this app; the platform reads one of them. Keep 'name' with a \"[major].[minor]\" version, or 'id' with a \"[major].[minor].rev[revision]\" version.");
        }

        JsonProperty? identity = name ?? id;
        if (identity is null)
        {
            context.Report(
                DiagnosticCatalog.MissingKey,
                obj.OpeningBraceSpan,
                "name",
                " from manifest.json",
                "Add \"name\": \"<app-name>\" (or \"id\" in the seed dialect), e.g. \"name\": \"hello-world\".");
            return (null, ManifestDialect.Unknown, null);
        }

        ManifestDialect dialect = identity == name ? ManifestDialect.Current : ManifestDialect.Seed;
        string key = identity == name ? "name" : "id";
        string? value = context.ExpectNonEmptyString(identity, key, "Give the app a name, e.g. \"hello-world\".");
        if (value is null)
        {
            return (null, dialect, identity);
        }

        if (value.Length > 64)
        {
            context.Report(DiagnosticCatalog.InvalidName, identity.Value.Span, key, value, "it is " + value.Length + " characters long, and the limit is 64");
            return (null, dialect, identity);
        }

        if (!NamePattern.IsMatch(value))
        {
            context.Report(DiagnosticCatalog.InvalidName, identity.Value.Span, key, value, "it contains " + DescribeInvalidCharacters(value));
            return (null, dialect, identity);
        }

        return (value, dialect, identity);
    }

    private static (AppVersion? Version, JsonNode? Node) CheckVersion(
        JsonObject obj, Dictionary<string, JsonProperty> keys, ManifestDialect keyDialect, JsonProperty? identity, RuleContext context)
    {
        if (!keys.TryGetValue("version", out JsonProperty? property))
        {
            string example = keyDialect == ManifestDialect.Seed ? "\"version\": \"0.1.rev0\"" : "\"version\": \"0.1\"";
            context.Report(DiagnosticCatalog.MissingKey, obj.OpeningBraceSpan, "version", " from manifest.json", "Add " + example + ".");
            return (null, null);
        }

        JsonString? text = context.ExpectString(property, "version");
        if (text is null)
        {
            return (null, property.Value);
        }

        AppVersion? version = AppVersion.TryParse(text.Value);
        if (version is null)
        {
            context.Report(DiagnosticCatalog.InvalidVersion, text.Span, text.Value, AppVersion.HasAFormat(text.Value) ? AppVersion.NumberLimit : AppVersion.ExpectedFormats);
            return (null, text);
        }

        if (identity is not null && keyDialect != version.Dialect)
        {
            string message = version.Dialect == ManifestDialect.Seed
                ? "'version' \"" + version.Text + "\" is in the seed dialect (\"[major].[minor].rev[revision]\"), but the app is identified by 'name' (current dialect, \"[major].[minor]\"). Write \"" + version.Major + "." + version.Minor + "\", or use 'id' instead of 'name'."
                : "'version' \"" + version.Text + "\" is in the current dialect (\"[major].[minor]\"), but the app is identified by 'id' (seed dialect, \"[major].[minor].rev[revision]\"). Write \"" + version.Major + "." + version.Minor + ".rev0\", or use 'name' instead of 'id'.";
            context.Report(DiagnosticCatalog.MixedDialect, text.Span, message);
        }

        return (version, text);
    }

    private static void CheckPlatform(JsonObject obj, Dictionary<string, JsonProperty> keys, RuleContext context)
    {
        if (!keys.TryGetValue("platform", out JsonProperty? property))
        {
            context.Report(DiagnosticCatalog.MissingKey, obj.OpeningBraceSpan, "platform", " from manifest.json", "Add \"platform\": \"docker\".");
            return;
        }

        JsonString? value = context.ExpectString(property, "platform");
        if (value is not null && value.Value != "docker")
        {
            context.Report(DiagnosticCatalog.UnsupportedPlatform, value.Span, value.Value);
        }
    }

    private static string? CheckEntrypoint(JsonObject obj, Dictionary<string, JsonProperty> keys, Options options, RuleContext context)
    {
        if (!keys.TryGetValue("entrypoint", out JsonProperty? property))
        {
            context.Report(DiagnosticCatalog.MissingKey, obj.OpeningBraceSpan, "entrypoint", " from manifest.json", "Add \"entrypoint\": \"main.py\" (the script under app/ that the platform runs).");
            return null;
        }

        string? entrypoint = context.ExpectNonEmptyString(property, "entrypoint", "Name the script under app/ that the platform runs, e.g. \"main.py\".");
        if (entrypoint is null || options.AppDirectory is null)
        {
            return entrypoint;
        }

        string appFolder = Path.GetFullPath(Path.Combine(options.AppDirectory, "app")) + Path.DirectorySeparatorChar;
        string fullPath = Path.GetFullPath(Path.Combine(appFolder, entrypoint.Replace('\\', Path.DirectorySeparatorChar)));
        if (Path.IsPathRooted(entrypoint) || entrypoint.StartsWith("/", System.StringComparison.Ordinal))
        {
            // Even one that leads into this machine's app folder: the platform runs app/<entrypoint> where it extracted the app.
            context.Report(DiagnosticCatalog.EntrypointNotFound, property.Value.Span, entrypoint, "is an absolute path; the platform runs app/<entrypoint>, so name the script relative to app/ (e.g. \"main.py\")");
        }
        else if (!fullPath.StartsWith(appFolder, System.StringComparison.Ordinal))
        {
            context.Report(DiagnosticCatalog.EntrypointNotFound, property.Value.Span, entrypoint,
                fullPath + Path.DirectorySeparatorChar == appFolder ? "names the app/ folder itself, not a script in it" : "points outside app/, and the platform runs only scripts inside the app/ folder");
        }
        else if (Directory.Exists(fullPath))
        {
            context.Report(DiagnosticCatalog.EntrypointNotFound, property.Value.Span, entrypoint, "is a folder under app/, not a script; name the Python file the platform runs");
        }
        else if (!File.Exists(fullPath))
        {
            string shown = "app/" + entrypoint.Replace('\\', '/');
            context.Report(DiagnosticCatalog.EntrypointNotFound, property.Value.Span, entrypoint, "does not exist: the platform runs " + shown + ", and '" + shown + "' is not there");
        }

        return entrypoint;
    }

    private static string? CheckPlatformConfig(JsonObject obj, Dictionary<string, JsonProperty> keys, Options options, RuleContext context, RuntimeValues runtime)
    {
        if (!keys.TryGetValue("platform_config", out JsonProperty? property))
        {
            context.Report(
                DiagnosticCatalog.MissingKey,
                obj.OpeningBraceSpan,
                "platform_config",
                " from manifest.json",
                "Add \"platform_config\": { \"container\": \"<image>\" } with the Docker image your app runs in, e.g. \"python:3.12-slim\".");
            return null;
        }

        JsonObject? config = context.ExpectObject(property, "platform_config");
        return config is null ? null : CheckPlatformConfigObject(config, options, context, runtime);
    }

    private static string? CheckPlatformConfigObject(JsonObject config, Options options, RuleContext context, RuntimeValues? runtime = null)
    {
        Dictionary<string, JsonProperty> keys = PlatformConfigKeys.Resolve(config, context);
        string? container = null;
        if (!keys.TryGetValue("container", out JsonProperty? containerProperty))
        {
            context.Report(
                DiagnosticCatalog.MissingKey,
                config.OpeningBraceSpan,
                "container",
                " from 'platform_config'",
                "Add \"container\": \"<image>\" with the Docker image your app runs in, e.g. \"python:3.12-slim\".");
        }
        else
        {
            container = context.ExpectNonEmptyString(containerProperty, "platform_config.container", "Name the Docker image your app runs in, e.g. \"python:3.12-slim\".");
            if (runtime is not null)
            {
                runtime.Container = containerProperty.Value as JsonString;
            }

            if (container is not null)
            {
                CheckImageReference(container, containerProperty.Value.Span, context);
            }
        }

        CheckCredentials(config, keys, options, context, runtime);
        if (keys.TryGetValue("secrets", out JsonProperty? secrets))
        {
            CheckSecrets(secrets, context, runtime);
        }

        return container;
    }

    private static void CheckImageReference(string container, TextSpan span, RuleContext context)
    {
        ImageReference? reference = ImageReference.TryParse(container, out string? problem);
        if (reference is null)
        {
            context.Report(DiagnosticCatalog.InvalidImageReference, span, container, problem!);
            return;
        }

        if (reference.Digest is null && (reference.Tag is null || reference.Tag == "latest"))
        {
            string what = reference.Tag is null ? "has no tag (Docker pulls ':latest')" : "uses the moving tag ':latest'";
            context.Report(DiagnosticCatalog.UnpinnedImage, span, container, what, reference.Repository + ":<version>");
        }
    }

    private static void CheckCredentials(JsonObject config, Dictionary<string, JsonProperty> keys, Options options, RuleContext context, RuntimeValues? runtime)
    {
        bool isPrivate = false;
        if (keys.TryGetValue("private_image", out JsonProperty? privateImage))
        {
            isPrivate = context.ExpectBoolean(privateImage, "platform_config.private_image")?.Value == true;
        }

        string? username = null;
        if (keys.TryGetValue("username", out JsonProperty? usernameProperty))
        {
            username = context.ExpectString(usernameProperty, "platform_config.username")?.Value;
        }

        if (keys.TryGetValue("token", out JsonProperty? tokenProperty))
        {
            JsonString? token = context.ExpectString(tokenProperty, "platform_config.token");
            if (token is not null && !string.IsNullOrWhiteSpace(token.Value))
            {
                context.Report(DiagnosticCatalog.LiteralToken, token.Span);
            }

            if (runtime is not null)
            {
                runtime.Token = token?.Value;
            }
        }

        if (runtime is not null)
        {
            runtime.PrivateImage = isPrivate;
            runtime.Username = username;
        }

        if (!isPrivate)
        {
            return;
        }

        TextSpan at = privateImage!.NameSpan;
        if (string.IsNullOrWhiteSpace(username))
        {
            context.Report(
                DiagnosticCatalog.PrivateImageCredentials,
                usernameProperty?.Value.Span ?? at,
                "'private_image' is true, so the platform needs the registry user name to pull the image: add \"username\": \"<Docker Hub user>\" to 'platform_config'.");
        }

        // White space is no token, as for the user name.
        bool hasToken = tokenProperty?.Value is JsonString token2 && !string.IsNullOrWhiteSpace(token2.Value);
        if (!hasToken && !options.RegistryTokenSupplied)
        {
            context.Report(
                DiagnosticCatalog.PrivateImageCredentials,
                tokenProperty?.Value.Span ?? at,
                "'private_image' is true, so the platform needs a registry access token to pull the image, and none is supplied. Set the BYTENITE_REGISTRY_TOKEN environment variable or the ByteNiteRegistryToken property when you build and pack (keep the token out of manifest.json).");
        }
    }

    private static void CheckSecrets(JsonProperty property, RuleContext context, RuntimeValues? runtime)
    {
        JsonArray? secrets = context.ExpectArray(property, "platform_config.secrets");
        if (secrets is null)
        {
            return;
        }

        for (int i = 0; i < secrets.Items.Count; i++)
        {
            JsonNode item = secrets.Items[i];
            string path = "platform_config.secrets[" + i + "]";
            if (item is not JsonString id)
            {
                context.Report(DiagnosticCatalog.WrongType, item.Span, path, "a string (a secret ID)", item.KindName);
                continue;
            }

            if (id.Value.Length == 0)
            {
                context.Report(DiagnosticCatalog.EmptyValue, id.Span, path, "Write the ID of a secret you created on ByteNite, or remove the entry.");
                continue;
            }

            runtime?.Secrets.Add(id);

            if (!EnvironmentNamePattern.IsMatch(id.Value))
            {
                string suggestion = InvalidEnvironmentCharacters.Replace(id.Value, "_");
                if (char.IsDigit(suggestion[0]))
                {
                    suggestion = "_" + suggestion;
                }

                string problem = char.IsDigit(id.Value[0]) ? "starts with a digit" : "contains " + DescribeInvalidCharacters(id.Value, allowDash: false);
                context.Report(DiagnosticCatalog.InvalidSecretId, id.Span, id.Value, problem, suggestion);
            }
        }
    }

    private static void CheckDeviceRequirements(JsonProperty property, RuleContext context, RuntimeValues runtime)
    {
        JsonObject? requirements = context.ExpectObject(property, "device_requirements");
        if (requirements is not null)
        {
            CheckDeviceRequirementsObject(requirements, context, runtime);
        }
    }

    private static void CheckDeviceRequirementsObject(JsonObject requirements, RuleContext context, RuntimeValues? runtime = null)
    {
        Dictionary<string, JsonProperty> keys = DeviceRequirementKeys.Resolve(requirements, context);
        JsonNumber? minCpu = CheckPositiveInteger(keys, "min_cpu", "vCPUs", context);
        JsonNumber? minMemory = CheckPositiveInteger(keys, "min_memory", "GiB of RAM", context);
        if (runtime is not null)
        {
            runtime.MinCpu = minCpu;
            runtime.MinMemory = minMemory;
        }

        if (!keys.TryGetValue("gpu", out JsonProperty? gpu))
        {
            return;
        }

        JsonArray? models = context.ExpectArray(gpu, "device_requirements.gpu");
        if (models is null)
        {
            return;
        }

        for (int i = 0; i < models.Items.Count; i++)
        {
            JsonNode item = models.Items[i];
            if (item is not JsonString { Value.Length: > 0 })
            {
                context.Report(
                    DiagnosticCatalog.InvalidDeviceRequirement,
                    item.Span,
                    "device_requirements.gpu[" + i + "]",
                    "must be a GPU model name such as \"nvidia a100-sxm4-40gb\" (as nvidia-smi reports it), but is " + (item is JsonString ? "empty" : item.KindName));
            }
        }
    }

    /// <summary>Returns the value when it is valid.</summary>
    private static JsonNumber? CheckPositiveInteger(Dictionary<string, JsonProperty> keys, string key, string unit, RuleContext context)
    {
        if (!keys.TryGetValue(key, out JsonProperty? property))
        {
            return null;
        }

        string path = "device_requirements." + key;
        if (property.Value is JsonNumber number && number.IsInteger && number.TryGetInt64(out long value) && value >= 1 && value <= int.MaxValue)
        {
            return number;
        }

        string actual = property.Value switch
        {
            JsonNumber n when n.IsInteger && n.RawText.TrimStart('-').Length > 9 => n.RawText + ", which is out of range",
            JsonNumber n => n.RawText,
            JsonString s => "the string \"" + s.Value + "\" (write the number without quotes)",
            _ => property.Value.KindName,
        };
        context.Report(DiagnosticCatalog.InvalidDeviceRequirement, property.Value.Span, path, "must be a positive whole number of " + unit + ", but is " + actual);
        return null;
    }

    private static void CheckEngineType(Dictionary<string, JsonProperty> keys, JsonProperty? identity, string? name, RuleContext context)
    {
        if (!keys.TryGetValue("type", out JsonProperty? property))
        {
            return;
        }

        JsonString? type = context.ExpectString(property, "type");
        if (type is null)
        {
            return;
        }

        if (type.Value == "partitioner" || type.Value == "assembler")
        {
            if (name == "passthrough")
            {
                context.Report(DiagnosticCatalog.ReservedEngineName, identity!.Value.Span, identity.Name);
            }

            return;
        }

        string problem = type.Value == "app"
            ? "is not a documented value: apps have no 'type'; only engines do, with \"partitioner\" or \"assembler\". Remove 'type' from an app's manifest."
            : "is not an engine type: use \"partitioner\" or \"assembler\" for an engine, and no 'type' for an app.";
        context.Report(type.Value == "app" ? DiagnosticCatalog.AppHasType : DiagnosticCatalog.InvalidEngineType, type.Span, type.Value, problem);
    }

    private static void CheckRunner(string appDirectory, JsonNode reportAt, RuleContext context)
    {
        string runnerPath = Path.Combine(Path.Combine(appDirectory, "app"), "runner.py");
        if (!File.Exists(runnerPath))
        {
            context.Report(DiagnosticCatalog.RunnerMissing, reportAt.Span, "app/runner.py does not exist.");
            return;
        }

        string text;
        try
        {
            text = File.ReadAllText(runnerPath);
        }
        catch (System.Exception e) when (e is IOException || e is System.UnauthorizedAccessException)
        {
            context.Diagnostics.Add(Diagnostic.CreateForUnreadableFile(runnerPath, e));
            return;
        }

        if (RunnerContract.Problem(text) is { } problem)
        {
            context.Report(DiagnosticCatalog.RunnerMissing, reportAt.Span, problem);
        }
    }

    private static string DescribeInvalidCharacters(string value, bool allowDash = true)
    {
        var invalid = new List<string>();
        foreach (char c in value)
        {
            bool valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || (allowDash && c == '-');
            string shown = c == ' ' ? "' ' (space)" : c < 0x20 || c > 0x7E ? "U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) : "'" + c + "'";
            if (!valid && !invalid.Contains(shown))
            {
                invalid.Add(shown);
            }
        }

        return string.Join(", ", invalid);
    }
}
