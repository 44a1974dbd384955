using System;
using System.Collections.Generic;
using ByteNite.Sdk.Model.Json;

namespace ByteNite.Sdk.Model.Schema;

/// <summary>
/// Reads a schema document (and any documents supplied with it) into <see cref="SchemaNode"/>s: identifiers
/// (<c>$id</c>) are indexed, keywords read, <c>$ref</c>s linked, and <c>$ref</c> cycles that would never end cut.
/// Work lists instead of recursion over references, so no schema can exhaust the stack here.
/// </summary>
internal sealed class SchemaCompiler
{
    /// <summary>The base URI of a schema without <c>$id</c>. Never fetched; it only gives relative references a base.</summary>
    public const string DefaultBaseUri = "bytenite-sdk:///schema.json";

    private static readonly string[] SchemaMapKeywords = { "properties", "patternProperties", "definitions", "$defs", "dependencies" };
    private static readonly string[] SchemaKeywords = { "additionalProperties", "propertyNames", "additionalItems", "contains", "not", "if", "then", "else" };
    private static readonly string[] SchemaArrayKeywords = { "allOf", "anyOf", "oneOf" };

    private readonly Dictionary<JsonNode, NodeInfo> _info = new();
    private readonly Dictionary<JsonNode, string> _baseOf = new();
    private readonly Dictionary<string, JsonNode> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonNode> _anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<JsonNode, SchemaNode> _nodes = new();
    private readonly Queue<SchemaNode> _pending = new();
    private readonly List<SchemaNode> _references = new();
    private readonly List<SchemaProblem> _problems = new();

    private SchemaCompiler()
    {
    }

    public SchemaNode Root { get; private set; } = null!;

    public IReadOnlyList<SchemaProblem> Problems => _problems;

    /// <summary>Every schema read from the main document, in document order.</summary>
    public List<SchemaNode> MainDocumentNodes { get; } = new();

    public static SchemaCompiler Compile(JsonNode schema, IEnumerable<KeyValuePair<string, JsonNode>>? knownDocuments)
    {
        var compiler = new SchemaCompiler();
        compiler.AddDocument(schema, null);
        if (knownDocuments is not null)
        {
            foreach (KeyValuePair<string, JsonNode> document in knownDocuments)
            {
                compiler.AddDocument(document.Value, UriReference.WithoutFragment(document.Key, out _));
            }
        }

        compiler.Root = compiler.GetOrCreate(schema, DefaultBaseUri);
        compiler.Link();
        compiler.CutCycles();
        foreach (SchemaNode node in compiler._nodes.Values)
        {
            if (compiler._info[node.Json].Document is null)
            {
                compiler.MainDocumentNodes.Add(node);
            }
        }

        compiler.MainDocumentNodes.Sort((a, b) => a.Json.Span.Start.CompareTo(b.Json.Span.Start));
        compiler._problems.Sort((a, b) => a.DocumentUri == b.DocumentUri
            ? a.Node.Span.Start.CompareTo(b.Node.Span.Start)
            : string.CompareOrdinal(a.DocumentUri ?? string.Empty, b.DocumentUri ?? string.Empty));
        return compiler;
    }

    private void AddDocument(JsonNode root, string? documentUri)
    {
        string prefix = documentUri is null ? "#" : documentUri + "#";
        RecordLocations(root, prefix, documentUri);
        string baseUri = documentUri ?? DefaultBaseUri;
        if (!_resources.ContainsKey(baseUri))
        {
            _resources.Add(baseUri, root);
        }

        IndexIdentifiers(root, baseUri);
        GetOrCreate(root, baseUri);
    }

    private void RecordLocations(JsonNode node, string pointer, string? document)
    {
        _info[node] = new NodeInfo(pointer, document);
        if (node is JsonObject obj)
        {
            foreach (JsonProperty property in obj.Properties)
            {
                RecordLocations(property.Value, JsonPointer.Append(pointer, property.Name), document);
            }
        }
        else if (node is JsonArray array)
        {
            for (int i = 0; i < array.Items.Count; i++)
            {
                RecordLocations(array.Items[i], JsonPointer.Append(pointer, i), document);
            }
        }
    }

