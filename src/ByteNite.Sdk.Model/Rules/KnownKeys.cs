using System;
using System.Collections.Generic;
using ByteNite.Sdk.Model.Diagnostics;
using ByteNite.Sdk.Model.Json;

namespace ByteNite.Sdk.Model.Rules;

/// <summary>
/// The documented keys of one JSON object. Resolves keys written in another casing or spelling the platform accepts
/// (Go's case-insensitive matching; the API's camelCase) to the documented key, and reports the rest as unknown.
/// </summary>
internal sealed class KnownKeys
{
    private readonly string _objectPath;
    private readonly string[] _keys;

    public KnownKeys(string objectPath, params string[] keys)
    {
        _objectPath = objectPath;
        _keys = keys;
    }

    /// <summary>
    /// Reports casing and unknown keys, and returns the properties by documented key. When the documented spelling
    /// and another one are both present, the documented one is used and the other is a duplicate key (BN1002).
    /// </summary>
    public Dictionary<string, JsonProperty> Resolve(JsonObject obj, RuleContext context)
    {
        var resolved = new Dictionary<string, JsonProperty>(StringComparer.Ordinal);
        foreach (JsonProperty property in obj.Properties)
        {
            if (Array.IndexOf(_keys, property.Name) >= 0)
            {
                resolved[property.Name] = property;
            }
        }

        foreach (JsonProperty property in obj.Properties)
        {
            if (Array.IndexOf(_keys, property.Name) >= 0)
            {
                continue;
            }

            string? documented = FindEquivalent(property.Name);
            if (documented is not null)
            {
                context.Report(DiagnosticCatalog.KeyCasing, property.NameSpan, property.Name, documented);
                if (resolved.TryGetValue(documented, out JsonProperty? first))
                {
                    // The same key twice for a case-insensitive reader (Go's, where the last one wins), while only one
                    // of the values would be checked here.
                    context.Report(DiagnosticCatalog.DuplicateKey, property.NameSpan, property.Name, context.File.GetLinePosition(first.NameSpan.Start).Line);
                }
                else
                {
                    resolved[documented] = property;
                }

                continue;
            }

            string? suggestion = Suggest(property.Name);
            string where = _objectPath.Length == 0 ? string.Empty : " in '" + _objectPath + "'";
            string next = suggestion is null
                ? " Remove it, or check the spelling against the documented keys: " + string.Join(", ", _keys) + "."
                : " Did you mean '" + suggestion + "'?";
            context.Report(DiagnosticCatalog.UnknownKey, property.NameSpan, property.Name, where, next);
        }

        return resolved;
    }

    /// <summary>
    /// A key the platform reads as a documented one: the same up to case (Go's matching in the CLI: "Name",
    /// "PLATFORM_CONFIG"), or its camelCase form (the API's JSON: "platformConfig"). Not "min-cpu": neither reads that
    /// as "min_cpu", so it is an unknown key (with the suggestion).
    /// </summary>
    private string? FindEquivalent(string name)
    {
        foreach (string key in _keys)
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase) || string.Equals(name, CamelCase(key), StringComparison.Ordinal))
            {
                return key;
            }
        }

        return null;
    }

    /// <summary>"platform_config" → "platformConfig", the protobuf JSON name of a field.</summary>
    private static string CamelCase(string key)
    {
        var camel = new System.Text.StringBuilder(key.Length);
        bool upper = false;
        foreach (char c in key)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }

            camel.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return camel.ToString();
    }

    private string? Suggest(string name)
    {
        string normalized = Normalize(name);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string key in _keys)
        {
            int distance = EditDistance(normalized, Normalize(key));
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = key;
            }
        }

        // Up to a third of the key may be wrong: "entrypiont" → "entrypoint", but "foo" suggests nothing.
        return best is not null && bestDistance <= Math.Max(1, best.Length / 3) ? best : null;
    }

    private static string Normalize(string key) =>
        key.Replace("_", string.Empty).Replace("-", string.Empty).ToLowerInvariant();

    private static int EditDistance(string a, string b)
    {
        int[] previous = new int[b.Length + 1];
        int[] current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
