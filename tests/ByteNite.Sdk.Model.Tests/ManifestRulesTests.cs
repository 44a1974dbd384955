using System.Linq;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Rules;
using Xunit;

namespace ByteNite.Sdk.Model.Tests;

public class ManifestRulesTests
{
    private const string SeedManifest = """
        {
          "id": "hello-world",
          "version": "0.4.rev2",
          "platform": "docker",
          "description": "Case conversion",
          "entrypoint": "main.py",
          "platform_config": { "container": "python:3.11-slim" },
          "device_requirements": { "min_cpu": 2, "min_memory": 2 }
        }
        """;

    private const string CurrentManifest = """
        {
          "name": "hello-world",
          "version": "0.4",
          "platform": "docker",
          "entrypoint": "main.py",
          "platform_config": { "container": "python:3.11-slim", "secrets": ["MY_S3_KEY"] },
          "device_requirements": { "min_cpu": 2, "min_memory": 2, "gpu": ["nvidia a100-sxm4-40gb"] }
        }
        """;

    [Fact]
    public void Valid_manifests_of_both_dialects_have_no_diagnostics()
    {
        Assert.Empty(Validate.Manifest(SeedManifest));
        Assert.Empty(Validate.Manifest(CurrentManifest));
    }

    [Fact]
    public void Dialect_and_version_come_from_the_manifest()
    {
        Manifest seed = Validate.ManifestModel(SeedManifest);
        Assert.Equal(ManifestDialect.Seed, seed.Dialect);
        Assert.Equal("hello-world", seed.Name);
        Assert.Equal("0.4.2", seed.Version!.NuGetVersion);

        Manifest current = Validate.ManifestModel(CurrentManifest);
        Assert.Equal(ManifestDialect.Current, current.Dialect);
        Assert.Equal("0.4.0", current.Version!.NuGetVersion);
    }

    [Fact]
    public void Invalid_version_is_reported_at_the_value_with_both_formats()
    {
        string json = SeedManifest.Replace("\"0.4.rev2\"", "\"0.4.0\"");
        Assert.Equal(
            new[] { "(3,14) BN1004: 'version' \"0.4.0\" is not a valid version: expected \"[major].[minor].rev[revision]\" (seed dialect, e.g. \"0.4.rev0\") or \"[major].[minor]\" (e.g. \"0.4\")." },
            Validate.Manifest(json).Rendered());
    }

    [Theory]
    [InlineData("\"id\": \"hello-world\",\n  \"version\": \"0.4\"", "(3,14) BN1020")]
    [InlineData("\"name\": \"hello-world\",\n  \"version\": \"0.4.rev2\"", "(3,14) BN1020")]
    [InlineData("\"id\": \"hello-world\",\n  \"name\": \"hello-world\",\n  \"version\": \"0.4\"", "(3,3) BN1020")]
    public void Mixed_dialects_are_reported(string identity, string expected)
    {
        string json = SeedManifest.Replace("\"id\": \"hello-world\",\n  \"version\": \"0.4.rev2\"", identity);
        Assert.Equal(new[] { expected }, Validate.Manifest(json).Select(d => $"({d.Location.Start.Line},{d.Location.Start.Column}) {d.Id}"));
    }

    [Fact]
    public void Mixed_dialect_message_says_what_to_write()
    {
        string json = CurrentManifest.Replace("\"0.4\"", "\"0.4.rev2\"");
        Assert.Equal(
            "'version' \"0.4.rev2\" is in the seed dialect (\"[major].[minor].rev[revision]\"), but the app is identified by 'name' (current dialect, \"[major].[minor]\"). Write \"0.4\", or use 'id' instead of 'name'.",
            Assert.Single(Validate.Manifest(json)).Message);
    }

