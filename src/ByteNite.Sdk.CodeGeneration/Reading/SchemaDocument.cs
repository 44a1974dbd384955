using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Json;

namespace ByteNite.Sdk.CodeGeneration.Reading;

/// <summary>
/// schema.json as parsed by the SDK's position-tracking reader: every <c>$ref</c> checked and resolved, and the text
/// that is handed to NJsonSchema, cleaned of what it would fail on or fetch.
/// </summary>
internal sealed class SchemaDocument
{
    private readonly Dictionary<JsonObject, JsonNode> _refTargets = new();
    private readonly HashSet<JsonObject> _brokenRefs = new();
    private readonly Dictionary<JsonNode, string> _targetNames = new();
    private readonly List<JsonNode> _targets = new();
    private readonly string? _rootId;

    private SchemaDocument(SourceFile file, JsonObject root)
    {
        File = file;
        Root = root;
        _rootId = root.Find("$id")?.Value is JsonString id ? id.Value.TrimEnd('#') : null;
    }

    public SourceFile File { get; }

    public JsonObject Root { get; }

    /// <summary>Checks every <c>$ref</c> (BN2021 for those that cannot be followed) and resolves the others.</summary>
    public static SchemaDocument Load(SourceFile file, JsonObject root, List<Diagnostic> diagnostics)
    {
        var document = new SchemaDocument(file, root);
        var refSites = new List<JsonObject>();
        CollectRefSites(root, refSites);
        foreach (JsonObject site in refSites)
        {
            document.ResolveRef(site, diagnostics);
        }

        foreach (JsonObject site in refSites)
        {
            document.CheckCycle(site, diagnostics);
        }

        return document;
    }

    /// <summary>The schema a good <c>$ref</c> points at; null when the object has none, or one that was reported.</summary>
    public JsonNode? RefTarget(JsonObject schema) =>
        _refTargets.TryGetValue(schema, out JsonNode? target) && !_brokenRefs.Contains(schema) ? target : null;

    public bool HasBrokenRef(JsonObject schema) => _brokenRefs.Contains(schema);