    /// <summary>Finds <c>$id</c>s in schema positions only: an "$id" inside an enum value or an unknown keyword is data.</summary>
    private void IndexIdentifiers(JsonNode node, string baseUri)
    {
        if (node is not JsonObject obj)
        {
            if (!_baseOf.ContainsKey(node))
            {
                _baseOf.Add(node, baseUri);
            }

            return;
        }

        // Draft-07: every keyword next to $ref is ignored, $id included.
        if (obj.Find("$ref")?.Value is not JsonString && obj.Find("$id")?.Value is JsonString id)
        {
            string resolved = UriReference.Resolve(baseUri, id.Value);
            string document = UriReference.WithoutFragment(resolved, out string? fragment);
            if (!id.Value.StartsWith("#", StringComparison.Ordinal))
            {
                if (!_resources.ContainsKey(document))
                {
                    _resources.Add(document, node);
                }

                baseUri = document;
            }

            if (!string.IsNullOrEmpty(fragment) && !fragment!.StartsWith("/", StringComparison.Ordinal) && !_anchors.ContainsKey(document + "#" + fragment))
            {
                _anchors.Add(document + "#" + fragment, node);
            }
        }

        if (!_baseOf.ContainsKey(node))
        {
            _baseOf.Add(node, baseUri);
        }

        foreach (JsonNode child in Subschemas(obj))
        {
            IndexIdentifiers(child, baseUri);
        }
    }

    private static IEnumerable<JsonNode> Subschemas(JsonObject obj)
    {
        foreach (JsonProperty property in obj.Properties)
        {
            if (Array.IndexOf(SchemaMapKeywords, property.Name) >= 0 && property.Value is JsonObject map)
            {
                foreach (JsonProperty entry in map.Properties)
                {
                    yield return entry.Value;
                }
            }
            else if ((Array.IndexOf(SchemaArrayKeywords, property.Name) >= 0 || property.Name == "items") && property.Value is JsonArray list)
            {
                foreach (JsonNode item in list.Items)
                {
                    yield return item;
                }
            }
            else if (Array.IndexOf(SchemaKeywords, property.Name) >= 0 || property.Name == "items")
            {
                yield return property.Value;
            }
        }
    }

    private SchemaNode GetOrCreate(JsonNode json, string fallbackBase)
    {
        if (_nodes.TryGetValue(json, out SchemaNode? existing))
        {
            return existing;
        }

        string baseUri = _baseOf.TryGetValue(json, out string? known) ? known : fallbackBase;
        var node = new SchemaNode(json, _info[json].Location, baseUri);
        _nodes.Add(json, node);
        _pending.Enqueue(node);
        return node;
    }

    private void Link()
    {
        int linked = 0;
        while (_pending.Count > 0 || linked < _references.Count)
        {
            while (_pending.Count > 0)
            {
                ReadKeywords(_pending.Dequeue());
            }

            for (; linked < _references.Count; linked++)
            {
                Resolve(_references[linked]);
            }
        }
    }