    [Fact]
    public void Missing_required_keys_are_reported_at_the_enclosing_object()
    {
        Assert.Equal(
            new[]
            {
                "(1,1) BN1005: Required key 'name' is missing from manifest.json. Add \"name\": \"<app-name>\" (or \"id\" in the seed dialect), e.g. \"name\": \"hello-world\".",
                "(1,1) BN1005: Required key 'version' is missing from manifest.json. Add \"version\": \"0.1\".",
                "(1,1) BN1005: Required key 'platform' is missing from manifest.json. Add \"platform\": \"docker\".",
                "(1,1) BN1005: Required key 'entrypoint' is missing from manifest.json. Add \"entrypoint\": \"main.py\" (the script under app/ that the platform runs).",
                "(1,1) BN1005: Required key 'platform_config' is missing from manifest.json. Add \"platform_config\": { \"container\": \"<image>\" } with the Docker image your app runs in, e.g. \"python:3.12-slim\".",
            },
            Validate.Manifest("{}").Rendered());
    }

    [Fact]
    public void Missing_container_is_reported_at_platform_config()
    {
        string json = CurrentManifest.Replace("{ \"container\": \"python:3.11-slim\", \"secrets\": [\"MY_S3_KEY\"] }", "{ }");
        Assert.Equal(
            new[] { "(6,22) BN1005: Required key 'container' is missing from 'platform_config'. Add \"container\": \"<image>\" with the Docker image your app runs in, e.g. \"python:3.12-slim\"." },
            Validate.Manifest(json).Rendered());
    }

    [Theory]
    [InlineData("\"name\": 42", "(2,11) BN1006: 'name' must be a string, but is an integer.")]
    [InlineData("\"name\": \"\"", "(2,11) BN1027: 'name' is empty. Give the app a name, e.g. \"hello-world\".")]
    [InlineData("\"name\": \"hello world!\"", "(2,11) BN1007: 'name' \"hello world!\" is not valid: it contains ' ' (space), '!'. Use 1 to 64 letters, digits, '-' or '_', e.g. \"hello-world\".")]
    [InlineData("\"name\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"", "(2,11) BN1007: 'name' \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" is not valid: it is 65 characters long, and the limit is 64. Use 1 to 64 letters, digits, '-' or '_', e.g. \"hello-world\".")]
    public void Name_must_be_a_short_identifier(string nameLine, string expected)
    {
        string json = CurrentManifest.Replace("\"name\": \"hello-world\"", nameLine);
        Assert.Equal(new[] { expected }, Validate.Manifest(json).Rendered());
    }

    [Theory]
    [InlineData("\"platform\": \"python\"", "(4,15) BN1008: 'platform' \"python\" is not supported: ByteNite runs apps in containers, so the only supported value is \"docker\".")]
    [InlineData("\"platform\": [\"docker\"]", "(4,15) BN1006: 'platform' must be a string, but is an array.")]
    public void Platform_must_be_docker(string platformLine, string expected)
    {
        string json = CurrentManifest.Replace("\"platform\": \"docker\"", platformLine);
        Assert.Equal(new[] { expected }, Validate.Manifest(json).Rendered());
    }

    [Theory]
    [InlineData("python:3.11-slim", null)]
    [InlineData("ghcr.io/org/app:1.0", null)]
    [InlineData("localhost:5000/app:1.0", null)]
    [InlineData("python@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", null)]
    [InlineData("python", "BN1010: 'platform_config.container' \"python\" has no tag (Docker pulls ':latest'), so the image can change between runs and results are not reproducible. Pin a version tag or a digest, e.g. \"python:<version>\".")]
    [InlineData("python:latest", "BN1010: 'platform_config.container' \"python:latest\" uses the moving tag ':latest', so the image can change between runs and results are not reproducible. Pin a version tag or a digest, e.g. \"python:<version>\".")]
    [InlineData("Python:3.11", "BN1009: 'platform_config.container' \"Python:3.11\" is not a valid image reference: repository names must be lower-case. Use [registry/]repository[:tag][@digest], e.g. \"python:3.12-slim\".")]
    [InlineData("python 3.11", "BN1009: 'platform_config.container' \"python 3.11\" is not a valid image reference: it contains white space. Use [registry/]repository[:tag][@digest], e.g. \"python:3.12-slim\".")]
    [InlineData("https://hub.docker.com/python", "BN1009: 'platform_config.container' \"https://hub.docker.com/python\" is not a valid image reference: it is a URL; write the reference without a scheme, e.g. \"ghcr.io/org/app:1.0\". Use [registry/]repository[:tag][@digest], e.g. \"python:3.12-slim\".")]
    [InlineData("python:", "BN1009: 'platform_config.container' \"python:\" is not a valid image reference: the tag after ':' is empty. Use [registry/]repository[:tag][@digest], e.g. \"python:3.12-slim\".")]
    [InlineData("python@sha256:abc", "BN1009: 'platform_config.container' \"python@sha256:abc\" is not a valid image reference: the digest after '@' must be algorithm:hex, e.g. sha256: followed by 64 hexadecimal digits. Use [registry/]repository[:tag][@digest], e.g. \"python:3.12-slim\".")]
    public void Container_must_be_a_pinned_image_reference(string image, string? expected)
    {
        string json = CurrentManifest.Replace("\"python:3.11-slim\"", "\"" + image + "\"");
        string[] actual = Validate.Manifest(json).Select(d => d.Id + ": " + d.Message).ToArray();
        Assert.Equal(expected is null ? new string[0] : new[] { expected }, actual);
    }

