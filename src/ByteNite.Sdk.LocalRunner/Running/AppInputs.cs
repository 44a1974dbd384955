using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using ByteNite.Sdk.Model;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Hosting;
using ByteNite.Sdk.Model.Json;
using ByteNite.Sdk.Model.Rules;
using ByteNite.Sdk.Model.Schema;

namespace ByteNite.Sdk.LocalRunner.Running;

/// <summary>Everything checked before Docker is touched: the app folder, the sample input and parameters, the cache folders, line endings, secrets.</summary>
public sealed class AppInputs
{
    /// <summary>Linux's limit for one "NAME=value" string of a program's environment (MAX_ARG_STRLEN, 32 pages), its final NUL included.</summary>
    private const int MaxEnvironmentVariableBytes = 128 * 1024;

    private AppInputs(Manifest manifest, string entrypoint, string container)
    {
        Manifest = manifest;
        Entrypoint = entrypoint;
        Container = container;
    }

    public Manifest Manifest { get; }

    /// <summary>The entrypoint relative to app/, with forward slashes.</summary>
    public string Entrypoint { get; }

    public string Container { get; }

    /// <summary>The file copied to TASK_DIR/data.bin, or null for none.</summary>
    public string? InputFile { get; private set; }

    /// <summary>Where the parameters came from, or null for the default {}.</summary>
    public string? ParamsFile { get; private set; }

    /// <summary>APP_PARAMS: the parameters as compact JSON, at least "{}".</summary>
    public string AppParams { get; private set; } = "{}";

    /// <summary>Environment variables for the secrets, by name; the values are never printed.</summary>
    public Dictionary<string, string> SecretVariables { get; } = new(StringComparer.Ordinal);

    /// <summary>Null when an error was reported (the run cannot go on).</summary>
    public static AppInputs? Check(RunOptions options, Reporter reporter)
    {
        string appDirectory = options.AppDirectory;
        var validation = AppFolderValidator.Validate(new AppFolderValidationOptions(appDirectory)
        {
            RegistryTokenSupplied = !string.IsNullOrEmpty(options.GetEnvironmentVariable(Docker.RegistryCredentials.TokenVariable)),
        });

        // Warnings are the build's to report (each problem once per build); errors say why the app cannot run.
        foreach (Diagnostic diagnostic in validation.Diagnostics)
        {
            if (diagnostic.Descriptor.DefaultSeverity == DiagnosticSeverity.Error)
            {
                reporter.Report(diagnostic);
            }
        }

        Manifest? manifest = validation.Manifest;
        if (reporter.HasErrors || manifest?.Entrypoint is null || manifest.Container is null)
        {
            return null;
        }

        var inputs = new AppInputs(manifest, manifest.Entrypoint.Replace('\\', '/'), manifest.Container);
        inputs.CheckInput(options, reporter);
        inputs.CheckParams(options, validation.SchemaFile, reporter);
        inputs.CheckCacheFolders(options, reporter);
        inputs.CheckLineEndings(appDirectory, reporter);
        inputs.CollectSecrets(options, reporter);
        return reporter.HasErrors ? null : inputs;
    }

    private void CheckInput(RunOptions options, Reporter reporter)
    {
        if (options.InputFile is null)
        {
            string sample = Path.Combine(options.AppDirectory, "sample", "data.bin");
            InputFile = File.Exists(sample) ? sample : null;
        }
        else if (options.InputFile.Length == 0)
        {
            InputFile = null;
        }
        else if (File.Exists(options.InputFile))
        {
            InputFile = options.InputFile;
        }
        else
        {
            reporter.Report(DiagnosticCatalog.InputNotFound, Origin(options), "The sample input", options.InputFile,
                "Point " + options.Hint("--input") + " at an existing file (it becomes TASK_DIR/data.bin), or leave it unset to use sample/data.bin when it exists.");
        }
    }

