using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Docker.DotNet.Models;
using ByteNite.Sdk.Model.Rules;

namespace ByteNite.Sdk.LocalRunner.Docker;

/// <summary>
/// Credentials for pulling a private image: the manifest's (platform_config.username with its token, or the token from
/// BYTENITE_REGISTRY_TOKEN, the variable the build already knows for pack), else the developer's own, as `docker login`
/// stored them (config.json "auths", "credHelpers" or "credsStore"). The secret part is never printed.
/// </summary>
public static class RegistryCredentials
{
    public const string DockerHubServer = "https://index.docker.io/v1/";
    public const string TokenVariable = "BYTENITE_REGISTRY_TOKEN";

    /// <summary>The registry host of an image reference, e.g. "docker.io" or "ghcr.io".</summary>
    public static string RegistryOf(string repository)
    {
        int slash = repository.IndexOf('/');
        if (slash > 0)
        {
            string first = repository.Substring(0, slash);
            if (first.Contains('.') || first.Contains(':') || first == "localhost")
            {
                return first;
            }
        }

        return "docker.io";
    }

    /// <summary>The credentials to use, or null for an anonymous pull; <paramref name="source"/> says where they came from.</summary>
    public static AuthConfig? Find(Manifest manifest, string repository, Func<string, string?> environment, out string? source)
    {
        source = null;
        string registry = RegistryOf(repository);
        string server = registry == "docker.io" ? DockerHubServer : registry;
        if (manifest.PrivateImage && !string.IsNullOrEmpty(manifest.RegistryUsername))
        {
            string? token = environment(TokenVariable);
            string tokenSource = TokenVariable;
            if (string.IsNullOrEmpty(token))
            {
                token = manifest.RegistryToken;
                tokenSource = "platform_config.token";
            }

            if (!string.IsNullOrEmpty(token))
            {
                source = "manifest.json (user \"" + manifest.RegistryUsername + "\", token from " + tokenSource + ")";
                return new AuthConfig { Username = manifest.RegistryUsername, Password = token, ServerAddress = server };
            }
        }

        return FromDockerConfig(registry, server, environment, out source);
    }

    private static AuthConfig? FromDockerConfig(string registry, string server, Func<string, string?> environment, out string? source)
    {
        source = null;
        string? directory = DockerEndpoints.ConfigDirectory(environment);
        string? path = directory is null ? null : Path.Combine(directory, "config.json");
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        try
        {
            using JsonDocument config = JsonDocument.Parse(File.ReadAllText(path));
            JsonElement root = config.RootElement;
            string[] keys = registry == "docker.io" ? new[] { DockerHubServer, "docker.io", "index.docker.io", "registry-1.docker.io" } : new[] { registry, "https://" + registry, "http://" + registry };
            if (root.TryGetProperty("credHelpers", out JsonElement helpers) && helpers.ValueKind == JsonValueKind.Object)
            {
                foreach (string key in keys)
                {
                    if (helpers.TryGetProperty(key, out JsonElement helper) && helper.GetString() is { Length: > 0 } name)
                    {
                        return FromHelper(name, server, out source);
                    }
                }
            }

            if (root.TryGetProperty("auths", out JsonElement auths) && auths.ValueKind == JsonValueKind.Object)
            {
                foreach (string key in keys)
                {
                    if (!auths.TryGetProperty(key, out JsonElement entry) || entry.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    if (entry.TryGetProperty("identitytoken", out JsonElement identity) && identity.GetString() is { Length: > 0 } identityToken)
                    {
                        source = path + " (identity token)";
                        return new AuthConfig { IdentityToken = identityToken, ServerAddress = server };
                    }

                    if (entry.TryGetProperty("auth", out JsonElement auth) && auth.GetString() is { Length: > 0 } encoded)
                    {
                        string decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
                        int colon = decoded.IndexOf(':');
                        if (colon > 0)
                        {
                            source = path + " (user \"" + decoded.Substring(0, colon) + "\")";
                            return new AuthConfig { Username = decoded.Substring(0, colon), Password = decoded.Substring(colon + 1), ServerAddress = server };
                        }
                    }
                }
            }

            if (root.TryGetProperty("credsStore", out JsonElement store) && store.GetString() is { Length: > 0 } storeName)
            {
                return FromHelper(storeName, server, out source);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException or InvalidOperationException)
        {
            // A config.json the runner cannot read means no stored credentials; the pull then says what the registry answered.
        }

        return null;
    }

    /// <summary>docker-credential-NAME get, with the server on stdin, as the docker CLI calls it.</summary>
    private static AuthConfig? FromHelper(string helper, string server, out string? source)
    {
        source = null;
        try
        {
            var start = new ProcessStartInfo("docker-credential-" + helper, "get")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using Process? process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            // Both outputs are read as they come (a helper that fills a pipe nobody reads would never exit), and the wait is
            // bounded: a helper waiting for a keychain to be unlocked must not hang the run.
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            Task<string> reading = process.StandardOutput.ReadToEndAsync();
            process.StandardInput.Write(server);
            process.StandardInput.Close();
            if (!process.WaitForExit(10_000))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            string output = reading.GetAwaiter().GetResult();
            if (process.ExitCode != 0)
            {
                return null;
            }

            using JsonDocument document = JsonDocument.Parse(output);
            string? user = document.RootElement.TryGetProperty("Username", out JsonElement u) ? u.GetString() : null;
            string? secret = document.RootElement.TryGetProperty("Secret", out JsonElement s) ? s.GetString() : null;
            if (string.IsNullOrEmpty(secret))
            {
                return null;
            }

            source = "docker-credential-" + helper;
            return user == "<token>"
                ? new AuthConfig { IdentityToken = secret, ServerAddress = server }
                : new AuthConfig { Username = user, Password = secret, ServerAddress = server };
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