    [Fact]
    public void Private_image_needs_a_user_name_and_a_token()
    {
        string json = CurrentManifest.Replace("\"secrets\": [\"MY_S3_KEY\"]", "\"private_image\": true");
        Assert.Equal(
            new[]
            {
                "(6,57) BN1011: 'private_image' is true, so the platform needs the registry user name to pull the image: add \"username\": \"<Docker Hub user>\" to 'platform_config'.",
                "(6,57) BN1011: 'private_image' is true, so the platform needs a registry access token to pull the image, and none is supplied. Set the BYTENITE_REGISTRY_TOKEN environment variable or the ByteNiteRegistryToken property when you build and pack (keep the token out of manifest.json).",
            },
            Validate.Manifest(json).Rendered());
    }

    [Fact]
    public void A_token_supplied_outside_the_manifest_satisfies_a_private_image()
    {
        string json = CurrentManifest.Replace("\"secrets\": [\"MY_S3_KEY\"]", "\"private_image\": true, \"username\": \"me\"");
        Assert.Empty(Validate.Manifest(json, new ManifestRules.Options { RegistryTokenSupplied = true }));
    }

    [Fact]
    public void A_literal_token_is_a_security_warning_at_the_token()
    {
        string json = CurrentManifest.Replace("\"secrets\": [\"MY_S3_KEY\"]", "\"private_image\": true, \"username\": \"me\", \"token\": \"dckr_pat_x\"");
        Assert.Equal(new[] { "(6,107) BN1012" }, Validate.Manifest(json).Select(d => $"({d.Location.Start.Line},{d.Location.Start.Column}) {d.Id}"));
    }

    [Fact]
    public void Private_image_must_be_a_boolean()
    {
        string json = CurrentManifest.Replace("\"secrets\": [\"MY_S3_KEY\"]", "\"private_image\": \"true\"");
        Assert.Equal(new[] { "(6,74) BN1006: 'platform_config.private_image' must be a boolean (true or false), but is a string (write true without quotes)." }, Validate.Manifest(json).Rendered());
    }

    [Theory]
    [InlineData("[\"my-secret\"]", "(6,69) BN1013: Secret ID \"my-secret\" contains '-'. The platform injects secrets as environment variables named {ID}, {ID}_ACCESS_KEY and {ID}_SECRET_KEY, so an ID must start with a letter or '_' and contain only letters, digits and '_', e.g. \"my_secret\".")]
    [InlineData("[\"1KEY\"]", "(6,69) BN1013: Secret ID \"1KEY\" starts with a digit. The platform injects secrets as environment variables named {ID}, {ID}_ACCESS_KEY and {ID}_SECRET_KEY, so an ID must start with a letter or '_' and contain only letters, digits and '_', e.g. \"_1KEY\".")]
    [InlineData("[42]", "(6,69) BN1006: 'platform_config.secrets[0]' must be a string (a secret ID), but is an integer.")]
    [InlineData("{\"id\": \"X\"}", "(6,68) BN1006: 'platform_config.secrets' must be an array, but is an object.")]
    public void Secret_ids_must_be_usable_as_environment_variable_prefixes(string secrets, string expected)
    {
        string json = CurrentManifest.Replace("[\"MY_S3_KEY\"]", secrets);
        Assert.Equal(new[] { expected }, Validate.Manifest(json).Rendered());
    }

