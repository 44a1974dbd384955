using ByteNite.Sdk.Model.Json;
using System.Collections.Generic;

namespace ByteNite.Sdk.Model.Diagnostics;

/// <summary>
/// Every diagnostic the SDK can report. Bands: BN0xxx SDK/host, BN1xxx manifest.json and template.json,
/// BN2xxx schema.json and parameters, BN3xxx bundle, BN4xxx RunLocal. Each code has docs/diagnostics/CODE.md.
/// </summary>
public static class DiagnosticCatalog
{
    public const string HelpLinkBase = "https://github.com/bytenite-sdk/ByteNite.Sdk/blob/main/docs/diagnostics/";

    private const string Sdk = "ByteNite.Sdk";
    private const string Manifest = "ByteNite.Manifest";
    private const string Template = "ByteNite.Template";
    private const string Schema = "ByteNite.Schema";
    private const string Bundle = "ByteNite.Bundle";
    private const string RunLocal = "ByteNite.RunLocal";

    // BN0xxx: the SDK and its host.
    public static readonly DiagnosticDescriptor ManifestNotFound = new(
        "BN0001", "No manifest.json in the app folder",
        "No manifest.json was found in '{0}'. A ByteNite app folder holds manifest.json next to the project file; add one (see the README's quick start) or set the ByteNiteAppDirectory property to the folder that has it.",
        Sdk, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FileUnreadable = new(
        "BN0002", "A file cannot be read",
        "'{0}' cannot be read: {1}. Check that the file exists, is not locked by another program and is readable by the build.",
        Sdk, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidSeverityConfiguration = new(
        "BN0003", "Invalid severity in an analyzer config file",
        "'{0}' is not a valid severity for {1}; use one of: error, warning, suggestion, silent, none, default.",
        Sdk, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor WorkloadsTurnedOff = new(
        "BN0004", "The target framework needs .NET workloads, which app projects turn off",
        "The target framework '{0}' needs the .NET workload for '{1}', and ByteNite.Sdk turns workloads off in app projects (they serve platform target frameworks, and loading them costs every build). To build for '{1}', set the MSBuildEnableWorkloadResolver property to true in a Directory.Build.props in the project's folder or above it, or on the command line (-p:MSBuildEnableWorkloadResolver=true); a value in the project file comes too late.",
        Sdk, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InternalError = new(
        "BN0099", "Internal error in ByteNite.Sdk",
        "ByteNite.Sdk failed while checking this file: {0}. This is a bug in the SDK; please report it with the file that triggers it.",
        Sdk, DiagnosticSeverity.Error);

    // BN1xxx: manifest.json and template.json.
    public static readonly DiagnosticDescriptor InvalidJson = new(
        "BN1001", "Invalid JSON",
        "Invalid JSON: {0}.",
        Manifest, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateKey = new(
        "BN1002", "Duplicate key",
        "Key \"{0}\" appears more than once in this object (first on line {1}); which value wins depends on the parser. Keep one.",
        Manifest, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidEncoding = new(
        "BN1003", "File is not UTF-8",
        "The file is not valid UTF-8: {0}. Save the file as UTF-8.",
        Manifest, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidVersion = new(
        "BN1004", "Invalid version",
        "'version' \"{0}\" is not a valid version: expected {1}.",
        Manifest, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MissingKey = new(
        "BN1005", "Required key missing",
        "Required key '{0}' is missing{1}. {2}",
        Manifest, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor WrongType = new(
        "BN1006", "Value has the wrong type",
        "'{0}' must be {1}, but is {2}.",
        Manifest, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidName = new(
        "BN1007", "Invalid app name or id",
        "'{0}' \"{1}\" is not valid: {2}. Use 1 to 64 letters, digits, '-' or '_', e.g. \"hello-world\".",
        Manifest, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedPlatform = new(
        "BN1008", "Unsupported platform",
        "'platform' \"{0}\" is not supported: ByteNite runs apps in containers, so the only supported value is \"docker\".",
        Manifest, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidImageReference = new(
        "BN1009", "Invalid container image reference",
        "'platform_config.container' \"{0}\" is not a valid image reference: {1}. Use [registry/]repository[:tag][@digest], e.g. \"python:3.12-slim\".",
        Manifest, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnpinnedImage = new(
        "BN1010", "Container image tag is not pinned",
        "'platform_config.container' \"{0}\" {1}, so the image can change between runs and results are not reproducible. Pin a version tag or a digest, e.g. \"{2}\".",
        Manifest, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor PrivateImageCredentials = new(
        "BN1011", "Private image credentials inconsistent",
        "{0}",
        Manifest, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor LiteralToken = new(
        "BN1012", "Registry token written in manifest.json",
        "'platform_config.token' holds a literal access token. Anyone who can read this folder, its git history or the uploaded bundle can pull (and with a write-scoped token, push) your images. Remove it from the file, revoke it in Docker Hub, and supply it at pack time instead (the BYTENITE_REGISTRY_TOKEN environment variable or the ByteNiteRegistryToken property).",
        Manifest, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidSecretId = new(
        "BN1013", "Secret ID cannot be an environment variable prefix",
        "Secret ID \"{0}\" {1}. The platform injects secrets as environment variables named {{ID}}, {{ID}}_ACCESS_KEY and {{ID}}_SECRET_KEY, so an ID must start with a letter or '_' and contain only letters, digits and '_', e.g. \"{2}\".",
        Manifest, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidDeviceRequirement = new(
        "BN1014", "Invalid device requirement",
        "'{0}' {1}.",
        Manifest, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EntrypointNotFound = new(
        "BN1015", "Entrypoint not found",
        "'entrypoint' \"{0}\" {1}. Create the file or correct 'entrypoint'.",
        Manifest, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RunnerMissing = new(
        "BN1016", "Seed app has no runner.run(basepath, params, metadata)",
        "{0} Seed-dialect apps (version \"[major].[minor].rev[revision]\") keep their code in app/runner.py with 'def run(basepath, params, metadata):'.",
        Manifest, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidEngineType = new(
        "BN1017", "Invalid engine type",
        "'type' \"{0}\" {1}",
        Manifest, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownKey = new(
        "BN1018", "Unknown key",
        "Unknown key '{0}'{1}; the platform ignores it.{2}",
        Manifest, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor KeyCasing = new(
        "BN1019", "Key not in its documented casing",
        "Key '{0}' should be written '{1}'. The platform's CLI matches keys case-insensitively today, but the documented spelling is '{1}' and other tools are case-sensitive.",
        Manifest, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MixedDialect = new(
        "BN1020", "Manifest mixes the seed and current dialects",
        "{0}",
        Manifest, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidTag = new(
        "BN1021", "Invalid tag",
        "'{0}' \"{1}\" is not a valid tag: {2}. A tag is name[@major[.minor]], e.g. \"hello-world\", \"hello-world@1\" or \"hello-world@1.2\".",
        Template, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor TemplateAppMismatch = new(
        "BN1022", "Template refers to another app",
        "template.json 'app' \"{0}\" refers to app \"{1}\", but manifest.json names this app \"{2}\". Jobs built from this template would run a different app; set 'app' to \"{2}\" (optionally with @major[.minor]).",
        Template, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor TemplateVersionMismatch = new(
        "BN1023", "Template pins a version the manifest does not have",
        "template.json 'app' \"{0}\" pins version {1}, but manifest.json declares version \"{2}\". Pushing this folder creates {3}; update the tag or the manifest.",
        Template, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ProjectVersionConflict = new(
        "BN1024", "Project version contradicts manifest.json",
        "The project sets Version \"{0}\", but manifest.json 'version' \"{1}\" gives \"{2}\". The manifest is the source of the version; remove <Version> (and <VersionPrefix>/<VersionSuffix>) from the project or make it \"{2}\".",
        Manifest, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ReservedEngineName = new(
        "BN1025", "Name reserved by a built-in engine",
        "'{0}' \"passthrough\" is the name of ByteNite's built-in partitioner and assembler; templates that say \"passthrough\" would not use this one. Choose another name.",
        Manifest, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NotAnObject = new(
        "BN1026", "File is not a JSON object",
        "{0} must contain a JSON object '{{ ... }}', but contains {1}.",
        Manifest, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EmptyValue = new(
        "BN1027", "Empty value",
        "'{0}' is empty. {1}",
        Manifest, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor AppHasType = new(
        "BN1028", "'type' on an app manifest",
        "'type' \"{0}\" {1}",
        Manifest, DiagnosticSeverity.Warning);

    // BN2xxx: schema.json.
    public static readonly DiagnosticDescriptor SchemaInvalidJson = new(
        "BN2001", "schema.json is not valid JSON",
        "Invalid JSON: {0}.",
        Schema, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SchemaDuplicateKey = new(
        "BN2002", "Duplicate key in schema.json",
        "Key \"{0}\" appears more than once in this object (first on line {1}); which value wins depends on the validator. Keep one.",
        Schema, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SchemaInvalidEncoding = new(
        "BN2003", "schema.json is not UTF-8",
        "The file is not valid UTF-8: {0}. Save the file as UTF-8.",
        Schema, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SchemaInvalid = new(
        "BN2004", "schema.json is not a valid JSON Schema",
        "{0}",
        Schema, DiagnosticSeverity.Error);

    // BN201x: values checked against schema.json (sample parameters, the schema's own defaults).
    public static readonly DiagnosticDescriptor ParamsViolation = new(
        "BN2010", "Parameter value violates schema.json",
        "{0}: {1} ('{2}' at {3} in schema.json). {4}",
        Schema, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SchemaDefaultViolation = new(
        "BN2011", "Default value violates its own schema",
        "The default at {0} is not valid: {1} ('{2}' at {3}). Forms and generated params classes start from this default, so a job that keeps it would be rejected; correct the default or the schema.",
        Schema, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SchemaRefNotFound = new(
        "BN2012", "$ref target not found",
        "'$ref' \"{0}\" does not resolve: {1}. Point it at a schema that exists, e.g. \"#/definitions/name\" for one under 'definitions'.",
        Schema, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SchemaRefRemote = new(
        "BN2013", "$ref to another document is not checked",
        "'$ref' \"{0}\" refers to another document ({1}); builds never fetch documents, so values are not checked against it. Copy the referenced schema under 'definitions' and refer to it as \"#/definitions/...\".",
        Schema, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SchemaRefCycle = new(
        "BN2014", "$ref cycle",
        "'$ref' \"{0}\" leads back to {1} without descending into a property or item, so validation would never end; it is ignored. Remove the cycle.",
        Schema, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SchemaPatternUnsupported = new(
        "BN2015", "Pattern cannot be checked",
        "{0} \"{1}\" cannot be used as a regular expression: {2}. Values are not checked against it; rewrite it with the ECMA-262 constructs that docs/params-validation.md lists.",
        Schema, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ParamsInvalidJson = new(
        "BN2016", "Parameters file is not valid JSON",
        "Invalid JSON: {0}.",
        Schema, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ParamsDuplicateKey = new(
        "BN2017", "Duplicate key in a parameters file",
        "Key \"{0}\" appears more than once in this object (first on line {1}); the app would see only one of the values. Keep one.",
        Schema, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ParamsInvalidEncoding = new(
        "BN2018", "Parameters file is not UTF-8",
        "The file is not valid UTF-8: {0}. Save the file as UTF-8.",
        Schema, DiagnosticSeverity.Error);

    // BN202x: C# code generation from schema.json.
    public static readonly DiagnosticDescriptor CodeGenUnsupportedComposition = new(
        "BN2020", "Schema composition cannot be generated as C#",
        "'{0}' at {1} cannot be represented as a C# type: {2}. The value is generated as System.Text.Json.JsonElement and Validate() does not check it; describe the value with one schema (for a value that may be null, \"type\": [\"string\", \"null\"]).",
        Schema, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor CodeGenUnsupportedRef = new(
        "BN2021", "$ref cannot be followed for code generation",
        "'$ref' \"{0}\" cannot be followed for code generation: {1}. The value is generated as System.Text.Json.JsonElement and Validate() does not check it; put the schema under 'definitions' in schema.json and refer to it as \"#/definitions/name\".",
        Schema, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor CodeGenUnsupportedType = new(
        "BN2022", "Type cannot be generated as C#",
        "{0} cannot be represented as a C# type: {1}. {2}",
        Schema, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor CodeGenUnsupportedEnum = new(
        "BN2023", "Enum cannot be generated as C#",
        "'enum' at {0} cannot be represented in C#: {1}. The value is generated as {2} and Validate() does not check the allowed values; list values of one JSON type (strings become a C# enum).",
        Schema, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor CodeGenDefaultNotUsed = new(
        "BN2024", "Default not used as the initial value",
        "'default' at {0} is not used as the initial value of the generated property: {1}.",
        Schema, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor CodeGenKeywordNotEnforced = new(
        "BN2025", "Keyword not enforced by the generated code",
        "'{0}' at {1} is not enforced by the generated code: {2}.",
        Schema, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor CodeGenInvalidName = new(
        "BN2026", "Invalid C# name for generated code",
        "{0} is not a valid C# {1}: {2}.",
        Schema, DiagnosticSeverity.Error);

    // BN203x: C# code that uses the generated params types (the params analyzer, ParamsConstraintAnalyzer).
    public static readonly DiagnosticDescriptor ParamsStringLengthViolation = new(
        "BN2030", "String literal violates a length in schema.json",
        "{0} is set to a string of {1} (Unicode code points); schema.json '{2}' requires {3}.",
        Schema, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ParamsNumberOutOfRange = new(
        "BN2031", "Number literal outside a range in schema.json",
        "{0} is set to {1}; schema.json '{2}' requires {3}.",
        Schema, DiagnosticSeverity.Warning);

    // BN3xxx: the upload bundle (dotnet pack).
    public static readonly DiagnosticDescriptor BundleSymlinkEscapes = new(
        "BN3001", "Symbolic link points outside the app folder",
        "'{0}' is a symbolic link to '{1}', which is outside the app folder '{2}'. The bundle holds only the app folder's own files: copy what the app needs into the folder, or exclude the link in .byteniteignore.",
        Bundle, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor BundleSymlinkUnresolvable = new(
        "BN3002", "Symbolic link cannot be followed",
        "'{0}' is a symbolic link that cannot be followed: {1}. Fix or remove the link, or exclude it in .byteniteignore.",
        Bundle, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor BundleFileUnreadable = new(
        "BN3003", "A file cannot be read into the bundle",
        "'{0}' cannot be read into the bundle: {1}. Check that the build can read it, or exclude it in .byteniteignore.",
        Bundle, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor BundleLargeFile = new(
        "BN3004", "Large file in the bundle",
        "'{0}' is {1}, more than ByteNiteBundleLargeFileThreshold ({2}). The bundle is uploaded Base64-encoded inside a JSON request; model weights and large data belong in the container image or the shared cache (SHARED_CACHE_DIR), not in the bundle. Exclude it in .byteniteignore, or raise the threshold if it must ship with the code.",
        Bundle, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor BundleOverwritesVersion = new(
        "BN3005", "Bundle replaces an existing version",
        "'{0}' already exists with different content: uploading this bundle overwrites version \"{1}\" of '{2}' on the platform, which keeps one upload per name and version. If that version was pushed and must stay as it is, set 'version' to \"{3}\" and pack again.",
        Bundle, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor BundleItemOutsideApp = new(
        "BN3006", "Bundle item outside the app folder",
        "ByteNiteBundleInclude item '{0}' is outside the app folder '{1}'. The bundle holds only files of the app folder; copy the file into it.",
        Bundle, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor BundleRequiredFileExcluded = new(
        "BN3007", "A file the platform needs is excluded from the bundle",
        "'{0}' is excluded from the bundle by {1}, but the platform needs it: {2}. Remove that exclusion.",
        Bundle, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor BundleInvalidSetting = new(
        "BN3008", "Invalid bundle setting",
        "{0} \"{1}\" is not valid: {2}.",
        Bundle, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor BundleNoNameOrVersion = new(
        "BN3009", "No app name and version to name the bundle",
        "The bundle is named after the app's name (or id) and version, and manifest.json has no valid {0}. Fix manifest.json; its validation (turned off with ByteNiteValidate=false) says what is wrong.",
        Bundle, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor BundleNotWritten = new(
        "BN3010", "The bundle cannot be written",
        "The bundle cannot be written to '{0}': {1}. Check that the output folder (ByteNiteBundleOutputPath, or `dotnet pack -o`) can be created and written, and that its disk has room; nothing was left half-written.",
        Bundle, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor BundleNameUnsupported = new(
        "BN3011", "A file name the bundle cannot hold",
        "'{0}' cannot be packed under its name: {1}. Rename it, or exclude it in .byteniteignore.",
        Bundle, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor BundleIncludeAddsNothing = new(
        "BN3012", "Bundle item adds nothing",
        "ByteNiteBundleInclude item '{0}' adds nothing to the bundle: {1}.",
        Bundle, DiagnosticSeverity.Warning);

    // BN4xxx: RunLocal, the app run in Docker (src/ByteNite.Sdk.LocalRunner).
    public static readonly DiagnosticDescriptor DockerUnavailable = new(
        "BN4001", "Docker daemon not reachable",
        "{0} Tried: {1}. {2}",
        RunLocal, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DockerApiUnsupported = new(
        "BN4002", "Docker Engine API version not supported",
        "The Docker daemon at {0} cannot be used: {1}.",
        RunLocal, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ImageUnavailable = new(
        "BN4003", "Container image not available",
        "Image \"{0}\" is not available: {1}. {2}",
        RunLocal, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SecretNotSet = new(
        "BN4004", "Secret not set in the environment",
        "Secret \"{0}\" from 'platform_config.secrets' is not set in your environment; the platform would inject it, so the app would fail or behave differently without it. Set {1} before running (values are passed to the container and never printed).",
        RunLocal, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor CrlfLineEndings = new(
        "BN4005", "Script has Windows line endings",
        "{0} has Windows line endings (CRLF, first on line {1}). The platform runs apps on Linux, where a '#!' line ending in CR fails with 'bad interpreter' and shell tools see stray CRs; convert it to LF: {2}.",
        RunLocal, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor AppFailed = new(
        "BN4006", "The app exited with an error",
        "The app exited with code {0} after {1}{2}. Its whole log is {3}.",
        RunLocal, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor AppOutOfMemory = new(
        "BN4007", "The app ran out of memory",
        "The app was killed for using more than its memory limit of {0} GiB ({1}), after {2}. A platform machine that meets this requirement may have no more memory, so the task could fail there too: use less memory or raise 'min_memory'. To run without local limits, {3}.",
        RunLocal, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor AppTimedOut = new(
        "BN4008", "The app ran longer than the timeout",
        "The app was still running after the timeout of {0} ({1}), counted from the container's start, and was stopped. Make it finish sooner, or raise the timeout ({2}).",
        RunLocal, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InputNotFound = new(
        "BN4009", "A file or folder given to RunLocal does not exist",
        "{0} \"{1}\" does not exist. {2}",
        RunLocal, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DockerOperationFailed = new(
        "BN4010", "Docker operation failed",
        "Docker could not {0}: {1}",
        RunLocal, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NoPythonInImage = new(
        "BN4011", "No Python in the container image",
        "Image \"{0}\" has no 'python' command on its PATH, and ByteNite runs the entrypoint with the image's Python ('python app/{1}'). Use an image that has Python (e.g. \"python:3.12-slim\") or install it in yours (on Debian: python3 and python-is-python3).",
        RunLocal, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor LeftoverContainersRemoved = new(
        "BN4012", "Containers left by an interrupted run were removed",
        "Removed {0} container(s) left by an earlier run that was stopped before it could clean up: {1}.",
        RunLocal, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NoResults = new(
        "BN4013", "The app wrote no results",
        "The app finished but wrote no files to its results directory ({0}), so on the platform the assembler would receive nothing. {1}",
        RunLocal, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MachineBelowRequirements = new(
        "BN4014", "This machine is smaller than the device requirements",
        "'{0}' asks for {1}, but the Docker host has {2}; {3}",
        RunLocal, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor RunnerFailed = new(
        "BN4015", "The local runner could not run",
        "The local runner could not run the app: {0}. Check the ByteNiteRunLocalArguments property and {1}; if both are right, this is a bug in the SDK: please report it with this output.",
        RunLocal, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RunInterrupted = new(
        "BN4016", "RunLocal was interrupted",
        "RunLocal was stopped by a signal before the app finished (exit code 130); it removed its container, and there are no results. Run it again; a signal sent by a terminal or a CI job usually stops the build as well.",
        RunLocal, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidRunLocalSetting = new(
        "BN4017", "Invalid RunLocal setting",
        "{0} \"{1}\" is not valid: {2}.",
        RunLocal, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ParamsTooLarge = new(
        "BN4018", "Parameters too large for APP_PARAMS",
        "The parameters are {0} as APP_PARAMS, more than the {1} that Linux allows one environment variable; the app could not even start (\"argument list too long\"). Pass large inputs as the task's data (TASK_DIR/data.bin) or through the shared cache, and keep the parameters small.",
        RunLocal, DiagnosticSeverity.Error);

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
    {
        ManifestNotFound, FileUnreadable, InvalidSeverityConfiguration, WorkloadsTurnedOff, InternalError,
        InvalidJson, DuplicateKey, InvalidEncoding, InvalidVersion, MissingKey, WrongType, InvalidName,
        UnsupportedPlatform, InvalidImageReference, UnpinnedImage, PrivateImageCredentials, LiteralToken,
        InvalidSecretId, InvalidDeviceRequirement, EntrypointNotFound, RunnerMissing, InvalidEngineType,
        UnknownKey, KeyCasing, MixedDialect, InvalidTag, TemplateAppMismatch, TemplateVersionMismatch,
        ProjectVersionConflict, ReservedEngineName, NotAnObject, EmptyValue, AppHasType,
        SchemaInvalidJson, SchemaDuplicateKey, SchemaInvalidEncoding, SchemaInvalid,
        ParamsViolation, SchemaDefaultViolation, SchemaRefNotFound, SchemaRefRemote, SchemaRefCycle,
        SchemaPatternUnsupported, ParamsInvalidJson, ParamsDuplicateKey, ParamsInvalidEncoding,
        BundleSymlinkEscapes, BundleSymlinkUnresolvable, BundleFileUnreadable, BundleLargeFile, BundleOverwritesVersion,
        BundleItemOutsideApp, BundleRequiredFileExcluded, BundleInvalidSetting, BundleNoNameOrVersion, BundleNotWritten,
        BundleNameUnsupported, BundleIncludeAddsNothing,
        CodeGenUnsupportedComposition, CodeGenUnsupportedRef, CodeGenUnsupportedType, CodeGenUnsupportedEnum,
        CodeGenDefaultNotUsed, CodeGenKeywordNotEnforced, CodeGenInvalidName,
        ParamsStringLengthViolation, ParamsNumberOutOfRange,
        DockerUnavailable, DockerApiUnsupported, ImageUnavailable, SecretNotSet, CrlfLineEndings, AppFailed, AppOutOfMemory,
        AppTimedOut, InputNotFound, DockerOperationFailed, NoPythonInImage, LeftoverContainersRemoved, NoResults,
        MachineBelowRequirements, RunnerFailed, RunInterrupted, InvalidRunLocalSetting, ParamsTooLarge,
    };

    public static JsonDiagnosticCodes ManifestJsonCodes { get; } = new(InvalidJson, DuplicateKey, InvalidEncoding);

    public static JsonDiagnosticCodes SchemaJsonCodes { get; } = new(SchemaInvalidJson, SchemaDuplicateKey, SchemaInvalidEncoding);
}
