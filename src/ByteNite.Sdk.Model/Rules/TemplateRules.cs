using System.Collections.Generic;
using System.Text.RegularExpressions;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Json;

namespace ByteNite.Sdk.Model.Rules;

/// <summary>The rules for a job template (template.json), alone and against the app's manifest.</summary>
public static class TemplateRules
{
    private static readonly Regex TagPattern = new(@"^(?<name>[A-Za-z0-9_-]{1,64})(?:@(?<major>[0-9]+)(?:\.(?<minor>[0-9]+))?)?\z", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    private static readonly KnownKeys TemplateKeys = new(
        string.Empty, "id", "description", "app", "partitioner", "assembler", "params", "dataSource", "dataDestination", "config");

    /// <param name="manifest">The app's manifest when the template sits in its folder; null checks the template alone.</param>
    public static void Check(SourceFile file, JsonNode root, Manifest? manifest, List<Diagnostic> diagnostics)
    {
        var context = new RuleContext(file, diagnostics);
        if (root is not JsonObject obj)
        {
            context.Report(DiagnosticCatalog.NotAnObject, root.Span, "template.json", root.KindName);
            return;
        }

        Dictionary<string, JsonProperty> keys = TemplateKeys.Resolve(obj, context);
        if (!keys.TryGetValue("id", out JsonProperty? id))
        {
            context.Report(DiagnosticCatalog.MissingKey, obj.OpeningBraceSpan, "id", " from template.json", "Add \"id\": \"<app-name>-template\"; jobs name the template by this id.");
        }
        else
        {
            context.ExpectNonEmptyString(id, "id", "Give the template an id, e.g. \"hello-world-template\".");
        }

        Match? app = CheckTag(obj, keys, "app", "the app's name, e.g. \"hello-world\"", context);
        CheckTag(obj, keys, "partitioner", "an engine name, or \"passthrough\" for ByteNite's built-in one", context);
        CheckTag(obj, keys, "assembler", "an engine name, or \"passthrough\" for ByteNite's built-in one", context);
        foreach (string objectKey in new[] { "params", "dataSource", "dataDestination", "config" })
        {
            if (keys.TryGetValue(objectKey, out JsonProperty? property))
            {
                context.ExpectObject(property, objectKey);
            }
        }

        if (keys.TryGetValue("description", out JsonProperty? description))
        {
            context.ExpectString(description, "description");
        }

        if (app is not null && manifest is not null)
        {
            CheckAgainstManifest(app, keys["app"].Value, manifest, context);
        }
    }

    private static Match? CheckTag(JsonObject obj, Dictionary<string, JsonProperty> keys, string key, string what, RuleContext context)
    {
        if (!keys.TryGetValue(key, out JsonProperty? property))
        {
            context.Report(DiagnosticCatalog.MissingKey, obj.OpeningBraceSpan, key, " from template.json", "Add \"" + key + "\" with " + what + ".");
            return null;
        }

        string? tag = context.ExpectNonEmptyString(property, key, "Write " + what + ".");
        if (tag is null)
        {
            return null;
        }

        Match match = TagPattern.Match(tag);
        if (match.Success)
        {
            return match;
        }

        string problem = Regex.IsMatch(tag, "@v[0-9]", RegexOptions.CultureInvariant)
            ? "the version has a 'v' prefix, which the platform's tags no longer use; write \"" + tag.Replace("@v", "@") + "\""
            : tag.IndexOf('@') >= 0
                ? "the part after '@' must be major or major.minor, with whole numbers"
                : "a name has 1 to 64 letters, digits, '-' or '_'";
        context.Report(DiagnosticCatalog.InvalidTag, property.Value.Span, key, tag, problem);
        return null;
    }

    private static void CheckAgainstManifest(Match app, JsonNode appNode, Manifest manifest, RuleContext context)
    {
        string tag = ((JsonString)appNode).Value;
        string name = app.Groups["name"].Value;
        if (manifest.Name is not null && name != manifest.Name)
        {
            context.Report(DiagnosticCatalog.TemplateAppMismatch, appNode.Span, tag, name, manifest.Name);
            return;
        }

        AppVersion? version = manifest.Version;
        if (version is null || !app.Groups["major"].Success)
        {
            return;
        }

        // A number too large for an int (99999999999) cannot be the manifest's (at most 65534): a mismatch, never a crash.
        int major = Number(app.Groups["major"].Value);
        bool minorGiven = app.Groups["minor"].Success;
        int minor = minorGiven ? Number(app.Groups["minor"].Value) : version.Minor;
        if (major != version.Major || minor != version.Minor)
        {
            string pinned = minorGiven ? app.Groups["major"].Value + "." + app.Groups["minor"].Value : app.Groups["major"].Value + ".x";
            context.Report(DiagnosticCatalog.TemplateVersionMismatch, appNode.Span, tag, pinned, version.Text, name + "@" + version.Major + "." + version.Minor);
        }
    }

    private static int Number(string digits) =>
        int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int value) ? value : -1;
}