    [Theory]
    [InlineData("\"min_cpu\": 0", "'device_requirements.min_cpu' must be a positive whole number of vCPUs, but is 0.")]
    [InlineData("\"min_cpu\": 1.5", "'device_requirements.min_cpu' must be a positive whole number of vCPUs, but is 1.5.")]
    [InlineData("\"min_cpu\": \"2\"", "'device_requirements.min_cpu' must be a positive whole number of vCPUs, but is the string \"2\" (write the number without quotes).")]
    [InlineData("\"min_cpu\": 1e400", "'device_requirements.min_cpu' must be a positive whole number of vCPUs, but is 1e400.")]
    [InlineData("\"min_cpu\": 99999999999999999999", "'device_requirements.min_cpu' must be a positive whole number of vCPUs, but is 99999999999999999999, which is out of range.")]
    [InlineData("\"min_cpu\": -2", "'device_requirements.min_cpu' must be a positive whole number of vCPUs, but is -2.")]
    public void Device_requirements_are_positive_integers(string cpu, string expected)
    {
        string json = CurrentManifest.Replace("\"min_cpu\": 2", cpu);
        var diagnostic = Assert.Single(Validate.Manifest(json));
        Assert.Equal("BN1014", diagnostic.Id);
        Assert.Equal(expected, diagnostic.Message);
    }

    [Fact]
    public void Gpu_must_list_model_names()
    {
        string json = CurrentManifest.Replace("[\"nvidia a100-sxm4-40gb\"]", "[\"\", 4]");
        Assert.Equal(new[] { "BN1014", "BN1014" }, Validate.Manifest(json).Ids());
        json = CurrentManifest.Replace("[\"nvidia a100-sxm4-40gb\"]", "\"T4\"");
        Assert.Equal(new[] { "BN1006" }, Validate.Manifest(json).Ids());
    }

    [Theory]
    [InlineData("partitioner", new string[0])]
    [InlineData("assembler", new string[0])]
    [InlineData("app", new[] { "BN1028" })]
    [InlineData("partitoner", new[] { "BN1017" })]
    public void Engine_type_is_partitioner_or_assembler(string type, string[] expected)
    {
        string json = CurrentManifest.Replace("\"platform\": \"docker\",", "\"platform\": \"docker\", \"type\": \"" + type + "\",");
        Assert.Equal(expected, Validate.Manifest(json).Ids());
    }

    [Fact]
    public void An_engine_named_passthrough_is_ambiguous()
    {
        string json = CurrentManifest.Replace("\"hello-world\"", "\"passthrough\"").Replace("\"platform\": \"docker\",", "\"platform\": \"docker\", \"type\": \"assembler\",");
        Assert.Equal(new[] { "(2,11) BN1025" }, Validate.Manifest(json).Select(d => $"({d.Location.Start.Line},{d.Location.Start.Column}) {d.Id}"));
    }