    /// <param name="schemaFile">schema.json as the folder validation read it; null when there is none.</param>
    private void CheckParams(RunOptions options, SourceFile? schemaFile, Reporter reporter)
    {
        string? path = options.ParamsFile;
        if (path is null)
        {
            string sample = Path.Combine(options.AppDirectory, "sample", "params.json");
            path = File.Exists(sample) ? sample : null;
        }
        else if (!File.Exists(path))
        {
            reporter.Report(DiagnosticCatalog.InputNotFound, Origin(options), "The parameters file", path,
                "Point " + options.Hint("--params") + " at a JSON file with the app's parameters (params.app of a job), or leave it unset to use sample/params.json when it exists, else {}.");
            return;
        }

        ParamsFile = path;
        if (path is null)
        {
            return;
        }

        var diagnostics = new List<Diagnostic>();
        JsonNode? parameters;
        SourceFile file;
        try
        {
            parameters = JsonParser.ParseFile(path, ParamsValidation.ParamsJsonCodes, diagnostics, out file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reporter.Report(Diagnostic.CreateForUnreadableFile(path, e));
            return;
        }

        if (parameters is not null && parameters is not JsonObject)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.NotAnObject, file, parameters.Span, "The parameters file", parameters.KindName + " (APP_PARAMS is the job's params.app object)"));
        }
        else if (parameters is not null && schemaFile is not null)
        {
            // schema.json's own problems were reported by the folder validation; here it only judges the parameters.
            JsonNode? schema = JsonParser.Parse(schemaFile, DiagnosticCatalog.SchemaJsonCodes, new List<Diagnostic>());
            if (schema is not null)
            {
                ParamsValidation.CheckParams(new JsonSchemaValidator(schemaFile, schema), file, parameters, diagnostics);
            }
        }

        foreach (Diagnostic diagnostic in diagnostics)
        {
            reporter.Report(diagnostic);
        }

        if (parameters is not null)
        {
            // The platform passes params.app as a JSON string; compact, in the file's key order.
            // As deep as the validation's reader accepts (System.Text.Json stops at 64 by default).
            AppParams = System.Text.Json.Nodes.JsonNode.Parse(file.Text, documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = JsonParser.MaxDepth })?.ToJsonString() ?? "{}";
            int size = Encoding.UTF8.GetByteCount("APP_PARAMS=" + AppParams) + 1;
            if (size > MaxEnvironmentVariableBytes)
            {
                reporter.Report(Diagnostic.CreateForFile(DiagnosticCatalog.ParamsTooLarge, path, ByteSize.Format(size), ByteSize.Format(MaxEnvironmentVariableBytes)));
            }
        }
    }

    private void CheckCacheFolders(RunOptions options, Reporter reporter)
    {
        foreach ((string? folder, string what, string cliSwitch) in new[]
        {
            (options.SharedCacheDirectory, "The shared cache folder", "--shared-cache"),
            (options.UserCacheDirectory, "The user cache folder", "--user-cache"),
        })
        {
            if (folder is not null && !Directory.Exists(folder))
            {
                reporter.Report(DiagnosticCatalog.InputNotFound, Origin(options), what, folder,
                    "Create it, point " + options.Hint(cliSwitch) + " at an existing folder, or leave it unset for RunLocal's default.");
            }
        }
    }

    /// <summary>BN4005 for the entrypoint and, in the seed dialect, app/runner.py.</summary>
    private void CheckLineEndings(string appDirectory, Reporter reporter)
    {
        var scripts = new List<string> { Entrypoint };
        if (Manifest.Dialect == ManifestDialect.Seed && !string.Equals(Entrypoint, "runner.py", StringComparison.Ordinal))
        {
            scripts.Add("runner.py");
        }

        foreach (string script in scripts)
        {
            string path = Path.Combine(appDirectory, "app", script.Replace('/', Path.DirectorySeparatorChar));
            if (!File.Exists(path))
            {
                continue;
            }

            byte[] bytes = File.ReadAllBytes(path);
            int line = 1;
            for (int i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\r' && i + 1 < bytes.Length && bytes[i + 1] == (byte)'\n')
                {
                    string shown = "app/" + script;
                    string fix = "run 'sed -i \"s/\\r$//\" " + shown + "' (or save it with LF line endings in your editor), and add '*.py text eol=lf' to .gitattributes so that git checks it out with LF on Windows too";
                    ReportAtLine(reporter, DiagnosticCatalog.CrlfLineEndings, path, line, shown, line, fix);
                    break;
                }

                if (bytes[i] == (byte)'\n')
                {
                    line++;
                }
            }
        }
    }

    /// <summary>
    /// The platform injects each secret as {ID}_ACCESS_KEY and {ID}_SECRET_KEY (cloud keys) or {ID} (type "other");
    /// locally they come from the developer's environment under the same names.
    /// </summary>
    private void CollectSecrets(RunOptions options, Reporter reporter)
    {
        foreach (JsonString secret in Manifest.Secrets)
        {
            string id = secret.Value;
            string[] names = { id + "_ACCESS_KEY", id + "_SECRET_KEY", id };
            bool found = false;
            foreach (string name in names)
            {
                string? value = options.GetEnvironmentVariable(name);
                if (!string.IsNullOrEmpty(value))
                {
                    SecretVariables[name] = value;
                    found = true;
                }
            }

            if (!found)
            {
                reporter.Report(DiagnosticCatalog.SecretNotSet, Manifest.File!, secret, id, names[0] + " and " + names[1] + " (an AWS, GCP or Storj secret) or " + names[2] + " (a secret of type \"other\")");
            }
        }
    }

    internal static string Origin(RunOptions options) =>
        options.Origin ?? Path.Combine(options.AppDirectory, AppFolderValidator.ManifestFileName);

    /// <summary>Reports at the start of a line of a text file (a Python script), or at the file when it cannot be read.</summary>
    internal static void ReportAtLine(Reporter reporter, DiagnosticDescriptor descriptor, string path, int line, params object[] args)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reporter.Report(descriptor, path, args);
            return;
        }

        int offset = 0;
        for (int current = 1; current < line && offset < text.Length; offset++)
        {
            if (text[offset] == '\n')
            {
                current++;
            }
        }

        reporter.Report(Diagnostic.Create(descriptor, new SourceFile(path, text), new TextSpan(Math.Min(offset, text.Length), 0), args));
    }
}
