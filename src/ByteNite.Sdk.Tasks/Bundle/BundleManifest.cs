using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using ByteNite.Sdk.Model;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Json;
using ByteNite.Sdk.Model.Rules;

namespace ByteNite.Sdk.Tasks.Bundle;

/// <summary>What the bundle takes from manifest.json: the name and version it is named after, and the text it stores.</summary>
public sealed class BundleManifest
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private BundleManifest(string path, byte[] bytes, SourceFile file, JsonNode root, Manifest model)
    {
        Path = path;
        Bytes = bytes;
        File = file;
        Root = root;
        Model = model;
    }

    public string Path { get; }

    /// <summary>The file's bytes as read.</summary>
    public byte[] Bytes { get; }

    public SourceFile File { get; }

    public JsonNode Root { get; }

    public Manifest Model { get; }

    public string Name => Model.Name!;

    public AppVersion Version => Model.Version!;

    /// <summary>"hello-world-0.1.rev0": the base name of every file pack writes.</summary>
    public string BundleBaseName => Name + "-" + Version.Text;

    /// <summary>
    /// Reads manifest.json with the rule catalogue. Null, with BN3009 (or the reason the file cannot be read), when it has
    /// no valid name and version to name the bundle after; its other problems are the validation's to report.
    /// </summary>
    public static BundleManifest? Read(string appDirectory, List<Diagnostic> diagnostics)
    {
        string path = System.IO.Path.Combine(appDirectory, AppFolderValidator.ManifestFileName);
        byte[] bytes;
        try
        {
            bytes = System.IO.File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            diagnostics.Add(Diagnostic.CreateForFile(DiagnosticCatalog.BundleFileUnreadable, path, path, BundleSelector.Sentence(e)));
            return null;
        }

        var ignored = new List<Diagnostic>();
        SourceFile file = SourceFile.FromBytes(path, bytes, out string? encodingProblem);
        JsonNode? root = encodingProblem is not null ? null : JsonParser.Parse(file, DiagnosticCatalog.ManifestJsonCodes, ignored);
        Manifest? model = root is null ? null : ManifestRules.Check(file, root, new ManifestRules.Options { RegistryTokenSupplied = true }, ignored);
        if (root is null || model?.Name is null || model.Version is null)
        {
            string missing = root is null ? "name and version (it is not valid JSON)"
                : model?.Name is null && model?.Version is null ? "name and version"
                : model?.Name is null ? "name" : "version";
            diagnostics.Add(Diagnostic.CreateForFile(DiagnosticCatalog.BundleNoNameOrVersion, path, missing));
            return null;
        }

        return new BundleManifest(path, bytes, file, root, model);
    }

    /// <summary>The version to suggest when this one would overwrite an uploaded bundle: the next revision, or the next minor.</summary>
    public string NextVersion() => Version.Dialect == ManifestDialect.Seed
        ? string.Format(CultureInfo.InvariantCulture, "{0}.{1}.rev{2}", Version.Major, Version.Minor, Version.Revision + 1)
        : string.Format(CultureInfo.InvariantCulture, "{0}.{1}", Version.Major, Version.Minor + 1);

    /// <summary>Where 'version' is written, for diagnostics about the version.</summary>
    public LinePositionSpan VersionLocation => Model.VersionNode is { } node ? File.GetLinePositionSpan(node.Span) : default;

    /// <summary>
    /// The manifest bytes to store in the bundle. When 'platform_config.private_image' is true, the manifest has no token
    /// (or an empty one) and a token is supplied, the token is written into 'platform_config' and everything else in the
    /// text stays as it was; otherwise the bytes as read.
    /// </summary>
    public byte[] ContentWithToken(string? token, out TokenOutcome outcome)
    {
        outcome = TokenOutcome.NotSupplied;
        JsonObject? config = (Root as JsonObject)?.FindIgnoreCase("platform_config")?.Value as JsonObject;
        bool isPrivate = config?.FindIgnoreCase("private_image")?.Value is JsonBoolean { Value: true };
        JsonProperty? existing = config?.FindIgnoreCase("token");
        if (string.IsNullOrEmpty(token))
        {
            return Bytes;
        }

        if (!isPrivate || config is null)
        {
            outcome = TokenOutcome.NotPrivate;
            return Bytes;
        }

        if (existing is not null && existing.Value is not JsonString { Value.Length: 0 })
        {
            outcome = TokenOutcome.AlreadyInManifest;
            return Bytes;
        }

        string text = File.Text;
        string literal = JsonStringLiteral(token!);
        string updated;
        if (existing is not null)
        {
            // "token": "" becomes "token": "<token>".
            updated = text.Substring(0, existing.Value.Span.Start) + literal + text.Substring(existing.Value.Span.End);
        }
        else
        {
            // After the last member of platform_config, in the layout of that member: on its own line with the same
            // indentation when the object spans lines, inline otherwise.
            JsonProperty last = config.Properties[config.Properties.Count - 1];
            int lineStart = text.LastIndexOf('\n', last.NameSpan.Start) + 1;
            string indentation = text.Substring(lineStart, last.NameSpan.Start - lineStart);
            bool ownLine = lineStart > config.Span.Start && indentation.Trim().Length == 0;
            string separator = ownLine ? "," + LineBreak(text) + indentation : ", ";
            int at = last.Value.Span.End;
            updated = text.Substring(0, at) + separator + "\"token\": " + literal + text.Substring(at);
        }

        outcome = TokenOutcome.Injected;
        bool bom = Bytes.Length >= 3 && Bytes[0] == 0xEF && Bytes[1] == 0xBB && Bytes[2] == 0xBF;
        byte[] body = Utf8.GetBytes(updated);
        if (!bom)
        {
            return body;
        }

        var withBom = new byte[body.Length + 3];
        withBom[0] = 0xEF;
        withBom[1] = 0xBB;
        withBom[2] = 0xBF;
        Buffer.BlockCopy(body, 0, withBom, 3, body.Length);
        return withBom;
    }

    private static string LineBreak(string text) => text.IndexOf("\r\n", StringComparison.Ordinal) >= 0 ? "\r\n" : "\n";

    /// <summary>A JSON string literal: quotes, backslashes and control characters escaped.</summary>
    public static string JsonStringLiteral(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}

public enum TokenOutcome
{
    /// <summary>No token was supplied at pack time.</summary>
    NotSupplied,

    /// <summary>The supplied token was written into the bundle's manifest.json.</summary>
    Injected,

    /// <summary>A token was supplied, but 'private_image' is not true: the image needs no credentials.</summary>
    NotPrivate,

    /// <summary>A token was supplied, but manifest.json already holds one, which is kept as written.</summary>
    AlreadyInManifest,
}