    [Theory]
    [InlineData("\"entrypiont\": \"x\"", "(2,3) BN1018: Unknown key 'entrypiont'; the platform ignores it. Did you mean 'entrypoint'?")]
    [InlineData("\"foo\": 1", "(2,3) BN1018: Unknown key 'foo'; the platform ignores it. Remove it, or check the spelling against the documented keys: id, name, version, platform, description, entrypoint, platform_config, device_requirements, type.")]
    [InlineData("\"Description\": \"x\"", "(2,3) BN1019: Key 'Description' should be written 'description'. The platform's CLI matches keys case-insensitively today, but the documented spelling is 'description' and other tools are case-sensitive.")]
    [InlineData("\"deviceRequirements\": {}", "(2,3) BN1019: Key 'deviceRequirements' should be written 'device_requirements'. The platform's CLI matches keys case-insensitively today, but the documented spelling is 'device_requirements' and other tools are case-sensitive.")]
    public void Unknown_and_miscased_keys_are_warnings_at_the_key(string extra, string expected)
    {
        // Without the documented keys that the miscased ones stand for (a second spelling of a key is a duplicate).
        string json = CurrentManifest.Replace("{\n  \"name\"", "{\n  " + extra + ",\n  \"name\"")
            .Replace(",\n  \"device_requirements\": { \"min_cpu\": 2, \"min_memory\": 2, \"gpu\": [\"nvidia a100-sxm4-40gb\"] }", string.Empty);
        Assert.Equal(new[] { expected }, Validate.Manifest(json).Rendered());
    }

    [Theory]
    [InlineData("\"version\": \"0.4\"", "\"version\": \"0.4\\n\"", "BN1004", "'version' \"0.4\\n\"")]
    [InlineData("\"name\": \"hello-world\"", "\"name\": \"hello-world\\n\"", "BN1007", "\"hello-world\\n\"")]
    [InlineData("\"python:3.11-slim\"", "\"python:3.11-slim\\n\"", "BN1009", "\"python:3.11-slim\\n\"")]
    [InlineData("\"python:3.11-slim\"", "\"python:3.11-sl\u00EFm\"", "BN1009", "\"python:3.11-sl\u00EFm\"")]
    public void A_value_with_a_final_line_feed_or_a_non_ASCII_letter_is_invalid_and_quoted_on_one_line(string original, string replacement, string code, string quoted)
    {
        // .NET's '$' matches before a final line feed and its \w and \d take any script's letters and digits: the
        // patterns use \z and ASCII classes. The message shows the line feed escaped, so the diagnostic stays one line.
        Diagnostic diagnostic = Assert.Single(Validate.Manifest(CurrentManifest.Replace(original, replacement)));

        Assert.Equal(code, diagnostic.Id);
        Assert.Contains(quoted, diagnostic.Message);
        Assert.DoesNotContain("\n", diagnostic.Message);
    }

    [Theory]
    [InlineData("0.70000")]
    [InlineData("0.4.rev99999")]
    public void A_version_in_the_right_format_with_a_number_too_large_says_so(string version)
    {
        Diagnostic error = Assert.Single(Validate.Manifest(CurrentManifest.Replace("\"0.4\"", "\"" + version + "\"")));

        Assert.Equal("BN1004", error.Id);
        Assert.Equal("'version' \"" + version + "\" is not a valid version: expected each number to be at most 65534 (each becomes a part of the assembly's version, which stops there).", error.Message);
    }

    [Fact]
    public void A_token_of_white_space_is_no_token()
    {
        string json = CurrentManifest.Replace("\"secrets\": [\"MY_S3_KEY\"]", "\"secrets\": [\"MY_S3_KEY\"], \"private_image\": true, \"username\": \"me\", \"token\": \"  \"");

        Assert.Equal(new[] { "BN1011" }, Validate.Manifest(json).Ids());
    }

    [Fact]
    public void A_key_written_in_two_casings_is_a_duplicate_whose_second_value_would_go_unchecked()
    {
        // A case-insensitive reader (the platform's CLI, in Go: the last one wins) would take "podman".
        string json = CurrentManifest.Replace("\"platform\": \"docker\",", "\"platform\": \"docker\",\n  \"Platform\": \"podman\",");

        Assert.Equal(
            new[]
            {
                "(5,3) BN1019: Key 'Platform' should be written 'platform'. The platform's CLI matches keys case-insensitively today, but the documented spelling is 'platform' and other tools are case-sensitive.",
                "(5,3) BN1002: Key \"Platform\" appears more than once in this object (first on line 4); which value wins depends on the parser. Keep one.",
            },
            Validate.Manifest(json).Rendered());
    }