    private void ReadKeywords(SchemaNode node)
    {
        if (node.Json is not JsonObject obj)
        {
            return;
        }

        if (obj.Find("$ref")?.Value is JsonString reference)
        {
            node.Ref = reference;
            _references.Add(node);
            ReadDefinitions(node, obj);
            return;
        }

        foreach (JsonProperty property in obj.Properties)
        {
            JsonNode value = property.Value;
            switch (property.Name)
            {
                case "type":
                    node.Types = ReadTypes(value);
                    break;
                case "enum":
                    node.Enum = value as JsonArray;
                    break;
                case "const":
                    node.Const = value;
                    break;
                case "default":
                    node.Default = value;
                    break;
                case "properties":
                    if (value is JsonObject properties)
                    {
                        node.Properties = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
                        foreach (JsonProperty entry in properties.Properties)
                        {
                            if (IsSchema(entry.Value))
                            {
                                node.Properties[entry.Name] = Child(entry.Value, node);
                            }
                        }
                    }

                    break;
                case "patternProperties":
                    ReadPatternProperties(node, value);
                    break;
                case "additionalProperties":
                    node.AdditionalProperties = ChildOrNull(value, node);
                    break;
                case "propertyNames":
                    node.PropertyNames = ChildOrNull(value, node);
                    break;
                case "required":
                    node.Required = ReadStrings(value);
                    break;
                case "dependencies":
                    ReadDependencies(node, value);
                    break;
                case "items":
                    if (value is JsonArray tuple)
                    {
                        node.ItemsTuple = ReadSchemaList(tuple, node, allowEmpty: true);
                    }
                    else
                    {
                        node.Items = ChildOrNull(value, node);
                    }

                    break;
                case "additionalItems":
                    node.AdditionalItems = ChildOrNull(value, node);
                    break;
                case "contains":
                    node.Contains = ChildOrNull(value, node);
                    break;
                case "uniqueItems":
                    node.UniqueItems = value is JsonBoolean { Value: true };
                    break;
                case "minProperties":
                    node.MinProperties = ReadCount(value);
                    break;
                case "maxProperties":
                    node.MaxProperties = ReadCount(value);
                    break;
                case "minItems":
                    node.MinItems = ReadCount(value);
                    break;
                case "maxItems":
                    node.MaxItems = ReadCount(value);
                    break;
                case "minLength":
                    node.MinLength = ReadCount(value);
                    break;
                case "maxLength":
                    node.MaxLength = ReadCount(value);
                    break;
                case "pattern":
                    if (value is JsonString pattern)
                    {
                        node.Pattern = EcmaRegex.TryCreate(pattern.Value, out string? error);
                        node.PatternSource = pattern.Value;
                        if (node.Pattern is null)
                        {
                            AddProblem(SchemaProblemKind.UnsupportedPattern, "pattern", node, pattern, node.KeywordLocation("pattern"), error!);
                        }
                    }

                    break;
                case "minimum":
                    node.Minimum = ReadNumber(value);
                    break;
                case "maximum":
                    node.Maximum = ReadNumber(value);
                    break;
                case "exclusiveMinimum":
                    node.ExclusiveMinimum = ReadNumber(value);
                    break;
                case "exclusiveMaximum":
                    node.ExclusiveMaximum = ReadNumber(value);
                    break;
                case "multipleOf":
                    node.MultipleOf = ReadNumber(value) is { } divisor && !divisor.Value.Negative && !divisor.Value.IsZero ? divisor : null;
                    break;
                case "allOf":
                    node.AllOf = value is JsonArray allOf ? ReadSchemaList(allOf, node, allowEmpty: false) : null;
                    break;
                case "anyOf":
                    node.AnyOf = value is JsonArray anyOf ? ReadSchemaList(anyOf, node, allowEmpty: false) : null;
                    break;
                case "oneOf":
                    node.OneOf = value is JsonArray oneOf ? ReadSchemaList(oneOf, node, allowEmpty: false) : null;
                    break;
                case "not":
                    node.Not = ChildOrNull(value, node);
                    break;
                case "if":
                    node.If = ChildOrNull(value, node);
                    break;
                case "then":
                    node.Then = ChildOrNull(value, node);
                    break;
                case "else":
                    node.Else = ChildOrNull(value, node);
                    break;
            }
        }

        ReadDefinitions(node, obj);
    }

    /// <summary>Definitions are read even when unused, so that their defaults and patterns are checked too.</summary>
    private void ReadDefinitions(SchemaNode node, JsonObject obj)
    {
        foreach (string keyword in new[] { "definitions", "$defs" })
        {
            if (obj.Find(keyword)?.Value is JsonObject definitions)
            {
                foreach (JsonProperty entry in definitions.Properties)
                {
                    if (IsSchema(entry.Value))
                    {
                        Child(entry.Value, node);
                    }
                }
            }
        }
    }

    private void ReadPatternProperties(SchemaNode node, JsonNode value)
    {
        if (value is not JsonObject patterns)
        {
            return;
        }

        node.PatternProperties = new List<PatternSchema>();
        foreach (JsonProperty entry in patterns.Properties)
        {
            if (!IsSchema(entry.Value))
            {
                continue;
            }

            SchemaNode schema = Child(entry.Value, node);
            var regex = EcmaRegex.TryCreate(entry.Name, out string? error);
            if (regex is null)
            {
                node.PatternPropertiesIncomplete = true;
                AddProblem(SchemaProblemKind.UnsupportedPattern, "patternProperties", node, new JsonString(entry.NameSpan, entry.Name), JsonPointer.Append(node.KeywordLocation("patternProperties"), entry.Name), error!);
            }
            else
            {
                node.PatternProperties.Add(new PatternSchema(entry.Name, regex, schema));
            }
        }
    }

    private void ReadDependencies(SchemaNode node, JsonNode value)
    {
        if (value is not JsonObject dependencies)
        {
            return;
        }

        node.Dependencies = new List<Dependency>();
        foreach (JsonProperty entry in dependencies.Properties)
        {
            if (entry.Value is JsonArray)
            {
                node.Dependencies.Add(new Dependency(entry.Name, ReadStrings(entry.Value), null));
            }
            else if (IsSchema(entry.Value))
            {
                node.Dependencies.Add(new Dependency(entry.Name, null, Child(entry.Value, node)));
            }
        }
    }