    /// <summary>Resolves a JSON pointer fragment ("#/definitions/input") in this document.</summary>
    public JsonNode? ResolvePointer(string fragment)
    {
        string pointer = Uri.UnescapeDataString(fragment.Substring(1));
        if (pointer.Length == 0)
        {
            return Root;
        }

        if (pointer[0] != '/')
        {
            return null;
        }

        JsonNode current = Root;
        foreach (string rawToken in pointer.Substring(1).Split('/'))
        {
            string token = rawToken.Replace("~1", "/").Replace("~0", "~");
            if (current is JsonObject obj && obj.Find(token) is JsonProperty property)
            {
                current = property.Value;
            }
            else if (current is JsonArray array && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int index)
                && index < array.Items.Count && (token == "0" || token[0] != '0'))
            {
                current = array.Items[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>
    /// The schema JSON for NJsonSchema: only the keywords the generator reads from NJsonSchema's model (type, properties,
    /// items, additionalProperties, allOf/anyOf/oneOf, $ref), every good $ref pointing at a definition of its own
    /// ("#/definitions/r0", one per target), broken ones left out, boolean schemas spelled as objects. NJsonSchema then
    /// has nothing to fetch and nothing it could fail to read; everything else comes from the position-tracking tree.
    /// </summary>
    public string ToNJsonSchemaText()
    {
        var text = new StringBuilder(File.Text.Length);
        WriteSchema(Root, text, definitions: true);
        return text.ToString();
    }

    private static void CollectRefSites(JsonNode node, List<JsonObject> sites)
    {
        if (node is not JsonObject schema)
        {
            return;
        }

        if (schema.Find("$ref")?.Value is JsonString)
        {
            sites.Add(schema);
        }

        foreach (JsonProperty property in schema.Properties)
        {
            ForEachSubschema(property, child => CollectRefSites(child, sites));
        }
    }

    /// <summary>Calls <paramref name="visit"/> for each subschema that the keyword <paramref name="property"/> holds.</summary>
    public static void ForEachSubschema(JsonProperty property, Action<JsonNode> visit)
    {
        if (SchemaKeywords.IsOneOf(property.Name, SchemaKeywords.SchemaMaps))
        {
            if (property.Value is JsonObject map)
            {
                foreach (JsonProperty entry in map.Properties)
                {
                    visit(entry.Value);
                }
            }
        }
        else if (SchemaKeywords.IsOneOf(property.Name, SchemaKeywords.SingleSchemas))
        {
            if (property.Value is JsonArray tuple && property.Name == "items")
            {
                foreach (JsonNode item in tuple.Items)
                {
                    visit(item);
                }
            }
            else
            {
                visit(property.Value);
            }
        }
        else if (SchemaKeywords.IsOneOf(property.Name, SchemaKeywords.SchemaArrays) && property.Value is JsonArray list)
        {
            foreach (JsonNode item in list.Items)
            {
                visit(item);
            }
        }
    }

    private void ResolveRef(JsonObject site, List<Diagnostic> diagnostics)
    {
        JsonProperty refProperty = site.Find("$ref")!;
        string reference = ((JsonString)refProperty.Value).Value;
        string? fragment = null;
        if (reference.StartsWith("#", StringComparison.Ordinal))
        {
            fragment = reference;
        }
        else if (_rootId is not null && _rootId.Length > 0 && reference.StartsWith(_rootId + "#", StringComparison.Ordinal))
        {
            // An absolute reference to this document's own $id ("db://app-inputs#/definitions/x") is a local one.
            fragment = reference.Substring(_rootId.Length);
        }

        string? problem = null;
        JsonNode? target = null;
        if (fragment is null)
        {
            problem = "it refers to another document, and builds never fetch documents";
        }
        else if (fragment.Length > 1 && fragment[1] != '/')
        {
            problem = "\"" + fragment + "\" is a plain-name fragment (an anchor), not a JSON pointer such as \"#/definitions/name\"";
        }
        else
        {
            target = ResolvePointer(fragment);
            if (target is null)
            {
                problem = "nothing in schema.json is at " + fragment;
            }
            else if (target is not JsonObject and not JsonBoolean)
            {
                problem = fragment + " is " + target.KindName + ", not a schema";
            }
        }

        if (problem is not null)
        {
            _brokenRefs.Add(site);
            diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.CodeGenUnsupportedRef, File, refProperty.Value.Span, reference, problem));
            return;
        }

        _refTargets[site] = target!;
        if (!_targetNames.ContainsKey(target!))
        {
            _targetNames.Add(target!, "r" + _targets.Count.ToString(CultureInfo.InvariantCulture));
            _targets.Add(target!);
        }
    }

    /// <summary>A chain of $ref that comes back to where it started never reaches a schema that describes a value.</summary>
    private void CheckCycle(JsonObject site, List<Diagnostic> diagnostics)
    {
        var seen = new List<JsonObject> { site };
        JsonObject current = site;
        while (!_brokenRefs.Contains(current) && _refTargets.TryGetValue(current, out JsonNode? next) && next is JsonObject nextObject
            && _refTargets.ContainsKey(nextObject))
        {
            if (seen.Contains(nextObject))
            {
                if (nextObject == site)
                {
                    JsonProperty refProperty = site.Find("$ref")!;
                    var chain = new List<string>();
                    foreach (JsonObject step in seen)
                    {
                        chain.Add(((JsonString)step.Find("$ref")!.Value).Value);
                    }

                    _brokenRefs.Add(site);
                    diagnostics.Add(Diagnostic.Create(
                        DiagnosticCatalog.CodeGenUnsupportedRef, File, refProperty.Value.Span, ((JsonString)refProperty.Value).Value,
                        "it leads back to itself (" + string.Join(" → ", chain) + ") without describing a value"));
                }

                return;
            }

            seen.Add(nextObject);
            current = nextObject;
        }
    }

    private void WriteSchema(JsonNode node, StringBuilder text, bool definitions = false)
    {
        if (node is not JsonObject schema)
        {
            text.Append(node is JsonBoolean { Value: false } ? "{\"not\":{}}" : "{}");
            return;
        }

        var members = new List<KeyValuePair<string, Action>>();
        foreach (JsonProperty property in schema.Properties)
        {
            JsonNode value = property.Value;
            switch (property.Name)
            {
                case "$ref" when RefTarget(schema) is JsonNode target:
                    string reference = "#/definitions/" + _targetNames[target];
                    // NJsonSchema cannot resolve a $ref at the root of the document; the same reference inside allOf it can.
                    members.Add(schema == Root
                        ? new KeyValuePair<string, Action>("allOf", () => text.Append("[{\"$ref\":\"" + reference + "\"}]"))
                        : new KeyValuePair<string, Action>("$ref", () => CompactJson.WriteString(reference, text)));
                    break;
                case "type":
                    members.Add(new KeyValuePair<string, Action>("type", () => CompactJson.Write(value, text, null)));
                    break;
                case "properties" when value is JsonObject map:
                    members.Add(new KeyValuePair<string, Action>("properties", () => CompactJson.WriteObject(map.Properties, text, entry => WriteSchema(entry.Value, text))));
                    break;
                case "items" when value is JsonObject or JsonBoolean:
                case "additionalProperties" when value is JsonObject:
                    members.Add(new KeyValuePair<string, Action>(property.Name, () => WriteSchema(value, text)));
                    break;
                case "allOf" or "anyOf" or "oneOf" when value is JsonArray list:
                    members.Add(new KeyValuePair<string, Action>(property.Name, () => CompactJson.WriteArray(list.Items, text, item => WriteSchema(item, text))));
                    break;
            }
        }

        if (definitions && _targets.Count > 0)
        {
            members.Add(new KeyValuePair<string, Action>("definitions", () =>
            {
                text.Append('{');
                for (int i = 0; i < _targets.Count; i++)
                {
                    text.Append(i == 0 ? string.Empty : ",");
                    CompactJson.WriteString(_targetNames[_targets[i]], text);
                    text.Append(':');
                    WriteSchema(_targets[i], text);
                }

                text.Append('}');
            }));
        }

        text.Append('{');
        for (int i = 0; i < members.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : ",");
            CompactJson.WriteString(members[i].Key, text);
            text.Append(':');
            members[i].Value();
        }

        text.Append('}');
    }
}