    [Fact]
    public void Unknown_nested_keys_name_their_object()
    {
        string json = CurrentManifest.Replace("\"min_cpu\": 2", "\"min_cpus\": 2");
        Assert.Equal(
            "Unknown key 'min_cpus' in 'device_requirements'; the platform ignores it. Did you mean 'min_cpu'?",
            Assert.Single(Validate.Manifest(json)).Message);
    }

    [Fact]
    public void CamelCase_keys_are_the_documented_ones_but_dashes_make_another_key()
    {
        // The API's JSON accepts "minMemory" for "min_memory"; neither it nor the CLI reads "min-cpu" as "min_cpu".
        string json = CurrentManifest.Replace("\"min_cpu\": 2, \"min_memory\": 2", "\"min-cpu\": 2, \"minMemory\": 2");

        Assert.Equal(
            new[]
            {
                "BN1018: Unknown key 'min-cpu' in 'device_requirements'; the platform ignores it. Did you mean 'min_cpu'?",
                "BN1019: Key 'minMemory' should be written 'min_memory'. The platform's CLI matches keys case-insensitively today, but the documented spelling is 'min_memory' and other tools are case-sensitive.",
            },
            Validate.Manifest(json).Select(d => d.Id + ": " + d.Message));
    }

    [Fact]
    public void Root_must_be_an_object()
    {
        Assert.Equal(new[] { "(1,1) BN1026: manifest.json must contain a JSON object '{ ... }', but contains an array." }, Validate.Manifest("[]").Rendered());
    }

    [Theory]
    [InlineData("def run(basepath, params, metadata):\n    pass\n")]
    [InlineData("import os\n\ndef run(basepath: str, params: dict, metadata: dict) -> None:\n    pass\n")]
    [InlineData("from typing import Any, Dict\ndef run(basepath: str, params: Dict[str, Any], metadata: Dict[str, Any]):\n    pass\n")]
    [InlineData("def run(basepath=os.getcwd(), params=None, metadata=None):\n    pass\n")]
    [InlineData("def run(\n    basepath,  # the task folder\n    params,\n    metadata,\n):\n    pass\n")]
    [InlineData("def run(basepath, \\\n        params, metadata):\n    pass\n")]
    [InlineData("def run(basepath, params, metadata, verbose=False, *, dry_run=False):\n    pass\n")]
    [InlineData("def run(basepath, *args, **kwargs):\n    pass\n")]
    [InlineData("def run(basepath, params, metadata, /):\n    pass\n")]
    [InlineData("def run(base, p, m):\n    pass\n")]
    [InlineData("\"\"\"Module docstring.\"\"\"\nX = \"(\"\ndef run(basepath, params, metadata):\n    pass\n")]
    public void Runner_contract_is_a_top_level_run_callable_with_three_positional_arguments(string source)
    {
        Assert.Null(RunnerContract.Problem(source));
    }

    [Theory]
    [InlineData("def run(basepath, params):\n    pass\n", "would fail: it takes only 2 positional arguments (basepath, params), and main.py passes three.")]
    [InlineData("def run(basepath, params, metadata, extra):\n    pass\n", "would fail: it needs 4 arguments (basepath, params, metadata, extra), and 'extra' has no default.")]
    [InlineData("def run(basepath, params, metadata, *, flag):\n    pass\n", "would fail: 'flag' is keyword-only and has no default.")]
    [InlineData("async def run(basepath, params, metadata):\n    pass\n", "with 'async def', but main.py calls runner.run(basepath, params, metadata) without awaiting it")]
    [InlineData("class A:\n    def run(basepath, params, metadata):\n        pass\n", "does not define 'run' at the top level")]
    [InlineData("# def run(basepath, params, metadata):\n", "does not define 'run' at the top level")]
    [InlineData("\"\"\"\ndef run(basepath, params, metadata):\n\"\"\"\n", "does not define 'run' at the top level")]
    [InlineData("def run(basepath, params, metadata):\n    pass\n\ndef run(basepath):\n    pass\n", "takes only 1 positional argument (basepath)")]
    public void A_run_main_py_cannot_call_is_reported_with_why(string source, string why)
    {
        Assert.Contains(why, RunnerContract.Problem(source));
    }
}