    private List<SchemaNode>? ReadSchemaList(JsonArray list, SchemaNode parent, bool allowEmpty)
    {
        var result = new List<SchemaNode>();
        foreach (JsonNode item in list.Items)
        {
            // A non-schema entry (reported by SchemaRules) still takes its position, as "true".
            result.Add(IsSchema(item) ? Child(item, parent) : GetOrCreate(item, parent.BaseUri));
        }

        return result.Count == 0 && !allowEmpty ? null : result;
    }

    private SchemaNode Child(JsonNode json, SchemaNode parent) => GetOrCreate(json, parent.BaseUri);

    private SchemaNode? ChildOrNull(JsonNode json, SchemaNode parent) => IsSchema(json) ? Child(json, parent) : null;

    private static bool IsSchema(JsonNode node) => node is JsonObject || node is JsonBoolean;

    private static JsonTypes ReadTypes(JsonNode value)
    {
        JsonTypes types = JsonTypes.None;
        if (value is JsonString single)
        {
            types = TypeFlag(single.Value);
        }
        else if (value is JsonArray list)
        {
            foreach (JsonNode item in list.Items)
            {
                if (item is JsonString name)
                {
                    types |= TypeFlag(name.Value);
                }
            }
        }

        return types;
    }

    private static JsonTypes TypeFlag(string name) => name switch
    {
        "object" => JsonTypes.Object,
        "array" => JsonTypes.Array,
        "string" => JsonTypes.String,
        "number" => JsonTypes.Number,
        "integer" => JsonTypes.Integer,
        "boolean" => JsonTypes.Boolean,
        "null" => JsonTypes.Null,
        _ => JsonTypes.None,
    };

    private static List<string>? ReadStrings(JsonNode value)
    {
        if (value is not JsonArray list)
        {
            return null;
        }

        var result = new List<string>();
        foreach (JsonNode item in list.Items)
        {
            if (item is JsonString s)
            {
                result.Add(s.Value);
            }
        }

        return result;
    }

    private static long? ReadCount(JsonNode value) =>
        value is JsonNumber number && JsonDecimal.TryParse(number.RawText, out JsonDecimal d) ? d.ToCount() : null;

    private static NumberKeyword? ReadNumber(JsonNode value) =>
        value is JsonNumber number && JsonDecimal.TryParse(number.RawText, out JsonDecimal d) ? new NumberKeyword(d, number) : null;

    private void Resolve(SchemaNode node)
    {
        string reference = node.Ref!.Value;
        string target = UriReference.Resolve(node.BaseUri, reference);
        string document = UriReference.WithoutFragment(target, out string? fragment);
        if (!_resources.TryGetValue(document, out JsonNode? root))
        {
            AddProblem(SchemaProblemKind.RemoteReference, "$ref", node, node.Ref, node.KeywordLocation("$ref"), document);
            return;
        }

        string baseUri = _baseOf.TryGetValue(root, out string? rootBase) ? rootBase : document;
        JsonNode? found;
        if (string.IsNullOrEmpty(fragment))
        {
            found = root;
        }
        else if (fragment!.StartsWith("/", StringComparison.Ordinal))
        {
            found = Walk(root, Uri.UnescapeDataString(fragment), ref baseUri);
        }
        else
        {
            _anchors.TryGetValue(document + "#" + fragment, out found);
            if (found is null)
            {
                _anchors.TryGetValue(document + "#" + Uri.UnescapeDataString(fragment), out found);
            }
        }

        if (found is null)
        {
            string where = _info[root].Document is { } other ? " in " + other : " in this schema";
            string what = fragment!.StartsWith("/", StringComparison.Ordinal)
                ? "there is no '" + Uri.UnescapeDataString(fragment) + "'" + where + SuggestPointer(root, Uri.UnescapeDataString(fragment))
                : "no schema" + where + " has \"$id\": \"#" + fragment + "\"";
            AddProblem(SchemaProblemKind.UnresolvedReference, "$ref", node, node.Ref, node.KeywordLocation("$ref"), what);
            return;
        }

        node.RefTarget = GetOrCreate(found, baseUri);
    }

    /// <summary>" (did you mean '#/definitions/input'?)" when only the last name of the pointer is misspelt.</summary>
    private string SuggestPointer(JsonNode root, string pointer)
    {
        int slash = pointer.LastIndexOf('/');
        string ignored = string.Empty;
        if (slash < 0 || Walk(root, pointer.Substring(0, slash), ref ignored) is not JsonObject parent
            || !JsonPointer.TryParse(pointer.Substring(slash), out List<string> last))
        {
            return string.Empty;
        }

        var names = new List<string>();
        foreach (JsonProperty property in parent.Properties)
        {
            names.Add(property.Name);
        }

        string? nearest = Spelling.Nearest(last[0], names);
        return nearest is null ? string.Empty : " (did you mean '#" + pointer.Substring(0, slash) + "/" + JsonPointer.Escape(nearest) + "'?)";
    }

