using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using ByteNite.Sdk.LocalRunner.Docker;
using ByteNite.Sdk.Model;
using ByteNite.Sdk.Model.Rules;
using Docker.DotNet.Models;
using Xunit;

namespace ByteNite.Sdk.Docker.Tests;

/// <summary>
/// Which credentials a pull uses: the manifest's user with the token supplied at build time, else what `docker login`
/// stored (config.json's auths, credHelpers, credsStore), as the docker CLI finds them. No daemon is needed.
/// </summary>
[Collection(PathCollection.Name)]
public sealed class RegistryCredentialsTests : IDisposable
{
    private readonly TestApp _app = TestApp.Current("print('hello')\n");
    private readonly string _config = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bytenite-credentials-" + Guid.NewGuid().ToString("N"));

    public RegistryCredentialsTests() => Directory.CreateDirectory(_config);

    public void Dispose()
    {
        _app.Dispose();
        Directory.Delete(_config, recursive: true);
    }

    [Fact]
    public void A_private_image_uses_the_manifests_user_and_the_token_supplied_at_build_time()
    {
        Manifest manifest = ManifestWith("\"private_image\": true, \"username\": \"ada\"");

        AuthConfig? auth = RegistryCredentials.Find(manifest, "ada/private-app", Environment(("BYTENITE_REGISTRY_TOKEN", "dckr_pat_x")), out string? source);

        Assert.NotNull(auth);
        Assert.Equal(("ada", "dckr_pat_x", "https://index.docker.io/v1/"), (auth!.Username, auth.Password, auth.ServerAddress));
        Assert.Equal("manifest.json (user \"ada\", token from BYTENITE_REGISTRY_TOKEN)", source);
    }

    [Fact]
    public void Docker_logins_stored_credentials_are_used_and_named_without_the_password()
    {
        string auth = Convert.ToBase64String(Encoding.UTF8.GetBytes("ada:s3cret"));
        File.WriteAllText(System.IO.Path.Combine(_config, "config.json"), "{ \"auths\": { \"ghcr.io\": { \"auth\": \"" + auth + "\" } } }");

        AuthConfig? found = RegistryCredentials.Find(ManifestWith(string.Empty), "ghcr.io/ada/app", Environment(("DOCKER_CONFIG", _config)), out string? source);

        Assert.Equal(("ada", "s3cret", "ghcr.io"), (found!.Username, found.Password, found.ServerAddress));
        Assert.DoesNotContain("s3cret", source);
    }

    [Fact]
    public void A_credential_helper_answers_on_its_output()
    {
        using PathEntry helpers = PathEntry.WithHelper("answers", "read server\nprintf '{\"ServerURL\":\"%s\",\"Username\":\"ada\",\"Secret\":\"s3cret\"}' \"$server\"\n");
        File.WriteAllText(System.IO.Path.Combine(_config, "config.json"), "{ \"credsStore\": \"answers\" }");

        AuthConfig? found = RegistryCredentials.Find(ManifestWith(string.Empty), "python:3.11", Environment(("DOCKER_CONFIG", _config)), out string? source);

        Assert.Equal(("ada", "s3cret"), (found!.Username, found.Password));
        Assert.Equal("docker-credential-answers", source);
    }

    [Fact]
    public void A_credential_helper_that_hangs_is_given_up_on_and_the_pull_goes_anonymous()
    {
        // A helper waiting for a keychain to be unlocked: it would answer after two minutes.
        using PathEntry helpers = PathEntry.WithHelper("hangs", "sleep 120\necho '{\"Username\":\"ada\",\"Secret\":\"late\"}'\n");
        File.WriteAllText(System.IO.Path.Combine(_config, "config.json"), "{ \"credsStore\": \"hangs\" }");
        var stopwatch = Stopwatch.StartNew();

        AuthConfig? found = RegistryCredentials.Find(ManifestWith(string.Empty), "python:3.11", Environment(("DOCKER_CONFIG", _config)), out _);

        Assert.Null(found);
        // Not a speed target: a run that waited for the helper would wait its whole two minutes.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(60), "waited " + stopwatch.Elapsed);
    }

    private Manifest ManifestWith(string platformConfigExtra)
    {
        _app.Write("manifest.json", TestApp.Manifest("\"name\": \"test-app\"", "0.1", "ada/private-app", platformConfigExtra.Length == 0 ? string.Empty : ", " + platformConfigExtra, TestApp.DefaultRequirements));
        return AppFolderValidator.Validate(new AppFolderValidationOptions(_app.Path) { RegistryTokenSupplied = true }).Manifest!;
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var values = new Dictionary<string, string>();
        foreach ((string name, string value) in variables)
        {
            values[name] = value;
        }

        return name => values.TryGetValue(name, out string? value) ? value : null;
    }
}

/// <summary>Tests that change PATH, which every test in the process shares: they run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PathCollection
{
    public const string Name = "PATH";
}

/// <summary>A folder put first on PATH for one test, holding a docker-credential-NAME script.</summary>
internal sealed class PathEntry : IDisposable
{
    private readonly string? _previous = System.Environment.GetEnvironmentVariable("PATH");
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bytenite-path-" + Guid.NewGuid().ToString("N"));

    private PathEntry(string helper, string script)
    {
        Directory.CreateDirectory(_folder);
        string file = System.IO.Path.Combine(_folder, "docker-credential-" + helper);
        File.WriteAllText(file, "#!/bin/sh\n" + script);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        System.Environment.SetEnvironmentVariable("PATH", _folder + System.IO.Path.PathSeparator + _previous);
    }

    public static PathEntry WithHelper(string helper, string script) => new(helper, script);

    public void Dispose()
    {
        System.Environment.SetEnvironmentVariable("PATH", _previous);
        Directory.Delete(_folder, recursive: true);
    }
}