    private JsonNode? Walk(JsonNode root, string pointer, ref string baseUri)
    {
        if (!JsonPointer.TryParse(pointer, out List<string> tokens))
        {
            return null;
        }

        JsonNode current = root;
        foreach (string token in tokens)
        {
            if (current is JsonObject obj && obj.Find(token) is { } property)
            {
                current = property.Value;
            }
            else if (current is JsonArray array && JsonPointer.TryParseIndex(token, out int index) && index < array.Items.Count)
            {
                current = array.Items[index];
            }
            else
            {
                return null;
            }

            if (_baseOf.TryGetValue(current, out string? known))
            {
                baseUri = known;
            }
        }

        return current;
    }

    /// <summary>
    /// A cycle of schemas that apply to the same value (through $ref, allOf, anyOf, oneOf, not, if/then/else,
    /// dependencies) would recurse forever; each one is reported and broken at a $ref, which then checks nothing.
    /// </summary>
    private void CutCycles()
    {
        var state = new Dictionary<SchemaNode, int>(); // 1: on the stack, 2: done
        var stack = new List<Frame>();
        foreach (SchemaNode start in new List<SchemaNode>(_nodes.Values))
        {
            if (state.ContainsKey(start))
            {
                continue;
            }

            stack.Add(new Frame(start, InPlace(start)));
            state[start] = 1;
            while (stack.Count > 0)
            {
                Frame top = stack[stack.Count - 1];
                if (top.Next >= top.Edges.Count)
                {
                    state[top.Node] = 2;
                    stack.RemoveAt(stack.Count - 1);
                    continue;
                }

                SchemaNode next = top.Edges[top.Next++];
                if (!state.TryGetValue(next, out int seen))
                {
                    state[next] = 1;
                    stack.Add(new Frame(next, InPlace(next)));
                }
                else if (seen == 1)
                {
                    CutCycle(stack, next);
                }
            }
        }
    }

    private void CutCycle(List<Frame> stack, SchemaNode closing)
    {
        // Break at the last $ref on the cycle: the frames from 'closing' to the top, each having followed its last edge.
        for (int i = stack.Count - 1; i >= 0; i--)
        {
            Frame frame = stack[i];
            if (frame.Node.RefTarget is { } target && frame.Edges[frame.Next - 1] == target)
            {
                frame.Node.RefTarget = null;
                AddProblem(SchemaProblemKind.ReferenceCycle, "$ref", frame.Node, frame.Node.Ref!, frame.Node.KeywordLocation("$ref"), closing.Location);
                return;
            }

            if (frame.Node == closing)
            {
                break;
            }
        }
    }

    private static List<SchemaNode> InPlace(SchemaNode node)
    {
        var edges = new List<SchemaNode>();
        if (node.RefTarget is not null)
        {
            edges.Add(node.RefTarget);
        }

        AddAll(edges, node.AllOf);
        AddAll(edges, node.AnyOf);
        AddAll(edges, node.OneOf);
        foreach (SchemaNode? single in new[] { node.Not, node.If, node.Then, node.Else })
        {
            if (single is not null)
            {
                edges.Add(single);
            }
        }

        if (node.Dependencies is not null)
        {
            foreach (Dependency dependency in node.Dependencies)
            {
                if (dependency.Schema is not null)
                {
                    edges.Add(dependency.Schema);
                }
            }
        }

        return edges;
    }

    private static void AddAll(List<SchemaNode> edges, List<SchemaNode>? nodes)
    {
        if (nodes is not null)
        {
            edges.AddRange(nodes);
        }
    }

    private void AddProblem(SchemaProblemKind kind, string keyword, SchemaNode owner, JsonNode node, string location, string detail) =>
        _problems.Add(new SchemaProblem(kind, keyword, node, _info[owner.Json].Document, location, detail));

    private readonly struct NodeInfo
    {
        public NodeInfo(string location, string? document)
        {
            Location = location;
            Document = document;
        }

        public string Location { get; }

        public string? Document { get; }
    }

    private sealed class Frame
    {
        public Frame(SchemaNode node, List<SchemaNode> edges)
        {
            Node = node;
            Edges = edges;
        }

        public SchemaNode Node { get; }

        public List<SchemaNode> Edges { get; }

        public int Next { get; set; }
    }
}
